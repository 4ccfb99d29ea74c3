import { LocalErrorCode, ModelArtsError } from './errors';
import { resourceNameProblem } from './naming';
import { expectArray } from './responses';
import { type Page, recordOffsetPage, tokenToNumber } from './paging';
import type { SignedClient } from './signedClient';
import type { WorkspaceScope } from './workspaces';

/** The fields of the notebook object (API reference §1.4) the product uses. */
export interface Notebook {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly status: string;
  readonly flavor: string;
  readonly image?: { readonly id: string; readonly name?: string; readonly tag?: string; readonly swr_path?: string };
  readonly volume?: { readonly category: string; readonly capacity?: number; readonly mount_path?: string; readonly uri?: string };
  readonly url?: string;
  readonly workspace_id?: string;
  readonly create_at?: number;
  readonly update_at?: number;
  readonly fail_reason?: string;
  readonly lease?: { readonly duration?: number; readonly enable?: boolean; readonly type?: string };
  readonly endpoints?: readonly { readonly service?: string; readonly uri?: string; readonly key_pair_names?: readonly string[] }[];
  /** The steps of the operation under way (create, start…), step 1 to 4 (§1.4). */
  readonly action_progress?: readonly { readonly step: number; readonly status: string; readonly description?: string }[];
}

export interface NotebookFlavor {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly arch: string;
  readonly vcpus?: number;
  readonly memory?: number;
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
}

export interface CreateNotebookRequest {
  readonly name: string;
  readonly flavor: string;
  readonly image_id: string;
  readonly volume: { readonly category: 'EVS' | 'OBS' | 'OBSFS' | 'EFS'; readonly ownership: 'MANAGED' | 'DEDICATED'; readonly capacity?: number; readonly uri?: string };
  readonly description?: string;
  readonly endpoints?: readonly { readonly service: 'SSH' | 'NOTEBOOK'; readonly key_pair_names?: readonly string[] }[];
  readonly lease?: { readonly duration: number; readonly type: 'TIMING' | 'IDLE' };
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

  start(region: string, id: string, signal?: AbortSignal): Promise<Notebook> {
    return this.notebookRequest(region, 'POST', '/v1/{project_id}/notebooks/{id}/start', id, signal, {});
  }

  stop(region: string, id: string, signal?: AbortSignal): Promise<Notebook> {
    return this.notebookRequest(region, 'POST', '/v1/{project_id}/notebooks/{id}/stop', id, signal, {});
  }

  delete(region: string, id: string, signal?: AbortSignal): Promise<Notebook> {
    return this.notebookRequest(region, 'DELETE', '/v1/{project_id}/notebooks/{id}', id, signal);
  }

  create(scope: WorkspaceScope, request: CreateNotebookRequest, signal?: AbortSignal): Promise<Notebook> {
    const problem = resourceNameProblem(request.name);
    if (problem) {
      return Promise.reject(new ModelArtsError(LocalErrorCode.invalidInput, `notebook name "${request.name}": ${problem}`, 'config'));
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

  async listImages(scope: WorkspaceScope, signal?: AbortSignal): Promise<NotebookImage[]> {
    const response = await this.client.request<ListResponse<NotebookImage>>({
      service: 'modelarts',
      region: scope.region,
      method: 'GET',
      path: '/v1/{project_id}/images',
      query: { type: 'BUILD_IN', service_type: 'DEV', workspace_id: scope.workspaceId, limit: 200 },
      signal,
    });
    return expectArray(response.data, 'image list');
  }

  private notebookRequest(region: string, method: 'GET' | 'POST' | 'DELETE', path: string, id: string, signal?: AbortSignal, body?: object): Promise<Notebook> {
    // Start and stop are POSTs that change state, but repeating them is harmless (ModelArts.6357 at worst).
    return this.client.request<Notebook>({ service: 'modelarts', region, method, path, pathParams: { id }, body, signal, idempotent: true });
  }
}
