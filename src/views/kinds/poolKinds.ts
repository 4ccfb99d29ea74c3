import * as vscode from 'vscode';
import { type NodePool, type Pool, type PoolNode, type PoolPlugin, poolDisplayName } from '../../services/pools';
import { nodePhaseCategory, pluginPhaseCategory, poolPhaseCategory, type StatusCategory } from '../../services/status';
import { fieldTooltip, formatAge, joinParts, shortFlavor } from '../format';
import { type ListScope, parentOf, type ResourceKind } from '../resourceKind';

/** Pool objects carry RFC3339 creation times, not epoch milliseconds (§0). */
const createdAt = (timestamp: string | undefined): number | undefined => (timestamp ? Date.parse(timestamp) : undefined);

/** The pool a sub-resource belongs to. */
export function poolOf(scope: ListScope): string {
  return parentOf(scope, 'pool');
}

export const poolNodeKind: ResourceKind<PoolNode> = {
  contextValue: 'poolNode',
  label: vscode.l10n.t('node'),
  groupLabel: vscode.l10n.t('Nodes'),
  groupIcon: 'server',
  emptyLabel: vscode.l10n.t('No nodes'),
  id: (node) => node.metadata.name,
  name: (node) => node.metadata.name,
  status: (node) => node.status?.phase ?? 'Unknown',
  category: (node) => nodePhaseCategory(node.status?.phase ?? ''),
  capabilities: (node) => (['Available', 'Abnormal'].includes(node.status?.phase ?? '') ? ['canReboot', 'canDelete'] : []),
  description: (node) => joinParts(node.status?.phase, shortFlavor(node.spec?.flavor), node.status?.privateIp),
  tooltip: (node) =>
    fieldTooltip(node.metadata.name, [
      [vscode.l10n.t('Phase'), node.status?.phase],
      [vscode.l10n.t('Flavor'), node.spec?.flavor],
      [vscode.l10n.t('Availability zone'), node.status?.az],
      [vscode.l10n.t('Private IP'), node.status?.privateIp],
      [vscode.l10n.t('Created'), node.metadata.creationTimestamp],
    ]),
  listPage: (services, scope, pageToken, signal) => services.pools.listNodes(scope.region, poolOf(scope), pageToken, signal),
  fetch: (services, scope, id, signal) => services.pools.getNode(scope.region, poolOf(scope), id, signal),
};

/**
 * Node pools have no documented phase (§5.3); their state is read from how many
 * of their nodes are being created, deleted or abnormal.
 */
function nodePoolState(nodePool: NodePool): { readonly label: string; readonly category: StatusCategory } {
  const resources = nodePool.status?.resources;
  const count = (entries: readonly { count: number }[] | undefined) => (entries ?? []).reduce((sum, entry) => sum + entry.count, 0);
  if (count(resources?.abnormal) > 0) {
    return { label: vscode.l10n.t('Abnormal'), category: 'failed' };
  }
  if (count(resources?.creating) > 0 || count(resources?.deleting) > 0) {
    return { label: vscode.l10n.t('Scaling'), category: 'transitional' };
  }
  return { label: vscode.l10n.t('Ready'), category: 'running' };
}

export const nodePoolKind: ResourceKind<NodePool> = {
  contextValue: 'nodePool',
  label: vscode.l10n.t('node pool'),
  groupLabel: vscode.l10n.t('Node Pools'),
  groupIcon: 'layers',
  emptyLabel: vscode.l10n.t('No node pools'),
  id: (nodePool) => nodePool.metadata.name,
  name: (nodePool) => nodePool.metadata.name,
  status: (nodePool) => nodePoolState(nodePool).label,
  category: (nodePool) => nodePoolState(nodePool).category,
  capabilities: () => ['canScale', 'canDelete'],
  description: (nodePool) =>
    joinParts(nodePoolState(nodePool).label, shortFlavor(nodePool.spec?.resources?.flavor), vscode.l10n.t('{0} nodes', nodePool.spec?.resources?.count ?? 0)),
  tooltip: (nodePool) =>
    fieldTooltip(nodePool.metadata.name, [
      [vscode.l10n.t('Flavor'), nodePool.spec?.resources?.flavor],
      [vscode.l10n.t('Nodes'), nodePool.spec?.resources?.count],
      [vscode.l10n.t('At most'), nodePool.spec?.resources?.maxCount],
      [vscode.l10n.t('Created'), nodePool.metadata.creationTimestamp],
    ]),
  listPage: async (services, scope, _pageToken, signal) => ({ items: await services.pools.listNodePools(scope.region, poolOf(scope), signal) }),
  fetch: (services, scope, id, signal) => services.pools.getNodePool(scope.region, poolOf(scope), id, signal),
};

export const pluginKind: ResourceKind<PoolPlugin> = {
  contextValue: 'poolPlugin',
  label: vscode.l10n.t('plugin'),
  groupLabel: vscode.l10n.t('Plugins'),
  groupIcon: 'extensions',
  emptyLabel: vscode.l10n.t('No plugins'),
  id: (plugin) => plugin.metadata.name,
  name: (plugin) => plugin.metadata.name,
  status: (plugin) => plugin.status?.phase ?? 'Unknown',
  category: (plugin) => pluginPhaseCategory(plugin.status?.phase ?? ''),
  capabilities: () => [],
  description: (plugin) => joinParts(plugin.status?.phase, plugin.spec?.template?.version),
  tooltip: (plugin) =>
    fieldTooltip(plugin.metadata.name, [
      [vscode.l10n.t('Phase'), plugin.status?.phase],
      [vscode.l10n.t('Template'), joinParts(plugin.spec?.template?.name, plugin.spec?.template?.version)],
      [vscode.l10n.t('Created'), plugin.metadata.creationTimestamp],
    ]),
  listPage: async (services, scope, _pageToken, signal) => ({ items: await services.pools.listPlugins(scope.region, poolOf(scope), signal) }),
  fetch: (services, scope, id, signal) => services.pools.getPlugin(scope.region, poolOf(scope), id, signal),
};

/** "300 × gpu.v100, 2 × cpu.8u": what a pool is made of. */
function composition(pool: Pool): string {
  return (pool.spec?.resources ?? []).map((resource) => `${resource.count} × ${shortFlavor(resource.flavor)}`).join(', ');
}

export const poolKind: ResourceKind<Pool> = {
  contextValue: 'pool',
  label: vscode.l10n.t('resource pool'),
  groupLabel: vscode.l10n.t('Resource Pools'),
  groupIcon: 'server-environment',
  emptyLabel: vscode.l10n.t('No dedicated resource pools'),
  id: (pool) => pool.metadata.name,
  name: (pool) => poolDisplayName(pool),
  status: (pool) => pool.status?.phase ?? 'Unknown',
  category: (pool) => poolPhaseCategory(pool.status?.phase ?? ''),
  capabilities: (pool) => (pool.status?.phase === 'Deleting' ? [] : ['canDelete']),
  description: (pool) => joinParts(pool.status?.phase, composition(pool), formatAge(createdAt(pool.metadata.creationTimestamp))),
  tooltip: (pool) =>
    fieldTooltip(poolDisplayName(pool), [
      [vscode.l10n.t('ID'), pool.metadata.name],
      [vscode.l10n.t('Phase'), pool.status?.phase],
      [vscode.l10n.t('Message'), pool.status?.message],
      [vscode.l10n.t('Type'), pool.spec?.type],
      [vscode.l10n.t('Used for'), pool.spec?.scope?.join(', ')],
      [vscode.l10n.t('Resources'), composition(pool)],
      [vscode.l10n.t('Network'), pool.spec?.network?.name],
      [vscode.l10n.t('Created'), pool.metadata.creationTimestamp],
    ]),
  // The pool list is not paged (§11.3).
  listPage: async (services, scope, _pageToken, signal) => ({ items: await services.pools.list(scope.region, scope.workspaceId, signal) }),
  fetch: (services, scope, id, signal) => services.pools.get(scope.region, id, signal),
  childKinds: [poolNodeKind, nodePoolKind, pluginKind] as readonly ResourceKind<unknown>[],
};
