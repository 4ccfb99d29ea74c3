/** The k8s-style Pool, Node, NodePool and Plugin objects of §5.3, derived from the records at a given time. */
import type { ProjectState } from '../state';
import { flavorResources, poolFlavor } from './poolCatalog';
import { rfc3339 } from './poolFields';
import { activeNodePools, nodePhase, nodesOf, type NodePhase, type NodePoolRecord, type NodeRecord, type PluginRecord, poolPhase, type PoolPhase, type PoolRecord, seededHex32 } from './poolModel';

const BUCKETS = ['creating', 'available', 'abnormal', 'deleting'] as const;
type ResourceBucket = (typeof BUCKETS)[number];

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

interface FlavorCount {
  readonly flavor: string;
  readonly count: number;
  readonly maxCount: number;
  readonly nodePool?: string;
}

/**
 * `status.resources`: one PoolResourceFlavorCount per state that has nodes, as the SDK models it (one object, not a
 * list). For nodes of several flavors in one state the SDK does not say which flavor the service names: the
 * emulator names the most common one and counts them all (uncertain).
 */
export function resourceCounts(nodes: Iterable<NodeRecord>, now: number, nodePool?: NodePoolRecord): Partial<Record<ResourceBucket, FlavorCount>> {
  const counts: Partial<Record<ResourceBucket, Map<string, number>>> = {};
  for (const node of nodes) {
    const bucket = (counts[BUCKET_OF[nodePhase(node, now)]] ??= new Map());
    bucket.set(node.flavor, (bucket.get(node.flavor) ?? 0) + 1);
  }
  const result: Partial<Record<ResourceBucket, FlavorCount>> = {};
  for (const [bucket, flavors] of BUCKETS.map((name) => [name, counts[name]] as const)) {
    if (flavors) {
      const [flavor] = [...flavors].sort((x, y) => y[1] - x[1])[0];
      const count = [...flavors.values()].reduce((sum, n) => sum + n, 0);
      result[bucket] = { flavor, count, maxCount: count, ...(nodePool ? { nodePool: nodePool.id } : {}) };
    }
  }
  return result;
}

export function poolLabels(pool: PoolRecord, project: ProjectState): Record<string, string> {
  return {
    'os.modelarts/name': pool.displayName,
    'os.modelarts/workspace.id': pool.workspaceId,
    'os.modelarts/resource.id': pool.name,
    'os.modelarts/tenant.domain.id': project.ref.account.domainId,
    'os.modelarts/tenant.project.id': project.id,
    'os.modelarts.pool/biz': 'private',
    'os.modelarts/create-from': 'api',
    ...(pool.nodePrefix ? { 'os.modelarts/node.prefix': pool.nodePrefix } : {}),
  };
}

function poolAnnotations(pool: PoolRecord): Record<string, string> {
  return { 'os.modelarts/description': '', 'os.modelarts/billing.mode': '0', ...pool.annotations };
}

/**
 * `spec.resources`: one entry per node pool that is not being deleted, with the fields of the SDK's
 * PoolSpecModelResources, and `nodePool`, which Terraform reads though the model lacks it (see the deviations).
 */
export function specResources(pool: PoolRecord): Record<string, unknown>[] {
  return activeNodePools(pool).map((np) => ({
    flavor: np.flavor,
    count: np.count,
    maxCount: np.maxCount,
    ...(Array.isArray(np.extra.azs) ? { azs: np.extra.azs } : {}),
    nodePool: np.name,
  }));
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
  const nodePool = pool.nodePools.get(node.nodePool);
  return {
    apiVersion: 'v2',
    kind: 'Node',
    metadata: {
      name: node.name,
      creationTimestamp: rfc3339(node.createdAt),
      // The SDK's NodeLabels: `nodepool` is the node pool's id, `nodepoolname` its name.
      labels: {
        'os.modelarts.node/cluster': clusterIdOf(pool),
        ...(nodePool ? { 'os.modelarts.node/nodepool': nodePool.id } : {}),
        'os.modelarts.node/nodepoolname': node.nodePool,
        'os.modelarts.node/batch.uid': node.batchUid,
        'os.modelarts/resource.id': `${pool.name}-${node.name}`,
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
    },
  };
}

/** Illustrative id of the CCE cluster behind the pool. */
function clusterIdOf(pool: PoolRecord): string {
  return seededHex32(`cluster:${pool.name}`);
}

/** A node pool's `spec.resources` (the SDK's PoolResource). */
function nodePoolResources(nodePool: NodePoolRecord): Record<string, unknown> {
  return { ...nodePool.extra, flavor: nodePool.flavor, count: nodePool.count, maxCount: nodePool.maxCount, nodePool: nodePool.name };
}

/** A NodePool as list, show and delete answer it. */
export function nodePoolView(nodePool: NodePoolRecord, pool: PoolRecord, now: number): Record<string, unknown> {
  return {
    ...createdNodePoolView(nodePool),
    status: { resources: resourceCounts(nodesOf(pool, nodePool.name), now, nodePool) },
  };
}

/** What a create answers: the SDK's CreateNodePoolResponse has no status. */
export function createdNodePoolView(nodePool: NodePoolRecord): Record<string, unknown> {
  return { apiVersion: 'v2', kind: 'NodePool', metadata: { name: nodePool.name }, spec: { resources: nodePoolResources(nodePool) } };
}

/** What a PATCH answers: the SDK's PatchNodePoolResponse has the spec alone (its metadata holds only annotations). */
export function patchedNodePoolView(nodePool: NodePoolRecord): Record<string, unknown> {
  return { spec: { resources: nodePoolResources(nodePool) } };
}

/** A plugin instance is named after its pool and template, as the OTC reference's example shows; paths use the template. */
export function pluginView(plugin: PluginRecord, pool: PoolRecord, now: number): Record<string, unknown> {
  return {
    apiVersion: 'v2',
    kind: 'Plugin',
    metadata: { name: `${pool.name}-${plugin.name}`, creationTimestamp: rfc3339(plugin.createdAt) },
    spec: pluginSpec(plugin),
    status: { phase: plugin.timeline.status(now), version: plugin.version },
  };
}

export function pluginSpec(plugin: PluginRecord): Record<string, unknown> {
  return { template: { name: plugin.name, version: plugin.version, inputs: { ...plugin.inputs } } };
}
