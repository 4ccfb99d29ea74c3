/**
 * Dedicated resource pools (§5): records, phases, errors and the node
 * bookkeeping shared by the pool routes. Phases live in Timelines read lazily
 * against the emulator clock; resources whose timeline reaches `Deleted` are
 * dropped the next time their pool is looked up.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Timeline } from '../clock';
import { ApiError, type ApiRequest, type Handler, modelArtsError, requestProject } from '../http';
import type { ProjectState } from '../state';

export const POOL_PHASES = ['Creating', 'Running', 'Abnormal', 'Deleting', 'Error', 'CreationFailed', 'ScalingFailed', 'Waiting'] as const;
export type PoolPhase = (typeof POOL_PHASES)[number];
export const NODE_PHASES = ['Available', 'Creating', 'Deleting', 'Abnormal', 'Checking'] as const;
export type NodePhase = (typeof NODE_PHASES)[number];
export const PLUGIN_PHASES = ['Pending', 'Running', 'Updating', 'Abnormal', 'Deleting'] as const;
export type PluginPhase = (typeof PLUGIN_PHASES)[number];

/** Internal end state: once a timeline reaches it the resource is gone (never shown). */
export type Gone = 'Deleted';

export interface NodeRecord {
  readonly name: string;
  /** Creation order inside the pool; the node list pages by it. */
  readonly seq: number;
  readonly nodePool: string;
  flavor: string;
  readonly createdAt: number;
  readonly az: string;
  readonly privateIp: string;
  /** `os.modelarts.node/batch.uid`: nodes created by one create/scale action share it. */
  batchUid: string;
  /**
   * Actions refused while locked (batch-lock `actions`, e.g. `delete`). No official source says how a node shows
   * its locks (the SDK's node labels and annotations have no such field), so the node view does not show them.
   */
  readonly locks: Set<string>;
  readonly timeline: Timeline<NodePhase | Gone>;
}

export interface NodePoolRecord {
  /** The name the paths and `spec.resources.nodePool` use (the node label `os.modelarts.node/nodepoolname`). */
  readonly name: string;
  /** The id the node label `os.modelarts.node/nodepool` and `status.resources.*.nodePool` carry (format illustrative). */
  readonly id: string;
  /** Changes when a batch-resize leaves every node of the node pool with the target flavor. */
  flavor: string;
  readonly createdAt: number;
  /** Desired node count (`spec.resources.count`). */
  count: number;
  /** The elastic count (`maxCount`): equal to `count` in a Dedicate (physical) pool, at least `count` in a Logical one. */
  maxCount: number;
  /** Other `spec.resources` fields as sent (azs, taints, labels, tags, os, volumes…). */
  extra: Record<string, unknown>;
  /** Set by DELETE; the node pool disappears once its last node is gone. */
  deleting: boolean;
}

export interface PluginRecord {
  readonly name: string;
  version: string;
  inputs: Record<string, unknown>;
  readonly createdAt: number;
  readonly timeline: Timeline<PluginPhase | Gone>;
}

export interface PoolRecord {
  /** `metadata.name`, the pool id used in paths. */
  readonly name: string;
  /** `metadata.labels["os.modelarts/name"]`. */
  readonly displayName: string;
  readonly workspaceId: string;
  readonly createdAt: number;
  readonly type: 'Dedicate' | 'Logical';
  readonly network: string;
  scope: string[];
  /** `os.modelarts/node.prefix`, the one create label beyond the name and workspace. */
  readonly nodePrefix?: string;
  annotations: Record<string, string>;
  /** Other `spec` fields as sent (jobFlavors, driver, containernetwork, controlMode…). */
  specExtra: Record<string, unknown>;
  failMessage?: string;
  /** The last change of `scope`: for one transition after it, added scopes are Enabling and removed ones Disabling. */
  scopeChange?: { readonly previous: readonly string[]; readonly at: number };
  /** Tags by key (`/v1/{project_id}/pools/{pool_name}/tags`). */
  readonly tags: Map<string, string>;
  readonly timeline: Timeline<PoolPhase | Gone>;
  readonly nodePools: Map<string, NodePoolRecord>;
  /** Insertion order = `seq` order. */
  readonly nodes: Map<string, NodeRecord>;
  readonly plugins: Map<string, PluginRecord>;
  nextSeq: number;
}

// --- Errors: the pool service uses 8-digit codes (§5.3, §11.2). ---

export function poolBadRequest(message: string): ApiError {
  return modelArtsError(400, 'ModelArts.50004000', message);
}

/** 404 ModelArts.50015001. The reference gives it for pools; node, node pool and plugin misses reuse it (illustrative). */
export function poolNotFound(what: string): ApiError {
  return modelArtsError(404, 'ModelArts.50015001', `${what} not found.`);
}

/** 409 ModelArts.50015000 (pool exists); reused for duplicate node pools and plugins (illustrative). */
export function poolConflict(message: string): ApiError {
  return modelArtsError(409, 'ModelArts.50015000', message);
}

/** Shared readers answer ModelArts.0101; the pool service says ModelArts.50004000 for the same mistakes. */
export function poolHandler(handler: Handler): Handler {
  return (request) => {
    try {
      return handler(request);
    } catch (error) {
      if (error instanceof ApiError && error.body.error_code === 'ModelArts.0101') {
        throw poolBadRequest(error.body.error_msg);
      }
      throw error;
    }
  };
}

// --- Lookups with lazy clean-up. ---

/** The pool unless its deletion has completed; drops finished nodes, node pools and plugins on the way. */
export function livePool(project: ProjectState, name: string, now: number): PoolRecord | undefined {
  const pool = project.pools.get(name);
  if (!pool) {
    return undefined;
  }
  if (pool.timeline.status(now) === 'Deleted') {
    project.pools.delete(name);
    return undefined;
  }
  for (const [nodeName, node] of pool.nodes) {
    if (node.timeline.status(now) === 'Deleted') {
      pool.nodes.delete(nodeName);
    }
  }
  for (const [npName, nodePool] of pool.nodePools) {
    if (nodePool.deleting && !nodesOf(pool, npName).length) {
      pool.nodePools.delete(npName);
    }
  }
  for (const [pluginName, plugin] of pool.plugins) {
    if (plugin.timeline.status(now) === 'Deleted') {
      pool.plugins.delete(pluginName);
    }
  }
  return pool;
}

export function livePools(project: ProjectState, now: number): PoolRecord[] {
  return [...project.pools.keys()].map((name) => livePool(project, name, now)).filter((p): p is PoolRecord => p !== undefined);
}

export function requirePool(request: ApiRequest): PoolRecord {
  const pool = livePool(requestProject(request), request.params.pool_name, request.now);
  if (!pool) {
    throw poolNotFound(`Pool ${request.params.pool_name}`);
  }
  return pool;
}

/** The request's pool, unless it is being deleted (then 400). */
export function requireActivePool(request: ApiRequest): PoolRecord {
  const pool = requirePool(request);
  if (poolPhase(pool, request.now) === 'Deleting') {
    throw poolBadRequest(`The resource pool ${pool.name} is being deleted.`);
  }
  return pool;
}

export function poolPhase(pool: PoolRecord, now: number): PoolPhase {
  return pool.timeline.status(now) as PoolPhase;
}

export function nodePhase(node: NodeRecord, now: number): NodePhase {
  return node.timeline.status(now) as NodePhase;
}

export function nodesOf(pool: PoolRecord, nodePool?: string): NodeRecord[] {
  const nodes = [...pool.nodes.values()];
  return nodePool === undefined ? nodes : nodes.filter((node) => node.nodePool === nodePool);
}

/** Node pools that are not being deleted, in creation order. */
export function activeNodePools(pool: PoolRecord): NodePoolRecord[] {
  return [...pool.nodePools.values()].filter((np) => !np.deleting);
}

// --- Nodes. ---

function hex(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

export function seededHex32(text: string): string {
  return hex(text, 32);
}

/** Illustrative node name in the style of generated k8s names. */
function nodeNameFor(pool: PoolRecord, seq: number): string {
  let salt = 0;
  let name: string;
  do {
    name = `os-node-created-${hex(`${pool.name}:${seq}:${salt++}`, 8)}`;
  } while (pool.nodes.has(name));
  return name;
}

export interface NewNode {
  readonly createdAt: number;
  readonly timeline: Timeline<NodePhase | Gone>;
  readonly batchUid: string;
}

export function addNode(pool: PoolRecord, project: ProjectState, nodePool: NodePoolRecord, spec: NewNode): NodeRecord {
  const seq = pool.nextSeq++;
  const node: NodeRecord = {
    name: nodeNameFor(pool, seq),
    seq,
    nodePool: nodePool.name,
    flavor: nodePool.flavor,
    createdAt: spec.createdAt,
    az: `${project.region}${'abc'[seq % 3]}`,
    privateIp: `192.168.${Math.floor(seq / 250) % 256}.${(seq % 250) + 2}`,
    batchUid: spec.batchUid,
    locks: new Set(),
    timeline: spec.timeline,
  };
  pool.nodes.set(node.name, node);
  return node;
}

/** `count` new nodes: Creating for one transition, then `final` (Available, or Abnormal for a failing pool). */
export function createNodes(pool: PoolRecord, project: ProjectState, nodePool: NodePoolRecord, count: number, now: number, final: NodePhase = 'Available'): void {
  const batchUid = randomUUID();
  for (let i = 0; i < count; i++) {
    const timeline = new Timeline<NodePhase | Gone>('Creating', now);
    timeline.plan(now, [['Creating', project.transitionMs]], final);
    addNode(pool, project, nodePool, { createdAt: now, timeline, batchUid });
  }
}

export function isLeaving(node: NodeRecord, now: number): boolean {
  const status = node.timeline.status(now);
  return status === 'Deleting' || status === 'Deleted';
}

export function retireNode(node: NodeRecord, project: ProjectState, now: number): void {
  node.timeline.plan(now, [['Deleting', project.transitionMs]], 'Deleted');
}

const REMOVAL_PREFERENCE: Record<NodePhase, number> = { Creating: 0, Abnormal: 1, Checking: 2, Available: 3, Deleting: 4 };

/** The nodes a scale-down of `nodePool` to `count` removes: unlocked ones, unfinished and broken first, newest first. */
export function nodesToRemove(pool: PoolRecord, nodePool: NodePoolRecord, count: number, now: number): NodeRecord[] {
  const live = nodesOf(pool, nodePool.name).filter((node) => !isLeaving(node, now));
  const excess = live.length - count;
  if (excess <= 0) {
    return [];
  }
  const removable = live
    .filter((node) => !node.locks.has('delete'))
    .sort((a, b) => REMOVAL_PREFERENCE[nodePhase(a, now)] - REMOVAL_PREFERENCE[nodePhase(b, now)] || b.seq - a.seq);
  if (removable.length < excess) {
    // Illustrative text: the reference does not say how locked nodes block a scale-down.
    throw poolBadRequest(`Cannot scale node pool ${nodePool.name} to ${count}: ${live.length - removable.length} of its nodes are locked against deletion.`);
  }
  return removable.slice(0, excess);
}

/** The elastic count a node pool of `count` nodes has: `count` in a Dedicate pool (the SDK's maxCount text). */
export function elasticCount(pool: PoolRecord, count: number, maxCount: number | undefined): number {
  return pool.type === 'Dedicate' ? count : Math.max(count, maxCount ?? count);
}

/** A node pool record (no nodes yet); its id is derived from the pool and the name. */
export function newNodePool(pool: PoolRecord, name: string, flavor: string, count: number, createdAt: number, extra: Record<string, unknown> = {}, maxCount?: number): NodePoolRecord {
  const id = `${name}-${hex(`nodepool:${pool.name}:${name}:${createdAt}`, 8)}`;
  return { name, id, flavor, createdAt, count, maxCount: elasticCount(pool, count, maxCount), extra, deleting: false };
}

/** Adds or removes nodes so `nodePool` has `count` live nodes. Call `nodesToRemove` first to validate. */
export function scaleNodePool(pool: PoolRecord, project: ProjectState, nodePool: NodePoolRecord, count: number, now: number, maxCount?: number): void {
  const live = nodesOf(pool, nodePool.name).filter((node) => !isLeaving(node, now)).length;
  if (count > live) {
    createNodes(pool, project, nodePool, count - live, now);
  } else {
    nodesToRemove(pool, nodePool, count, now).forEach((node) => retireNode(node, project, now));
  }
  nodePool.count = count;
  nodePool.maxCount = elasticCount(pool, count, maxCount ?? nodePool.maxCount);
}
