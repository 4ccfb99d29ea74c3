import * as vscode from 'vscode';
import { trainingPhaseCategory } from '../../services/status';
import type { TrainingJob } from '../../services/trainingJobs';
import { fieldTooltip, formatAge, formatDuration, formatTimestamp, joinParts, shortFlavor } from '../format';
import type { ResourceKind } from '../resourceKind';

const STOPPABLE = new Set(['Creating', 'Pending', 'Running']);
const UNDELETABLE = new Set(['Terminating']);

export const trainingJobKind: ResourceKind<TrainingJob> = {
  contextValue: 'trainingJob',
  label: vscode.l10n.t('training job'),
  groupLabel: vscode.l10n.t('Training Jobs'),
  groupIcon: 'beaker',
  emptyLabel: vscode.l10n.t('No training jobs'),
  id: (job) => job.metadata.id,
  name: (job) => job.metadata.name,
  status: (job) => job.status.phase,
  category: (job) => trainingPhaseCategory(job.status.phase),
  refreshedWhileRunning: true,
  capabilities: (job) => {
    const capabilities: string[] = [];
    if (STOPPABLE.has(job.status.phase)) {
      capabilities.push('canStop');
    }
    if (!UNDELETABLE.has(job.status.phase)) {
      capabilities.push('canDelete');
    }
    return capabilities;
  },
  description: (job) => joinParts(job.status.phase, shortFlavor(job.spec?.resource?.flavor_id), formatAge(job.metadata.create_time)),
  tooltip: (job) =>
    fieldTooltip(job.metadata.name, [
      [vscode.l10n.t('ID'), job.metadata.id],
      [vscode.l10n.t('Phase'), joinParts(job.status.phase, job.status.secondary_phase !== job.status.phase ? job.status.secondary_phase : undefined)],
      [vscode.l10n.t('Flavor'), job.spec?.resource?.flavor_name ?? job.spec?.resource?.flavor_id],
      [vscode.l10n.t('Nodes'), job.spec?.resource?.node_count],
      [vscode.l10n.t('Engine'), job.algorithm?.engine ? joinParts(job.algorithm.engine.engine_name, job.algorithm.engine.engine_version) : undefined],
      [vscode.l10n.t('Created'), formatTimestamp(job.metadata.create_time)],
      [vscode.l10n.t('Duration'), job.status.duration !== undefined ? formatDuration(job.status.duration) : undefined],
      [vscode.l10n.t('Owner'), job.metadata.user_name],
    ]),
  listPage: (services, scope, pageToken, signal) => services.trainingJobs.search(scope, pageToken, {}, signal),
  fetch: (services, scope, id, signal) => services.trainingJobs.get(scope.region, id, signal),
};
