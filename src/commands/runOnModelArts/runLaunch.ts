import * as vscode from 'vscode';
import { parseObsUri } from '../../services/obs';
import type { TrainingJob } from '../../services/trainingJobs';
import { trainingJobKind } from '../../views/kinds/trainingJobKind';
import type { TrainingJobFormValues } from '../../webviews/protocol';
import { type CommandContext, reportFailure } from '../commandContext';
import { type SyncTarget, syncFolder } from '../folderSyncProgress';
import { ResourceReference } from '../resourceTarget';
import type { RunSettingsStore } from './runSettings';

/** The files a message names at most; the rest are counted. */
const NAMED_FILES = 10;

export function syncTargetOf(region: string, codeDir: string): SyncTarget {
  const location = parseObsUri(codeDir);
  return { region, bucket: location?.bucket ?? '', prefix: location?.key ?? '' };
}

/**
 * Syncs the folder to the code folder; undefined once every file is there, else why not and which files did not
 * go, for the job is created only from a complete upload. What went up stays: the next run sends only the rest.
 */
export async function uploadProblem(context: CommandContext, folder: string, region: string, codeDir: string): Promise<{ readonly cancelled: boolean; readonly message: string } | undefined> {
  const outcome = await syncFolder(context, folder, syncTargetOf(region, codeDir));
  if (outcome.complete) {
    return undefined;
  }
  const named = outcome.notSent.slice(0, NAMED_FILES).join(', ');
  const rest = outcome.notSent.length - NAMED_FILES;
  const files = rest > 0 ? vscode.l10n.t('{0} and {1} more', named, rest) : named;
  const message = outcome.cancelled
    ? vscode.l10n.t('The upload to {0} was cancelled, so no training job was created. Not uploaded: {1}.', codeDir, files)
    : vscode.l10n.t('The upload to {0} did not finish ({1}), so no training job was created. Not uploaded: {2}. Run again to send the rest.', codeDir, outcome.reason ?? vscode.l10n.t('failed'), files);
  return { cancelled: outcome.cancelled, message };
}

/** After a run's job is created: the job watched, its settings remembered for the folder, the job revealed in the tree, and its log followed. */
export async function followRun(context: CommandContext, store: RunSettingsStore, folder: string, region: string, values: TrainingJobFormValues, job: TrainingJob): Promise<void> {
  const { id, name } = job.metadata;
  context.states.created(trainingJobKind, { region, workspaceId: values.workspaceId }, job);
  context.jobWatch.watch({ region, workspaceId: values.workspaceId, jobId: id, name, runFolder: folder });
  context.walkthrough.reach('trainingJobRun');
  // The job runs whatever the file says: a settings file the user broke meanwhile is reported, and the job still followed.
  await store.remember(folder, { region, job: values }).catch((error: unknown) => void reportFailure(context, 'modelarts.runOnModelArts', error));
  const node = await context.explorer.findNewResource(region, values.workspaceId, trainingJobKind.contextValue, id);
  if (node) {
    await context.treeView.reveal(node, { select: true, focus: false });
  }
  await vscode.commands.executeCommand('modelarts.trainingJob.viewLogs', new ResourceReference(trainingJobKind, { region, workspaceId: values.workspaceId }, job));
}

/** The next run's name: the last one's number counted up (`mnist-3` → `mnist-4`), else `-2` added; within 64 characters. */
export function nextJobName(last: string): string {
  const numbered = /^(.*)-(\d+)$/.exec(last);
  const [stem, next] = numbered ? [numbered[1], String(Number(numbered[2]) + 1)] : [last, '2'];
  return `${stem.slice(0, 63 - next.length)}-${next}`;
}

/** A first run's name, from the folder's: the characters a job name may not have become `-`. */
export function firstJobName(folderName: string): string {
  const stem = folderName.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 60) || 'run';
  return `${stem}-1`;
}
