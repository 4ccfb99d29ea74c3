/**
 * The save-conflict rule of the OBS file system: a write over an object whose ETag is no longer the one read
 * asks the user to overwrite, compare or cancel. Only Overwrite writes; Compare opens what OBS holds now
 * beside the user's version and does not write; the save then fails with a message saying why. An editor's
 * save may be stopped by VS Code's own check first (the object's mtime is newer than when it was read); its
 * Overwrite then reaches this rule, which asks again: the ETag is the one proof of what was read.
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { OBS_CURRENT_SCHEME } from './obsUris';

export class SaveConflicts {
  constructor(private readonly context: Pick<CommandContext, 'ui'>) {}

  /** Resolves when the user chose to overwrite; throws the FileSystemError that fails the save otherwise. */
  async resolve(uri: vscode.Uri, showCurrent: (current: vscode.Uri) => void): Promise<void> {
    const overwrite = vscode.l10n.t('Overwrite');
    const compare = vscode.l10n.t('Compare');
    const name = `obs://${uri.authority}${uri.path}`;
    const answer = await this.context.ui.showWarningMessage(
      vscode.l10n.t('{0} changed in OBS since you opened it.', name),
      { modal: true, detail: vscode.l10n.t('Overwrite replaces it with your version. Compare shows both and saves nothing.') },
      overwrite,
      compare,
    );
    if (answer === overwrite) {
      return;
    }
    if (answer === compare) {
      const current = uri.with({ scheme: OBS_CURRENT_SCHEME });
      // The compare view may still hold an older read of it.
      showCurrent(current);
      await vscode.commands.executeCommand('vscode.diff', current, uri, vscode.l10n.t('{0} (in OBS) ↔ yours', uri.path.slice(uri.path.lastIndexOf('/') + 1)));
    }
    throw new vscode.FileSystemError(vscode.l10n.t('Not saved: {0} changed in OBS since you opened it.', name));
  }
}
