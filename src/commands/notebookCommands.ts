import * as vscode from 'vscode';
import { isLoopbackHost } from '../services/endpoints';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import type { Notebook } from '../services/notebooks';
import { notebookKind } from '../views/kinds/notebookKind';
import { withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { deleteQuestion } from './confirm';
import { registerNotebookImageCommands } from './notebookImageCommands';
import { registerNotebookSettingsCommands } from './notebookSettingsCommands';
import { registerNotebookSshCommands } from './notebookSshCommands';
import { registerNotebookStorageCommands } from './notebookStorageCommands';
import { registerCommonResourceCommands, registerResourceAction, type ResourceAction } from './resourceCommands';
import { resolveTarget } from './resourceTarget';

const has = (capability: string) => withCapability(notebookKind, capability);

/** Start, stop and delete, as the tree's commands and the chat tools run them. */
export const notebookActions: Readonly<Record<'start' | 'stop' | 'delete', ResourceAction<Notebook>>> = {
  start: {
    capability: 'canStart',
    question: (name) => vscode.l10n.t('Start notebook "{0}"?', name),
    button: vscode.l10n.t('Start'),
    progress: (name) => vscode.l10n.t('Starting notebook "{0}"…', name),
    perform: (services, target, signal) => services.notebooks.start(target.scope.region, target.item, signal),
    starts: true,
  },
  stop: {
    capability: 'canStop',
    question: (name) => vscode.l10n.t('Stop notebook "{0}"?', name),
    detail: vscode.l10n.t('Running kernels and terminals in it end. Files under /home/ma-user/work are kept.'),
    button: vscode.l10n.t('Stop'),
    progress: (name) => vscode.l10n.t('Stopping notebook "{0}"…', name),
    perform: (services, target, signal) => services.notebooks.stop(target.scope.region, target.item.id, signal),
  },
  delete: {
    capability: 'canDelete',
    question: (name) => deleteQuestion(notebookKind.label, name),
    detail: vscode.l10n.t('The notebook and its EVS storage are deleted. This cannot be undone.'),
    button: vscode.l10n.t('Delete'),
    progress: (name) => vscode.l10n.t('Deleting notebook "{0}"…', name),
    perform: (services, target, signal) => services.notebooks.delete(target.scope.region, target.item.id, signal),
  },
};

export function registerNotebookCommands(context: CommandContext): vscode.Disposable[] {
  return [
    ...registerCommonResourceCommands(context, notebookKind, 'modelarts.notebook'),
    ...registerNotebookImageCommands(context),
    ...registerNotebookStorageCommands(context),
    ...registerNotebookSettingsCommands(context),
    ...registerNotebookSshCommands(context),
    registerResourceAction(context, 'modelarts.notebook.start', notebookKind, notebookActions.start),
    registerResourceAction(context, 'modelarts.notebook.stop', notebookKind, notebookActions.stop),
    registerResourceAction(context, 'modelarts.notebook.delete', notebookKind, notebookActions.delete),
    registerCommand(context, 'modelarts.notebook.openJupyter', async (node) => {
      const target = await resolveTarget(context, notebookKind, node, has('canOpen'));
      if (!target.item.url) {
        throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Notebook "{0}" has no JupyterLab address; is it running?', target.item.name), 'config');
      }
      if (await context.ui.openExternal(webAddress(target.item.url, target.item.name))) {
        context.walkthrough.reach('notebookConnected');
      }
    }),
  ];
}

/**
 * An address from the cloud opens only as https (or http to a loopback host, as the emulator serves it):
 * `command:`, `file:`, `javascript:` or `vscode:` would run a command, open a local file or another handler
 * instead of a web page. The refusal names the scheme, never the address.
 */
function webAddress(address: string, notebook: string): vscode.Uri {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(address)?.[1]?.toLowerCase();
  const loopbackHttp = scheme === 'http' && URL.canParse(address) && isLoopbackHost(new URL(address).hostname);
  if (scheme !== 'https' && !loopbackHttp) {
    throw new ModelArtsError(
      LocalErrorCode.invalidInput,
      scheme
        ? vscode.l10n.t('Notebook "{0}" gives a JupyterLab address with the scheme "{1}"; only https addresses are opened.', notebook, scheme)
        : vscode.l10n.t('Notebook "{0}" gives a JupyterLab address that is not an https address; it is not opened.', notebook),
      'service',
    );
  }
  return vscode.Uri.parse(address, true);
}
