import * as path from 'node:path';
import * as vscode from 'vscode';
import { type CommandContext, reportFailure } from '../commands/commandContext';
import { requireServices } from '../commands/resourceTarget';
import { openRunForm } from '../commands/runOnModelArts/runCommands';
import { RunSettingsStore } from '../commands/runOnModelArts/runSettings';
import { poolKind } from '../views/kinds/poolKinds';
import type { ListScope } from '../views/resourceKind';
import { createNotebookForm, createPoolForm, createServiceV1Form, createTrainingJobForm, editPoolForm } from './createForms';
import { createDevServerForm } from './createDevServerForm';
import { createServiceV2Form } from './createServiceV2Form';
import { detailsPresenterFor, kindNamed } from './detailsRegistry';
import { emptyDevServerForm } from './devServerFormRules';
import { emptyNotebookForm, emptyTrainingJobForm } from './formRules';
import { type PanelHosts, panels } from './panels';
import { emptyPoolForm } from './poolFormRules';
import type { DetailsReference, FormReload, WebviewApp } from './protocol';
import { emptyServiceV1Form } from './serviceV1FormRules';
import { emptyServiceV2Form } from './serviceV2FormRules';
import type { PanelRestorer, RESTORED_APPS } from './panelReload';
import type { WebviewController } from './webviewController';

type FormApp = Exclude<(typeof RESTORED_APPS)[number], 'details'>;

/**
 * The create forms a reload brings back: empty, in the region and workspace saved; the page then puts back what
 * was typed from its own state (see webview/common/formPage.ts), which never holds a password.
 */
const FORMS: Readonly<Record<FormApp, (hosts: PanelHosts, context: CommandContext, region: string, workspaceId: string, panel: vscode.WebviewPanel) => WebviewController>> = {
  createNotebook: (hosts, context, region, workspaceId, panel) => new hosts.CreateResourcePanel(context, createNotebookForm, region, emptyNotebookForm(workspaceId), panel),
  createTrainingJob: (hosts, context, region, workspaceId, panel) => new hosts.CreateResourcePanel(context, createTrainingJobForm, region, emptyTrainingJobForm(workspaceId), panel),
  createPool: (hosts, context, region, workspaceId, panel) => new hosts.CreateResourcePanel(context, createPoolForm, region, emptyPoolForm(workspaceId), panel),
  createDevServer: (hosts, context, region, workspaceId, panel) => new hosts.CreateResourcePanel(context, createDevServerForm, region, emptyDevServerForm(workspaceId), panel),
  createServiceV1: (hosts, context, region, workspaceId, panel) => new hosts.CreateResourcePanel(context, createServiceV1Form, region, emptyServiceV1Form(workspaceId), panel),
  createServiceV2: (hosts, context, region, workspaceId, panel) => new hosts.CreateResourcePanel(context, createServiceV2Form, region, emptyServiceV2Form(workspaceId), panel),
  workspaceForm: (hosts, context, region, _workspaceId, panel) => hosts.WorkspaceFormPanel.create(context, region, panel),
};

/** The restorer of panels, with Run on ModelArts' settings kept under `runSettingsStorage`. */
export function createPanelRestorer(context: CommandContext, runSettingsStorage: vscode.Uri): PanelRestorer {
  return new ReloadedPanels(context, new RunSettingsStore(runSettingsStorage));
}

/**
 * Brings details panels and forms (create, edit, Run on ModelArts) back after a window reload; a table closes.
 * VS Code hands each panel to the serializer of its type with the state its page saved.
 */
class ReloadedPanels implements PanelRestorer {
  constructor(
    private readonly context: CommandContext,
    /** Where Run on ModelArts keeps each folder's settings: a run form opens again from them. */
    private readonly runSettings: RunSettingsStore,
  ) {}

  /** The panel made of `panel` and `state`, or undefined when there is nothing to bring back (it is closed). */
  async restore(app: WebviewApp, panel: vscode.WebviewPanel, state: unknown): Promise<WebviewController | undefined> {
    if (app === 'tableDocument') {
      panel.dispose();
      return undefined;
    }
    // VS Code may restore a panel while the extension is still reading the stored profiles.
    await this.context.accounts.loaded;
    try {
      const restored = app === 'details' ? await restoreDetails(this.context, panel, state) : await this.restoreForm(app, panel, state);
      if (!restored) {
        panel.dispose();
      }
      return restored;
    } catch (error) {
      panel.dispose();
      await reportFailure(this.context, 'modelarts.panel.restore', error);
      return undefined;
    }
  }

  /** A form opened again the way its page saved (`reloadAs`), empty; the page then puts back what was typed. */
  private async restoreForm(app: FormApp, panel: vscode.WebviewPanel, state: unknown): Promise<WebviewController | undefined> {
    const saved = typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
    const values = typeof saved.values === 'object' && saved.values !== null ? (saved.values as Record<string, unknown>) : {};
    const reload = readReload(saved.reloadAs);
    if (!reload || !text(saved.region) || typeof values.workspaceId !== 'string') {
      return undefined;
    }
    const { region } = saved;
    const scope: ListScope = { region, workspaceId: values.workspaceId };
    const hosts = await panels();
    switch (reload.form) {
      case 'create':
        return FORMS[app](hosts, this.context, region, values.workspaceId, panel);
      case 'run':
        return app === 'createTrainingJob' ? openRunForm(this.context, this.runSettings, reload.folder, undefined, { panel, scope: { region, workspaceId: values.workspaceId } }) : undefined;
      case 'edit':
        if (app === 'createPool') {
          const pool = await poolKind.fetch(requireServices(this.context), scope, reload.id);
          return hosts.EditResourcePanel.show(this.context, editPoolForm, { kind: poolKind, scope, item: pool }, panel);
        }
        if (app === 'workspaceForm') {
          return hosts.WorkspaceFormPanel.edit(this.context, region, await requireServices(this.context).workspaces.get(region, reload.id), panel);
        }
        return undefined;
    }
  }
}

/** The state is the page's, kept by VS Code: checked as any input. */
const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 256;

function readReference(state: unknown): DetailsReference | undefined {
  if (typeof state !== 'object' || state === null) {
    return undefined;
  }
  const { kind, region, workspaceId, parentId, id } = state as Record<string, unknown>;
  if (!text(kind) || !text(region) || !text(workspaceId) || !text(id) || (parentId !== undefined && !text(parentId))) {
    return undefined;
  }
  return { kind, region, workspaceId, parentId, id };
}

function readReload(value: unknown): FormReload | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const { form, id, folder } = value as Record<string, unknown>;
  if (form === 'create') {
    return { form };
  }
  if (form === 'edit' && text(id)) {
    return { form, id };
  }
  // A run's folder is a local path the host gave the page; openRunForm checks it again (it must hold Python files).
  return form === 'run' && typeof folder === 'string' && path.isAbsolute(folder) ? { form, folder } : undefined;
}

/** The panel keeps only which resource it showed: the resource is read again. */
async function restoreDetails(context: CommandContext, panel: vscode.WebviewPanel, state: unknown): Promise<WebviewController | undefined> {
  const reference = readReference(state);
  const kind = reference && kindNamed(reference.kind);
  if (!reference || !kind) {
    return undefined;
  }
  const scope: ListScope = { region: reference.region, workspaceId: reference.workspaceId, ...(reference.parentId === undefined ? {} : { parentId: reference.parentId }) };
  const item = await kind.fetch(requireServices(context), scope, reference.id);
  const { DetailsPanel } = await panels();
  return DetailsPanel.restore(context, detailsPresenterFor(kind), { kind, scope, item }, panel);
}
