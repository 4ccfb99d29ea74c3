import { type Page, recordOffsetPage, tokenToNumber } from './paging';
import { expectArray } from './responses';
import type { HttpMethod, QueryValue, SignedClient } from './signedClient';

/** The fields of the Lite Server object (API reference §7.3) the product uses. */
export interface DevServer {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly flavor?: string;
  readonly charging_mode?: string;
  readonly category?: string;
  readonly key_pair_name?: string;
  readonly image?: { readonly image_id?: string; readonly name?: string; readonly arch?: string };
  readonly cloud_server?: { readonly id?: string; readonly type?: string };
  readonly volumes?: readonly { readonly size?: number; readonly type?: string; readonly evs_type?: string; readonly evs_id?: string }[];
  readonly create_at?: number;
  readonly update_at?: number;
}

export interface Hyperinstance {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly hps_cluster_id?: string;
  readonly servers?: readonly unknown[];
  readonly create_at?: number;
}

/** One of the actions a batch request applies to several servers (§7.1). */
export type DevServerBatchAction = 'START' | 'STOP' | 'REBOOT' | 'CHANGEOS' | 'REINSTALLOS' | 'DELETE';

/**
 * One server's answer to a batch request. The reference gives no answer body: assumed the list
 * envelope of servers, a refused server carrying `error_code` and `error_msg`.
 */
export interface DevServerBatchEntry {
  readonly id: string;
  readonly name?: string;
  readonly status?: string;
  readonly error_code?: string;
  readonly error_msg?: string;
}

/** Whose servers a list holds: the caller's, or every user's of the tenant (`/dev-servers/all`). */
export type DevServerOwners = 'own' | 'all';

interface ListResponse<T> {
  readonly data?: T[];
  readonly total?: number;
}

export const DEV_SERVER_PAGE_SIZE = 50;

/** Lite Servers (dev servers) and hyperinstances (§7). */
export class DevServerService {
  constructor(private readonly client: SignedClient) {}

  async list(region: string, pageToken?: string, signal?: AbortSignal, owners: DevServerOwners = 'own'): Promise<Page<DevServer>> {
    const offset = tokenToNumber(pageToken);
    const path = owners === 'all' ? 'dev-servers/all' : 'dev-servers';
    const response = await this.call<ListResponse<DevServer>>(region, 'GET', path, {}, signal, { offset, limit: DEV_SERVER_PAGE_SIZE, sort_dir: 'DESC', sort_key: 'createTime' });
    const items = expectArray(response.data, 'Lite Server list');
    return recordOffsetPage(items, offset, response.total ?? offset + items.length);
  }

  get(region: string, id: string, signal?: AbortSignal): Promise<DevServer> {
    return this.call<DevServer>(region, 'GET', 'dev-servers/{id}', { id }, signal);
  }

  /** Start, stop and reboot answer with the server in its transitional state. */
  changePower(region: string, id: string, action: 'start' | 'stop' | 'reboot', signal?: AbortSignal): Promise<DevServer> {
    return this.call<DevServer>(region, 'PUT', `dev-servers/{id}/${action}`, { id }, signal);
  }

  delete(region: string, id: string, signal?: AbortSignal): Promise<DevServer> {
    return this.call<DevServer>(region, 'DELETE', 'dev-servers/{id}', { id }, signal);
  }

  /** One request for several servers (§7.1 batch action); `extendParam` carries the image and login of an OS change. */
  async batch(region: string, action: DevServerBatchAction, ids: readonly string[], signal?: AbortSignal, extendParam?: object): Promise<DevServerBatchEntry[]> {
    const body = { type: action, servers: ids.map((id) => ({ id })), ...(extendParam ? { extend_param: extendParam } : {}) };
    const response = await this.call<ListResponse<DevServerBatchEntry>>(region, 'POST', 'dev-servers/action', {}, signal, undefined, body);
    return response.data ?? [];
  }

  async listHyperinstances(region: string, pageToken?: string, signal?: AbortSignal): Promise<Page<Hyperinstance>> {
    const offset = tokenToNumber(pageToken);
    const response = await this.call<ListResponse<Hyperinstance>>(region, 'GET', 'dev-servers/hyperinstance', {}, signal, { offset, limit: DEV_SERVER_PAGE_SIZE });
    const items = expectArray(response.data, 'hyperinstance list');
    return recordOffsetPage(items, offset, response.total ?? offset + items.length);
  }

  getHyperinstance(region: string, id: string, signal?: AbortSignal): Promise<Hyperinstance> {
    return this.call<Hyperinstance>(region, 'GET', 'dev-servers/hyperinstance/{id}', { id }, signal);
  }

  changeHyperinstancePower(region: string, id: string, action: 'start' | 'stop', signal?: AbortSignal): Promise<Hyperinstance> {
    return this.call<Hyperinstance>(region, 'PUT', `dev-servers/hyperinstance/{id}/${action}`, { id }, signal);
  }

  private call<T>(region: string, method: HttpMethod, path: string, pathParams: Record<string, string>, signal?: AbortSignal, query?: Record<string, QueryValue>, body?: object): Promise<T> {
    return this.client.request<T>({ service: 'modelarts', region, method, path: `/v1/{project_id}/${path}`, pathParams, query, body, signal });
  }
}
