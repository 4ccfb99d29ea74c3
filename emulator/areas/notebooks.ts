/** Notebooks (§1): list, show, create, start, stop, delete and lease. */
import { randomUUID } from 'node:crypto';
import { NOTEBOOK_FLAVORS } from '../catalog';
import { Timeline } from '../clock';
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, isRecord, modelArtsError, ok, queryInt, requestProject } from '../http';
import type { Router } from '../router';
import { DEFAULT_WORKSPACE_ID, type NotebookRecord, type NotebookStatus } from '../state';
import { oneOf, optionalInteger, optionalString, requiredObject, requiredString, validName } from '../validate';
import { isUsableImage } from './notebookImageModel';
import { createLease, leaseView, planRun, renewLease, startLease } from './notebookLease';
import { notebookView, TRANSITIONAL_STATUSES } from './notebookView';
import { requireWorkspace } from './workspaces';

const BASE = '/v1/{project_id}/notebooks';
/** `obs://<bucket>/[<folder>/…]`, bucket names as OBS allows them. */
const OBS_FOLDER = /^obs:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/(\S+\/)?$/;

export function registerNotebooks(router: Router<Handler>): void {
  router
    .add('GET', BASE, listNotebooks)
    .add('POST', BASE, createNotebook)
    .add('GET', `${BASE}/{id}`, (request) => ok(notebookResponse(request, requireNotebook(request))))
    .add('DELETE', `${BASE}/{id}`, deleteNotebook)
    .add('POST', `${BASE}/{id}/start`, startNotebook)
    .add('POST', `${BASE}/{id}/stop`, stopNotebook)
    .add('GET', `${BASE}/{id}/lease`, (request) => ok(leaseView(requireNotebook(request).lease)))
    .add('PATCH', `${BASE}/{id}/lease`, (request) => renewLease(request, requireNotebookIn(request, 'RUNNING', 'renew the lease of')));
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
    lease: createLease(body, now),
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

/**
 * The SDK's VolumeMountRequest: an EVS disk or an SFS Turbo file system (EFS) of the service (MANAGED), or storage of
 * the account (DEDICATED): an SFS Turbo file system by `uri` and `id`, an OBS parallel file system folder by `uri`
 * (OBSFS), or an OBS folder by `uri` read with the access key of a DEW secret (OBS, `dew_secret_name`).
 */
function parseVolume(volume: Record<string, unknown>): NotebookRecord['volume'] {
  const category = oneOf(requiredString(volume, 'category', 'volume.category'), ['EVS', 'OBS', 'OBSFS', 'EFS'], 'volume.category');
  const ownership = oneOf(requiredString(volume, 'ownership', 'volume.ownership'), ['MANAGED', 'DEDICATED'], 'volume.ownership');
  const uri = optionalString(volume, 'uri', '', 'volume.uri');
  if (category === 'EVS' || category === 'EFS') {
    if (category === 'EVS' && ownership !== 'MANAGED') {
      throw invalidParameter('volume.ownership', 'an EVS disk is MANAGED');
    }
    if (ownership === 'DEDICATED' && (!uri || typeof volume.id !== 'string')) {
      throw invalidParameter('volume.uri', 'a DEDICATED SFS Turbo file system needs its uri and id');
    }
    const capacity = optionalInteger(volume, 'capacity', 5, 4096, 'volume.capacity') ?? (category === 'EFS' ? 50 : 5);
    return { category, ownership, capacity, ...(uri ? { uri } : {}) };
  }
  if (ownership !== 'DEDICATED' || !OBS_FOLDER.test(uri)) {
    throw invalidParameter('volume.uri', `${category} storage is a DEDICATED folder of your bucket, e.g. obs://bucket/folder/`);
  }
  if (category === 'OBS' && !optionalString(volume, 'dew_secret_name', '', 'volume.dew_secret_name')) {
    throw invalidParameter('volume.dew_secret_name', 'OBS storage needs the DEW secret holding the access key');
  }
  return { category, ownership, uri };
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
  notebook.lease = startLease(request);
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
