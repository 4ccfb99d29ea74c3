import { type Page, pageIndexPage, tokenToNumber } from './paging';
import { expectArray } from './responses';
import type { SignedClient } from './signedClient';
import type { WorkspaceScope } from './workspaces';

/** The fields of the model object (API reference §3.4) the product uses. */
export interface Model {
  readonly model_id: string;
  readonly model_name: string;
  readonly model_version: string;
  /** Lowercase: publishing, published, failed, building, building_failed. */
  readonly model_status: string;
  readonly model_type?: string;
  /** Bytes. */
  readonly model_size?: number;
  readonly model_source?: string;
  readonly install_type?: readonly string[];
  readonly create_at?: number;
  readonly description?: string;
  readonly owner?: string;
  readonly workspace_id?: string;
  /** Subscribed from AI Gallery. */
  readonly market_flag?: boolean;
  readonly subscription_id?: string;
  /** What a specification must offer to run the model; numbers sent as strings (memory in MB). */
  readonly specification?: { readonly min_cpu?: string | number; readonly min_memory?: string | number; readonly min_gpu?: string | number; readonly min_ascend?: string | number };
  readonly source_location?: string;
  readonly runtime?: string;
}

export interface ModelListFilter {
  readonly status?: string;
}

export const MODEL_PAGE_SIZE = 50;

/** Models ("AI applications", §3) of a workspace. */
export class ModelService {
  constructor(private readonly client: SignedClient) {}

  /** Newest first. `offset` is a page index (§3.2). */
  async list(scope: WorkspaceScope, pageToken?: string, filter: ModelListFilter = {}, signal?: AbortSignal): Promise<Page<Model>> {
    const page = tokenToNumber(pageToken);
    const response = await this.client.request<{ models?: Model[]; total_count?: number }>({
      service: 'modelarts',
      region: scope.region,
      method: 'GET',
      path: '/v1/{project_id}/models',
      query: { workspace_id: scope.workspaceId, model_status: filter.status, offset: page, limit: MODEL_PAGE_SIZE, sort_by: 'create_at', order: 'desc' },
      signal,
    });
    return pageIndexPage(expectArray(response.models, 'model list'), page, MODEL_PAGE_SIZE, response.total_count);
  }

  get(region: string, id: string, signal?: AbortSignal): Promise<Model> {
    return this.client.request<Model>({ service: 'modelarts', region, method: 'GET', path: '/v1/{project_id}/models/{id}', pathParams: { id }, signal });
  }
}

/** A model's minimum resources as numbers (undefined where it sets none). */
export function modelRequirements(model: Model): { cpu?: number; memoryMb?: number; gpu?: number; ascend?: number } {
  const number = (value: string | number | undefined): number | undefined => {
    const parsed = value === undefined || value === '' ? Number.NaN : Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  };
  const spec = model.specification ?? {};
  return { cpu: number(spec.min_cpu), memoryMb: number(spec.min_memory), gpu: number(spec.min_gpu), ascend: number(spec.min_ascend) };
}
