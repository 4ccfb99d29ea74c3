import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { obsFileUri } from '../obsFileSystem/obsUris';
import { type CommandContext, registerCommand } from './commandContext';
import { resolveObsTarget } from './obsCommands';
import { openObsObject } from './obsOpen';

/** OBS in VS Code's own places: objects in its editors, buckets and folders in its Explorer. */
export function registerObsWorkspaceCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.obs.open', async (node) => {
      const { location } = await resolveObsTarget(context, node, vscode.l10n.t('Open which object?'), 'object');
      await openObsObject(context, location);
    }),
    registerCommand(context, 'modelarts.obs.addToWorkspace', (node) => addToWorkspace(context, node)),
  ];
}

/**
 * Makes a bucket or folder a workspace folder (obs://bucket/prefix), so VS Code's Explorer, search over open files and
 * file operations work on it. Adding a folder to a window with none or one may restart the extension host (VS Code
 * turns the window into an untitled multi-root workspace): nothing is done after the update but showing the Explorer.
 */
async function addToWorkspace(context: CommandContext, node: unknown): Promise<void> {
  const { location } = await resolveObsTarget(context, node, vscode.l10n.t('Add which bucket or folder to the workspace?'), 'folder');
  const uri = obsFileUri(location.bucket, location.key);
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.some((folder) => folder.uri.toString() === uri.toString())) {
    const name = `OBS: ${location.bucket}${uri.path === '/' ? '' : uri.path}`;
    if (!vscode.workspace.updateWorkspaceFolders(folders.length, 0, { uri, name })) {
      throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('VS Code did not add {0} to the workspace: try again once the workspace has finished changing.', name), 'config');
    }
  }
  await vscode.commands.executeCommand('workbench.view.explorer');
}
