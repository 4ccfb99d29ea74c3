import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { DEFAULT_WORKSPACE_ID } from '../services/workspaces';
import { readableStatus } from '../views/format';
import { jobEnded } from '../views/jobWatch/jobEndNotice';
import type { JobWatcher } from '../views/jobWatch/jobWatcher';
import type { WatchedJob } from '../views/jobWatch/watchedJobs';
import { SHOW_WATCHED_JOBS } from '../views/jobWatch/watchStatusBar';
import { trainingJobKind } from '../views/kinds/trainingJobKind';
import { type CommandContext, registerCommand } from './commandContext';
import { withProgress } from './progress';
import { requireServices, ResourceReference, resolveTarget } from './resourceTarget';
import { pick, pickMany } from './userInput';

/** The word a watched job's row adds to its contextValue: its menu then offers Unwatch instead of Watch. */
const WATCHED_ROW = 'watched';

/** Watch and Unwatch on a training job (its row tells which applies), and the status bar item's list of watched jobs. */
export function registerJobWatchCommands(context: CommandContext, watcher: JobWatcher): vscode.Disposable[] {
  const { jobWatch } = context;
  context.explorer.markRows((row) => (row.kind === trainingJobKind && jobWatch.isWatched(row.resourceId) ? [WATCHED_ROW] : []));
  const pickWatched = (title: string) => pick(context.ui, watchedItems(context, watcher), { title, matchOnDescription: true });
  return [
    registerCommand(context, 'modelarts.trainingJob.watch', async (node) => {
      const { scope, item } = await resolveTarget(context, trainingJobKind, node, (job) => !jobEnded(job) && !jobWatch.isWatched(job.metadata.id));
      if (jobEnded(item)) {
        void context.ui.showInformationMessage(vscode.l10n.t('Training job "{0}" has already ended: {1}.', item.metadata.name, readableStatus(item.status.phase)));
        return;
      }
      jobWatch.watch({ region: scope.region, workspaceId: scope.workspaceId, jobId: item.metadata.id, name: item.metadata.name });
      void context.ui.showInformationMessage(vscode.l10n.t('Watching training job "{0}": you are told when it ends.', item.metadata.name));
    }),
    registerCommand(context, 'modelarts.trainingJob.unwatch', async (node) => {
      const jobId = node === undefined ? (await pickWatched(vscode.l10n.t('Select the training job to stop watching'))).job.jobId : (await resolveTarget(context, trainingJobKind, node)).item.metadata.id;
      jobWatch.unwatch(jobId);
    }),
    registerCommand(context, SHOW_WATCHED_JOBS, async () => {
      const unwatch: vscode.QuickPickItem = { label: `$(eye-closed) ${vscode.l10n.t('Unwatch…')}` };
      const separator: vscode.QuickPickItem = { label: '', kind: vscode.QuickPickItemKind.Separator };
      const jobs = watchedItems(context, watcher);
      const picked = await pick(context.ui, [...jobs, separator, unwatch], { title: vscode.l10n.t('Watched training jobs: select one for its details'), matchOnDescription: true });
      if (picked === unwatch) {
        const chosen = await pickMany(context.ui, jobs, { title: vscode.l10n.t('Select the training jobs to stop watching') });
        chosen.forEach((item) => jobWatch.unwatch(item.job.jobId));
        return;
      }
      const { job } = picked as WatchedItem;
      await showDetails(context, job);
    }),
  ];
}

interface WatchedItem extends vscode.QuickPickItem {
  readonly job: WatchedJob;
}

/** The watched jobs as quick pick items; none is an error that says so. */
function watchedItems(context: CommandContext, watcher: JobWatcher): WatchedItem[] {
  const jobs = context.jobWatch.list();
  if (jobs.length === 0) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('No training job is watched. Watch one from its menu in the explorer.'), 'config');
  }
  return jobs.map((job) => watchedItem(job, watcher));
}

/** A watched job as its name (cloud text: quick pick items are never parsed for links), its region and what it was last read as. */
function watchedItem(job: WatchedJob, watcher: JobWatcher): WatchedItem {
  const phase = watcher.lastState(job.jobId)?.status.phase;
  return { label: job.name, description: phase ? `${job.region} · ${readableStatus(phase)}` : job.region, detail: job.jobId, job };
}

/** The job's details panel, from a fresh read of it. */
async function showDetails(context: CommandContext, watched: WatchedJob): Promise<void> {
  const services = requireServices(context);
  const job = await withProgress(vscode.l10n.t('Loading training job "{0}"…', watched.name), (signal) => services.trainingJobs.get(watched.region, watched.jobId, signal));
  context.states.report(trainingJobKind, watched.region, job);
  const scope = { region: watched.region, workspaceId: watched.workspaceId ?? DEFAULT_WORKSPACE_ID };
  await vscode.commands.executeCommand('modelarts.trainingJob.showDetails', new ResourceReference(trainingJobKind, scope, job));
}
