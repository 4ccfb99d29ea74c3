/**
 * Dynamic storage of a notebook (§1.1, §1.5): OBS folders (answered as OBSFS, as the OTC example
 * does) and SFS Turbo file systems (EFS) mounted under /data/ of a running notebook.
 */
import { randomUUID } from 'node:crypto';
import { Timeline } from '../clock';
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, modelArtsError, ok, requestProject } from '../http';
import type { Router } from '../router';
import type { NotebookRecord } from '../state';
import { oneOf, requiredString } from '../validate';
import { requireNotebook, requireStatus } from './notebooks';

const BASE = '/v1/{project_id}/notebooks/{id}/storage';

export type StorageStatus = 'MOUNTING' | 'MOUNTED' | 'MOUNT_FAILED' | 'UNMOUNTING' | 'UNMOUNTED' | 'UNMOUNT_FAILED';

export interface NotebookStorageRecord {
  readonly id: string;
  readonly category: 'OBSFS' | 'EFS';
  /** Always ends with `/`. */
  readonly mountPath: string;
  readonly uri: string;
  readonly efsId?: string;
  readonly failReason?: string;
  /** Ends in UNMOUNTED once a detach completes; the storage is then gone from the notebook. */
  readonly timeline: Timeline<StorageStatus>;
}

/** `/data/<dir>[/<dir>…][/]`: the reference only says "under /data/"; the characters allowed are assumed. */
const MOUNT_PATH = /^\/data(\/(?!\.\.?(\/|$))[A-Za-z0-9._-]+)+\/?$/;
/** `obs://<bucket>/[<folder>/…]`, bucket names as OBS allows them. */
const OBS_URI = /^obs:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/(\S+\/)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** An SFS Turbo shared path, `<host>:/[<folder>…]` as the SDK's example gives it; at most 256 characters. */
const SFS_TURBO_PATH = /^(?=.{1,256}$)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+:\/\S*$/;
/** (illustrative) The reference gives no limit; the console offers a handful of mounts. */
const MAX_MOUNTS = 5;

export function registerNotebookStorage(router: Router<Handler>): void {
  router
    .add('GET', BASE, (request) => ok(storageList(liveStorages(requireNotebook(request), request.now).map((storage) => storageView(storage, request.now)))))
    .add('POST', BASE, attachStorage)
    .add('GET', `${BASE}/{storage_id}`, (request) => ok(storageView(requireStorage(request), request.now)))
    .add('DELETE', `${BASE}/{storage_id}`, detachStorage);
}

/** The notebook's storages, dropping those whose detach has completed by `now`. */
function liveStorages(notebook: NotebookRecord, now: number): NotebookStorageRecord[] {
  const gone = notebook.storages.filter((storage) => storage.timeline.status(now) === 'UNMOUNTED');
  gone.forEach((storage) => notebook.storages.splice(notebook.storages.indexOf(storage), 1));
  return notebook.storages;
}

/** The SDK's list takes no paging parameters: one page holds every mount (there are a handful at most). */
function storageList(data: readonly Record<string, unknown>[]): Record<string, unknown> {
  return { current: 1, data, pages: 1, size: data.length, total: data.length };
}

function storageView(storage: NotebookStorageRecord, now: number): Record<string, unknown> {
  const status = storage.timeline.status(now);
  return {
    id: storage.id,
    category: storage.category,
    mount_path: storage.mountPath,
    uri: storage.uri,
    status,
    ...(storage.efsId ? { efs_id: storage.efsId } : {}),
    ...(status === 'MOUNT_FAILED' && storage.failReason ? { failure_reason: storage.failReason } : {}),
    mount_type: 'DYNAMIC',
  };
}

function requireStorage(request: ApiRequest): NotebookStorageRecord {
  const storage = liveStorages(requireNotebook(request), request.now).find((candidate) => candidate.id === request.params.storage_id);
  if (!storage) {
    // (illustrative) The reference gives no code for an unknown storage; the HWC not-found code.
    throw modelArtsError(400, 'ModelArts.6404', `The storage ${request.params.storage_id} is not mounted on the notebook instance.`);
  }
  return storage;
}

function attachStorage(request: ApiRequest): ApiResponse {
  const notebook = requireNotebook(request);
  const { now } = request;
  // §1.1: storage is mounted on a running notebook.
  requireStatus(notebook, now, 'RUNNING', 'mount storage on');
  const body = bodyObject(request);
  const category = oneOf(requiredString(body, 'category'), ['OBS', 'OBSFS', 'EFS'], 'category');
  const rawPath = requiredString(body, 'mount_path');
  if (!MOUNT_PATH.test(rawPath)) {
    throw invalidParameter('mount_path', 'must be a directory under /data/, e.g. /data/datasets/');
  }
  const mountPath = rawPath.endsWith('/') ? rawPath : `${rawPath}/`;
  const mounted = liveStorages(notebook, now);
  if (mounted.some((storage) => storage.mountPath.startsWith(mountPath) || mountPath.startsWith(storage.mountPath))) {
    throw invalidParameter('mount_path', `${mountPath} is already a mount point or inside one`);
  }
  if (mounted.length >= MAX_MOUNTS) {
    throw invalidParameter('mount_path', `at most ${MAX_MOUNTS} storages can be mounted`);
  }
  const efsId = category === 'EFS' ? requiredString(body, 'efs_id') : undefined;
  if (efsId !== undefined && !UUID.test(efsId)) {
    throw invalidParameter('efs_id', 'must be the UUID of an SFS Turbo file system');
  }
  const uri = requiredString(body, 'uri');
  if (category === 'EFS' ? !SFS_TURBO_PATH.test(uri) : !OBS_URI.test(uri)) {
    throw invalidParameter('uri', category === 'EFS' ? 'must be a shared path such as <id>.sfsturbo.internal:/folder' : 'must be an OBS folder such as obs://bucket/folder/');
  }
  // Emulator convention, as for names: a bucket or file system id containing "fail" fails to mount.
  const fails = `${uri} ${efsId ?? ''}`.includes('fail');
  const timeline = new Timeline<StorageStatus>('MOUNTING', now);
  timeline.plan(now, [['MOUNTING', requestProject(request).transitionMs]], fails ? 'MOUNT_FAILED' : 'MOUNTED');
  const storage: NotebookStorageRecord = {
    id: randomUUID(),
    category: category === 'EFS' ? 'EFS' : 'OBSFS',
    mountPath,
    uri,
    efsId,
    failReason: fails ? 'Failed to mount the storage: access denied. Check the bucket and the agency of ModelArts.' : undefined,
    timeline,
  };
  notebook.storages.push(storage);
  return ok(storageView(storage, now));
}

function detachStorage(request: ApiRequest): ApiResponse {
  const notebook = requireNotebook(request);
  const storage = requireStorage(request);
  const { now } = request;
  const status = storage.timeline.status(now);
  // A mount that failed is removed whatever the notebook's state; a working one only from a running notebook.
  if (status !== 'MOUNT_FAILED') {
    requireStatus(notebook, now, 'RUNNING', 'unmount storage from');
  }
  if (status === 'MOUNTING' || status === 'UNMOUNTING') {
    throw modelArtsError(400, 'ModelArts.6357', `Cannot unmount the storage: it is ${status}.`);
  }
  storage.timeline.plan(now, [['UNMOUNTING', requestProject(request).transitionMs]], 'UNMOUNTED');
  return ok(storageView(storage, now));
}

/** A demo mount, MOUNTED since `at`. */
export function seededStorage(id: string, mountPath: string, uri: string, at: number): NotebookStorageRecord {
  return { id, category: 'OBSFS', mountPath, uri, timeline: new Timeline<StorageStatus>('MOUNTED', at) };
}
