import { expectArray } from './responses';
import type { SignedClient } from './signedClient';

/** One of a job's tasks: the part that runs on one server (the SDK's DevServerTaskResponse). */
export interface DevServerTask {
  readonly id?: string;
  readonly server_id?: string;
  readonly server_name?: string;
  /** PROCESSING, SUCCESS, FAILED or SKIPPED. */
  readonly status?: string;
  readonly message?: string;
  readonly create_at?: string;
  readonly update_at?: string;
}

export interface DevServerJobItem {
  readonly type: string;
  readonly spec?: Readonly<Record<string, string>>;
}

/**
 * A job run on Lite Servers: the list's DevServerJobListResponse; reading one job adds its template,
 * items and tasks. Times are strings in the SDK.
 */
export interface DevServerJob {
  readonly id: string;
  readonly name: string;
  readonly user_name?: string;
  readonly description?: string;
  /** The template type it was created with (COMMON, LOG_COLLECT…). */
  readonly type?: string;
  /** PROCESSING, FINISHED or DELETED in lists; ACTIVE when read (the SDK documents both). */
  readonly status: string;
  /** How many of its tasks failed. */
  readonly abnormal_count?: number;
  readonly create_at?: string;
  readonly update_at?: string;
  readonly template_id?: string;
  readonly items?: readonly DevServerJobItem[];
  readonly tasks?: readonly DevServerTask[];
}

/** A parameter a template's jobs take in their items' `spec`. */
export interface DevServerJobTemplateParam {
  readonly name: string;
  readonly description?: string;
  /** The template's value, the default. */
  readonly value?: string;
  /** "true" when the console asks for it. */
  readonly visible?: string;
  readonly regex?: string;
}

/** The list's DevServerTemplateListResponse. */
export interface DevServerJobTemplate {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly type?: string;
  readonly flavor_type?: string;
  readonly params?: readonly DevServerJobTemplateParam[];
}

/** DevServerJobCreateRequest. */
export interface CreateDevServerJobRequest {
  readonly name: string;
  readonly description?: string;
  readonly server_ids: readonly string[];
  readonly type: string;
  readonly is_reboot?: boolean;
  readonly items: readonly DevServerJobItem[];
}

interface ListEnvelope<T> {
  readonly data?: T[];
}

const JOBS = '/v1/{project_id}/dev-servers/jobs';

/** Epoch milliseconds of a job's time: the SDK types it as a string and gives no format, so digits are read as milliseconds too. */
export function jobTime(value: string | undefined): number | undefined {
  const ms = value === undefined ? NaN : /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Jobs on Lite Servers and their templates (`dev-servers/jobs`). */
export class DevServerJobService {
  constructor(private readonly client: SignedClient) {}

  /** Every job, newest first: the list has no paging or sorting parameters, so it is one request, sorted here. */
  async list(region: string, signal?: AbortSignal): Promise<DevServerJob[]> {
    const response = await this.client.request<ListEnvelope<DevServerJob>>({ service: 'modelarts', region, method: 'GET', path: JOBS, signal });
    return expectArray(response.data, 'Lite Server job list').sort((a, b) => (jobTime(b.create_at) ?? 0) - (jobTime(a.create_at) ?? 0));
  }

  get(region: string, id: string, signal?: AbortSignal): Promise<DevServerJob> {
    return this.client.request<DevServerJob>({ service: 'modelarts', region, method: 'GET', path: `${JOBS}/{id}`, pathParams: { id }, signal });
  }

  create(region: string, request: CreateDevServerJobRequest, signal?: AbortSignal): Promise<DevServerJob> {
    return this.client.request<DevServerJob>({ service: 'modelarts', region, method: 'POST', path: JOBS, body: request, signal });
  }

  /** The API deletes jobs in batches only (`DELETE …/jobs {job_ids}`); answers the deleted jobs. */
  async delete(region: string, ids: readonly string[], signal?: AbortSignal): Promise<DevServerJob[]> {
    const response = await this.client.request<ListEnvelope<DevServerJob>>({ service: 'modelarts', region, method: 'DELETE', path: JOBS, body: { job_ids: ids }, idempotent: false, signal });
    return response.data ?? [];
  }

  /** Every template, in one request (the list has no paging parameters). */
  async listTemplates(region: string, signal?: AbortSignal): Promise<DevServerJobTemplate[]> {
    const response = await this.client.request<ListEnvelope<DevServerJobTemplate>>({ service: 'modelarts', region, method: 'GET', path: `${JOBS}/templates`, signal });
    return expectArray(response.data, 'Lite Server job template list');
  }
}
