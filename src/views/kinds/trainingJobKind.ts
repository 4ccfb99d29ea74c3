import * as vscode from 'vscode';
import { TRAINING_PHASES, trainingPhaseCategory } from '../../services/status';
import { tasksOf, type TrainingJob } from '../../services/trainingJobs';
import { type FailureReason, lastErrorLine, reasonLine } from '../failureReason';
import { trainingJobFlavorText } from '../flavorText';
import { fieldTooltip, formatAge, formatDuration, formatTimestamp, joinParts, readableStatus, shortFlavor } from '../format';
import { KIND_NAMES } from '../kindNames';
import type { ResourceKind } from '../resourceKind';

const STOPPABLE = new Set(['Creating', 'Pending', 'Running']);
const UNDELETABLE = new Set(['Terminating']);

/** What a failed job says itself: a task's message (named on a job of several tasks), else why its last run ended. */
function statedReason(job: TrainingJob): string | undefined {
  const task = job.status.task_statuses?.find((status) => status.message?.trim());
  if (task?.message) {
    return task.task && tasksOf(job).length > 1 ? `${task.task}: ${task.message}` : task.message;
  }
  return job.status.running_records?.map((record) => record.end_reason?.trim()).filter(Boolean).at(-1);
}

/** A failed job usually says nothing itself: the last error line of the failed task's log (else the first task's), else its newest error event. */
const trainingFailureReason: FailureReason<TrainingJob> = {
  stated: statedReason,
  read: async (services, scope, job, signal) => {
    const task = job.status.task_statuses?.find((status) => status.task && status.exit_code)?.task ?? tasksOf(job)[0];
    const log = await services.trainingJobs.logPreview(scope.region, job.metadata.id, task, signal);
    const line = lastErrorLine(log.content);
    if (line !== undefined) {
      return line;
    }
    const { events } = await services.trainingJobs.events(scope.region, job.metadata.id, signal);
    return events.find((event) => event.level === 'Error')?.message;
  },
};

export const trainingJobKind: ResourceKind<TrainingJob> = {
  contextValue: KIND_NAMES.trainingJob,
  label: vscode.l10n.t('training job'),
  groupLabel: vscode.l10n.t('Training Jobs'),
  groupIcon: 'beaker',
  emptyLabel: vscode.l10n.t('No training jobs'),
  id: (job) => job.metadata.id,
  name: (job) => job.metadata.name,
  status: (job) => job.status.phase,
  category: (job) => trainingPhaseCategory(job.status.phase),
  refreshedWhileRunning: true,
  billedFlavor: (job) => job.spec?.resource?.flavor_id,
  capabilities: (job) => {
    const capabilities: string[] = [];
    if (STOPPABLE.has(job.status.phase)) {
      capabilities.push('canStop');
    }
    if (!UNDELETABLE.has(job.status.phase)) {
      capabilities.push('canDelete');
    }
    // The inline View Logs button: where a log tells what is happening or what went wrong.
    const category = trainingPhaseCategory(job.status.phase);
    if (category === 'running' || category === 'failed') {
      capabilities.push('hasLogs');
    }
    return capabilities;
  },
  description: (job) => joinParts(readableStatus(job.status.phase), shortFlavor(job.spec?.resource?.flavor_id), formatAge(job.metadata.create_time)),
  tooltip: (job, reason) =>
    fieldTooltip(job.metadata.name, [
      [vscode.l10n.t('Reason'), trainingPhaseCategory(job.status.phase) === 'failed' ? (reason ?? reasonLine(statedReason(job))) : undefined],
      [vscode.l10n.t('ID'), job.metadata.id],
      [vscode.l10n.t('Phase'), joinParts(readableStatus(job.status.phase), job.status.secondary_phase && job.status.secondary_phase !== job.status.phase ? readableStatus(job.status.secondary_phase) : undefined)],
      [vscode.l10n.t('Flavor'), trainingJobFlavorText(job)],
      [vscode.l10n.t('Nodes'), job.spec?.resource?.node_count],
      [vscode.l10n.t('Engine'), job.algorithm?.engine ? joinParts(job.algorithm.engine.engine_name, job.algorithm.engine.engine_version) : undefined],
      [vscode.l10n.t('Created'), formatTimestamp(job.metadata.create_time)],
      [vscode.l10n.t('Duration'), job.status.duration !== undefined ? formatDuration(job.status.duration) : undefined],
      [vscode.l10n.t('Owner'), job.metadata.user_name],
    ]),
  failureReason: trainingFailureReason,
  statusFilter: { statuses: TRAINING_PHASES, categoryOf: trainingPhaseCategory, onServer: true },
  listPage: (services, scope, pageToken, signal) => services.trainingJobs.search(scope, pageToken, { phases: scope.statuses }, signal),
  fetch: (services, scope, id, signal) => services.trainingJobs.get(scope.region, id, signal),
};
