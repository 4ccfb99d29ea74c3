/**
 * Node pools of a pool (§5.1): list, create, show, PATCH (merge-patch of
 * `spec.resources`, e.g. `count` to scale), delete, and a node pool's nodes.
 * Creating one adds its nodes to the pool; deleting one removes them.
 */
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, isRecord, ok, requestProject } from '../http';
import type { Router } from '../router';
import { requiredObject, requiredString } from '../validate';
import { mergePatch } from './poolFields';
import {
  activeNodePools,
  type NodePoolRecord,
  nodesOf,
  nodesToRemove,
  poolBadRequest,
  poolConflict,
  poolHandler,
  poolNotFound,
  poolPhase,
  type PoolPhase,
  type PoolRecord,
  requirePool,
  scaleNodePool,
} from './poolModel';
import { nodeListPage } from './poolNodes';
import { addNodePool, deleteNodePool, parseResourceEntry, validNodePoolName } from './poolResources';
import { createdNodePoolView, nodePoolView, patchedNodePoolView } from './poolView';

const NODE_POOLS = '/v2/{project_id}/pools/{pool_name}/nodepools';
/** Phases in which node pools may be added, scaled or removed. */
const CHANGEABLE: readonly PoolPhase[] = ['Running', 'Abnormal', 'ScalingFailed'];

export function registerPoolNodePools(router: Router<Handler>): void {
  router
    .add('GET', NODE_POOLS, poolHandler(listNodePools))
    .add('POST', NODE_POOLS, poolHandler(createNodePool))
    .add('GET', `${NODE_POOLS}/{nodepool_name}`, poolHandler(showNodePool))
    .add('PATCH', `${NODE_POOLS}/{nodepool_name}`, poolHandler(patchNodePool))
    .add('DELETE', `${NODE_POOLS}/{nodepool_name}`, poolHandler(deleteNodePoolRoute))
    .add('GET', `${NODE_POOLS}/{nodepool_name}/nodes`, poolHandler(listNodePoolNodes));
}

function requireNodePool(request: ApiRequest, pool: PoolRecord): NodePoolRecord {
  const nodePool = pool.nodePools.get(request.params.nodepool_name);
  if (!nodePool) {
    throw poolNotFound(`Node pool ${request.params.nodepool_name}`);
  }
  return nodePool;
}

/** The pool, when its node pools may change now. */
function changeablePool(request: ApiRequest): PoolRecord {
  const pool = requirePool(request);
  const phase = poolPhase(pool, request.now);
  if (!CHANGEABLE.includes(phase)) {
    throw poolBadRequest(`The resource pool is ${phase}; its node pools can change once it is Running.`);
  }
  return pool;
}

function listNodePools(request: ApiRequest): ApiResponse {
  const pool = requirePool(request);
  const items = [...pool.nodePools.values()].map((nodePool) => nodePoolView(nodePool, pool, request.now));
  return ok({ apiVersion: 'v2', kind: 'NodePoolList', items });
}

function showNodePool(request: ApiRequest): ApiResponse {
  const pool = requirePool(request);
  return ok(nodePoolView(requireNodePool(request, pool), pool, request.now));
}

/** `{apiVersion:"v2", kind:"NodePool", metadata:{name}, spec:{resources:{flavor, count, maxCount, …}}}` → the NodePool without status. */
function createNodePool(request: ApiRequest): ApiResponse {
  const pool = changeablePool(request);
  const project = requestProject(request);
  const body = bodyObject(request);
  if (body.kind !== 'NodePool' || body.apiVersion !== 'v2') {
    throw poolBadRequest('Invalid kind or apiVersion: must be NodePool and v2.');
  }
  const name = validNodePoolName(requiredString(requiredObject(body, 'metadata'), 'name', 'metadata.name'), 'metadata.name');
  const entry = parseResourceEntry(requiredObject(body, 'spec').resources, 'spec.resources', 1, pool.type);
  if (pool.nodePools.has(name)) {
    throw poolConflict(`Node pool ${name} already exists.`);
  }
  return ok(createdNodePoolView(addNodePool(pool, project, name, entry, request.now)));
}

/** RFC 7386 merge into `spec.resources` (`flavor` is fixed); a new `count` scales. Answers the spec alone. */
function patchNodePool(request: ApiRequest): ApiResponse {
  const pool = changeablePool(request);
  const nodePool = requireNodePool(request, pool);
  if (nodePool.deleting) {
    throw poolBadRequest(`Node pool ${nodePool.name} is being deleted.`);
  }
  const body = bodyObject(request);
  const current = { resources: { ...nodePool.extra, flavor: nodePool.flavor, count: nodePool.count, maxCount: nodePool.maxCount } };
  const merged = body.spec === undefined ? current : mergePatch(current, body.spec);
  if (!isRecord(merged)) {
    throw poolBadRequest('Invalid spec: must be an object.');
  }
  const entry = parseResourceEntry(merged.resources, 'spec.resources', 0, pool.type);
  if (entry.flavor !== nodePool.flavor) {
    throw poolBadRequest(`The flavor of node pool ${nodePool.name} cannot be changed (${nodePool.flavor}).`);
  }
  nodesToRemove(pool, nodePool, entry.count, request.now);
  nodePool.extra = entry.extra;
  scaleNodePool(pool, requestProject(request), nodePool, entry.count, request.now, entry.maxCount);
  return ok(patchedNodePoolView(nodePool));
}

/** Nodes go Deleting; the node pool goes with its last node. The last node pool of a pool stays (illustrative rule). */
function deleteNodePoolRoute(request: ApiRequest): ApiResponse {
  const pool = changeablePool(request);
  const nodePool = requireNodePool(request, pool);
  if (!nodePool.deleting) {
    if (activeNodePools(pool).length === 1) {
      throw poolBadRequest(`Node pool ${nodePool.name} is the last node pool of the resource pool; delete the pool instead.`);
    }
    nodesToRemove(pool, nodePool, 0, request.now);
    deleteNodePool(pool, requestProject(request), nodePool, request.now);
  }
  return ok(nodePoolView(nodePool, pool, request.now));
}

function listNodePoolNodes(request: ApiRequest): ApiResponse {
  const pool = requirePool(request);
  const nodePool = requireNodePool(request, pool);
  return nodeListPage(request, pool, nodesOf(pool, nodePool.name), `nodepool-nodes:${pool.name}:${nodePool.name}`);
}
