import { LocalErrorCode, ModelArtsError } from './errors';
import { resourceNameProblem } from './naming';
import { type Page, pageIndexPage, tokenToNumber } from './paging';
import { expectArray } from './responses';
import type { HttpMethod, QueryValue, SignedClient } from './signedClient';
import type { WorkspaceScope } from './workspaces';

/** One model of a v1 service (a `config[]` entry, API reference §3.3–3.4). */
export interface ServiceV1Config {
  readonly model_id: string;
  readonly model_name?: string;
  readonly model_version?: string;
  readonly specification: string;
  readonly weight?: number;
  readonly instance_count: number;
  readonly envs?: Readonly<Record<string, string>>;
  readonly custom_spec?: Readonly<Record<string, number>>;
}

export interface ServiceV1Schedule {
  readonly type: string;
  readonly time_unit: string;
  readonly duration: number;
}

/**
 * The fields of the v1 service object (§3.4) the product uses. A list item has no
 * `config`, `access_address` or `error_msg`; the service's own GET adds them.
 */
export interface ServiceV1 {
  readonly service_id: string;
  readonly service_name: string;
  /** Lowercase (§3.4): running, deploying, concerning, failed, stopped, stopping, deleting… */
  readonly status: string;
  readonly infer_type?: string;
  readonly description?: string;
  readonly owner?: string;
  readonly workspace_id?: string;
  /** Epoch ms. */
  readonly publish_at?: number;
  readonly transition_at?: number;
  readonly update_time?: number;
  readonly invocation_times?: number;
  readonly failed_times?: number;
  /** 0–100 while deploying. */
  readonly progress?: number;
  /** When a stop schedule stops the service (epoch ms). */
  readonly due_time?: number;
  readonly schedule?: readonly ServiceV1Schedule[];
  readonly config?: readonly ServiceV1Config[];
  readonly access_address?: string;
  readonly error_msg?: string;
}

export interface ServiceV1Event {
  /** normal or abnormal. */
  readonly event_type: string;
  readonly event_info: string;
  readonly occur_time: number;
}

/** A deployment specification (§3.4); memory in `memory_info.unit` (MB as seen). */
export interface ServiceSpecification {
  readonly specification: string;
  readonly category?: string;
  readonly is_open?: boolean;
  readonly is_free?: boolean;
  /** The billing code BSS prices the specification by. */
  readonly billing_spec?: string;
  readonly display_en?: string;
  readonly cpu_info?: { readonly arch?: string; readonly cpu?: number };
  readonly memory_info?: { readonly unit?: string; readonly memory?: number };
  readonly gpu_info?: { readonly gpu?: number; readonly version?: string };
  readonly npu_info?: { readonly npu?: number; readonly version?: string };
}

/** What the config update of §3.3 sends; `config` replaces the whole list. */
export interface ServiceV1Changes {
  readonly description?: string;
  readonly config?: readonly ServiceV1Config[];
  readonly schedule?: readonly ServiceV1Schedule[];
}

export interface CreateServiceV1Request extends ServiceV1Changes {
  readonly service_name: string;
  readonly config: readonly ServiceV1Config[];
}

/** Pages of the tree; the API allows up to 1000 (§3.2). */
export const SERVICE_V1_PAGE_SIZE = 50;
const EVENT_LIMIT = 1000;

/** Real-time services of the v1 ("old") inference API (§3), under `/v1/{project_id}/services`. */
export class InferenceV1Service {
  constructor(private readonly client: SignedClient) {}

  /** Newest first, narrowed on the server to `status` when given (§3.2). `offset` is a page index (the reference's "start page"; uncertain, §13.2). */
  async list(scope: WorkspaceScope, pageToken?: string, signal?: AbortSignal, status?: string): Promise<Page<ServiceV1>> {
    const page = tokenToNumber(pageToken);
    const query = { workspace_id: scope.workspaceId, offset: page, limit: SERVICE_V1_PAGE_SIZE, sort_by: 'publish_at', order: 'desc', status };
    const response = await this.call<{ services?: ServiceV1[]; total_count?: number }>(scope.region, 'GET', 'services', {}, signal, query);
    return pageIndexPage(expectArray(response.services, 'service list'), page, SERVICE_V1_PAGE_SIZE, response.total_count);
  }

  get(region: string, id: string, signal?: AbortSignal): Promise<ServiceV1> {
    return this.call<ServiceV1>(region, 'GET', 'services/{id}', { id }, signal);
  }

  /** Deploys a real-time service and answers it as the API then shows it (create answers only its id). */
  async create(scope: WorkspaceScope, request: CreateServiceV1Request, signal?: AbortSignal): Promise<ServiceV1> {
    const problem = resourceNameProblem(request.service_name);
    if (problem) {
      throw new ModelArtsError(LocalErrorCode.invalidInput, `service name "${request.service_name}": ${problem}`, 'config');
    }
    const body = { ...request, infer_type: 'real-time', workspace_id: scope.workspaceId };
    const created = await this.call<{ service_id?: string }>(scope.region, 'POST', 'services', {}, signal, undefined, body);
    if (!created.service_id) {
      throw new ModelArtsError(LocalErrorCode.malformed, 'the create answer has no service_id', 'malformed');
    }
    return this.get(scope.region, created.service_id, signal);
  }

  /** Start (`running`) or stop (`stopped`): an update with the status only (§3.3); the service is then deploying or stopping. */
  async setStatus(region: string, id: string, status: 'running' | 'stopped', signal?: AbortSignal): Promise<void> {
    await this.call(region, 'PUT', 'services/{id}', { id }, signal, undefined, { status });
  }

  /** Never with a status: the API would apply the status alone and drop these changes (§3.3). */
  async update(region: string, id: string, changes: ServiceV1Changes, signal?: AbortSignal): Promise<void> {
    await this.call(region, 'PUT', 'services/{id}', { id }, signal, undefined, changes);
  }

  /** Asynchronous: the service is deleting, then its GET answers 404 ModelArts.3502. */
  async delete(region: string, id: string, signal?: AbortSignal): Promise<void> {
    await this.call(region, 'DELETE', 'services/{id}', { id }, signal);
  }

  /** The service's events, newest first; a service keeps few, so one request of the largest page holds them. */
  async events(region: string, id: string, signal?: AbortSignal): Promise<{ events: ServiceV1Event[]; total: number }> {
    const response = await this.call<{ events?: ServiceV1Event[]; total_count?: number }>(region, 'GET', 'services/{id}/events', { id }, signal, {
      sort_by: 'occur_time',
      order: 'desc',
      offset: 0,
      limit: EVENT_LIMIT,
    });
    const events = expectArray(response.events, 'event list');
    return { events: [...events].sort((a, b) => b.occur_time - a.occur_time), total: response.total_count ?? events.length };
  }

  /** The public specifications real-time services deploy on. */
  async specifications(region: string, signal?: AbortSignal): Promise<ServiceSpecification[]> {
    const response = await this.call<{ specifications?: ServiceSpecification[] }>(region, 'GET', 'services/specifications', {}, signal, {
      infer_type: 'real-time',
      offset: 0,
      limit: 1000,
    });
    return expectArray(response.specifications, 'specification list');
  }

  private call<T>(region: string, method: HttpMethod, path: string, pathParams: Record<string, string>, signal?: AbortSignal, query?: Record<string, QueryValue>, body?: object): Promise<T> {
    return this.client.request<T>({ service: 'modelarts', region, method, path: `/v1/{project_id}/${path}`, pathParams, query, body, signal });
  }
}
