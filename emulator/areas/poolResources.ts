/**
 * `spec.resources` of a pool: parsing the entries and reconciling the node pools
 * (and so the nodes) with them, for pool create and pool PATCH (scale). Each entry
 * is one node pool: matched by `nodePool` name (which Terraform sends in a PATCH though
 * the SDK's model lacks it: see the deviations), else by flavor; node pools left
 * without an entry are deleted (merge-patch replaces the whole array).
 */
import { isRecord, modelArtsError } from '../http';
import type { ProjectState } from '../state';
import { requiredString } from '../validate';
import { poolFlavor } from './poolCatalog';
import {
  activeNodePools,
  createNodes,
  isLeaving,
  type NodePhase,
  type NodePoolRecord,
  nodesOf,
  nodesToRemove,
  newNodePool,
  poolBadRequest,
  poolConflict,
  type PoolRecord,
  retireNode,
  scaleNodePool,
} from './poolModel';

/** Illustrative cap per node pool; the reference gives none. */
export const MAX_NODES_PER_NODE_POOL = 1000;
/** The SDK's rule for node pool names (NodeLabels `os.modelarts.node/nodepoolname`): 2-50 characters. */
const NODE_POOL_NAME = /^[a-z][a-z0-9-]{0,48}[a-z0-9]$/;
const ENTRY_KEYS = new Set(['flavor', 'count', 'maxCount', 'nodePool']);

export interface ResourceEntry {
  readonly flavor: string;
  readonly count: number;
  readonly maxCount?: number;
  readonly nodePool?: string;
  /** azs, taints, labels, tags, os, volumes…: kept and shown as sent. */
  readonly extra: Record<string, unknown>;
}

export function validNodePoolName(name: string, path: string): string {
  if (!NODE_POOL_NAME.test(name) || name.endsWith('-default')) {
    throw poolBadRequest(`Invalid ${path}: 2-50 characters: lowercase letters, digits and "-", starting with a letter, not ending with "-" or "-default".`);
  }
  return name;
}

/** One `spec.resources` entry; the contract has checked its fields and types, this checks the values. */
export function parseResourceEntry(value: unknown, path: string, minCount: number, type: PoolRecord['type']): ResourceEntry {
  if (!isRecord(value)) {
    throw poolBadRequest(`Invalid ${path}: must be an object.`);
  }
  const flavor = requiredString(value, 'flavor', `${path}.flavor`);
  if (!poolFlavor(flavor)) {
    throw modelArtsError(404, 'ModelArts.50005101', `Resource flavor ${flavor} not found.`);
  }
  const count = value.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < minCount || count > MAX_NODES_PER_NODE_POOL) {
    throw poolBadRequest(`Invalid ${path}.count: must be an integer between ${minCount} and ${MAX_NODES_PER_NODE_POOL}.`);
  }
  const maxCount = value.maxCount;
  if (maxCount !== undefined && maxCount !== null && (typeof maxCount !== 'number' || (type === 'Dedicate' ? maxCount !== count : maxCount < count))) {
    // The SDK's text: in a physical pool maxCount equals count; in a logical one it is at least count.
    throw poolBadRequest(`Invalid ${path}.maxCount: ${type === 'Dedicate' ? 'must equal count in a Dedicate pool' : 'must not be below count'}.`);
  }
  const azs = value.azs;
  if (Array.isArray(azs) && azs.reduce((sum: number, az: unknown) => sum + (isRecord(az) && typeof az.count === 'number' ? az.count : 0), 0) !== count) {
    // Illustrative: the reference does not say, but a zone split that does not add up cannot be honoured.
    throw poolBadRequest(`Invalid ${path}.azs: the counts per zone must add up to count.`);
  }
  const nodePool = value.nodePool === undefined ? undefined : validNodePoolName(requiredString(value, 'nodePool', `${path}.nodePool`), `${path}.nodePool`);
  const extra = Object.fromEntries(Object.entries(value).filter(([key, field]) => !ENTRY_KEYS.has(key) && field !== null));
  return { flavor, count, maxCount: typeof maxCount === 'number' ? maxCount : undefined, nodePool, extra };
}

export function parseResources(value: unknown, minCount: number, type: PoolRecord['type']): ResourceEntry[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw poolBadRequest('Invalid spec.resources: a non-empty list is required.');
  }
  const entries = value.map((entry, index) => parseResourceEntry(entry, `spec.resources[${index}]`, minCount, type));
  const named = entries.map((entry) => entry.nodePool).filter((name): name is string => name !== undefined);
  if (new Set(named).size !== named.length) {
    throw poolBadRequest('Invalid spec.resources: a nodePool appears twice.');
  }
  return entries;
}

function nextNodePoolName(taken: Set<string>): string {
  if (!taken.has('default')) {
    return 'default';
  }
  let index = 2;
  while (taken.has(`nodepool-${index}`)) {
    index++;
  }
  return `nodepool-${index}`;
}

/** Marks a node pool deleted: its nodes go Deleting, and it disappears with the last of them. */
export function deleteNodePool(pool: PoolRecord, project: ProjectState, nodePool: NodePoolRecord, now: number): void {
  nodePool.deleting = true;
  nodePool.count = 0;
  nodesOf(pool, nodePool.name)
    .filter((node) => !isLeaving(node, now))
    .forEach((node) => retireNode(node, project, now));
}

/** Adds a node pool with `count` new nodes (Creating, then `final`). */
export function addNodePool(pool: PoolRecord, project: ProjectState, name: string, entry: ResourceEntry, now: number, final: NodePhase = 'Available'): NodePoolRecord {
  const nodePool = newNodePool(pool, name, entry.flavor, entry.count, now, entry.extra, entry.maxCount);
  pool.nodePools.set(name, nodePool);
  createNodes(pool, project, nodePool, entry.count, now, final);
  return nodePool;
}

/**
 * A pool PATCH entry carries only flavor, count, azs (and nodePool): the node pool keeps its other fields. Its zone
 * split goes when the count changes without a new one, as it no longer adds up.
 */
function mergedExtra(nodePool: NodePoolRecord, entry: ResourceEntry): Record<string, unknown> {
  const extra = { ...nodePool.extra, ...entry.extra };
  if (entry.extra.azs === undefined && entry.count !== nodePool.count) {
    delete extra.azs;
  }
  return extra;
}

/** Validates everything first, then scales, adds and deletes node pools so they match `entries`. */
export function applyResources(pool: PoolRecord, project: ProjectState, entries: readonly ResourceEntry[], now: number, final: NodePhase = 'Available'): void {
  const unmatched = new Map(activeNodePools(pool).map((np) => [np.name, np]));
  const plan = entries.map((entry) => ({ entry, nodePool: undefined as NodePoolRecord | undefined }));
  for (const item of plan) {
    const name = item.entry.nodePool;
    if (name === undefined) {
      continue;
    }
    const existing = unmatched.get(name);
    if (existing) {
      if (existing.flavor !== item.entry.flavor) {
        throw poolBadRequest(`The flavor of node pool ${name} cannot be changed (${existing.flavor}).`);
      }
      item.nodePool = existing;
      unmatched.delete(name);
    } else if (pool.nodePools.has(name)) {
      throw poolConflict(`Node pool ${name} is being deleted.`);
    }
  }
  for (const item of plan) {
    if (item.entry.nodePool === undefined) {
      item.nodePool = [...unmatched.values()].find((np) => np.flavor === item.entry.flavor);
      unmatched.delete(item.nodePool?.name ?? '');
    }
  }
  // Refuse before changing anything: scale-downs and removals must not need locked nodes.
  for (const item of plan) {
    if (item.nodePool) {
      nodesToRemove(pool, item.nodePool, item.entry.count, now);
    }
  }
  for (const nodePool of unmatched.values()) {
    nodesToRemove(pool, nodePool, 0, now);
  }
  const taken = new Set([...pool.nodePools.keys(), ...entries.map((entry) => entry.nodePool).filter((name): name is string => name !== undefined)]);
  for (const item of plan) {
    if (item.nodePool) {
      item.nodePool.extra = mergedExtra(item.nodePool, item.entry);
      scaleNodePool(pool, project, item.nodePool, item.entry.count, now, item.entry.maxCount);
    } else {
      const name = item.entry.nodePool ?? nextNodePoolName(taken);
      taken.add(name);
      addNodePool(pool, project, name, item.entry, now, final);
    }
  }
  for (const nodePool of unmatched.values()) {
    deleteNodePool(pool, project, nodePool, now);
  }
}
