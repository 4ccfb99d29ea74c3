import * as vscode from 'vscode';
import { maxOpenBytes } from '../config';
import { baseName, type ObsObject } from '../services/obs';
import { PICKER_LIMIT } from '../services/paging';
import { formatAge, formatSize, joinParts, parseTimestamp } from '../views/format';
import { ObsListingNode } from '../views/nodes/obsNodes';
import { type CommandContext, registerCommand } from './commandContext';
import { openObsObject } from './obsOpen';
import { escapeIcons, locationUri, type ObsLocation, pickBucket } from './obsPickers';
import { revealObsLocation } from './obsReveal';
import { downloadFrom } from './obsTransferCommands';
import { withProgress } from './progress';
import { pickRegion, requireServices } from './resourceTarget';
import { ask, pick } from './userInput';

export function registerObsFindCommands(context: CommandContext): vscode.Disposable[] {
  return [registerCommand(context, 'modelarts.obs.findObjects', (node) => findObjects(context, node))];
}

/** Searches the object names under a bucket or folder (the tree node's, or a bucket picked) for a part typed, then acts on the one chosen. */
async function findObjects(context: CommandContext, node: unknown): Promise<void> {
  const services = requireServices(context);
  const where = await searchPlace(context, node);
  const uri = locationUri(where);
  const text = (
    await ask(context.ui, {
      title: vscode.l10n.t('Find objects in {0}', uri),
      prompt: vscode.l10n.t('Part of the names to find, in any case (it may span folders, e.g. "train/img_01")'),
      validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Type part of a name.') : undefined),
    })
  ).trim();
  const found = await withProgress(
    vscode.l10n.t('Finding "{0}" in {1}', text, uri),
    (signal, progress) =>
      services.obs.findObjects(where.region, where.bucket, { prefix: where.key, text, maxMatches: PICKER_LIMIT }, (scanned, matched) => progress.report({ message: vscode.l10n.t('{0} objects read, {1} found', scanned, matched) }), signal),
    context.ui,
  );
  if (found.matches.length === 0) {
    void context.ui.showInformationMessage(vscode.l10n.t('No name in {0} contains "{1}" ({2} objects read).', uri, text, found.scanned));
    return;
  }
  const title = found.capped
    ? vscode.l10n.t('The first {0} objects in {1} whose names contain "{2}": the search stopped there', found.matches.length, uri, text)
    : vscode.l10n.t('{0} objects in {1} whose names contain "{2}"', found.matches.length, uri, text);
  const chosen = await pick(context.ui, found.matches.map(resultItem), { title, placeHolder: vscode.l10n.t('Choose an object to reveal, open or download'), matchOnDetail: true });
  await actOn(context, { ...where, key: chosen.object.key }, chosen.object);
}

async function searchPlace(context: CommandContext, node: unknown): Promise<ObsLocation> {
  if (node instanceof ObsListingNode) {
    return { region: node.region, bucket: node.bucket, key: node.prefix };
  }
  const region = await pickRegion(context, vscode.l10n.t('Select a region'));
  return { region, bucket: (await pickBucket(context, region, vscode.l10n.t('Find objects in which bucket?'))).name, key: '' };
}

/** A match: its name, size and age, and its whole key (keys are text, never icons). */
function resultItem(object: ObsObject): vscode.QuickPickItem & { readonly object: ObsObject } {
  return {
    label: escapeIcons(baseName(object.key)),
    description: joinParts(formatSize(object.size), formatAge(parseTimestamp(object.lastModified))),
    detail: escapeIcons(object.key),
    iconPath: vscode.ThemeIcon.File,
    object,
  };
}

async function actOn(context: CommandContext, location: ObsLocation, object: ObsObject): Promise<void> {
  const reveal = { label: vscode.l10n.t('Reveal in Explorer'), iconPath: new vscode.ThemeIcon('list-tree'), run: () => revealObsLocation(context, location) };
  const open = { label: vscode.l10n.t('Open'), iconPath: new vscode.ThemeIcon('go-to-file'), run: () => openObsObject(context, location) };
  const download = { label: vscode.l10n.t('Download…'), iconPath: new vscode.ThemeIcon('cloud-download'), run: () => downloadFrom(context, location) };
  const actions = object.size <= maxOpenBytes() ? [reveal, open, download] : [reveal, download];
  await (await pick(context.ui, actions, { title: locationUri(location) })).run();
}
