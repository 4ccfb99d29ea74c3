import { type Page, pageIndexPage, tokenToNumber } from './paging';
import { expectArray } from './responses';
import type { SignedClient } from './signedClient';
import type { WorkspaceScope } from './workspaces';

/** The fields of the training job object (API reference §2.4) the product uses; the id is metadata.id. */
export interface TrainingJob {
  readonly kind?: string;
  readonly metadata: {
    readonly id: string;
    readonly name: string;
    readonly description?: string;
    readonly workspace_id?: string;
    readonly create_time?: number;
    readonly user_name?: string;
  };
  readonly status: {
    readonly phase: string;
    readonly secondary_phase?: string;
    readonly duration?: number;
    readonly start_time?: number;
    readonly tasks?: readonly string[];
  };
  readonly algorithm?: {
    readonly code_dir?: string;
    readonly boot_file?: string;
    readonly command?: string;
    readonly engine?: { readonly engine_name?: string; readonly engine_version?: string; readonly image_url?: string };
  };
  readonly spec?: {
    readonly resource?: { readonly flavor_id?: string; readonly flavor_name?: string; readonly node_count?: number; readonly pool_id?: string };
  };
}

export interface TrainingJobFilter {
  /** Fuzzy name match. */
  readonly name?: string;
  readonly phases?: readonly string[];
}

export interface TrainingLog {
  readonly content: string;
  readonly currentSize: number;
  readonly fullSize: number;
}

export interface TrainingFlavor {
  readonly flavor_id: string;
  readonly flavor_name: string;
  readonly flavor_type: string;
  readonly max_num?: number;
}

export interface TrainingEngine {
  readonly engine_id: string;
  readonly engine_name: string;
  readonly engine_version: string;
}

interface SearchResponse {
  readonly total?: number;
  readonly items?: TrainingJob[];
}

interface LogPreviewResponse {
  readonly content?: string;
  /** Older API revisions name the field `context` (§2.1). */
  readonly context?: string;
  readonly current_size?: number;
  readonly full_size?: number;
}

/** The search API allows at most 50 jobs a page (§2.2). */
export const TRAINING_JOB_PAGE_SIZE = 50;

/** Training jobs of the v2 API (§2). */
export class TrainingJobService {
  constructor(private readonly client: SignedClient) {}

  async search(scope: WorkspaceScope, pageToken?: string, filter: TrainingJobFilter = {}, signal?: AbortSignal): Promise<Page<TrainingJob>> {
    // The search body's offset is a page index, not a record offset (§2.2).
    const pageIndex = tokenToNumber(pageToken);
    const filters: { key: string; operator: string; value: readonly string[] }[] = [];
    if (filter.name) {
      filters.push({ key: 'name', operator: 'like', value: [filter.name] });
    }
    if (filter.phases && filter.phases.length > 0) {
      filters.push({ key: 'phase', operator: 'in', value: filter.phases });
    }
    const response = await this.client.request<SearchResponse>({
      service: 'modelarts',
      region: scope.region,
      method: 'POST',
      path: '/v2/{project_id}/training-job-searches',
      body: { offset: pageIndex, limit: TRAINING_JOB_PAGE_SIZE, sort_by: 'create_time', order: 'desc', workspace_id: scope.workspaceId, filters },
      idempotent: true,
      signal,
    });
    const items = expectArray(response.items, 'training job list');
    return pageIndexPage(items, pageIndex, TRAINING_JOB_PAGE_SIZE, response.total);
  }

  get(region: string, id: string, signal?: AbortSignal): Promise<TrainingJob> {
    return this.client.request<TrainingJob>({ service: 'modelarts', region, method: 'GET', path: '/v2/{project_id}/training-jobs/{id}', pathParams: { id }, signal });
  }

  create(scope: WorkspaceScope, body: { readonly kind: string; readonly metadata: object; readonly algorithm: object; readonly spec: object }, signal?: AbortSignal): Promise<TrainingJob> {
    return this.client.request<TrainingJob>({
      service: 'modelarts',
      region: scope.region,
      method: 'POST',
      path: '/v2/{project_id}/training-jobs',
      body: { ...body, metadata: { ...body.metadata, workspace_id: scope.workspaceId } },
      signal,
    });
  }

  /** Stopping a training job is its "terminate" action (§2.1). */
  terminate(region: string, id: string, signal?: AbortSignal): Promise<TrainingJob> {
    return this.client.request<TrainingJob>({
      service: 'modelarts',
      region,
      method: 'POST',
      path: '/v2/{project_id}/training-jobs/{id}/actions',
      pathParams: { id },
      body: { action_type: 'terminate' },
      idempotent: true,
      signal,
    });
  }

  async delete(region: string, id: string, signal?: AbortSignal): Promise<void> {
    await this.client.request<unknown>({ service: 'modelarts', region, method: 'DELETE', path: '/v2/{project_id}/training-jobs/{id}', pathParams: { id }, signal });
  }

  /** The newest part (up to 5 MB) of one task's log, e.g. task "worker-0". */
  async logPreview(region: string, id: string, taskId: string, signal?: AbortSignal): Promise<TrainingLog> {
    const response = await this.client.request<LogPreviewResponse>({
      service: 'modelarts',
      region,
      method: 'GET',
      path: '/v2/{project_id}/training-jobs/{id}/tasks/{task}/logs/preview',
      pathParams: { id, task: taskId },
      signal,
    });
    const content = response.content ?? response.context ?? '';
    return { content, currentSize: response.current_size ?? content.length, fullSize: response.full_size ?? content.length };
  }

  async listFlavors(region: string, signal?: AbortSignal): Promise<TrainingFlavor[]> {
    const response = await this.client.request<{ flavors?: TrainingFlavor[] }>({ service: 'modelarts', region, method: 'GET', path: '/v2/{project_id}/training-job-flavors', signal });
    return expectArray(response.flavors, 'training flavor list');
  }

  async listEngines(region: string, signal?: AbortSignal): Promise<TrainingEngine[]> {
    const response = await this.client.request<{ items?: TrainingEngine[] }>({ service: 'modelarts', region, method: 'GET', path: '/v2/{project_id}/training-job-engines', signal });
    return expectArray(response.items, 'training engine list');
  }
}
