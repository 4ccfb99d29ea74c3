import * as vscode from 'vscode';
import { type DevServerJob, type DevServerTask, jobTime } from '../../services/devServerJobs';
import type { ModelArtsServices } from '../../services';
import { findListed } from '../../services/responses';
import { devServerJobStatusCategory, devServerTaskStatusCategory } from '../../services/status';
import { fieldTooltip, formatAge, formatTimestamp, joinParts, readableStatus } from '../format';
import { type ListScope, parentOf, type ResourceKind } from '../resourceKind';

function failedTasks(job: DevServerJob): string | undefined {
  const failed = job.abnormal_count ?? 0;
  return failed === 0 ? undefined : vscode.l10n.t('{0} task(s) failed', failed);
}

async function jobTasks(services: ModelArtsServices, scope: ListScope, signal?: AbortSignal): Promise<DevServerTask[]> {
  return [...((await services.devServerJobs.get(scope.region, parentOf(scope, 'Lite Server job'), signal)).tasks ?? [])];
}

/** The part of a job that runs on one server: read from the job (its list shows no tasks). */
export const devServerTaskKind: ResourceKind<DevServerTask> = {
  contextValue: 'devServerTask',
  label: vscode.l10n.t('task'),
  groupLabel: vscode.l10n.t('Tasks'),
  groupIcon: 'checklist',
  emptyLabel: vscode.l10n.t('No tasks'),
  id: (task) => task.id ?? task.server_id ?? '',
  name: (task) => task.server_name ?? task.server_id ?? task.id ?? '',
  status: (task) => task.status ?? '',
  category: (task) => devServerTaskStatusCategory(task.status ?? ''),
  capabilities: () => [],
  description: (task) => joinParts(readableStatus(task.status ?? ''), task.message),
  tooltip: (task) =>
    fieldTooltip(task.server_name ?? task.id ?? '', [
      [vscode.l10n.t('Task ID'), task.id],
      [vscode.l10n.t('Lite Server ID'), task.server_id],
      [vscode.l10n.t('Status'), task.status && readableStatus(task.status)],
      [vscode.l10n.t('Message'), task.message],
      [vscode.l10n.t('Started'), formatTimestamp(jobTime(task.create_at))],
      [vscode.l10n.t('Updated'), formatTimestamp(jobTime(task.update_at))],
    ]),
  listPage: async (services, scope, _pageToken, signal) => ({ items: await jobTasks(services, scope, signal) }),
  fetch: async (services, scope, id, signal) => findListed(await jobTasks(services, scope, signal), (task) => devServerTaskKind.id(task) === id, `task ${id}`),
};

/** Jobs run on Lite Servers, listed per region (`dev-servers/jobs`), each with its tasks. */
export const devServerJobKind: ResourceKind<DevServerJob> = {
  contextValue: 'devServerJob',
  perRegion: true,
  label: vscode.l10n.t('Lite Server job'),
  groupLabel: vscode.l10n.t('Lite Server Jobs'),
  groupIcon: 'run-all',
  emptyLabel: vscode.l10n.t('No Lite Server jobs'),
  id: (job) => job.id,
  name: (job) => job.name,
  status: (job) => job.status,
  category: (job) => devServerJobStatusCategory(job.status, job.abnormal_count ?? 0),
  // Any job can be deleted; the API deletes one in progress too.
  capabilities: () => ['canDelete'],
  description: (job) => joinParts(readableStatus(job.status), job.type, failedTasks(job), formatAge(jobTime(job.create_at))),
  tooltip: (job) =>
    fieldTooltip(job.name, [
      [vscode.l10n.t('ID'), job.id],
      [vscode.l10n.t('Status'), readableStatus(job.status)],
      [vscode.l10n.t('Type'), job.type],
      [vscode.l10n.t('Failed tasks'), job.abnormal_count],
      [vscode.l10n.t('Description'), job.description],
      [vscode.l10n.t('Created by'), job.user_name],
      [vscode.l10n.t('Created'), formatTimestamp(jobTime(job.create_at))],
    ]),
  listPage: async (services, scope, _pageToken, signal) => ({ items: await services.devServerJobs.list(scope.region, signal) }),
  fetch: (services, scope, id, signal) => services.devServerJobs.get(scope.region, id, signal),
  childKinds: [devServerTaskKind] as readonly ResourceKind<unknown>[],
};
