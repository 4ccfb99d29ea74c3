import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { baseName } from '../services/obs';
import type { ExplorerNode } from '../views/nodes/explorerNode';
import { ObsBucketGroupNode, ObsBucketNode, ObsFolderNode, type ObsListingNode, ObsObjectNode } from '../views/nodes/obsNodes';
import { RegionNode } from '../views/nodes/regionNodes';
import type { CommandContext } from './commandContext';
import { isFolderLocation, locationUri, type ObsLocation } from './obsPickers';

/**
 * Shows a bucket, folder or object in the explorer, selected: its region's buckets, its bucket and the folders
 * on the way are expanded (and listed, when they were not). A name beyond a folder's first page is reached by
 * narrowing that folder to it with its filter, which the folder then shows (with Clear Filter).
 */
export async function revealObsLocation(context: CommandContext, location: ObsLocation): Promise<void> {
  const { explorer } = context;
  const uri = locationUri(location);
  const regionNode = (await explorer.getChildren()).find((node): node is RegionNode => node instanceof RegionNode && node.region === location.region);
  if (!regionNode) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Region {0} is not in the explorer: add it there to see {1}.', location.region, uri), 'config');
  }
  const group = regionNode.categories.find((node): node is ObsBucketGroupNode => node instanceof ObsBucketGroupNode);
  const bucket = group && (await explorer.getChildren(group)).find((node): node is ObsBucketNode => node instanceof ObsBucketNode && node.bucket === location.bucket);
  if (!bucket) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Bucket {0} is not among the buckets of {1} in the explorer.', location.bucket, location.region), 'config');
  }
  let listing: ObsListingNode = bucket;
  for (const folder of foldersDownTo(location.key)) {
    listing = await childListed(context, listing, folder, (node): node is ObsFolderNode => node instanceof ObsFolderNode && node.prefix === folder);
  }
  const target = isFolderLocation(location)
    ? listing
    : await childListed(context, listing, location.key, (node): node is ObsObjectNode => node instanceof ObsObjectNode && node.key === location.key);
  await context.treeView.reveal(target, { select: true, focus: true, expand: isFolderLocation(location) });
}

/** `a/`, `a/b/` for the key `a/b/c.txt` or `a/b/`: the folders down to it (the folder itself too). */
function foldersDownTo(key: string): string[] {
  const parts = key.split('/').slice(0, -1);
  return parts.map((_, index) => `${parts.slice(0, index + 1).join('/')}/`);
}

/**
 * The child `isIt` finds among `listing`'s children, named by `key`: as listed, else listed again (it may be
 * newer than the listing), else with the listing narrowed to its name (it may lie beyond the first page).
 */
async function childListed<T extends ExplorerNode>(context: CommandContext, listing: ObsListingNode, key: string, isIt: (node: ExplorerNode) => node is T): Promise<T> {
  const listed = async () => (await context.explorer.getChildren(listing)).find(isIt);
  const wasListed = listing.loadedChildren().length > 0;
  let found = await listed();
  if (!found && wasListed) {
    listing.reset();
    context.explorer.rerender(listing);
    found = await listed();
  }
  if (!found) {
    listing.setFilter(baseName(key));
    context.explorer.rerender(listing);
    found = await listed();
  }
  if (!found) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('{0} has nothing named {1}.', listing.uri, baseName(key)), 'config');
  }
  return found;
}
