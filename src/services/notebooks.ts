import * as l10n from '@vscode/l10n';
import { LocalErrorCode, ModelArtsError } from './errors';
import { resourceNameProblem } from './naming';
import { LEASE_MAX_MS, LEASE_MIN_MS, NEVER_STOP } from './notebookRules';
import { expectArray } from './responses';
import { type Page, recordOffsetPage, tokenToNumber } from './paging';
import { sleep } from './retry';
import type { SignedClient } from './signedClient';
import { notebookImageStatusCategory } from './status';
import type { WorkspaceScope } from './workspaces';

/** The fields of the notebook object (API reference §1.4) the product uses. */
export interface Notebook {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly status: string;
  readonly flavor: string;
  readonly image?: { readonly id: string; readonly name?: string; readonly tag?: string; readonly swr_path?: string; readonly type?: string };
  readonly volume?: { readonly category: string; readonly capacity?: number; readonly mount_path?: string; readonly uri?: string };
  readonly url?: string;
  readonly workspace_id?: string;
  /** Not in the SDK's models; the Terraform provider reads them (emulator/contract/deviations.ts). */
  readonly create_at?: number;
  readonly update_at?: number;
  readonly fail_reason?: string;
  readonly lease?: NotebookLease;
  /** SSH access (§1.4); the SDK names the service both `service` and `dev_service`. */
  readonly endpoints?: readonly { readonly service?: string; readonly dev_service?: string; readonly uri?: string; readonly key_pair_names?: readonly string[] }[];
  /** The steps of the operation under way (create, start…), step 1 to 4 (§1.4). */
  readonly action_progress?: readonly { readonly step: number; readonly status: string; readonly description?: string }[];
}

/** Auto-stop (§1.1 lease): a running notebook stops at `create_at + duration` when `enable` (the SDK's Lease docs). */
export interface NotebookLease {
  readonly create_at?: number;
  readonly duration?: number;
  readonly enable?: boolean;
  readonly type?: string;
  readonly update_at?: number;
}

export interface NotebookFlavor {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly arch: string;
  readonly vcpus?: number;
  /** KB (§1.5: 8388608 is 8 GB). */
  readonly memory?: number;
  readonly gpu?: { readonly gpu?: number; readonly type?: string };
  readonly ascend?: { readonly npu?: number; readonly type?: string };
  /** The billing code BSS prices the flavor by. */
  readonly billing?: { readonly code?: string };
  readonly free?: boolean;
  readonly sold_out?: boolean;
  readonly description?: string;
}

export interface NotebookImage {
  readonly id: string;
  readonly name: string;
  readonly tag?: string;
  readonly arch?: string;
  readonly description?: string;
  readonly resource_categories?: readonly string[];
  /** BUILD_IN, or DEDICATED for the account's own (e.g. saved from a notebook). */
  readonly type?: string;
  readonly namespace?: string;
  readonly swr_path?: string;
  /** INIT, CREATING, ACTIVE, CREATE_FAILED… (§1.5); only ACTIVE images can be used. */
  readonly status?: string;
  readonly status_message?: string;
}

/** `POST …/notebooks/{id}/create-image` (§1.1; `namespace`, the SWR organization, is required by the SDK). */
export interface SaveImageRequest {
  readonly name: string;
  readonly tag: string;
  readonly namespace: string;
  readonly description?: string;
  readonly workspace_id?: string;
}

/**
 * The notebook's storage (the SDK's VolumeMountRequest): an EVS disk of the service, or a folder of an OBS parallel
 * file system of the account (`uri` "obs://bucket/folder/" is required for storage the account owns). Plain OBS
 * would need a DEW secret holding an access key, which the product does not manage.
 */
export type NotebookVolumeRequest =
  | { readonly category: 'EVS'; readonly ownership: 'MANAGED'; readonly capacity?: number }
  | { readonly category: 'OBSFS'; readonly ownership: 'DEDICATED'; readonly uri: string };

export interface CreateNotebookRequest {
  readonly name: string;
  readonly flavor: string;
  readonly image_id: string;
  readonly volume: NotebookVolumeRequest;
  readonly description?: string;
  readonly endpoints?: readonly { readonly service: 'SSH' | 'NOTEBOOK'; readonly key_pair_names?: readonly string[] }[];
  /** Stop automatically after `duration` ms from now. */
  readonly lease?: { readonly duration: number; readonly type: 'TIMING' | 'IDLE' };
  /** NEVER_STOP: no automatic stop (a top-level duration wins over `lease`). */
  readonly duration?: typeof NEVER_STOP;
}

/**
 * The `?duration=&type=` of a start that keeps the auto-stop the notebook had: without them the service starts it
 * for 1 hour. A lease that is off stays off (NEVER_STOP). An enabled lease's `duration` counts from its `create_at`,
 * which a start resets (assumed, as the emulator does; the SDK's text calls `create_at` the instance's creation time,
 * which would make it the whole age), so it is the length of the last run, renewals included, kept within 1–72 h.
 */
export function restartLease(lease: NotebookLease | undefined): { readonly duration: number; readonly type?: string } | undefined {
  if (!lease || lease.enable === undefined) {
    return undefined;
  }
  if (!lease.enable) {
    return { duration: NEVER_STOP };
  }
  const duration = Math.min(LEASE_MAX_MS, Math.max(LEASE_MIN_MS, lease.duration ?? LEASE_MIN_MS));
  return { duration, type: lease.type ?? 'TIMING' };
}

export interface NotebookListFilter {
  readonly status?: string;
  readonly name?: string;
}

interface ListResponse<T> {
  readonly data?: T[];
  readonly total?: number;
}

export const NOTEBOOK_PAGE_SIZE = 50;

/** Notebooks of the DevEnviron v1 API (§1). */
export class NotebookService {
  constructor(private readonly client: SignedClient) {}

  async list(scope: WorkspaceScope, pageToken?: string, filter: NotebookListFilter = {}, signal?: AbortSignal): Promise<Page<Notebook>> {
    const offset = tokenToNumber(pageToken);
    const response = await this.client.request<ListResponse<Notebook>>({
      service: 'modelarts',
      region: scope.region,
      method: 'GET',
      path: '/v1/{project_id}/notebooks',
      query: { workspace_id: scope.workspaceId, offset, limit: NOTEBOOK_PAGE_SIZE, status: filter.status, name: filter.name },
      signal,
    });
    const items = expectArray(response.data, 'notebook list');
    return recordOffsetPage(items, offset, response.total ?? offset + items.length);
  }

  get(region: string, id: string, signal?: AbortSignal): Promise<Notebook> {
    return this.notebookRequest(region, 'GET', '/v1/{project_id}/notebooks/{id}', id, signal);
  }

  /** Starts a stopped notebook with the auto-stop it had (`restartLease`); the SDK's start takes no body. */
  start(region: string, notebook: Pick<Notebook, 'id' | 'lease'>, signal?: AbortSignal): Promise<Notebook> {
    return this.notebookRequest(region, 'POST', '/v1/{project_id}/notebooks/{id}/start', notebook.id, signal, restartLease(notebook.lease));
  }

  stop(region: string, id: string, signal?: AbortSignal): Promise<Notebook> {
    return this.notebookRequest(region, 'POST', '/v1/{project_id}/notebooks/{id}/stop', id, signal);
  }

  delete(region: string, id: string, signal?: AbortSignal): Promise<Notebook> {
    return this.notebookRequest(region, 'DELETE', '/v1/{project_id}/notebooks/{id}', id, signal);
  }

  create(scope: WorkspaceScope, request: CreateNotebookRequest, signal?: AbortSignal): Promise<Notebook> {
    const problem = resourceNameProblem(request.name);
    if (problem) {
      return Promise.reject(new ModelArtsError(LocalErrorCode.invalidInput, l10n.t('notebook name "{0}": {1}', request.name, problem), 'config'));
    }
    return this.client.request<Notebook>({
      service: 'modelarts',
      region: scope.region,
      method: 'POST',
      path: '/v1/{project_id}/notebooks',
      body: { ...request, workspace_id: scope.workspaceId, feature: 'NOTEBOOK' },
      signal,
    });
  }

  async listFlavors(region: string, signal?: AbortSignal): Promise<NotebookFlavor[]> {
    const response = await this.client.request<ListResponse<NotebookFlavor>>({
      service: 'modelarts',
      region,
      method: 'GET',
      path: '/v1/{project_id}/notebooks/flavors',
      query: { limit: 200 },
      signal,
    });
    return expectArray(response.data, 'notebook flavor list');
  }

  listImages(scope: WorkspaceScope, signal?: AbortSignal): Promise<NotebookImage[]> {
    return this.imageList(scope.region, { type: 'BUILD_IN', service_type: 'DEV', workspace_id: scope.workspaceId }, signal);
  }

  /** The account's own images (DEDICATED) of every workspace, whatever their status. */
  listSavedImages(region: string, signal?: AbortSignal): Promise<NotebookImage[]> {
    return this.imageList(region, { type: 'DEDICATED' }, signal);
  }

  getImage(region: string, id: string, signal?: AbortSignal): Promise<NotebookImage> {
    return this.client.request<NotebookImage>({ service: 'modelarts', region, method: 'GET', path: '/v1/{project_id}/images/{id}', pathParams: { id }, signal });
  }

  /** Saves a running notebook as an image; the notebook is SNAPSHOTTING meanwhile. Not repeated: a second save of the same tag is refused. */
  saveImage(region: string, id: string, request: SaveImageRequest, signal?: AbortSignal): Promise<NotebookImage> {
    return this.client.request<NotebookImage>({ service: 'modelarts', region, method: 'POST', path: '/v1/{project_id}/notebooks/{id}/create-image', pathParams: { id }, body: request, signal });
  }

  /** Polls an image until its save has ended; a failed save is an error carrying the service's reason. */
  async waitForImage(region: string, id: string, intervalMs: number, signal?: AbortSignal): Promise<NotebookImage> {
    let image = await this.getImage(region, id, signal);
    while (notebookImageStatusCategory(image.status ?? '') === 'transitional') {
      await sleep(intervalMs, signal);
      image = await this.getImage(region, id, signal);
    }
    if (image.status !== 'ACTIVE') {
      throw new ModelArtsError('ImageSaveFailed', l10n.t('image {0}:{1} ended {2}{3}', image.name ?? '', image.tag ?? '', image.status ?? l10n.t('without a status'), image.status_message ? `: ${image.status_message}` : ''), 'service');
    }
    return image;
  }

  /** The flavors a stopped notebook can switch to (`GET …/notebooks/{id}/flavors`), sold-out ones included. */
  async switchableFlavors(region: string, id: string, signal?: AbortSignal): Promise<NotebookFlavor[]> {
    const response = await this.client.request<ListResponse<NotebookFlavor> & { flavors?: NotebookFlavor[] }>({
      service: 'modelarts',
      region,
      method: 'GET',
      path: '/v1/{project_id}/notebooks/{id}/flavors',
      pathParams: { id },
      signal,
    });
    // The OTC answer carries the list as `data` and again as `flavors`.
    return expectArray(response.data ?? response.flavors, 'flavor list');
  }

  /** `PUT …/notebooks/{id}`: a stopped notebook's flavor (or name, description, image). */
  update(region: string, id: string, changes: { readonly flavor?: string }, signal?: AbortSignal): Promise<Notebook> {
    return this.client.request<Notebook>({ service: 'modelarts', region, method: 'PUT', path: '/v1/{project_id}/notebooks/{id}', pathParams: { id }, body: changes, signal });
  }

  /** Keeps a running notebook running for `durationMs` from now (1–72 h), then it stops (`PATCH …/lease`). */
  renewLease(region: string, id: string, durationMs: number, signal?: AbortSignal): Promise<NotebookLease> {
    return this.client.request<NotebookLease>({
      service: 'modelarts',
      region,
      method: 'PATCH',
      path: '/v1/{project_id}/notebooks/{id}/lease',
      pathParams: { id },
      // In the body, as the reference advises; the same renewal twice ends at the same time.
      body: { duration: durationMs, type: 'TIMING' },
      idempotent: true,
      signal,
    });
  }

  private async imageList(region: string, query: Record<string, string>, signal?: AbortSignal): Promise<NotebookImage[]> {
    const response = await this.client.request<ListResponse<NotebookImage>>({ service: 'modelarts', region, method: 'GET', path: '/v1/{project_id}/images', query: { ...query, limit: 200 }, signal });
    return expectArray(response.data, 'image list');
  }

  private notebookRequest(region: string, method: 'GET' | 'POST' | 'DELETE', path: string, id: string, signal?: AbortSignal, query?: Readonly<Record<string, string | number | undefined>>): Promise<Notebook> {
    // Start and stop are POSTs that change state, but repeating them is harmless (ModelArts.6357 at worst).
    return this.client.request<Notebook>({ service: 'modelarts', region, method, path, pathParams: { id }, query, signal, idempotent: true });
  }
}
