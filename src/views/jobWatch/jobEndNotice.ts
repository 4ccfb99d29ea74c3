import * as vscode from 'vscode';
import type { CommandContext } from '../../commands/commandContext';
import { type NextStep, offer, SHOW_DETAILS } from '../../commands/nextSteps';
import { ResourceReference } from '../../commands/resourceTarget';
import type { TrainingJob } from '../../services/trainingJobs';
import { trainingPhaseCategory } from '../../services/status';
import { DEFAULT_WORKSPACE_ID } from '../../services/workspaces';
import { failureReasonOf } from '../failureReason';
import { readableStatus } from '../format';
import type { ResourceKind } from '../resourceKind';
import type { WatchedJob } from './watchedJobs';

/** Whether a job in this state has ended: it completed, failed or was terminated, and will not change again. */
export function jobEnded(job: TrainingJob): boolean {
  const category = trainingPhaseCategory(job.status.phase);
  return category === 'succeeded' || category === 'stopped' || category === 'failed';
}

/**
 * The one notification of a watched job's end: Completed, Failed with why, or Terminated, with Show Log, Show
 * Details and, for a job Run on ModelArts ran, Run Again (from the same folder). The reason is the cloud's text:
 * shown as plain text (context.ui), with any known credential masked.
 */
export async function announceJobEnd(context: CommandContext, watched: WatchedJob, job: TrainingJob): Promise<void> {
  const scope = { region: watched.region, workspaceId: watched.workspaceId ?? job.metadata.workspace_id ?? DEFAULT_WORKSPACE_ID };
  const steps: NextStep[] = [
    { button: vscode.l10n.t('Show Log'), command: 'modelarts.trainingJob.viewLogs' },
    { button: SHOW_DETAILS, command: 'modelarts.trainingJob.showDetails' },
  ];
  if (watched.runFolder) {
    steps.push({ button: vscode.l10n.t('Run Again'), command: 'modelarts.runAgain', argument: vscode.Uri.file(watched.runFolder) });
  }
  // The kind's code loads with the tree and the commands, not at activation.
  const { trainingJobKind } = await import('../treeCode');
  const reference = new ResourceReference(trainingJobKind, scope, job);
  const name = job.metadata.name;
  const category = trainingJobKind.category(job);
  if (category === 'failed') {
    const why = (await readReason(context, trainingJobKind, scope, job)) ?? readableStatus(job.status.phase);
    const message = context.log.redactor.redact(vscode.l10n.t('Training job "{0}" failed: {1}', name, why));
    await offer(context, 'error', message, steps, reference);
    return;
  }
  const message = category === 'succeeded' ? vscode.l10n.t('Training job "{0}" completed.', name) : vscode.l10n.t('Training job "{0}" was terminated.', name);
  await offer(context, 'info', message, steps, reference);
}

/** Why it failed, as its hover and details panel say it; none when signed out meanwhile. */
async function readReason(context: CommandContext, kind: ResourceKind<TrainingJob>, scope: { region: string; workspaceId: string }, job: TrainingJob): Promise<string | undefined> {
  const services = context.session.services;
  return services ? failureReasonOf(kind, services, scope, job, new AbortController().signal) : undefined;
}
