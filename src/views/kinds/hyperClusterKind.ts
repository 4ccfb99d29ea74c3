import * as vscode from 'vscode';
import type { TypedHyperCluster } from '../../services/hyperClusters';
import { fieldTooltip, joinParts } from '../format';
import type { ResourceKind } from '../resourceKind';

const TYPE_LABELS: Record<TypedHyperCluster['type'], string> = {
  HPS: vscode.l10n.t('HPS (hyperinstances)'),
  ECS: vscode.l10n.t('ECS (elastic cloud servers)'),
};

/** Hyper clusters of both types, listed per region. They have no status: a listed cluster exists and can be deleted. */
export const hyperClusterKind: ResourceKind<TypedHyperCluster> = {
  contextValue: 'hyperCluster',
  label: vscode.l10n.t('hyper cluster'),
  groupLabel: vscode.l10n.t('Hyper Clusters'),
  groupIcon: 'type-hierarchy',
  itemIcon: 'type-hierarchy',
  emptyLabel: vscode.l10n.t('No hyper clusters'),
  perRegion: true,
  id: (cluster) => cluster.id,
  name: (cluster) => cluster.name,
  status: () => '',
  category: () => 'running',
  capabilities: () => ['canDelete'],
  description: (cluster) => cluster.type,
  tooltip: (cluster) =>
    fieldTooltip(cluster.name, [
      [vscode.l10n.t('ID'), cluster.id],
      [vscode.l10n.t('Type'), TYPE_LABELS[cluster.type]],
      [vscode.l10n.t('Subnets'), cluster.network_info?.map((network) => joinParts(network.hyper_cluster_subnet_id, network.is_default ? vscode.l10n.t('default') : undefined)).join(', ')],
    ]),
  listPage: async (services, scope, _pageToken, signal) => ({ items: await services.hyperClusters.list(scope.region, signal) }),
  fetch: (services, scope, id, signal) => services.hyperClusters.find(scope.region, id, signal),
};
