import type { Page } from './paging';
import { expectArray } from './responses';
import type { HttpMethod, SignedClient } from './signedClient';

/** Storage mounted on a notebook while it runs (§1.5 dynamic storage). */
export interface NotebookStorage {
  readonly id: string;
  /** OBS, OBSFS (an OBS folder is answered as OBSFS) or EFS (SFS Turbo). */
  readonly category: string;
  readonly mount_path: string;
  readonly uri?: string;
  readonly efs_id?: string;
  /** MOUNTING, MOUNTED, MOUNT_FAILED, UNMOUNTING, UNMOUNTED, UNMOUNT_FAILED. */
  readonly status: string;
  readonly failure_reason?: string;
  readonly mount_type?: string;
}

/**
 * `POST …/notebooks/{id}/storage` (the SDK's DataVolumesReq): an OBS folder, or an SFS Turbo file system by its id and
 * shared path (`<id>.sfsturbo.internal:/folder`); the mount path is under /data/.
 */
export type AttachStorageRequest =
  | { readonly category: 'OBS'; readonly mount_path: string; readonly uri: string }
  | { readonly category: 'EFS'; readonly mount_path: string; readonly uri: string; readonly efs_id: string };

/** Dynamic storage of notebooks (§1.1): mounted on, listed and unmounted from a running notebook. */
export class NotebookStorageService {
  constructor(private readonly client: SignedClient) {}

  /** Every mount in one page: the SDK's list takes no paging parameters. */
  async list(region: string, notebookId: string, signal?: AbortSignal): Promise<Page<NotebookStorage>> {
    const response = await this.call<{ data?: NotebookStorage[] }>(region, 'GET', '', { id: notebookId }, signal);
    const items = expectArray(response.data, 'storage list');
    return { items, total: items.length };
  }

  get(region: string, notebookId: string, storageId: string, signal?: AbortSignal): Promise<NotebookStorage> {
    return this.call(region, 'GET', '/{storage_id}', { id: notebookId, storage_id: storageId }, signal);
  }

  /** Not repeated on failure: a second mount of the same path is refused. */
  attach(region: string, notebookId: string, request: AttachStorageRequest, signal?: AbortSignal): Promise<NotebookStorage> {
    return this.call(region, 'POST', '', { id: notebookId }, signal, request);
  }

  detach(region: string, notebookId: string, storageId: string, signal?: AbortSignal): Promise<NotebookStorage> {
    return this.call(region, 'DELETE', '/{storage_id}', { id: notebookId, storage_id: storageId }, signal);
  }

  private call<T>(region: string, method: HttpMethod, subPath: string, pathParams: Record<string, string>, signal?: AbortSignal, body?: object): Promise<T> {
    return this.client.request<T>({ service: 'modelarts', region, method, path: `/v1/{project_id}/notebooks/{id}/storage${subPath}`, pathParams, body, signal });
  }
}
