import * as vscode from 'vscode';
import { OBS_SCHEME, obsFileUri, obsPlaceOf } from '../obsFileSystem/obsUris';
import { cancelledError, LocalErrorCode, ModelArtsError } from '../services/errors';
import { baseName, type ObsBucket, type ObsEntry, obsUri, parseObsUri } from '../services/obs';
import { formatSize } from '../views/format';
import { bucketDescription } from '../views/nodes/obsNodes';
import type { CommandContext } from './commandContext';
import { requireServices } from './resourceTarget';
import { pick, vscodeUserInput } from './userInput';

/** A place in OBS: a bucket's top (key ''), a folder (key ending with `/`) or an object. */
export interface ObsLocation {
  readonly region: string;
  readonly bucket: string;
  readonly key: string;
}

export function locationUri(location: ObsLocation): string {
  return obsUri(location.bucket, location.key);
}

/**
 * `$(name)` in a quick pick's label, description or detail is drawn as an icon (VS Code's renderLabelWithIcons);
 * an object key is shown as it is written, so a backslash keeps each such run plain (VS Code's own escapeIcons).
 */
export function escapeIcons(text: string): string {
  return text.replace(/(\\)?\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g, (match: string, escaped: string | undefined) => (escaped ? match : `\\${match}`));
}

export function isFolderLocation(location: ObsLocation): boolean {
  return location.key === '' || location.key.endsWith('/');
}

export async function pickBucket(context: CommandContext, region: string, title: string): Promise<ObsBucket> {
  const services = requireServices(context);
  const buckets = await vscodeUserInput.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading buckets…') }, () => services.obs.listBuckets(region));
  if (buckets.length === 0) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('There is no bucket in {0}.', region), 'config');
  }
  const picked = await pick(context.ui, buckets.map((bucket) => ({ label: bucket.name, description: bucketDescription(bucket), iconPath: new vscode.ThemeIcon('archive'), bucket })), { title });
  return picked.bucket;
}

type Step = { readonly action: 'choose'; readonly key: string } | { readonly action: 'open'; readonly key: string } | { readonly action: 'up' } | { readonly action: 'more' };

interface PickOptions {
  readonly title: string;
  readonly select: 'folder' | 'object' | 'any';
  /** An obs:// URI to start in (its folder, when it names an object). */
  readonly start?: string;
}

/**
 * Picks a place in OBS: in the open dialog over obs:// where the host's dialog browses it, else by walking a bucket's
 * folders in the quick pick. Starts in the obs:// folder `start`, or from the region's buckets; answers the folder
 * (`select: 'folder'`), the object (`'object'`) or either (`'any'`) chosen. Dismissing it cancels.
 */
export function pickObsLocation(context: CommandContext, region: string, options: PickOptions): Promise<ObsLocation> {
  return context.ui.canBrowse(OBS_SCHEME) ? pickInDialog(context, region, options) : pickInQuickPick(context, region, options);
}

/** The open dialog over obs://, in `start`'s folder or at the top of a bucket of the region picked first. */
async function pickInDialog(context: CommandContext, region: string, options: PickOptions): Promise<ObsLocation> {
  const start = options.start ? parseObsUri(options.start) : undefined;
  const bucket = start?.bucket ?? (await pickBucket(context, region, options.title)).name;
  const [picked] =
    (await context.ui.showOpenDialog({
      title: options.title,
      defaultUri: obsFileUri(bucket, start ? start.key.slice(0, start.key.lastIndexOf('/') + 1) : ''),
      openLabel: vscode.l10n.t('Select'),
      canSelectFiles: options.select !== 'folder',
      canSelectFolders: options.select !== 'object',
      canSelectMany: false,
    })) ?? [];
  if (!picked) {
    throw cancelledError();
  }
  if (picked.scheme !== OBS_SCHEME) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Choose a place in OBS (obs://…), not {0}.', picked.toString(true)), 'config');
  }
  const place = obsPlaceOf(picked);
  if (place.bucket !== bucket && !(await requireServices(context).obs.listBuckets(region)).some((listed) => listed.name === place.bucket)) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Bucket {0} is not in {1}: choose a place in a bucket of {1}.', place.bucket, region), 'config');
  }
  const folder = place.key === '' || options.select === 'folder' || (options.select === 'any' && ((await vscode.workspace.fs.stat(picked)).type & vscode.FileType.Directory) !== 0);
  return { region, bucket: place.bucket, key: folder && place.key !== '' ? `${place.key}/` : place.key };
}

async function pickInQuickPick(context: CommandContext, region: string, options: PickOptions): Promise<ObsLocation> {
  const services = requireServices(context);
  const start = options.start ? parseObsUri(options.start) : undefined;
  let bucket: string | undefined = start?.bucket;
  // The start's folder: an object's key is cut back to the folder holding it.
  let prefix = start ? start.key.slice(0, start.key.lastIndexOf('/') + 1) : '';
  for (;;) {
    if (bucket === undefined) {
      bucket = (await pickBucket(context, region, options.title)).name;
      prefix = '';
      continue;
    }
    const folder = bucket;
    const entries: ObsEntry[] = [];
    let token: string | undefined;
    let step: Step;
    do {
      const page = await vscodeUserInput.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading {0}…', obsUri(folder, prefix)) }, () =>
        services.obs.listEntries(region, folder, { prefix }, token),
      );
      entries.push(...page.items);
      token = page.nextPageToken;
      step = (await pick(context.ui, browseItems(folder, prefix, entries, token !== undefined, options.select), { title: `${options.title} — ${obsUri(folder, prefix)}`, matchOnDescription: true })).step;
    } while (step.action === 'more');
    if (step.action === 'choose') {
      return { region, bucket, key: step.key };
    }
    if (step.action === 'open') {
      prefix = step.key;
    } else if (prefix === '') {
      bucket = undefined;
    } else {
      prefix = parentOf(prefix);
    }
  }
}

function browseItems(bucket: string, prefix: string, entries: readonly ObsEntry[], more: boolean, select: 'folder' | 'object' | 'any'): (vscode.QuickPickItem & { readonly step: Step })[] {
  const items: (vscode.QuickPickItem & { readonly step: Step })[] = [];
  if (select !== 'object') {
    items.push({ label: vscode.l10n.t('Use this folder'), description: obsUri(bucket, prefix), iconPath: new vscode.ThemeIcon('check'), step: { action: 'choose', key: prefix } });
  }
  items.push({ label: '..', description: prefix === '' ? vscode.l10n.t('all buckets') : obsUri(bucket, parentOf(prefix)), iconPath: new vscode.ThemeIcon('arrow-up'), step: { action: 'up' } });
  for (const entry of entries) {
    if (entry.kind === 'folder') {
      items.push({ label: `${escapeIcons(baseName(entry.key))}/`, iconPath: vscode.ThemeIcon.Folder, step: { action: 'open', key: entry.key } });
    } else if (select !== 'folder') {
      items.push({ label: escapeIcons(baseName(entry.key)), description: formatSize(entry.size), iconPath: vscode.ThemeIcon.File, step: { action: 'choose', key: entry.key } });
    }
  }
  if (more) {
    items.push({ label: vscode.l10n.t('Load more…'), iconPath: new vscode.ThemeIcon('ellipsis'), step: { action: 'more' } });
  }
  return items;
}

function parentOf(prefix: string): string {
  const trimmed = prefix.slice(0, -1);
  return trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
}
