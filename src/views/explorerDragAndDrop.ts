import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type CommandContext, reportFailure } from '../commands/commandContext';
import { isCancellation, LocalErrorCode, ModelArtsError } from '../services/errors';
import { type ExplorerNode, isDraggedObs, isObsListingNode, isObsObjectNode } from './nodes/explorerNode';
import type { ObsListingNode } from './nodes/obsNodes';

/** The explorer's own mime type (`application/vnd.code.tree.<view id in lower case>`): rows dragged inside it. */
export const EXPLORER_MIME = 'application/vnd.code.tree.modelarts.explorer';
const URI_LIST = 'text/uri-list';

/**
 * Drag and drop in the explorer: files and folders dropped from the OS or VS Code's Explorer on a bucket or
 * folder upload into it; OBS objects and folders dragged onto another folder are copied or moved there.
 */
export class ExplorerDragAndDrop implements vscode.TreeDragAndDropController<ExplorerNode> {
  readonly dropMimeTypes: readonly string[] = [EXPLORER_MIME, URI_LIST, 'files'];
  readonly dragMimeTypes: readonly string[] = [];

  /** The command context is read at drop time: the tree view is created before the context that holds it. */
  constructor(private readonly context: () => CommandContext) {}

  handleDrag(source: readonly ExplorerNode[], dataTransfer: vscode.DataTransfer): void {
    const dragged = source.filter(isDraggedObs);
    if (dragged.length > 0) {
      dataTransfer.set(EXPLORER_MIME, new vscode.DataTransferItem(dragged));
    }
  }

  async handleDrop(target: ExplorerNode | undefined, dataTransfer: vscode.DataTransfer): Promise<void> {
    const context = this.context();
    try {
      const fromTree = dataTransfer.get(EXPLORER_MIME);
      if (fromTree) {
        // Rows of other kinds carry no data of ours: dragging them anywhere does nothing, as in VS Code's own trees.
        const dragged: unknown[] = Array.isArray(fromTree.value) ? fromTree.value : [];
        if (dragged.some(isDraggedObs)) {
          const { copyOrMoveInto } = await import('../commands/obsCopyCommands');
          await copyOrMoveInto(context, dragged.filter(isDraggedObs), dropFolder(target));
        }
        return;
      }
      await uploadDropped(context, dropFolder(target), dataTransfer);
    } catch (error) {
      if (!isCancellation(error)) {
        await reportFailure(context, 'modelarts.explorer.drop', error);
      }
    }
  }
}

/** The bucket or folder a drop goes into: the row itself, or the folder of an object row. */
function dropFolder(target: ExplorerNode | undefined): ObsListingNode {
  if (isObsListingNode(target)) {
    return target;
  }
  if (isObsObjectNode(target)) {
    return target.parent;
  }
  throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Drop on an OBS bucket or folder to upload or copy there.'), 'config');
}

/**
 * Uploads what was dropped: local files and folders by their paths; a file the host hands over only as bytes
 * (a browser's drop from the OS has no path) through a temporary copy, deleted after the upload.
 */
async function uploadDropped(context: CommandContext, folder: ObsListingNode, dataTransfer: vscode.DataTransfer): Promise<void> {
  const listed = ((await dataTransfer.get(URI_LIST)?.asString()) ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => vscode.Uri.parse(line, true));
  if (listed.some((uri) => uri.scheme !== 'file')) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Only files on this machine can be transferred.'), 'config');
  }
  const paths = listed.map((uri) => uri.fsPath);
  const byteFiles: vscode.DataTransferFile[] = [];
  dataTransfer.forEach((item) => {
    const file = item.asFile();
    if (file?.uri?.scheme === 'file') {
      // A file dropped from the OS comes both in the uri-list and as itself.
      if (!paths.includes(file.uri.fsPath)) {
        paths.push(file.uri.fsPath);
      }
    } else if (file) {
      byteFiles.push(file);
    }
  });
  if (paths.length === 0 && byteFiles.length === 0) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Nothing to upload was dropped: drop files or folders.'), 'config');
  }
  const location = { region: folder.region, bucket: folder.bucket, key: folder.prefix };
  // The transfer code is OBS's, loaded at the first transfer.
  const { uploadInto } = await import('../commands/obsTransferCommands');
  if (byteFiles.length === 0) {
    await uploadInto(context, location, paths, folder);
    return;
  }
  const scratch = await mkdtemp(path.join(tmpdir(), 'modelarts-drop-'));
  try {
    for (const file of byteFiles) {
      const copy = path.join(scratch, path.basename(file.name));
      await writeFile(copy, await file.data());
      paths.push(copy);
    }
    await uploadInto(context, location, paths, folder);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
