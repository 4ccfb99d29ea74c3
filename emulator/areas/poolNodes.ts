/**
 * Pool nodes (§5.1): list (limit + continue), show, and the batch actions
 * delete, reboot, lock, unlock and resize. A reboot takes a node through
 * Checking (one transition) back to Available: the reference has no
 * "Rebooting" node phase, and Checking is its only phase for a node that is
 * neither being created nor deleted.
 */
import { randomUUID } from 'node:crypto';
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, isRecord, modelArtsError, ok, requestProject } from '../http';
import type { Router } from '../router';
import { requiredString } from '../validate';
import { poolFlavor } from './poolCatalog';
import {
  elasticCount,
  isLeaving,
  nodePhase,
  type NodePhase,
  type NodePoolRecord,
  type NodeRecord,
  nodesOf,
  poolBadRequest,
  poolHandler,
  poolNotFound,
  type PoolRecord,
  requireActivePool,
  requirePool,
  retireNode,
} from './poolModel';
import { continuePage } from './poolPaging';
import { nodeView } from './poolView';

const NODES = '/v2/{project_id}/pools/{pool_name}/nodes';
/** Illustrative cap on names per batch request. */
const MAX_BATCH = 500;
/** (uncertain) Only `delete` is evidenced (§5.1); other lock actions are refused. */
const LOCK_ACTIONS = ['delete'];
const REBOOTABLE: readonly NodePhase[] = ['Available', 'Abnormal', 'Checking'];

type BatchResult = { name: string; status: 'success' | 'failed' };

export function registerPoolNodes(router: Router<Handler>): void {
  router
    .add('GET', NODES, poolHandler(listNodes))
    .add('GET', `${NODES}/{node_name}`, poolHandler(showNode))
    .add('POST', `${NODES}/batch-delete`, poolHandler(batchDelete))
    .add('POST', `${NODES}/batch-reboot`, poolHandler(batchReboot))
    .add('POST', `${NODES}/batch-lock`, poolHandler((request) => batchLock(request, true)))
    .add('POST', `${NODES}/batch-unlock`, poolHandler((request) => batchLock(request, false)))
    .add('POST', `${NODES}/batch-resize`, poolHandler(batchResize));
}

/** One page of `nodes` (already in creation order) as a NodeList. */
export function nodeListPage(request: ApiRequest, pool: PoolRecord, nodes: readonly NodeRecord[], list: string): ApiResponse {
  const page = continuePage(nodes, (node) => node.seq, request.query, list);
  return ok({ apiVersion: 'v2', kind: 'NodeList', metadata: page.metadata, items: page.items.map((node) => nodeView(node, pool, request.now)) });
}

function listNodes(request: ApiRequest): ApiResponse {
  const pool = requirePool(request);
  return nodeListPage(request, pool, nodesOf(pool), `nodes:${pool.name}`);
}

function showNode(request: ApiRequest): ApiResponse {
  const pool = requirePool(request);
  const node = pool.nodes.get(request.params.node_name);
  if (!node) {
    throw poolNotFound(`Node ${request.params.node_name}`);
  }
  return ok(nodeView(node, pool, request.now));
}

function nameList(body: Record<string, unknown>, key: string, max = MAX_BATCH): string[] {
  const value = body[key];
  if (!Array.isArray(value) || value.length === 0 || value.length > max || !value.every((name) => typeof name === 'string' && name !== '')) {
    throw poolBadRequest(`Invalid ${key}: a list of 1-${max} names is required.`);
  }
  return [...new Set(value as string[])];
}

/**
 * `{deleteNodeNames}` → `{}` (the SDK's answer has no fields). All or nothing: an unknown or delete-locked node, or
 * leaving the pool without a node (the OTC reference: at least one stays), refuses the request (texts illustrative).
 * The node pools' counts drop.
 */
function batchDelete(request: ApiRequest): ApiResponse {
  const pool = requireActivePool(request);
  const project = requestProject(request);
  const { now } = request;
  const nodes = nameList(bodyObject(request), 'deleteNodeNames').map((name) => {
    const node = pool.nodes.get(name);
    if (!node) {
      throw poolBadRequest(`Node ${name} does not exist in the resource pool.`);
    }
    if (node.locks.has('delete')) {
      throw poolBadRequest(`Node ${name} is locked against deletion; unlock it first.`);
    }
    return node;
  });
  const leaving = nodes.filter((node) => !isLeaving(node, now));
  if (nodesOf(pool).filter((node) => !isLeaving(node, now)).length <= leaving.length) {
    throw poolBadRequest('At least one node must remain in the resource pool.');
  }
  for (const node of leaving) {
    retireNode(node, project, now);
    const nodePool = pool.nodePools.get(node.nodePool);
    if (nodePool && !nodePool.deleting) {
      scaleCount(pool, nodePool, nodePool.count - 1);
    }
  }
  return ok({});
}

/** `{nodeNames}` → `{nodeNames, job_id}` (the SDK reads nodeNames, Terraform a job_id: see the deviations). All or nothing. */
function batchReboot(request: ApiRequest): ApiResponse {
  const pool = requireActivePool(request);
  const { now } = request;
  const names = nameList(bodyObject(request), 'nodeNames');
  const nodes = names.map((name) => {
    const node = pool.nodes.get(name);
    if (!node) {
      throw poolBadRequest(`Node ${name} does not exist in the resource pool.`);
    }
    const phase = nodePhase(node, now);
    if (!REBOOTABLE.includes(phase)) {
      throw poolBadRequest(`Node ${name} is ${phase} and cannot be rebooted.`);
    }
    return node;
  });
  const t = requestProject(request).transitionMs;
  nodes.forEach((node) => node.timeline.plan(now, [['Checking', t]], 'Available'));
  return ok({ nodeNames: names, job_id: randomUUID() });
}

/** `{nodeNames, actions}` → `{nodes:[{name,status}]}`; unknown nodes fail, the rest succeed (idempotent). */
function batchLock(request: ApiRequest, lock: boolean): ApiResponse {
  const pool = requirePool(request);
  const body = bodyObject(request);
  const names = nameList(body, 'nodeNames');
  const actions = nameList(body, 'actions');
  const unknown = actions.find((action) => !LOCK_ACTIONS.includes(action));
  if (unknown) {
    throw poolBadRequest(`Invalid actions: ${unknown} is not one of ${LOCK_ACTIONS.join(', ')}.`);
  }
  const results = names.map((name): BatchResult => {
    const node = pool.nodes.get(name);
    if (!node) {
      return { name, status: 'failed' };
    }
    actions.forEach((action) => (lock ? node.locks.add(action) : node.locks.delete(action)));
    return { name, status: 'success' };
  });
  return ok({ nodes: results });
}

/**
 * Minimal flavor change, body as the SDK/Terraform send it (the reference gives none):
 * `{nodes:[{batchUID, deleteNodeNames?}], source:{nodePool, flavor}, target:{nodePool, flavor}}`.
 * Nodes of the listed batches in the source node pool take the target flavor through
 * Checking; `deleteNodeNames` are removed. The node pool takes the target flavor once all
 * its nodes have it. Answers `{orderName, nodeNames}` (illustrative).
 */
function batchResize(request: ApiRequest): ApiResponse {
  const pool = requireActivePool(request);
  const project = requestProject(request);
  const { now } = request;
  const body = bodyObject(request);
  const source = resizeSide(body, 'source');
  const target = resizeSide(body, 'target');
  if (!Array.isArray(body.nodes) || body.nodes.length === 0 || body.nodes.length > 50) {
    throw poolBadRequest('Invalid nodes: a list of 1-50 batches is required.');
  }
  const batches = body.nodes.map((entry, index) => {
    if (!isRecord(entry)) {
      throw poolBadRequest(`Invalid nodes[${index}]: must be an object.`);
    }
    const deleteNames = entry.deleteNodeNames === undefined ? [] : nameList(entry, 'deleteNodeNames');
    return { uid: requiredString(entry, 'batchUID', `nodes[${index}].batchUID`), deleteNames };
  });
  const sourcePool = pool.nodePools.get(source.nodePool);
  if (!sourcePool || sourcePool.deleting) {
    throw poolBadRequest(`Node pool ${source.nodePool} does not exist.`);
  }
  if (!poolFlavor(target.flavor)) {
    throw modelArtsError(404, 'ModelArts.50005101', `Resource flavor ${target.flavor} not found.`);
  }
  const deleting = new Set(batches.flatMap((batch) => batch.deleteNames));
  const uids = new Set(batches.map((batch) => batch.uid));
  const nodes = nodesOf(pool, source.nodePool).filter((node) => uids.has(node.batchUid) && node.flavor === source.flavor && !isLeaving(node, now));
  if (nodes.length === 0) {
    throw poolBadRequest('No node of the given batches and source flavor is in the source node pool.');
  }
  const resized: string[] = [];
  for (const node of nodes) {
    if (deleting.has(node.name)) {
      retireNode(node, project, now);
      scaleCount(pool, sourcePool, sourcePool.count - 1);
    } else {
      node.flavor = target.flavor;
      node.timeline.plan(now, [['Checking', project.transitionMs]], 'Available');
      resized.push(node.name);
    }
  }
  if (nodesOf(pool, source.nodePool).every((node) => node.flavor === target.flavor || isLeaving(node, now))) {
    sourcePool.flavor = target.flavor;
  }
  return ok({ orderName: `order-${randomUUID().replace(/-/g, '')}`, nodeNames: resized });
}

/** A node pool's wanted size after some of its nodes went, its elastic count with it. */
function scaleCount(pool: PoolRecord, nodePool: NodePoolRecord, count: number): void {
  nodePool.count = Math.max(0, count);
  nodePool.maxCount = elasticCount(pool, nodePool.count, nodePool.maxCount);
}

function resizeSide(body: Record<string, unknown>, key: 'source' | 'target'): { nodePool: string; flavor: string } {
  const side = body[key];
  if (!isRecord(side)) {
    throw poolBadRequest(`Invalid ${key}: must be an object with nodePool and flavor.`);
  }
  return { nodePool: requiredString(side, 'nodePool', `${key}.nodePool`), flavor: requiredString(side, 'flavor', `${key}.flavor`) };
}
