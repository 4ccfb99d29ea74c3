import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { baseName, OBS_MAX_KEYS, OBS_STORAGE_CLASSES, type ObsStorageClass, obsUri } from '../services/obs';
import { ObsBucketGroupNode, ObsBucketNode, ObsFolderNode, ObsListingNode, ObsObjectNode } from '../views/nodes/obsNodes';
import { RegionNode } from '../views/nodes/regionNodes';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction, deleteQuestion } from './confirm';
import { isFolderLocation, locationUri, type ObsLocation, pickBucket, pickObsLocation } from './obsPickers';
import { withProgress } from './progress';
import { pickRegion, requireServices, resolveRegion } from './resourceTarget';
import { ask, pick } from './userInput';

/** What an OBS command acts on, and the tree node showing it when it came from the tree. */
export interface ObsTarget {
  readonly location: ObsLocation;
  readonly node?: ObsListingNode | ObsObjectNode;
}

/** A bucket, folder or object from the tree node the command was run on, or browsed to in the quick pick. */
export async function resolveObsTarget(context: CommandContext, node: unknown, title: string, select: 'folder' | 'object' | 'any'): Promise<ObsTarget> {
  if (node instanceof ObsListingNode && select !== 'object') {
    return { location: { region: node.region, bucket: node.bucket, key: node.prefix }, node };
  }
  if (node instanceof ObsObjectNode && select !== 'folder') {
    return { location: { region: node.region, bucket: node.bucket, key: node.key }, node };
  }
  const region = await pickRegion(context, vscode.l10n.t('Select a region'));
  return { location: await pickObsLocation(context, region, { title, select }) };
}

/** Shows `node`'s listing again from the cloud: after an upload into it or a delete in it. */
export function reloadListing(context: CommandContext, node: ObsListingNode): void {
  node.reset();
  context.explorer.rerender(node);
}

export function registerObsCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.obs.createBucket', (node) => createBucket(context, node)),
    registerCommand(context, 'modelarts.obs.deleteBucket', (node) => deleteBucket(context, node)),
    registerCommand(context, 'modelarts.obs.filter', (node) => filterListing(context, node)),
    registerCommand(context, 'modelarts.obs.clearFilter', (node) => {
      if (node instanceof ObsListingNode) {
        node.setFilter(undefined);
        context.explorer.rerender(node);
      }
    }),
    registerCommand(context, 'modelarts.obs.copyUri', async (node) => {
      const { location } = await resolveObsTarget(context, node, vscode.l10n.t('Copy the obs:// URI of'), 'any');
      const uri = locationUri(location);
      await vscode.env.clipboard.writeText(uri);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', uri), 3000);
    }),
    registerCommand(context, 'modelarts.obs.delete', (node) => deleteObjects(context, node)),
  ];
}

function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) {
    return vscode.l10n.t('A bucket name has 3 to 63 characters.');
  }
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) {
    return vscode.l10n.t('Use lower-case letters, digits, hyphens and periods, starting and ending with a letter or digit.');
  }
  if (/\.\.|\.-|-\./.test(name) || /^\d+\.\d+\.\d+\.\d+$/.test(name)) {
    return vscode.l10n.t('No two periods in a row, no period next to a hyphen, and not an IP address.');
  }
  return undefined;
}

const STORAGE_CLASS_DETAILS: Readonly<Record<ObsStorageClass, string>> = {
  STANDARD: vscode.l10n.t('Frequently read data: training data, code, outputs'),
  WARM: vscode.l10n.t('Data read less than once a month; cheaper to keep, charged to read'),
  COLD: vscode.l10n.t('Archives; objects must be restored before they can be read'),
};

async function createBucket(context: CommandContext, node: unknown): Promise<void> {
  const services = requireServices(context);
  const region = await resolveRegion(context, node, vscode.l10n.t('Create a bucket in which region?'));
  const title = vscode.l10n.t('Create an OBS bucket in {0}', region);
  const name = (await ask(context.ui, { title, prompt: vscode.l10n.t('Bucket name (unique across all of OBS)'), validateInput: (value) => bucketNameProblem(value.trim()) })).trim();
  const storageClass = (
    await pick(
      context.ui,
      OBS_STORAGE_CLASSES.map((storage) => ({ label: storage, detail: STORAGE_CLASS_DETAILS[storage] })),
      { title: vscode.l10n.t('Storage class of {0}', name) },
    )
  ).label as ObsStorageClass;
  await withProgress(vscode.l10n.t('Creating bucket {0}…', name), (signal) => services.obs.createBucket(region, name, storageClass, signal));
  const group = await bucketGroupOf(context, region);
  if (group) {
    group.reset();
    context.explorer.rerender(group);
    const created = (await group.getChildren()).find((child) => child instanceof ObsBucketNode && child.bucket === name);
    if (created) {
      await context.treeView.reveal(created, { select: true, focus: false });
    }
  }
  vscode.window.setStatusBarMessage(vscode.l10n.t('Created bucket {0}', name), 3000);
}

async function deleteBucket(context: CommandContext, node: unknown): Promise<void> {
  const services = requireServices(context);
  const region = node instanceof ObsBucketNode ? node.region : await pickRegion(context, vscode.l10n.t('Select a region'));
  const name = node instanceof ObsBucketNode ? node.bucket : (await pickBucket(context, region, vscode.l10n.t('Delete which bucket?'))).name;
  const empty = await withProgress(vscode.l10n.t('Checking bucket {0}…', name), (signal) => services.obs.isEmpty(region, name, signal));
  if (!empty) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Bucket {0} is not empty: delete its objects first.', name), 'config');
  }
  const detail = vscode.l10n.t('The empty bucket {0} in {1} is deleted, and its name may be taken by anyone.', name, region);
  if (!(await confirmAction(context.ui, deleteQuestion(vscode.l10n.t('bucket'), name), detail, vscode.l10n.t('Delete')))) {
    return;
  }
  await withProgress(vscode.l10n.t('Deleting bucket {0}…', name), (signal) => services.obs.deleteBucket(region, name, signal));
  const group = node instanceof ObsBucketNode ? node.parent : await bucketGroupOf(context, region);
  if (group) {
    group.reset();
    context.explorer.rerender(group);
  }
}

async function filterListing(context: CommandContext, node: unknown): Promise<void> {
  if (!(node instanceof ObsListingNode)) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Run Filter by Prefix on a bucket or folder in the explorer.'), 'config');
  }
  const typed = await ask(context.ui, {
    title: vscode.l10n.t('Show only names in {0} that start with…', node.uri),
    prompt: vscode.l10n.t('Beginning of the names to show; empty shows all'),
    value: node.filter ?? '',
    validateInput: (value) => (value.includes('/') ? vscode.l10n.t('A filter is a beginning of a name in this folder, without "/".') : undefined),
  });
  node.setFilter(typed);
  context.explorer.rerender(node);
  await context.treeView.reveal(node, { expand: true, focus: false, select: false });
}

/** Deletes an object, or a folder with everything in it, after a confirmation that names it and counts what goes. */
async function deleteObjects(context: CommandContext, node: unknown): Promise<void> {
  const services = requireServices(context);
  const { location, node: shown } = await resolveObsTarget(context, node, vscode.l10n.t('Delete which object or folder?'), 'any');
  const { region, bucket, key } = location;
  if (key === '') {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('To delete bucket {0}, use Delete OBS Bucket.', bucket), 'config');
  }
  const folder = isFolderLocation(location);
  const keys = folder
    ? (await withProgress(vscode.l10n.t('Listing {0}…', obsUri(bucket, key)), (signal) => services.obs.listAllObjects(region, bucket, key, signal))).map((object) => object.key)
    : [key];
  const question = folder ? vscode.l10n.t('Delete folder "{0}" and the {1} objects in it?', baseName(key), keys.length) : deleteQuestion(vscode.l10n.t('object'), baseName(key));
  if (!(await confirmAction(context.ui, question, vscode.l10n.t('{0} is deleted for good.', obsUri(bucket, key)), vscode.l10n.t('Delete')))) {
    return;
  }
  const failed = await withProgress(vscode.l10n.t('Deleting {0}…', obsUri(bucket, key)), async (signal, progress) => {
    const refused: { key: string; reason: string }[] = [];
    for (let start = 0; start < keys.length; start += OBS_MAX_KEYS) {
      refused.push(...(await services.obs.deleteObjects(region, bucket, keys.slice(start, start + OBS_MAX_KEYS), signal)));
      progress.report({ message: vscode.l10n.t('{0} of {1} objects', Math.min(start + OBS_MAX_KEYS, keys.length), keys.length), increment: (Math.min(OBS_MAX_KEYS, keys.length - start) / keys.length) * 100 });
    }
    return refused;
  });
  if (shown instanceof ObsObjectNode || shown instanceof ObsFolderNode) {
    reloadListing(context, shown.parent);
  }
  if (failed.length > 0) {
    const reasons = failed.slice(0, 3).map((entry) => `${entry.key} (${entry.reason})`).join(', ');
    throw new ModelArtsError('DeleteIncomplete', vscode.l10n.t('{0} of {1} objects could not be deleted: {2}', failed.length, keys.length, reasons), 'service');
  }
}

/** The region's OBS Buckets category, when the region is in the explorer. */
async function bucketGroupOf(context: CommandContext, region: string): Promise<ObsBucketGroupNode | undefined> {
  const regionNode = (await context.explorer.getChildren()).find((candidate): candidate is RegionNode => candidate instanceof RegionNode && candidate.region === region);
  return regionNode?.categories.find((candidate): candidate is ObsBucketGroupNode => candidate instanceof ObsBucketGroupNode);
}
