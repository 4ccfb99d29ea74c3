import * as vscode from 'vscode';
import { asModelArtsError } from '../../services/errors';
import { NODE_POOL_LABEL, type NodePool, type Pool, type PoolNode, type PoolPlugin, type PoolTag, POOL_DESCRIPTION_ANNOTATION, poolDisplayName, pluginTemplateName, type ResourceFlavor, type ResourceStates, type StateCount, stateCounts } from '../../services/pools';
import { nodePhaseCategory, pluginPhaseCategory, poolStatusCategory, type StatusCategory } from '../../services/status';
import { fieldTooltip, formatAge, joinParts, readableStatus, shortFlavor } from '../format';
import { type ListScope, parentOf, type ResourceKind } from '../resourceKind';

/** Pool objects carry RFC3339 creation times, not epoch milliseconds (§0). */
const createdAt = (timestamp: string | undefined): number | undefined => (timestamp ? Date.parse(timestamp) : undefined);

/** The pool a sub-resource belongs to. */
export function poolOf(scope: ListScope): string {
  return parentOf(scope, 'pool');
}

/** "1 node", "3 nodes". */
export function nodesText(count: number): string {
  return count === 1 ? vscode.l10n.t('1 node') : vscode.l10n.t('{0} nodes', count);
}

const total = (state: StateCount | undefined): number => stateCounts(state).reduce((sum, entry) => sum + entry.count, 0);

/** Whether nodes are being created or deleted. */
function nodesChanging(resources: ResourceStates | undefined): boolean {
  return total(resources?.creating) + total(resources?.deleting) > 0;
}

/** A flavor as pickers describe it: "GPU · 8 vCPUs, 32Gi, x86". */
export function describeFlavor(flavor: ResourceFlavor): { readonly category: string; readonly description: string } {
  const { spec } = flavor;
  return {
    category: spec?.gpu ? 'GPU' : spec?.npu ? 'NPU' : 'CPU',
    description: [spec?.cpu && `${spec.cpu} vCPUs`, spec?.memory, spec?.cpuArch].filter(Boolean).join(', '),
  };
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
  // Whether a node is locked is not in the node's model: Lock and Unlock are both offered, and the service refuses
  // to delete a locked node.
  capabilities: (node) => {
    const settled = ['Available', 'Abnormal'].includes(node.status?.phase ?? '');
    return [...(settled ? ['canReboot', 'canResize', 'canDelete'] : []), 'canLock', 'canUnlock'];
  },
  description: (node) => joinParts(node.status?.phase && readableStatus(node.status.phase), shortFlavor(node.spec?.flavor), node.status?.privateIp),
  tooltip: (node) =>
    fieldTooltip(node.metadata.name, [
      [vscode.l10n.t('Phase'), node.status?.phase && readableStatus(node.status.phase)],
      [vscode.l10n.t('Node pool'), node.metadata.labels?.[NODE_POOL_LABEL]],
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
  if (total(resources?.abnormal) > 0) {
    return { label: vscode.l10n.t('Abnormal'), category: 'failed' };
  }
  if (nodesChanging(resources)) {
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
    joinParts(nodePoolState(nodePool).label, shortFlavor(nodePool.spec?.resources?.flavor), nodesText(nodePool.spec?.resources?.count ?? 0)),
  tooltip: (nodePool) =>
    fieldTooltip(nodePool.metadata.name, [
      [vscode.l10n.t('Flavor'), nodePool.spec?.resources?.flavor],
      [vscode.l10n.t('Nodes'), nodePool.spec?.resources?.count],
      [vscode.l10n.t('Availability zones'), (nodePool.spec?.resources?.azs ?? []).map((zone) => `${zone.az} (${zone.count})`).join(', ')],
      [vscode.l10n.t('Nodes by state'), nodeStatesText(nodePool.status?.resources)],
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
  // Plugin paths name a plugin by its template; the instance's own name adds the pool's id to it.
  id: pluginTemplateName,
  name: pluginTemplateName,
  status: (plugin) => plugin.status?.phase ?? 'Unknown',
  category: (plugin) => pluginPhaseCategory(plugin.status?.phase ?? ''),
  capabilities: () => [],
  description: (plugin) => joinParts(plugin.status?.phase && readableStatus(plugin.status.phase), plugin.status?.version ?? plugin.spec?.template?.version),
  tooltip: (plugin) =>
    fieldTooltip(pluginTemplateName(plugin), [
      [vscode.l10n.t('Phase'), plugin.status?.phase && readableStatus(plugin.status.phase)],
      [vscode.l10n.t('Template'), joinParts(plugin.spec?.template?.name, plugin.spec?.template?.version)],
      [vscode.l10n.t('Running version'), plugin.status?.version],
      [vscode.l10n.t('Instance'), plugin.metadata.name],
      [vscode.l10n.t('Created'), plugin.metadata.creationTimestamp],
    ]),
  listPage: async (services, scope, _pageToken, signal) => ({ items: await services.pools.listPlugins(scope.region, poolOf(scope), signal) }),
  fetch: (services, scope, id, signal) => services.pools.getPlugin(scope.region, poolOf(scope), id, signal),
};

/** "300 × gpu.v100, 2 × cpu.8u": what a pool is made of, or how many of its nodes are in one state. */
export function composition(resources: StateCount | undefined): string {
  return stateCounts(resources)
    .map((resource) => `${resource.count} × ${shortFlavor(resource.flavor)}`)
    .join(', ');
}

/**
 * How many nodes are in one state: "298", or "2 × cpu.8u, 3 × cpu.16u" when the service counts them per flavor (a
 * list). The flavor of the SDK's one count is not shown: for a pool of several flavors it cannot name them all.
 */
export function stateText(state: StateCount | undefined): string {
  if (state === undefined || 'count' in state) {
    return state?.count ? String(state.count) : '';
  }
  return composition(state);
}

/** "2 available, 1 creating": a node pool's nodes by state, the states with none left out. */
function nodeStatesText(resources: ResourceStates | undefined): string {
  const states: readonly [keyof ResourceStates, (count: number) => string][] = [
    ['available', (count) => vscode.l10n.t('{0} available', count)],
    ['creating', (count) => vscode.l10n.t('{0} being created', count)],
    ['abnormal', (count) => vscode.l10n.t('{0} abnormal', count)],
    ['deleting', (count) => vscode.l10n.t('{0} being deleted', count)],
  ];
  return states
    .filter(([state]) => total(resources?.[state]) > 0)
    .map(([state, text]) => text(total(resources?.[state])))
    .join(', ');
}

/** "Train, Infer (Enabling)": what the pool is used for, with the uses not yet (or no longer) enabled. */
export function poolUses(pool: Pool): string {
  const states = pool.status?.scope ?? (pool.spec?.scope ?? []).map((scopeType) => ({ scopeType, state: 'Enabled' }));
  return states.map(({ scopeType, state }) => (state === 'Enabled' ? scopeType : `${scopeType} (${readableStatus(state)})`)).join(', ');
}

export function poolCategory(pool: Pool): StatusCategory {
  return poolStatusCategory(pool.status?.phase ?? '', nodesChanging(pool.status?.resources), (pool.status?.scope ?? []).map((scope) => scope.state));
}

/** What a Running pool is busy with, which its phase does not say. */
function poolActivity(pool: Pool): string | undefined {
  if (poolCategory(pool) !== 'transitional' || pool.status?.phase !== 'Running') {
    return undefined;
  }
  return nodesChanging(pool.status.resources) ? vscode.l10n.t('scaling') : vscode.l10n.t('changing uses');
}

/** "team=nlp, env=prod". */
export function tagsText(tags: readonly PoolTag[]): string {
  return tags.length > 0 ? tags.map((tag) => (tag.value ? `${tag.key}=${tag.value}` : tag.key)).join(', ') : vscode.l10n.t('none');
}

function poolTooltip(pool: Pool, tags?: string): vscode.MarkdownString {
  return fieldTooltip(poolDisplayName(pool), [
    [vscode.l10n.t('ID'), pool.metadata.name],
    [vscode.l10n.t('Phase'), pool.status?.phase && readableStatus(pool.status.phase)],
    [vscode.l10n.t('Message'), pool.status?.message],
    [vscode.l10n.t('Type'), pool.spec?.type],
    [vscode.l10n.t('Used for'), poolUses(pool)],
    [vscode.l10n.t('Resources'), composition(pool.spec?.resources)],
    [vscode.l10n.t('Network'), pool.spec?.network?.name],
    [vscode.l10n.t('Tags'), tags],
    [vscode.l10n.t('Description'), pool.metadata.annotations?.[POOL_DESCRIPTION_ANNOTATION]],
    [vscode.l10n.t('Created'), pool.metadata.creationTimestamp],
  ]);
}

/** Phases in which a pool's uses and size may change (the emulator's rule; the reference does not say). */
const CHANGEABLE_PHASES = ['Running', 'Abnormal', 'ScalingFailed'];

export const poolKind: ResourceKind<Pool> = {
  contextValue: 'pool',
  label: vscode.l10n.t('resource pool'),
  groupLabel: vscode.l10n.t('Resource Pools'),
  groupIcon: 'server-environment',
  emptyLabel: vscode.l10n.t('No dedicated resource pools'),
  id: (pool) => pool.metadata.name,
  name: (pool) => poolDisplayName(pool),
  status: (pool) => pool.status?.phase ?? 'Unknown',
  category: poolCategory,
  capabilities: (pool) => {
    const phase = pool.status?.phase ?? '';
    return [...(phase === 'Deleting' ? [] : ['canDelete', 'canTag']), ...(CHANGEABLE_PHASES.includes(phase) ? ['canEdit'] : [])];
  },
  description: (pool) => joinParts(pool.status?.phase && readableStatus(pool.status.phase), poolActivity(pool), composition(pool.spec?.resources), formatAge(createdAt(pool.metadata.creationTimestamp))),
  tooltip: (pool) => poolTooltip(pool),
  // Tags come from another request: read when the user hovers, not for every pool listed.
  resolveTooltip: async (services, scope, pool, signal) => {
    const tags = await services.pools.listTags(scope.region, pool.metadata.name, signal).then(tagsText, (error: unknown) =>
      vscode.l10n.t('not loaded ({0})', asModelArtsError(error).errorCode),
    );
    return poolTooltip(pool, tags);
  },
  // The pool list is not paged (§11.3).
  listPage: async (services, scope, _pageToken, signal) => ({ items: await services.pools.list(scope.region, scope.workspaceId, signal) }),
  fetch: (services, scope, id, signal) => services.pools.get(scope.region, id, signal),
  childKinds: [poolNodeKind, nodePoolKind, pluginKind] as readonly ResourceKind<unknown>[],
};
