import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { confirmAction } from '../commands/confirm';
import type { ResourceTarget } from '../commands/resourceTarget';
import type { ModelArtsServices } from '../services';
import type { ResourceKind } from '../views/resourceKind';
import { type ResourceForm, ResourceFormPanel } from './createResourcePanel';
import type { FormReload } from './protocol';
import type { WebviewController } from './webviewController';

/** A form that changes an existing resource. */
export interface EditForm<Values, T> extends ResourceForm<Values> {
  readonly kind: ResourceKind<T>;
  /** The form's values for the resource as it is. */
  valuesOf(item: T, workspaceId: string): Values;
  /** Whether the values differ from the resource as it is: an unchanged form sends nothing. */
  changed(item: T, values: Values): boolean;
  /** The question to ask before a change that destroys something (nodes of a smaller pool); undefined when none is needed. */
  confirmation?(item: T, values: Values): { readonly question: string; readonly detail: string; readonly button: string } | undefined;
  /** Sends what changed; answers the resource as changed. */
  update(services: ModelArtsServices, region: string, item: T, values: Values, signal: AbortSignal): Promise<T>;
}

const openEditPanels = new Map<string, WebviewController>();

/** The edit panel open for `key` (a resource), brought forward; else the one `open` makes. */
export function showEditPanel(key: string, open: () => WebviewController): WebviewController {
  const existing = openEditPanels.get(key);
  if (existing) {
    existing.reveal();
    return existing;
  }
  const panel = open();
  openEditPanels.set(key, panel);
  panel.onDidDispose(() => openEditPanels.delete(key));
  return panel;
}

/**
 * An edit form in a panel, one per resource. Success shows the answer in the tree,
 * which follows the resource while it changes, and reloads its sub-resources.
 */
export class EditResourcePanel<Values extends { readonly workspaceId: string; readonly name: string }, T> extends ResourceFormPanel<Values, T> {
  /** Opens the form of a resource, or brings its open form forward; `restored` is its panel after a reload. */
  static show<Values extends { readonly workspaceId: string; readonly name: string }, T>(
    context: CommandContext,
    form: EditForm<Values, T>,
    target: ResourceTarget<T>,
    restored?: vscode.WebviewPanel,
  ): WebviewController {
    return showEditPanel(`${form.kind.contextValue}/${target.scope.region}/${form.kind.id(target.item)}`, () => new EditResourcePanel(context, form, target, restored));
  }

  private constructor(
    context: CommandContext,
    private readonly editForm: EditForm<Values, T>,
    private readonly target: ResourceTarget<T>,
    restored?: vscode.WebviewPanel,
  ) {
    const { kind } = editForm;
    super(context, editForm, target.scope.region, editForm.valuesOf(target.item, target.scope.workspaceId), `${editForm.title}: ${kind.name(target.item)}`, restored);
  }

  /** A reload reads the resource again by its id, and the page puts back what was typed. */
  protected override get reloadAs(): FormReload {
    return { form: 'edit', id: this.editForm.kind.id(this.target.item) };
  }

  protected override async submit(values: Values): Promise<void> {
    if (Object.keys(this.form.validate(values)).length === 0) {
      if (!this.editForm.changed(this.target.item, values)) {
        this.refuse(vscode.l10n.t('Nothing has changed.'), {});
        return;
      }
      const confirmation = this.editForm.confirmation?.(this.target.item, values);
      if (confirmation && !(await confirmAction(this.context.ui, confirmation.question, confirmation.detail, confirmation.button))) {
        this.post({ type: 'submitCancelled' });
        return;
      }
    }
    await super.submit(values);
  }

  protected progressTitle(): string {
    return vscode.l10n.t('Updating {0} "{1}"…', this.editForm.kind.label, this.editForm.kind.name(this.target.item));
  }

  protected send(services: ModelArtsServices, values: Values, signal: AbortSignal): Promise<T> {
    return this.editForm.update(services, this.region, this.target.item, values, signal);
  }

  protected async succeeded(updated: T): Promise<void> {
    const { node } = this.target;
    if (node) {
      node.update(updated);
      node.reset();
      this.context.explorer.rerender(node);
    }
    void this.context.ui.showInformationMessage(vscode.l10n.t('Updated {0} "{1}".', this.editForm.kind.label, this.editForm.kind.name(updated)));
  }
}
