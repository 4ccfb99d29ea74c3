/**
 * Dedicated resource pools (§5): list, show, create, PATCH (merge-patch: scale,
 * description, scope) and delete; registers the node, node pool, plugin,
 * catalog and tag routes too. A changed scope is Enabling (or Disabling) for one transition. Pool phases: Creating → Running (CreationFailed for a
 * display name containing "fail"); delete → Deleting → gone (then 404).
 */
import { randomBytes } from 'node:crypto';
import { Timeline } from '../clock';
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, isRecord, ok, requestProject } from '../http';
import type { Router } from '../router';
import { DEFAULT_WORKSPACE_ID } from '../state';
import { oneOf, optionalObject, optionalString, requiredObject, requiredString } from '../validate';
import { networkNames, registerPoolCatalog } from './poolCatalog';
import { matchesLabelSelector, mergePatch, stringMap } from './poolFields';
import {
  type Gone,
  isLeaving,
  livePools,
  poolBadRequest,
  poolConflict,
  poolHandler,
  poolPhase,
  type PoolPhase,
  type PoolRecord,
  requirePool,
  retireNode,
} from './poolModel';
import { registerPoolNodePools } from './poolNodePools';
import { registerPoolNodes } from './poolNodes';
import { registerPoolPlugins } from './poolPlugins';
import { registerPoolTags } from './poolTags';
import { applyResources, parseResources } from './poolResources';
import { poolLabels, poolView } from './poolView';

const BASE = '/v2/{project_id}/pools';
/** (uncertain) The console's rule for pool names: 4-30 lowercase letters, digits and "-", starting with a letter. */
const DISPLAY_NAME = /^[a-z][a-z0-9-]{2,28}[a-z0-9]$/;
const SCOPES = ['Train', 'Infer', 'Notebook'];
const SPEC_KEYS = new Set(['type', 'scope', 'network', 'resources']);
/** (uncertain) How the lowercase list filter maps onto phases. */
const STATUS_FILTER: Record<string, readonly PoolPhase[]> = {
  created: ['Running', 'Abnormal', 'ScalingFailed'],
  creating: ['Creating', 'Waiting'],
  failed: ['CreationFailed', 'Error'],
};
/** Phases in which `spec.resources` may change. */
const SCALABLE: readonly PoolPhase[] = ['Running', 'Abnormal', 'ScalingFailed'];

export function registerPools(router: Router<Handler>): void {
  router
    .add('GET', BASE, poolHandler(listPools))
    .add('POST', BASE, poolHandler(createPool))
    .add('GET', `${BASE}/{pool_name}`, poolHandler((request) => ok(poolView(requirePool(request), requestProject(request), request.now))))
    .add('PATCH', `${BASE}/{pool_name}`, poolHandler(patchPool))
    .add('DELETE', `${BASE}/{pool_name}`, poolHandler(deletePool));
  registerPoolNodes(router);
  registerPoolNodePools(router);
  registerPoolPlugins(router);
  registerPoolCatalog(router);
  registerPoolTags(router);
}

function listPools(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const project = requestProject(request);
  const workspaceId = query.get('workspaceId');
  const status = query.get('status');
  const phases = status === null ? undefined : STATUS_FILTER[status];
  if (status !== null && !phases) {
    throw poolBadRequest('Invalid parameter status: must be one of created, failed, creating.');
  }
  const selector = query.get('labelSelector');
  const items = livePools(project, now)
    .filter(
      (pool) =>
        (workspaceId === null || pool.workspaceId === workspaceId) &&
        (!phases || phases.includes(poolPhase(pool, now))) &&
        matchesLabelSelector(poolLabels(pool, project), selector),
    )
    .sort((a, b) => b.createdAt - a.createdAt || (a.name < b.name ? -1 : 1))
    .map((pool) => poolView(pool, project, now));
  // §5.1: the pool list has no paging metadata.
  return ok({ apiVersion: 'v2', kind: 'PoolList', items });
}

function parseScope(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((scope) => typeof scope === 'string' && SCOPES.includes(scope))) {
    throw poolBadRequest(`Invalid spec.scope: a non-empty list of ${SCOPES.join(', ')} is required.`);
  }
  return [...new Set(value as string[])];
}

function specExtra(spec: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(spec).filter(([key]) => !SPEC_KEYS.has(key)));
}

/** `pool-<display name>-<32 hex>` (no double prefix when the display name starts with "pool-", as in §5.3's example). */
function poolIdFor(displayName: string): string {
  const prefix = displayName.startsWith('pool-') ? displayName : `pool-${displayName}`;
  return `${prefix.slice(0, 30).replace(/-+$/, '')}-${randomBytes(16).toString('hex')}`;
}

function createPool(request: ApiRequest): ApiResponse {
  const body = bodyObject(request);
  const project = requestProject(request);
  const { now } = request;
  if (body.kind !== undefined && body.kind !== 'Pool') {
    throw poolBadRequest('Invalid kind: must be Pool.');
  }
  if (body.apiVersion !== undefined && body.apiVersion !== 'v2') {
    throw poolBadRequest('Invalid apiVersion: must be v2.');
  }
  const metadata = requiredObject(body, 'metadata');
  const labels = stringMap(metadata.labels, 'metadata.labels');
  const displayName = labels['os.modelarts/name'];
  if (!displayName || !DISPLAY_NAME.test(displayName)) {
    throw poolBadRequest('Invalid metadata.labels["os.modelarts/name"]: 4-30 characters: lowercase letters, digits and "-", starting with a letter.');
  }
  const workspaceId = labels['os.modelarts/workspace.id'] ?? DEFAULT_WORKSPACE_ID;
  if (!project.workspaces.has(workspaceId)) {
    throw poolBadRequest(`Workspace ${workspaceId} does not exist.`);
  }
  const annotations = stringMap(metadata.annotations, 'metadata.annotations');
  const spec = requiredObject(body, 'spec');
  const type = oneOf(optionalString(spec, 'type', 'Dedicate', 'spec.type'), ['Dedicate', 'Logical'], 'spec.type');
  const scope = parseScope(spec.scope);
  const networkSpec = optionalObject(spec, 'network', 'spec.network');
  const network = networkSpec ? requiredString(networkSpec, 'name', 'spec.network.name') : '';
  if (type === 'Dedicate' && !network) {
    throw poolBadRequest('Invalid spec.network.name: required for a Dedicate pool.');
  }
  if (network && !networkNames(project).includes(network)) {
    throw poolBadRequest(`Network ${network} does not exist.`);
  }
  const entries = parseResources(spec.resources, 1, type);
  if (livePools(project, now).some((pool) => pool.displayName === displayName)) {
    throw poolConflict(`The resource pool ${displayName} already exists.`);
  }
  const failing = displayName.includes('fail');
  const pool: PoolRecord = {
    name: poolIdFor(displayName),
    displayName,
    workspaceId,
    createdAt: now,
    type,
    network,
    scope,
    nodePrefix: labels['os.modelarts/node.prefix'],
    annotations,
    specExtra: specExtra(spec),
    // Emulator convention (as for notebooks): a name containing "fail" fails on purpose.
    failMessage: failing ? 'Failed to create the nodes: insufficient capacity for the flavor in the availability zone.' : undefined,
    tags: new Map(),
    timeline: new Timeline<PoolPhase | Gone>('Creating', now),
    nodePools: new Map(),
    nodes: new Map(),
    plugins: new Map(),
    nextSeq: 0,
  };
  pool.timeline.plan(now, [['Creating', project.transitionMs]], failing ? 'CreationFailed' : 'Running');
  applyResources(pool, project, entries, now, failing ? 'Abnormal' : 'Available');
  project.pools.set(pool.name, pool);
  // §5.1: create answers 200 with the Pool.
  return ok(poolView(pool, project, now));
}

/**
 * RFC 7386 merge into the pool of what the SDK's PATCH model has: the description (and order id) annotations, and
 * `spec` scope, resources, jobFlavors and driver. `spec.resources` changes scale it.
 */
function patchPool(request: ApiRequest): ApiResponse {
  const pool = requirePool(request);
  const project = requestProject(request);
  const { now } = request;
  const phase = poolPhase(pool, now);
  if (phase === 'Deleting') {
    throw poolBadRequest(`The resource pool ${pool.name} is being deleted.`);
  }
  const body = bodyObject(request);
  const annotationsPatch = isRecord(body.metadata) ? body.metadata.annotations : undefined;
  const annotations = stringMap(mergePatch(pool.annotations, annotationsPatch ?? {}), 'metadata.annotations');
  const { resources, ...specPatch } = isRecord(body.spec) ? body.spec : {};
  const spec = mergePatch({ ...pool.specExtra, scope: pool.scope }, specPatch) as Record<string, unknown>;
  const scope = parseScope(spec.scope);
  if (resources !== undefined) {
    if (!SCALABLE.includes(phase)) {
      throw poolBadRequest(`The resource pool is ${phase}; its resources can change once it is Running.`);
    }
    applyResources(pool, project, parseResources(resources, 0, pool.type), now);
  }
  if (scope.length !== pool.scope.length || scope.some((use) => !pool.scope.includes(use))) {
    pool.scopeChange = { previous: pool.scope, at: now };
  }
  pool.scope = scope;
  pool.annotations = annotations;
  pool.specExtra = specExtra(spec);
  return ok(poolView(pool, project, now));
}

/** Deleting → gone after one transition, nodes and plugins with it (node locks do not stop a pool deletion). */
function deletePool(request: ApiRequest): ApiResponse {
  const pool = requirePool(request);
  const project = requestProject(request);
  const { now } = request;
  if (poolPhase(pool, now) !== 'Deleting') {
    const t = project.transitionMs;
    pool.timeline.plan(now, [['Deleting', t]], 'Deleted');
    for (const node of pool.nodes.values()) {
      if (!isLeaving(node, now)) {
        retireNode(node, project, now);
      }
    }
    for (const plugin of pool.plugins.values()) {
      plugin.timeline.plan(now, [['Deleting', t]], 'Deleted');
    }
  }
  return ok(poolView(pool, project, now));
}
