import { DEV_SERVER_PAGE_SIZE, type Hyperinstance } from './devServers';
import { type Page, recordOffsetPage, tokenToNumber } from './paging';
import { expectArray } from './responses';
import type { HttpMethod, QueryValue, SignedClient } from './signedClient';

/**
 * A hyper cluster (§7.1). The reference gives the paths only: the fields are
 * the ones the emulator illustrates, and the product reads them all as optional.
 */
export interface HyperCluster {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly type?: string;
  readonly description?: string;
  readonly availability_zone?: string;
  readonly hyperinstance_ids?: readonly string[];
  readonly create_at?: number;
  readonly update_at?: number;
}

/** The reference gives no create body; assumed `{name, type, availability_zone, description}` as the emulator takes it. */
export interface CreateHyperClusterRequest {
  readonly name: string;
  readonly type: 'HPS' | 'SPOD';
  readonly availability_zone: string;
  readonly description?: string;
}

/** `live-scale-up` adds one server to a hyperinstance; HPS servers log in with a key pair only. */
export interface ScaleUpRequest {
  readonly flavor: string;
  readonly image_id: string;
  readonly key_pair_name: string;
}

interface ListResponse<T> {
  readonly data?: T[];
  readonly total?: number;
}

/** Hyper clusters, and growing or shrinking a hyperinstance while it runs (§7.1). */
export class HyperClusterService {
  constructor(private readonly client: SignedClient) {}

  /** Every type of cluster: the optional `type` filter (§7.1 operations list) is not sent. */
  async list(region: string, pageToken?: string, signal?: AbortSignal): Promise<Page<HyperCluster>> {
    const offset = tokenToNumber(pageToken);
    const response = await this.call<ListResponse<HyperCluster>>(region, 'GET', 'hyper-clusters', {}, signal, { offset, limit: DEV_SERVER_PAGE_SIZE });
    const items = expectArray(response.data, 'hyper cluster list');
    return recordOffsetPage(items, offset, response.total ?? offset + items.length);
  }

  get(region: string, id: string, signal?: AbortSignal): Promise<HyperCluster> {
    return this.call<HyperCluster>(region, 'GET', 'hyper-clusters/{id}', { id }, signal);
  }

  create(region: string, request: CreateHyperClusterRequest, signal?: AbortSignal): Promise<HyperCluster> {
    return this.call<HyperCluster>(region, 'POST', 'hyper-clusters', {}, signal, undefined, request);
  }

  /** Answers the cluster, now being deleted. */
  delete(region: string, id: string, signal?: AbortSignal): Promise<HyperCluster> {
    return this.call<HyperCluster>(region, 'DELETE', 'hyper-clusters/{id}', { id }, signal);
  }

  /** One more server in the hyperinstance; answers the hyperinstance with it. */
  scaleUp(region: string, hyperinstanceId: string, request: ScaleUpRequest, signal?: AbortSignal): Promise<Hyperinstance> {
    return this.call<Hyperinstance>(region, 'POST', 'hyperinstance/{id}/live-scale-up', { id: hyperinstanceId }, signal, undefined, request);
  }

  /** Removes (deletes) these servers of the hyperinstance; answers the hyperinstance. */
  scaleDown(region: string, hyperinstanceId: string, serverIds: readonly string[], signal?: AbortSignal): Promise<Hyperinstance> {
    return this.call<Hyperinstance>(region, 'POST', 'hyperinstance/{id}/live-scale-down', { id: hyperinstanceId }, signal, undefined, { server_ids: serverIds });
  }

  private call<T>(region: string, method: HttpMethod, path: string, pathParams: Record<string, string>, signal?: AbortSignal, query?: Record<string, QueryValue>, body?: object): Promise<T> {
    return this.client.request<T>({ service: 'modelarts', region, method, path: `/v1/{project_id}/dev-servers/${path}`, pathParams, query, body, signal });
  }
}
