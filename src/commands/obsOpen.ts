import * as vscode from 'vscode';
import { maxOpenBytes } from '../config';
import { obsFileUri } from '../obsFileSystem/obsUris';
import { formatSize } from '../views/format';
import type { CommandContext } from './commandContext';
import { locationUri, type ObsLocation } from './obsPickers';
import { downloadFrom } from './obsTransferCommands';
import { withProgress } from './progress';
import { requireServices } from './resourceTarget';

/**
 * Opens an object in VS Code's own editor for it (text, image, notebook…) through its obs:// URI, so saving writes it
 * back. Its size is asked first: the tree's may be old, and an editor that cannot read the object shows only "an
 * unexpected error", while a failed request here shows its code and request id. Objects above
 * `modelarts.obs.maxOpenSizeMB` are refused with a message that offers to download them instead.
 */
export async function openObsObject(context: CommandContext, location: ObsLocation): Promise<void> {
  const uri = locationUri(location);
  const { size } = await withProgress(vscode.l10n.t('Opening {0}…', uri), (signal) => requireServices(context).obs.headObject(location.region, location.bucket, location.key, signal));
  const limit = maxOpenBytes();
  if (size > limit) {
    const download = vscode.l10n.t('Download…');
    const message = vscode.l10n.t(
      '{0} is {1}: objects larger than {2} open only by downloading them (setting modelarts.obs.maxOpenSizeMB).',
      uri,
      formatSize(size) ?? '',
      formatSize(limit) ?? '',
    );
    if ((await context.ui.showWarningMessage(message, {}, download)) === download) {
      await downloadFrom(context, location);
    }
    return;
  }
  await vscode.commands.executeCommand('vscode.open', obsFileUri(location.bucket, location.key));
}
