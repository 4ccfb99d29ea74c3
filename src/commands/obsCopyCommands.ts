import * as vscode from 'vscode';
import { asModelArtsError, LocalErrorCode, ModelArtsError } from '../services/errors';
import { baseName, type ObsService } from '../services/obs';
import { copyObjects } from '../services/obsCopies';
import type { CopyItem } from '../services/obsTransfers';
import { formatSize } from '../views/format';
import { type DraggedObs, ObsFolderNode, type ObsListingNode, ObsObjectNode } from '../views/nodes/obsNodes';
import type { CommandContext } from './commandContext';
import { chooseAction } from './confirm';
import { reloadListing } from './obsCommands';
import { runTransfer, showReport } from './obsTransferCommands';
import { withProgress } from './progress';
import { requireServices } from './resourceTarget';

/**
 * Copies or moves objects and folders dragged in the explorer into the bucket or folder `target`, after one
 * confirmation that counts the objects. A move copies, then deletes the originals of what was copied only.
 */
export async function copyOrMoveInto(context: CommandContext, dragged: readonly DraggedObs[], target: ObsListingNode): Promise<void> {
  const services = requireServices(context);
  const destination = target.uri;
  const sources = outermost(dragged).filter((node) => !(node.parent.bucket === target.bucket && node.parent.prefix === target.prefix));
  for (const source of sources) {
    if (source.region !== target.region) {
      throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('OBS copies only within a region: {0} is in {1}, {2} in {3}.', source.uri, source.region, destination, target.region), 'config');
    }
    if (source instanceof ObsFolderNode && source.bucket === target.bucket && target.prefix.startsWith(source.prefix)) {
      throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('A folder cannot go into itself: {0}', source.uri), 'config');
    }
  }
  if (sources.length === 0) {
    return; // dropped where it already is
  }
  const plan = await withProgress(vscode.l10n.t('Checking {0}…', destination), (signal) => planCopy(services.obs, sources, target, signal));
  const count = plan.items.length;
  const question = count === 1 ? vscode.l10n.t('Copy or move 1 object to {0}?', destination) : vscode.l10n.t('Copy or move {0} objects to {1}?', count, destination);
  const moveNote = vscode.l10n.t('Move deletes the originals once they are copied.');
  const detail = plan.replaced > 0 ? `${vscode.l10n.t('{0} objects with the same names in {1} are replaced.', plan.replaced, destination)} ${moveNote}` : moveNote;
  // VS Code tells a tree's drop no modifier keys: handleDrop gets the target, the data and a token, and the
  // workbench's tree drop (CustomTreeViewDragAndDrop.drop) keeps the DragEvent to itself. So Shift cannot choose
  // a move; the one confirmation offers Copy and Move as its two buttons instead.
  const copyLabel = vscode.l10n.t('Copy');
  const moveLabel = vscode.l10n.t('Move');
  const choice = await chooseAction(context.ui, question, detail, [copyLabel, moveLabel]);
  if (choice === undefined) {
    return;
  }
  const moving = choice === moveLabel;
  const title = moving ? vscode.l10n.t('Moving to {0}', destination) : vscode.l10n.t('Copying to {0}', destination);
  const report = await runTransfer(context, title, (options) => copyObjects(services.obs, target.region, plan.items, moving, options));
  const changed = new Set<ObsListingNode>([target, ...(moving ? sources.map((source) => source.parent) : [])]);
  changed.forEach((node) => reloadListing(context, node));
  const size = formatSize(report.bytes) ?? '';
  const done = moving
    ? vscode.l10n.t('Moved {0} objects ({1}) to {2}.', report.transferred.length, size, destination)
    : vscode.l10n.t('Copied {0} objects ({1}) to {2}.', report.transferred.length, size, destination);
  await showReport(context, report, { done, verb: moving ? vscode.l10n.t('moved') : vscode.l10n.t('copied') }, { region: target.region, bucket: target.bucket, key: target.prefix });
}

/** The dragged nodes without those inside another dragged folder (it brings them along). */
function outermost(dragged: readonly DraggedObs[]): DraggedObs[] {
  const folders = dragged.filter((node): node is ObsFolderNode => node instanceof ObsFolderNode);
  const keyOf = (node: DraggedObs): string => (node instanceof ObsFolderNode ? node.prefix : node.key);
  const inside = (node: DraggedObs): boolean => folders.some((folder) => folder !== node && folder.bucket === node.bucket && keyOf(node).startsWith(folder.prefix));
  return dragged.filter((node, index) => !inside(node) && dragged.findIndex((other) => other.id === node.id) === index);
}

/** Every object to copy (a folder's, its own marker included, so empty subfolders come along) and how many targets exist. */
async function planCopy(obs: ObsService, sources: readonly DraggedObs[], target: ObsListingNode, signal: AbortSignal): Promise<{ items: CopyItem[]; replaced: number }> {
  const { region } = target;
  const items: CopyItem[] = [];
  let replaced = 0;
  for (const source of sources) {
    if (source instanceof ObsObjectNode) {
      const name = baseName(source.key);
      items.push({ name, size: source.object.size, source: { bucket: source.bucket, key: source.key }, target: { bucket: target.bucket, key: target.prefix + name } });
      const exists = await obs.headObject(region, target.bucket, target.prefix + name, signal).then(
        () => true,
        (error: unknown) => (asModelArtsError(error).isNotFound ? false : Promise.reject(error)),
      );
      replaced += exists ? 1 : 0;
      continue;
    }
    const top = `${baseName(source.prefix)}/`;
    const existing = new Set((await obs.listAllObjects(region, target.bucket, target.prefix + top, signal)).map((object) => object.key));
    for (const object of await obs.listAllObjects(region, source.bucket, source.prefix, signal)) {
      const name = top + object.key.slice(source.prefix.length);
      const targetKey = target.prefix + name;
      items.push({ name, size: object.size, source: { bucket: source.bucket, key: object.key }, target: { bucket: target.bucket, key: targetKey } });
      replaced += existing.has(targetKey) ? 1 : 0;
    }
  }
  return { items, replaced };
}
