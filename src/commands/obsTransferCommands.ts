import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { asLongOperation, attachReport } from '../activity/activityScope';
import { asModelArtsError, cancelledError, isCancellation, LocalErrorCode, ModelArtsError } from '../services/errors';
import { baseName, type ObsService } from '../services/obs';
import { type ObsPlace, ObsTransfers, type TransferOptions } from '../services/obsTransfers';
import type { TransferProgress, TransferReport } from '../services/transferReport';
import { formatSize } from '../views/format';
import { ObsListingNode } from '../views/nodes/obsNodes';
import { type CommandContext, registerCommand, reportFailure } from './commandContext';
import { confirmAction } from './confirm';
import { type ObsTarget, reloadListing, resolveObsTarget } from './obsCommands';
import { locationUri, type ObsLocation } from './obsPickers';
import { revealObsLocation } from './obsReveal';
import { withProgress } from './progress';
import { requireServices } from './resourceTarget';
import type { ProgressStep } from './userInput';

/** A progress notification is told at most this often how far a transfer is (and whenever a file completes). */
const PROGRESS_INTERVAL_MS = 250;

export function registerObsTransferCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.obs.uploadFiles', (node) => upload(context, node, 'files')),
    registerCommand(context, 'modelarts.obs.uploadFolder', (node) => upload(context, node, 'folders')),
    registerCommand(context, 'modelarts.obs.download', (node) => download(context, node)),
  ];
}

async function upload(context: CommandContext, node: unknown, what: 'files' | 'folders'): Promise<void> {
  const { location, node: shown } = await resolveObsTarget(context, node, vscode.l10n.t('Upload into which folder?'), 'folder');
  const destination = locationUri(location);
  const picked = await context.ui.showOpenDialog({
    title: what === 'files' ? vscode.l10n.t('Upload files to {0}', destination) : vscode.l10n.t('Upload folders to {0}', destination),
    openLabel: vscode.l10n.t('Upload'),
    canSelectFiles: what === 'files',
    canSelectFolders: what === 'folders',
    canSelectMany: true,
  });
  await uploadInto(context, location, localPaths(picked), shown);
}

/**
 * Uploads local files and folders into a bucket or folder (the Upload commands, and a drop on the explorer):
 * asks before replacing objects, runs under a cancellable notification, reloads `shown` and reports.
 */
export async function uploadInto(context: CommandContext, location: ObsLocation, paths: readonly string[], shown?: ObsTarget['node']): Promise<void> {
  const services = requireServices(context);
  const destination = locationUri(location);
  const replaced = await withProgress(vscode.l10n.t('Checking {0}…', destination), (signal) => countExisting(services.obs, location, paths, signal));
  if (replaced > 0) {
    const question = vscode.l10n.t('Replace {0} objects in {1}?', replaced, destination);
    if (!(await confirmAction(context.ui, question, vscode.l10n.t('Objects with the same names as the files uploaded are overwritten.'), vscode.l10n.t('Replace')))) {
      return;
    }
  }
  const report = await runTransfer(context, vscode.l10n.t('Uploading to {0}', destination), (options) => new ObsTransfers(services.obs).upload(location, paths, options));
  if (shown instanceof ObsListingNode) {
    reloadListing(context, shown);
  }
  const done =
    report.transferred.length === 1
      ? vscode.l10n.t('Uploaded 1 file ({0}) to {1}.', formatSize(report.bytes) ?? '', destination)
      : vscode.l10n.t('Uploaded {0} files ({1}) to {2}.', report.transferred.length, formatSize(report.bytes) ?? '', destination);
  // A single file is revealed itself; several files or folders by the folder they went into.
  const singleFile = paths.length === 1 && report.transferred.length === 1 && report.transferred[0] === path.basename(paths[0]);
  const uploaded = singleFile ? { ...location, key: location.key + report.transferred[0] } : location;
  await showReport(context, report, { done, verb: vscode.l10n.t('uploaded') }, uploaded);
}

async function download(context: CommandContext, node: unknown): Promise<void> {
  const { location } = await resolveObsTarget(context, node, vscode.l10n.t('Download which object or folder?'), 'any');
  await downloadFrom(context, location);
}

/** Downloads an object, or a folder with everything in it, into a local folder the open dialog picks. */
export async function downloadFrom(context: CommandContext, location: ObsLocation): Promise<void> {
  const services = requireServices(context);
  const source = locationUri(location);
  const [folder] = localPaths(
    await context.ui.showOpenDialog({ title: vscode.l10n.t('Download {0} into', source), openLabel: vscode.l10n.t('Download Here'), canSelectFiles: false, canSelectFolders: true, canSelectMany: false }),
  );
  const topName = location.key === '' ? location.bucket : baseName(location.key);
  if (existsSync(path.join(folder, topName))) {
    const question = vscode.l10n.t('Replace "{0}" in {1}?', topName, folder);
    if (!(await confirmAction(context.ui, question, vscode.l10n.t('Local files with the same names as the objects downloaded are overwritten.'), vscode.l10n.t('Replace')))) {
      return;
    }
  }
  const report = await runTransfer(context, vscode.l10n.t('Downloading {0}', source), (options) => new ObsTransfers(services.obs).download(location, folder, options));
  const target = path.join(folder, topName);
  const done =
    report.transferred.length === 1
      ? vscode.l10n.t('Downloaded 1 file ({0}) to {1}.', formatSize(report.bytes) ?? '', target)
      : vscode.l10n.t('Downloaded {0} files ({1}) to {2}.', report.transferred.length, formatSize(report.bytes) ?? '', target);
  await showReport(context, report, { done, verb: vscode.l10n.t('downloaded') });
}

/** Local paths of what the open dialog gave; dismissing it cancels. */
function localPaths(picked: readonly vscode.Uri[] | undefined): string[] {
  if (!picked || picked.length === 0) {
    throw cancelledError();
  }
  if (picked.some((uri) => uri.scheme !== 'file')) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Only files on this machine can be transferred.'), 'config');
  }
  return picked.map((uri) => uri.fsPath);
}

/** How many objects an upload of the files or folders at `paths` into `destination` would overwrite. */
async function countExisting(obs: ObsService, destination: ObsPlace, paths: readonly string[], signal: AbortSignal): Promise<number> {
  const { region, bucket } = destination;
  let count = 0;
  for (const local of paths) {
    const key = destination.key + path.basename(local);
    if ((await stat(local)).isDirectory()) {
      count += (await obs.listAllObjects(region, bucket, `${key}/`, signal)).length;
    } else {
      const exists = await obs.headObject(region, bucket, key, signal).then(
        () => true,
        (error: unknown) => (asModelArtsError(error).isNotFound ? false : Promise.reject(error)),
      );
      count += exists ? 1 : 0;
    }
  }
  return count;
}

/** Runs a transfer under a cancellable notification that counts bytes and files; cancelling still yields its report. */
export async function runTransfer(context: CommandContext, title: string, transfer: (options: TransferOptions) => Promise<TransferReport>): Promise<TransferReport> {
  let report: TransferReport | undefined;
  try {
    // A transfer is a long operation wherever it starts (a command, a drop): the Activity view lists it, with its report.
    await asLongOperation(context.activity, () =>
      withProgress(
        title,
        async (signal, progress) => {
          const reporter = new ProgressReporter(progress);
          try {
            report = await transfer({ signal, onProgress: reporter.update });
            attachReport({ name: reportName(), text: reportText(report) });
          } finally {
            reporter.dispose();
          }
        },
        context.ui,
      ),
    );
  } catch (error) {
    if (!(isCancellation(error) && report)) {
      throw error;
    }
  }
  if (!report) {
    throw new ModelArtsError('InternalError', 'the transfer ended without a report', 'service');
  }
  return report;
}

/**
 * Tells the notification how far the transfer is: at once when a file completes, otherwise at most every
 * PROGRESS_INTERVAL_MS, the latest state last (bytes may stop moving until a file completes).
 */
export class ProgressReporter {
  private shownPercent = 0;
  private shownFiles = -1;
  private shownAt = 0;
  private latest: TransferProgress | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly progress: vscode.Progress<ProgressStep>) {}

  readonly update = (state: TransferProgress): void => {
    this.latest = state;
    const wait = this.shownAt + PROGRESS_INTERVAL_MS - Date.now();
    if (state.filesDone !== this.shownFiles || wait <= 0) {
      this.show();
    } else {
      this.timer ??= setTimeout(() => this.show(), wait);
    }
  };

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private show(): void {
    this.dispose();
    const state = this.latest;
    if (!state) {
      return;
    }
    const percent = state.bytesTotal > 0 ? (state.bytesDone / state.bytesTotal) * 100 : (state.filesDone / Math.max(1, state.filesTotal)) * 100;
    this.progress.report({
      message: vscode.l10n.t('{0} of {1} files · {2} of {3}', state.filesDone, state.filesTotal, formatSize(state.bytesDone) ?? '', formatSize(state.bytesTotal) ?? ''),
      increment: Math.max(0, percent - this.shownPercent),
    });
    this.shownPercent = Math.max(this.shownPercent, percent);
    this.shownFiles = state.filesDone;
    this.shownAt = Date.now();
  }
}

/**
 * Says how a transfer went, offering to reveal `uploaded` in the explorer when all went; when not all went, names
 * what did not (and why) in the log and, on request, in a report.
 */
export async function showReport(context: CommandContext, report: TransferReport, words: { readonly done: string; readonly verb: string }, uploaded?: ObsLocation): Promise<void> {
  const total = report.transferred.length + report.failed.length + report.notTransferred.length;
  if (report.failed.length === 0 && report.notTransferred.length === 0) {
    const reveal = vscode.l10n.t('Reveal');
    // Not awaited: the command is done, while the notification may stay until it is dismissed.
    void context.ui
      .showInformationMessage(words.done, ...(uploaded ? [reveal] : []))
      .then((answer) => (uploaded && answer === reveal ? revealObsLocation(context, uploaded) : undefined))
      .then(undefined, (error: unknown) => reportFailure(context, 'modelarts.obs.reveal', error));
    return;
  }
  for (const failure of report.failed) {
    context.log.error(`${failure.name}: ${failure.reason}`);
  }
  const summary = report.cancelled
    ? vscode.l10n.t('Cancelled: {0} of {1} files {2}, {3} not.', report.transferred.length, total, words.verb, report.notTransferred.length + report.failed.length)
    : vscode.l10n.t('{0} of {1} files {2}; {3} failed, {4} not transferred.', report.transferred.length, total, words.verb, report.failed.length, report.notTransferred.length);
  const showReportLabel = vscode.l10n.t('Show Report');
  const firstFailure = report.failed[0] ? ` ${vscode.l10n.t('First failure: {0} ({1})', report.failed[0].name, report.failed[0].reason)}` : '';
  const answer = report.failed.length > 0
    ? await context.ui.showErrorMessage(`${summary}${firstFailure}`, showReportLabel)
    : await context.ui.showWarningMessage(summary, {}, showReportLabel);
  if (answer === showReportLabel) {
    await context.documents.show(['obs', reportName()], reportText(report), 'plaintext');
  }
}

function reportName(): string {
  return `transfer-report-${new Date().toISOString().replace(/[:.]/g, '-')}.txt`;
}

function reportText(report: TransferReport): string {
  const section = (title: string, lines: readonly string[]): string => `${title} (${lines.length})\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
  return [
    section(vscode.l10n.t('Transferred'), report.transferred),
    section(vscode.l10n.t('Failed'), report.failed.map((failure) => `${failure.name}: ${failure.reason}`)),
    section(vscode.l10n.t('Not transferred'), report.notTransferred),
  ].join('\n');
}
