/** The k8s-style Pool, Node, NodePool and Plugin objects of §5.3, derived from the records at a given time. */
import type { ProjectState } from '../state';
import { flavorResources, poolFlavor } from './poolCatalog';
import { rfc3339 } from './poolFields';
import { activeNodePools, nodePhase, nodesOf, type NodePhase, type NodePoolRecord, type NodeRecord, type PluginRecord, poolPhase, type PoolPhase, type PoolRecord, seededHex32 } from './poolModel';

type ResourceBucket = 'creating' | 'available' | 'abnormal' | 'deleting';

/**
 * Where each node phase is counted in `status.resources`. A Checking node (rebooting,
 * being health-checked) cannot take work, so it is counted as abnormal (uncertain:
 * the reference does not say).
 */
const BUCKET_OF: Record<NodePhase, ResourceBucket> = {
  Creating: 'creating',
  Available: 'available',
  Abnormal: 'abnormal',
  Checking: 'abnormal',
  Deleting: 'deleting',
};

/** `{creating, available, abnormal, deleting}`, each `[{flavor, count}]` (empty arrays included). */
export function resourceCounts(nodes: Iterable<NodeRecord>, now: number): Record<ResourceBucket, { flavor: string; count: number }[]> {
  const counts: Record<ResourceBucket, Map<string, number>> = { creating: new Map(), available: new Map(), abnormal: new Map(), deleting: new Map() };
  for (const node of nodes) {
    const bucket = counts[BUCKET_OF[nodePhase(node, now)]];
    bucket.set(node.flavor, (bucket.get(node.flavor) ?? 0) + 1);
  }
  const list = (bucket: Map<string, number>) => [...bucket].map(([flavor, count]) => ({ flavor, count }));
  return { creating: list(counts.creating), available: list(counts.available), abnormal: list(counts.abnormal), deleting: list(counts.deleting) };
}

/** Labels the service sets; clients cannot change them with PATCH. */
export const SYSTEM_LABEL_PREFIXES = ['os.modelarts/', 'os.modelarts.pool/'];

export function isSystemLabel(key: string): boolean {
  return SYSTEM_LABEL_PREFIXES.some((prefix) => key.startsWith(prefix));
}

export function poolLabels(pool: PoolRecord, project: ProjectState): Record<string, string> {
  return {
    ...pool.labels,
    'os.modelarts/name': pool.displayName,
    'os.modelarts/workspace.id': pool.workspaceId,
    'os.modelarts/resource.id': pool.name,
    'os.modelarts/tenant.domain.id': project.ref.account.domainId,
    'os.modelarts/tenant.project.id': project.id,
    'os.modelarts.pool/biz': 'private',
    'os.modelarts/create-from': 'api',
  };
}

export function poolAnnotations(pool: PoolRecord): Record<string, string> {
  return { 'os.modelarts/description': '', 'os.modelarts/billing.mode': '0', ...pool.annotations };
}

/** `spec.resources`: one entry per node pool that is not being deleted. */
export function specResources(pool: PoolRecord): Record<string, unknown>[] {
  return activeNodePools(pool).map((np) => ({ ...np.extra, flavor: np.flavor, count: np.count, nodePool: np.name }));
}

const SCOPE_STATE: Partial<Record<PoolPhase, string>> = { Creating: 'Enabling', Waiting: 'Enabling', Deleting: 'Disabling', CreationFailed: 'Disabled', Error: 'Disabled' };

const PHASE_MESSAGE: Partial<Record<PoolPhase, string>> = {
  Creating: 'The resource pool is being created.',
  Deleting: 'The resource pool is being deleted.',
  Abnormal: 'Some nodes of the resource pool are abnormal.',
};

export function poolView(pool: PoolRecord, project: ProjectState, now: number): Record<string, unknown> {
  const phase = poolPhase(pool, now);
  return {
    apiVersion: 'v2',
    kind: 'Pool',
    metadata: { name: pool.name, creationTimestamp: rfc3339(pool.createdAt), labels: poolLabels(pool, project), annotations: poolAnnotations(pool) },
    spec: { ...pool.specExtra, type: pool.type, scope: [...pool.scope], resources: specResources(pool), network: { name: pool.network } },
    status: {
      phase,
      message: phase === 'CreationFailed' && pool.failMessage ? pool.failMessage : (PHASE_MESSAGE[phase] ?? ''),
      resources: resourceCounts(pool.nodes.values(), now),
      scope: scopeStates(pool, phase, project.transitionMs, now),
    },
  };
}

/** `status.scope`: the pool's phase decides, else a scope added (removed) within the last transition is Enabling (Disabling). */
function scopeStates(pool: PoolRecord, phase: PoolPhase, transitionMs: number, now: number): { scopeType: string; state: string }[] {
  const settled = SCOPE_STATE[phase];
  const change = pool.scopeChange && now < pool.scopeChange.at + transitionMs ? pool.scopeChange : undefined;
  if (settled || !change) {
    return pool.scope.map((scopeType) => ({ scopeType, state: settled ?? 'Enabled' }));
  }
  return [
    ...pool.scope.map((scopeType) => ({ scopeType, state: change.previous.includes(scopeType) ? 'Enabled' : 'Enabling' })),
    ...change.previous.filter((scopeType) => !pool.scope.includes(scopeType)).map((scopeType) => ({ scopeType, state: 'Disabling' })),
  ];
}

export function nodeView(node: NodeRecord, pool: PoolRecord, now: number): Record<string, unknown> {
  const phase = nodePhase(node, now);
  const resources = flavorResources(poolFlavor(node.flavor));
  const accelerator = poolFlavor(node.flavor)?.accelerator;
  return {
    apiVersion: 'v2',
    kind: 'Node',
    metadata: {
      name: node.name,
      creationTimestamp: rfc3339(node.createdAt),
      labels: {
        'os.modelarts.node/cluster': clusterIdOf(pool),
        'os.modelarts.node/nodepool': node.nodePool,
        'os.modelarts.node/batch.uid': node.batchUid,
        'os.modelarts/name': pool.displayName,
        'os.modelarts/resource.id': pool.name,
        ...(accelerator ? { 'os.modelarts.node/accelerator': accelerator.type } : {}),
      },
      annotations: {
        'os.modelarts/billing.mode': '0',
        // Illustrative: how a batch-lock shows on the node is not documented.
        ...(node.locks.size > 0 ? { 'os.modelarts.node/lock.actions': [...node.locks].sort().join(',') } : {}),
      },
    },
    spec: {
      flavor: node.flavor,
      hostNetwork: { vpc: `vpc-${seededHex32(`vpc:${pool.network}`).slice(0, 8)}`, subnet: `subnet-${seededHex32(`subnet:${pool.network}`).slice(0, 8)}`, securityGroups: [] },
    },
    status: {
      phase,
      az: node.az,
      privateIp: node.privateIp,
      resources,
      // Illustrative: an Available node has all its capacity free; other phases have none.
      availableResources: phase === 'Available' ? resources : {},
      taints: phase === 'Available' ? [] : [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
    },
  };
}

/** Illustrative id of the CCE cluster behind the pool. */
function clusterIdOf(pool: PoolRecord): string {
  return seededHex32(`cluster:${pool.name}`);
}

export function nodePoolView(nodePool: NodePoolRecord, pool: PoolRecord, now: number): Record<string, unknown> {
  return {
    apiVersion: 'v2',
    kind: 'NodePool',
    metadata: { name: nodePool.name, creationTimestamp: rfc3339(nodePool.createdAt), labels: { 'os.modelarts/resource.id': pool.name } },
    spec: { resources: { ...nodePool.extra, flavor: nodePool.flavor, count: nodePool.count } },
    status: { resources: resourceCounts(nodesOf(pool, nodePool.name), now) },
  };
}

export function pluginView(plugin: PluginRecord, now: number): Record<string, unknown> {
  return {
    apiVersion: 'v2',
    kind: 'Plugin',
    metadata: { name: plugin.name, creationTimestamp: rfc3339(plugin.createdAt) },
    spec: { template: { name: plugin.name, version: plugin.version, inputs: { ...plugin.inputs } } },
    status: { phase: plugin.timeline.status(now) },
  };
}
