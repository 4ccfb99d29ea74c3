import * as vscode from 'vscode';
import type { HyperCluster } from '../../services/hyperClusters';
import { hyperClusterStatusCategory } from '../../services/status';
import { fieldTooltip, formatAge, formatTimestamp, joinParts, readableStatus } from '../format';
import type { ResourceKind } from '../resourceKind';

function hyperinstanceCount(cluster: HyperCluster): string | undefined {
  const count = cluster.hyperinstance_ids?.length ?? 0;
  return count === 0 ? undefined : count === 1 ? vscode.l10n.t('1 hyperinstance') : vscode.l10n.t('{0} hyperinstances', count);
}

export const hyperClusterKind: ResourceKind<HyperCluster> = {
  contextValue: 'hyperCluster',
  label: vscode.l10n.t('hyper cluster'),
  groupLabel: vscode.l10n.t('Hyper Clusters'),
  groupIcon: 'type-hierarchy',
  emptyLabel: vscode.l10n.t('No hyper clusters'),
  perRegion: true,
  id: (cluster) => cluster.id,
  name: (cluster) => cluster.name,
  status: (cluster) => cluster.status,
  category: (cluster) => hyperClusterStatusCategory(cluster.status),
  // A cluster being created or deleted cannot be deleted (yet, again).
  capabilities: (cluster) => (['ACTIVE', 'ERROR'].includes(cluster.status) ? ['canDelete'] : []),
  description: (cluster) => joinParts(readableStatus(cluster.status), cluster.type, cluster.availability_zone, hyperinstanceCount(cluster), formatAge(cluster.create_at)),
  tooltip: (cluster) =>
    fieldTooltip(cluster.name, [
      [vscode.l10n.t('ID'), cluster.id],
      [vscode.l10n.t('Status'), cluster.status],
      [vscode.l10n.t('Type'), cluster.type],
      [vscode.l10n.t('Availability zone'), cluster.availability_zone],
      [vscode.l10n.t('Hyperinstances'), cluster.hyperinstance_ids?.join(', ')],
      [vscode.l10n.t('Description'), cluster.description],
      [vscode.l10n.t('Created'), formatTimestamp(cluster.create_at)],
    ]),
  listPage: (services, scope, pageToken, signal) => services.hyperClusters.list(scope.region, pageToken, signal),
  fetch: (services, scope, id, signal) => services.hyperClusters.get(scope.region, id, signal),
};
