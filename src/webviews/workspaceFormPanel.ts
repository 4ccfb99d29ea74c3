import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import type { ModelArtsServices } from '../services';
import type { Workspace } from '../services/workspaces';
import { type ResourceForm, ResourceFormPanel } from './createResourcePanel';
import { showEditPanel } from './editResourcePanel';
import type { FormReload, WorkspaceFormValues } from './protocol';
import type { WebviewController } from './webviewController';
import { emptyWorkspaceForm, toCreateWorkspaceBody, toWorkspaceUpdate, validateWorkspaceForm, workspaceToFormValues } from './workspaceFormRules';

function workspaceForm(title: string, editing: boolean): ResourceForm<WorkspaceFormValues> {
  return {
    app: 'workspaceForm',
    title,
    formMessage: (scope, values) => ({ type: 'workspaceForm', scope, values, editing }),
    submittedValues: (message) => (message.type === 'submitWorkspace' ? message.values : undefined),
    validate: validateWorkspaceForm,
  };
}

/**
 * Create Workspace and Edit Workspace: one form, which creates a workspace or sends
 * what changed of one. Success lists the region's workspaces again and selects it.
 */
export class WorkspaceFormPanel extends ResourceFormPanel<WorkspaceFormValues, string> {
  static create(context: CommandContext, region: string, restored?: vscode.WebviewPanel): WorkspaceFormPanel {
    return new WorkspaceFormPanel(context, region, undefined, restored);
  }

  /** Opens the form of a workspace as it is, or brings its open form forward; `restored` is its panel after a reload. */
  static edit(context: CommandContext, region: string, workspace: Workspace, restored?: vscode.WebviewPanel): WebviewController {
    return showEditPanel(`workspace/${region}/${workspace.id}`, () => new WorkspaceFormPanel(context, region, workspace, restored));
  }

  private constructor(
    context: CommandContext,
    region: string,
    /** The workspace edited; undefined when creating. */
    private readonly original: Workspace | undefined,
    restored?: vscode.WebviewPanel,
  ) {
    const form = original ? workspaceForm(vscode.l10n.t('Edit Workspace'), true) : workspaceForm(vscode.l10n.t('Create Workspace'), false);
    super(context, form, region, original ? workspaceToFormValues(original) : emptyWorkspaceForm(), original ? `${form.title}: ${original.name}` : form.title, restored);
  }

  protected override get reloadAs(): FormReload {
    return this.original ? { form: 'edit', id: this.original.id } : { form: 'create' };
  }

  protected override async submit(values: WorkspaceFormValues): Promise<void> {
    const valid = Object.keys(validateWorkspaceForm(values)).length === 0;
    if (this.original && valid && Object.keys(toWorkspaceUpdate(this.original, values)).length === 0) {
      this.refuse(vscode.l10n.t('Nothing has changed.'), {});
      return;
    }
    await super.submit(values);
  }

  protected progressTitle(values: WorkspaceFormValues): string {
    return this.original ? vscode.l10n.t('Updating workspace "{0}"…', this.original.name) : vscode.l10n.t('Creating workspace "{0}"…', values.name);
  }

  /** Answers the workspace's id. */
  protected async send(services: ModelArtsServices, values: WorkspaceFormValues, signal: AbortSignal): Promise<string> {
    if (!this.original) {
      return (await services.workspaces.create(this.region, toCreateWorkspaceBody(values), signal)).id;
    }
    await services.workspaces.update(this.region, this.original.id, toWorkspaceUpdate(this.original, values), signal);
    return this.original.id;
  }

  protected async succeeded(workspaceId: string, values: WorkspaceFormValues): Promise<void> {
    const node = await this.context.explorer.findWorkspace(this.region, workspaceId);
    if (node) {
      await this.context.treeView.reveal(node, { select: true, focus: false });
    }
    const message = this.original ? vscode.l10n.t('Updated workspace "{0}".', values.name) : vscode.l10n.t('Created workspace "{0}".', values.name);
    void this.context.ui.showInformationMessage(message);
  }
}
