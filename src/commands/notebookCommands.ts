import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { notebookKind } from '../views/kinds/notebookKind';
import { withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction } from './confirm';
import { registerNotebookImageCommands } from './notebookImageCommands';
import { registerNotebookSettingsCommands } from './notebookSettingsCommands';
import { registerNotebookSshCommands } from './notebookSshCommands';
import { registerNotebookStorageCommands } from './notebookStorageCommands';
import { changeResourceState, confirmDelete, registerCommonResourceCommands } from './resourceCommands';
import { resolveTarget } from './resourceTarget';

const has = (capability: string) => withCapability(notebookKind, capability);

export function registerNotebookCommands(context: CommandContext): vscode.Disposable[] {
  return [
    ...registerCommonResourceCommands(context, notebookKind, 'modelarts.notebook'),
    ...registerNotebookImageCommands(context),
    ...registerNotebookStorageCommands(context),
    ...registerNotebookSettingsCommands(context),
    ...registerNotebookSshCommands(context),
    registerCommand(context, 'modelarts.notebook.start', async (node) => {
      const target = await resolveTarget(context, notebookKind, node, has('canStart'));
      await changeResourceState(context, target, vscode.l10n.t('Starting notebook "{0}"…', target.item.name), (services, signal) =>
        services.notebooks.start(target.scope.region, target.item.id, signal),
      );
    }),
    registerCommand(context, 'modelarts.notebook.stop', async (node) => {
      const target = await resolveTarget(context, notebookKind, node, has('canStop'));
      const confirmed = await confirmAction(
        context.ui,
        vscode.l10n.t('Stop notebook "{0}"?', target.item.name),
        vscode.l10n.t('Running kernels and terminals in it end. Files under /home/ma-user/work are kept.'),
        vscode.l10n.t('Stop'),
      );
      if (!confirmed) {
        return;
      }
      await changeResourceState(context, target, vscode.l10n.t('Stopping notebook "{0}"…', target.item.name), (services, signal) =>
        services.notebooks.stop(target.scope.region, target.item.id, signal),
      );
    }),
    registerCommand(context, 'modelarts.notebook.delete', async (node) => {
      const target = await resolveTarget(context, notebookKind, node, has('canDelete'));
      if (!(await confirmDelete(context, target, vscode.l10n.t('The notebook and its EVS storage are deleted. This cannot be undone.')))) {
        return;
      }
      await changeResourceState(context, target, vscode.l10n.t('Deleting notebook "{0}"…', target.item.name), (services, signal) =>
        services.notebooks.delete(target.scope.region, target.item.id, signal),
      );
    }),
    registerCommand(context, 'modelarts.notebook.openJupyter', async (node) => {
      const target = await resolveTarget(context, notebookKind, node, has('canOpen'));
      if (!target.item.url) {
        throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Notebook "{0}" has no JupyterLab address; is it running?', target.item.name), 'config');
      }
      await vscode.env.openExternal(vscode.Uri.parse(target.item.url));
    }),
  ];
}
