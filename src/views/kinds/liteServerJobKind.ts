import * as vscode from 'vscode';
import type { DevServerJob } from '../../services/devServerJobs';
import { devServerJobStatusCategory } from '../../services/status';
import { fieldTooltip, formatAge, formatTimestamp, joinParts, readableStatus } from '../format';
import type { ResourceKind } from '../resourceKind';

/** Jobs run on Lite Servers, listed per region (§7.1 `dev-servers/jobs`). */
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
  category: (job) => devServerJobStatusCategory(job.status),
  // Any job can be deleted; the API deletes a running one too.
  capabilities: () => ['canDelete'],
  description: (job) =>
    joinParts(readableStatus(job.status), job.type, vscode.l10n.t('{0} server(s)', job.server_ids?.length ?? 0), formatAge(job.create_at)),
  tooltip: (job) =>
    fieldTooltip(job.name, [
      [vscode.l10n.t('ID'), job.id],
      [vscode.l10n.t('Status'), job.status],
      [vscode.l10n.t('Type'), job.type],
      [vscode.l10n.t('Servers'), job.server_ids?.join(', ')],
      [vscode.l10n.t('Image'), job.image],
      [vscode.l10n.t('Command'), job.command],
      [vscode.l10n.t('Created'), formatTimestamp(job.create_at)],
    ]),
  listPage: (services, scope, pageToken, signal) => services.devServerJobs.list(scope.region, pageToken, signal),
  fetch: (services, scope, id, signal) => services.devServerJobs.get(scope.region, id, signal),
};
