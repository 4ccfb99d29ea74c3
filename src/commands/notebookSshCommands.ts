import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import type { Notebook } from '../services/notebooks';
import { NOTEBOOK_WORK_DIR, sshEndpointOf } from '../services/notebookSsh';
import { readableStatus } from '../views/format';
import { notebookKind } from '../views/kinds/notebookKind';
import { withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { notebookActions } from './notebookCommands';
import { resolveTarget } from './resourceTarget';
import { connectViaSsh } from './sshConnect';
import { startAndConnect } from './startAndConnect';

/** Connect via SSH: open the notebook in a Remote - SSH window, or show the `ssh` command to use; Start and Connect first starts a stopped one. */
export function registerNotebookSshCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.notebook.connectSsh', async (node) => {
      const target = await resolveTarget(context, notebookKind, node, withCapability(notebookKind, 'canSsh'));
      await connectNotebook(context, target.item);
    }),
    registerCommand(context, 'modelarts.notebook.startAndConnect', async (node) => {
      const target = await resolveTarget(context, notebookKind, node, withCapability(notebookKind, 'canStartAndSsh'));
      // Checked before the start: a notebook without SSH access would start for nothing.
      notebookEndpoint(target.item);
      await startAndConnect(context, target, notebookActions.start, (running) => connectNotebook(context, running));
    }),
  ];
}

function notebookEndpoint(notebook: Notebook) {
  const endpoint = sshEndpointOf(notebook);
  if (!endpoint) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Notebook "{0}" has no SSH access: it is enabled with a key pair when a notebook is created.', notebook.name), 'config');
  }
  return endpoint;
}

async function connectNotebook(context: CommandContext, notebook: Notebook): Promise<void> {
  const endpoint = notebookEndpoint(notebook);
  if (notebook.status !== 'RUNNING') {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Notebook "{0}" is {1}: start it to connect.', notebook.name, readableStatus(notebook.status)), 'config');
  }
  await connectViaSsh(context, {
    kindLabel: vscode.l10n.t('Notebook'),
    configLabel: 'notebook',
    id: notebook.id,
    name: notebook.name,
    endpoint,
    folder: NOTEBOOK_WORK_DIR,
    onConnected: () => context.walkthrough.reach('notebookConnected'),
  });
}
