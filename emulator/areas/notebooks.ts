/** Notebooks (§1): list, show, create, start, stop, delete and lease. */
import { randomUUID } from 'node:crypto';
import { NOTEBOOK_FLAVORS } from '../catalog';
import { Timeline } from '../clock';
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, isRecord, modelArtsError, ok, queryInt, requestProject } from '../http';
import type { Router } from '../router';
import { DEFAULT_WORKSPACE_ID, type NotebookLease, type NotebookRecord, type NotebookStatus, type ProjectState } from '../state';
import { oneOf, optionalInteger, optionalObject, optionalString, requiredObject, requiredString, validName } from '../validate';
import { isUsableImage } from './notebookImageModel';
import { notebookView, TRANSITIONAL_STATUSES } from './notebookView';
import { requireWorkspace } from './workspaces';

const BASE = '/v1/{project_id}/notebooks';
const MIN_LEASE_MS = 3_600_000;
const MAX_LEASE_MS = 259_200_000;

export function registerNotebooks(router: Router<Handler>): void {
  router
    .add('GET', BASE, listNotebooks)
    .add('POST', BASE, createNotebook)
    .add('GET', `${BASE}/{id}`, (request) => ok(notebookResponse(request, requireNotebook(request))))
    .add('DELETE', `${BASE}/{id}`, deleteNotebook)
    .add('POST', `${BASE}/{id}/start`, startNotebook)
    .add('POST', `${BASE}/{id}/stop`, stopNotebook)
    .add('GET', `${BASE}/{id}/lease`, (request) => ok(leaseView(requireNotebook(request).lease)))
    .add('PATCH', `${BASE}/{id}/lease`, renewLease);
}

export function notebookResponse(request: ApiRequest, notebook: NotebookRecord): Record<string, unknown> {
  return notebookView(notebook, requestProject(request), request.now, request.baseUrl);
}

export function requireNotebook(request: ApiRequest): NotebookRecord {
  const notebook = requestProject(request).notebook(request.params.id, request.now);
  if (!notebook) {
    throw modelArtsError(400, 'ModelArts.6309', `The notebook instance ${request.params.id} does not exist.`);
  }
  return notebook;
}

function leaseView(lease: NotebookLease): Record<string, unknown> {
  return { create_at: lease.createAt, duration: lease.duration, enable: lease.enable, type: lease.type, update_at: lease.updateAt };
}

export function notAllowed(status: NotebookStatus, action: string): ReturnType<typeof modelArtsError> {
  const why = TRANSITIONAL_STATUSES.has(status) ? 'another operation is in progress' : `the instance is ${status}`;
  return modelArtsError(400, 'ModelArts.6357', `Cannot ${action} the notebook instance: ${why}.`);
}

/** Refuses (ModelArts.6357) an action that needs the notebook to be in `required` now. */
export function requireStatus(notebook: NotebookRecord, now: number, required: NotebookStatus, action: string): void {
  const status = notebook.timeline.status(now);
  if (status !== required) {
    throw notAllowed(status, action);
  }
}

/** The request's notebook, for an action that needs it to be in `required`. */
export function requireNotebookIn(request: ApiRequest, required: NotebookStatus, action: string): NotebookRecord {
  const notebook = requireNotebook(request);
  requireStatus(notebook, request.now, required, action);
  return notebook;
}

/**
 * Runs `leadIn` for one transition, then RUNNING — until the lease ends it, when one is enabled.
 * The lease ends at `create_at + duration` (the SDK's Lease docs), whatever happens in between.
 */
export function planRun(notebook: NotebookRecord, project: ProjectState, now: number, leadIn?: 'CREATING' | 'STARTING' | 'SNAPSHOTTING'): void {
  const t = project.transitionMs;
  const phases: [NotebookStatus, number][] = leadIn ? [[leadIn, t]] : [];
  const { lease } = notebook;
  if (lease.enable) {
    const runningFor = Math.max(0, lease.createAt + lease.duration - now - (leadIn ? t : 0));
    phases.push(['RUNNING', runningFor], ['STOPPING', t]);
    notebook.timeline.plan(now, phases, 'STOPPED');
  } else {
    notebook.timeline.plan(now, phases, 'RUNNING');
  }
}

const SORT_FIELDS: Record<string, (n: NotebookRecord, now: number) => string | number> = {
  create_at: (n) => n.createAt,
  update_at: (n, now) => Math.max(n.createAt, n.timeline.current(now).at),
  name: (n) => n.name,
  status: (n, now) => n.timeline.status(now),
};

function listNotebooks(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const project = requestProject(request);
  const offset = queryInt(query, 'offset', 0);
  // (uncertain) The reference lists 10/20/50 as values; larger pages are refused so clients cannot come to rely on them.
  const limit = queryInt(query, 'limit', 10, 1, 50);
  const sortDir = oneOf((query.get('sort_dir') ?? 'DESC').toUpperCase(), ['ASC', 'DESC'], 'sort_dir');
  const sortKeys = (query.get('sort_key') ?? 'create_at').split(',').map((key) => oneOf(key.trim(), Object.keys(SORT_FIELDS), 'sort_key'));
  // `workspace_id` per the reference; golangsdk sends `workspaceId`. Absent = all workspaces.
  const workspaceId = query.get('workspace_id') ?? query.get('workspaceId');
  if (workspaceId !== null) {
    requireWorkspace(project, workspaceId);
  }
  const statuses = query.get('status')?.split(',');
  const name = query.get('name')?.toLowerCase();
  const exact = { flavor: query.get('flavor'), imageId: query.get('image_id'), id: query.get('id') };
  const feature = query.get('feature') ?? 'NOTEBOOK';
  const matching = project
    .notebooks(now)
    .filter(
      (n) =>
        feature === 'NOTEBOOK' &&
        (workspaceId === null || n.workspaceId === workspaceId) &&
        (!statuses || statuses.includes(n.timeline.status(now))) &&
        (!name || n.name.toLowerCase().includes(name)) &&
        (exact.flavor === null || n.flavor === exact.flavor) &&
        (exact.imageId === null || n.imageId === exact.imageId) &&
        (exact.id === null || n.id === exact.id),
    )
    .sort((a, b) => {
      for (const key of sortKeys) {
        const ka = SORT_FIELDS[key](a, now);
        const kb = SORT_FIELDS[key](b, now);
        if (ka !== kb) {
          return (ka < kb ? -1 : 1) * (sortDir === 'ASC' ? 1 : -1);
        }
      }
      return 0;
    });
  return ok({
    // (uncertain) `current` is seen as 0 and 1 in examples; here it is the 0-based page of `offset`.
    current: Math.floor(offset / limit),
    data: matching.slice(offset, offset + limit).map((notebook) => notebookResponse(request, notebook)),
    pages: Math.ceil(matching.length / limit),
    size: limit,
    total: matching.length,
  });
}

function createNotebook(request: ApiRequest): ApiResponse {
  const body = bodyObject(request);
  const project = requestProject(request);
  const { now } = request;
  const name = validName(requiredString(body, 'name'), 'name');
  const flavor = requiredString(body, 'flavor');
  if (!NOTEBOOK_FLAVORS.some((f) => f.id === flavor)) {
    throw invalidParameter('flavor', `unknown flavor ${flavor}`);
  }
  const imageId = requiredString(body, 'image_id');
  if (!isUsableImage(project, imageId, now)) {
    throw invalidParameter('image_id', `unknown image ${imageId}`);
  }
  const workspaceId = optionalString(body, 'workspace_id', DEFAULT_WORKSPACE_ID);
  requireWorkspace(project, workspaceId);
  oneOf(optionalString(body, 'feature', 'NOTEBOOK'), ['NOTEBOOK', 'DEFAULT'], 'feature');
  const notebook: NotebookRecord = {
    id: randomUUID(),
    name,
    description: optionalString(body, 'description', ''),
    workspaceId,
    flavor,
    imageId,
    volume: parseVolume(requiredObject(body, 'volume')),
    lease: parseLease(body, now),
    sshKeyPairs: parseSshKeyPairs(body.endpoints),
    storages: [],
    owner: request.account.domainName,
    createAt: now,
    token: randomUUID(),
    timeline: new Timeline<NotebookStatus>('CREATING', now),
  };
  if (name.toLowerCase().includes('fail')) {
    // Emulator convention: a name containing "fail" gives a deterministic creation failure.
    notebook.failReason = 'Failed to schedule the instance: insufficient resources for the flavor.';
    notebook.timeline.plan(now, [['CREATING', project.transitionMs]], 'CREATE_FAILED');
  } else {
    planRun(notebook, project, now, 'CREATING');
  }
  project.addNotebook(notebook);
  // (uncertain) The reference does not give the success status of create; golangsdk accepts 200-202.
  return ok(notebookResponse(request, notebook), 201);
}

function parseVolume(volume: Record<string, unknown>): NotebookRecord['volume'] {
  const category = oneOf(requiredString(volume, 'category', 'volume.category'), ['EVS', 'OBS', 'OBSFS', 'EFS'], 'volume.category');
  const ownership = oneOf(requiredString(volume, 'ownership', 'volume.ownership'), ['MANAGED', 'DEDICATED'], 'volume.ownership');
  if (ownership === 'DEDICATED' && category !== 'EFS') {
    throw invalidParameter('volume.ownership', 'DEDICATED is only allowed with category EFS');
  }
  const uri = optionalString(volume, 'uri', '', 'volume.uri');
  if (ownership === 'DEDICATED' && !uri && !volume.id) {
    throw invalidParameter('volume.uri', 'uri or id is required for a DEDICATED volume');
  }
  const capacity = optionalInteger(volume, 'capacity', 1, 4096, 'volume.capacity') ?? (category === 'EFS' ? 50 : 5);
  return { category, ownership, capacity, ...(uri ? { uri } : {}) };
}

/** `lease{duration,type}` or top-level `duration`; golangsdk (Terraform) sends `duration: -1` for "no auto-stop". */
function parseLease(body: Record<string, unknown>, now: number): NotebookLease {
  const lease = optionalObject(body, 'lease');
  const source = lease ?? body;
  const path = lease ? 'lease.duration' : 'duration';
  const type = lease ? oneOf(optionalString(lease, 'type', 'TIMING', 'lease.type'), ['TIMING', 'IDLE'], 'lease.type') : 'TIMING';
  if (source.duration === -1) {
    return { duration: 0, enable: false, type, createAt: now, updateAt: now };
  }
  const duration = optionalInteger(source, 'duration', MIN_LEASE_MS, MAX_LEASE_MS, path);
  return { duration: duration ?? 0, enable: duration !== undefined, type, createAt: now, updateAt: now };
}

function parseSshKeyPairs(endpoints: unknown): string[] {
  if (endpoints === undefined || endpoints === null) {
    return [];
  }
  if (!Array.isArray(endpoints)) {
    throw invalidParameter('endpoints', 'must be an array');
  }
  const keyPairs: string[] = [];
  endpoints.forEach((endpoint, index) => {
    if (!isRecord(endpoint)) {
      throw invalidParameter(`endpoints[${index}]`, 'must be an object');
    }
    const service = oneOf(requiredString(endpoint, 'service', `endpoints[${index}].service`), ['NOTEBOOK', 'SSH'], `endpoints[${index}].service`);
    const names = endpoint.key_pair_names;
    if (service === 'SSH') {
      if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string')) {
        throw invalidParameter(`endpoints[${index}].key_pair_names`, 'at least one key pair name is required for SSH');
      }
      keyPairs.push(...(names as string[]));
    }
  });
  return keyPairs;
}

function startNotebook(request: ApiRequest): ApiResponse {
  const notebook = requireNotebook(request);
  const status = notebook.timeline.status(request.now);
  if (status !== 'STOPPED' && status !== 'START_FAILED') {
    throw notAllowed(status, 'start');
  }
  const duration = request.query.get('duration');
  if (duration !== null) {
    applyLeaseDuration(notebook.lease, duration, request.query.get('type'), request.now, 'duration');
  }
  // A start begins a new lease: it runs `duration` from now.
  notebook.lease.createAt = request.now;
  notebook.lease.updateAt = request.now;
  planRun(notebook, requestProject(request), request.now, 'STARTING');
  return ok(notebookResponse(request, notebook));
}

function stopNotebook(request: ApiRequest): ApiResponse {
  const notebook = requireNotebookIn(request, 'RUNNING', 'stop');
  notebook.timeline.plan(request.now, [['STOPPING', requestProject(request).transitionMs]], 'STOPPED');
  return ok(notebookResponse(request, notebook));
}

function deleteNotebook(request: ApiRequest): ApiResponse {
  const notebook = requireNotebook(request);
  const status = notebook.timeline.status(request.now);
  if (TRANSITIONAL_STATUSES.has(status)) {
    throw notAllowed(status, 'delete');
  }
  notebook.timeline.plan(request.now, [['DELETING', requestProject(request).transitionMs]], 'DELETED');
  return ok(notebookResponse(request, notebook));
}

/**
 * `PATCH …/lease[?duration=ms]`, body `{duration,type}`; the query wins. The renewal runs `duration`
 * from now (OTC RenewLease); the answer's `duration` still counts from `create_at`, so the two add up
 * to the new stop time (assumed: the reference's example does not show it either way).
 */
function renewLease(request: ApiRequest): ApiResponse {
  const notebook = requireNotebookIn(request, 'RUNNING', 'renew the lease of');
  const { now } = request;
  const body = request.body === undefined ? {} : bodyObject(request);
  const duration = request.query.get('duration') ?? (body.duration === undefined ? null : String(body.duration));
  if (duration === null) {
    throw invalidParameter('duration', 'is required');
  }
  const { lease } = notebook;
  const wasEnabled = lease.enable;
  applyLeaseDuration(lease, duration, optionalString(body, 'type', lease.type), now, 'duration');
  if (lease.enable) {
    if (!wasEnabled) {
      lease.createAt = now;
    }
    lease.duration += now - lease.createAt;
  }
  planRun(notebook, requestProject(request), now);
  return ok(leaseView(lease));
}

/** Sets the lease from a query/body duration; `-1` turns auto-stop off (as golangsdk's start sends it). */
function applyLeaseDuration(lease: NotebookLease, rawDuration: string, rawType: string | null, now: number, path: string): void {
  lease.type = oneOf(rawType ?? lease.type, ['TIMING', 'IDLE'], 'type');
  lease.updateAt = now;
  if (rawDuration === '-1') {
    lease.enable = false;
    return;
  }
  const duration = Number(rawDuration);
  if (!Number.isInteger(duration) || duration < MIN_LEASE_MS || duration > MAX_LEASE_MS) {
    throw invalidParameter(path, `must be an integer between ${MIN_LEASE_MS} and ${MAX_LEASE_MS}`);
  }
  lease.duration = duration;
  lease.enable = true;
}
