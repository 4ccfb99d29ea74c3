import { collectPages, type Page, recordOffsetPage, tokenToNumber } from './paging';
import { expectArray } from './responses';
import type { SignedClient } from './signedClient';

/**
 * A job run on Lite Servers (§7.1 gives the paths only). The fields are those the emulator
 * answers (illustrative): `type` TRAIN or INFER, `server_ids` the servers it runs on.
 */
export interface DevServerJob {
  readonly id: string;
  readonly name: string;
  readonly type?: string;
  readonly status: string;
  readonly server_ids?: readonly string[];
  readonly template_id?: string;
  readonly image?: string;
  readonly command?: string;
  readonly create_at?: number;
  readonly update_at?: number;
}

/** What a job can be created from; its image and command are the defaults of the job's. */
export interface DevServerJobTemplate {
  readonly id: string;
  readonly name: string;
  readonly type?: string;
  readonly image?: string;
  readonly command?: string;
  readonly description?: string;
}

/** Create body as the emulator takes it (illustrative): the template's type, image and command apply unless given. */
export interface CreateDevServerJobRequest {
  readonly name: string;
  readonly server_ids: readonly string[];
  readonly template_id?: string;
  readonly type?: string;
  readonly image?: string;
  readonly command?: string;
}

interface ListEnvelope<T> {
  readonly data?: T[];
  readonly total?: number;
}

export const DEV_SERVER_JOB_PAGE_SIZE = 50;
const JOBS = '/v1/{project_id}/dev-servers/jobs';

/** Jobs on Lite Servers and their templates (§7.1 `dev-servers/jobs`). */
export class DevServerJobService {
  constructor(private readonly client: SignedClient) {}

  /** Newest first. The operations list names no paging parameters for jobs: `offset` + `limit` as the other Lite Server lists (assumed). */
  async list(region: string, pageToken?: string, signal?: AbortSignal): Promise<Page<DevServerJob>> {
    const offset = tokenToNumber(pageToken);
    const response = await this.client.request<ListEnvelope<DevServerJob>>({
      service: 'modelarts',
      region,
      method: 'GET',
      path: JOBS,
      query: { offset, limit: DEV_SERVER_JOB_PAGE_SIZE, sort_dir: 'DESC', sort_key: 'createTime' },
      signal,
    });
    const items = expectArray(response.data, 'Lite Server job list');
    return recordOffsetPage(items, offset, response.total ?? offset + items.length);
  }

  get(region: string, id: string, signal?: AbortSignal): Promise<DevServerJob> {
    return this.client.request<DevServerJob>({ service: 'modelarts', region, method: 'GET', path: `${JOBS}/{id}`, pathParams: { id }, signal });
  }

  create(region: string, request: CreateDevServerJobRequest, signal?: AbortSignal): Promise<DevServerJob> {
    return this.client.request<DevServerJob>({ service: 'modelarts', region, method: 'POST', path: JOBS, body: request, signal });
  }

  /**
   * The API deletes jobs in batches only: `DELETE …/jobs {job_ids}` (the body as Huawei's API
   * documentation gives it; the reference names the path only). Answers the deleted jobs.
   */
  async delete(region: string, ids: readonly string[], signal?: AbortSignal): Promise<DevServerJob[]> {
    const response = await this.client.request<ListEnvelope<DevServerJob>>({ service: 'modelarts', region, method: 'DELETE', path: JOBS, body: { job_ids: ids }, idempotent: false, signal });
    return response.data ?? [];
  }

  /** Every template (a handful; paged like the jobs). */
  listTemplates(region: string, signal?: AbortSignal): Promise<DevServerJobTemplate[]> {
    return collectPages(async (pageToken, pageSignal) => {
      const offset = tokenToNumber(pageToken);
      const response = await this.client.request<ListEnvelope<DevServerJobTemplate>>({
        service: 'modelarts',
        region,
        method: 'GET',
        path: `${JOBS}/templates`,
        query: { offset, limit: DEV_SERVER_JOB_PAGE_SIZE },
        signal: pageSignal,
      });
      const items = expectArray(response.data, 'Lite Server job template list');
      return recordOffsetPage(items, offset, response.total ?? offset + items.length);
    }, 1000, signal);
  }
}
