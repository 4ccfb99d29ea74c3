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
  /** The server's private address: `uri` of the SSH endpoint (the SDK's EndpointsRes). */
  readonly endpoints?: readonly { readonly service?: string; readonly dev_service?: string; readonly uri?: string; readonly key_pair_names?: readonly string[] }[];
  readonly image?: { readonly image_id?: string; readonly name?: string; readonly arch?: string };
  readonly cloud_server?: { readonly id?: string; readonly type?: string };
  readonly volumes?: readonly { readonly size?: number; readonly type?: string; readonly evs_type?: string; readonly evs_id?: string }[];
  /** The hyperinstance an HPS server belongs to. */
  readonly server_hps?: { readonly id?: string; readonly name?: string };
  readonly create_at?: number;
  readonly update_at?: number;
}

export interface Hyperinstance {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly hps_cluster_id?: string;
  readonly servers?: readonly DevServer[];
  readonly create_at?: number;
}

export type DevServerType = 'BMS' | 'ECS' | 'HPS';
export type DevServerArch = 'X86' | 'ARM';

/** One entry of `GET …/dev-servers/flavors` (§7.1): a flavor as sold in one availability zone. */
export interface DevServerFlavor {
  readonly flavor: string;
  readonly arch: DevServerArch;
  readonly server_type: DevServerType;
  readonly charging_mode?: string;
  readonly availability_zone?: string;
  readonly count?: number;
  readonly roce_num?: number;
  readonly flavor_type?: string;
  readonly specification?: string;
  /** The billing code (the SDK's field text). */
  readonly sku_code?: string;
  readonly is_sold_out?: boolean;
}

/** One entry of `GET …/dev-servers/images` (§7.1). */
export interface DevServerImage {
  readonly image_id: string;
  readonly name: string;
  readonly arch?: DevServerArch;
  readonly server_type?: DevServerType;
  readonly status?: string;
}

/** What the flavor and image lists can be narrowed to. */
export interface CatalogFilter {
  readonly serverType?: string;
  readonly arch?: string;
  /** Images only: those that run on this flavor. */
  readonly flavorName?: string;
}

interface DevServerVolumeRequest {
  readonly type: string;
  readonly size: number;
}

/**
 * ServerCreateRequest, pay-per-use: `admin_pass` xor `key_pair_name`; `count` and `hps_cluster_id` as the type
 * allows. No `charging_info`: its period fields are required, and meaningful for prepaid servers only; the
 * Terraform provider sends it only for PRE_PAID (resource_huaweicloud_modelarts_devserver.go).
 */
export interface CreateDevServerRequest {
  readonly name: string;
  readonly flavor: string;
  readonly server_type: DevServerType;
  readonly arch: DevServerArch;
  readonly image_id: string;
  readonly availability_zone: string;
  readonly network: { readonly vpc_id: string; readonly subnet_id: string; readonly security_group_id: string };
  readonly key_pair_name?: string;
  readonly admin_pass?: string;
  readonly root_volume: DevServerVolumeRequest;
  readonly data_volume?: DevServerVolumeRequest & { readonly count: number };
  readonly hps_cluster_id?: string;
  readonly count?: number;
}

/** One of the actions a batch request applies to several servers (§7.1). */
export type DevServerBatchAction = 'START' | 'STOP' | 'REBOOT' | 'CHANGEOS' | 'REINSTALLOS' | 'DELETE';

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

  /**
   * Newest first. The caller's list pages by record offset; every user's (`…/all`) has no paging or
   * sorting parameters, so it is one page, sorted here.
   */
  async list(region: string, pageToken?: string, signal?: AbortSignal, owners: DevServerOwners = 'own'): Promise<Page<DevServer>> {
    if (owners === 'all') {
      const response = await this.call<ListResponse<DevServer>>(region, 'GET', 'dev-servers/all', {}, signal);
      const items = expectArray(response.data, 'Lite Server list').sort((a, b) => (b.create_at ?? 0) - (a.create_at ?? 0));
      return { items, total: items.length };
    }
    const offset = tokenToNumber(pageToken);
    const response = await this.call<ListResponse<DevServer>>(region, 'GET', 'dev-servers', {}, signal, { offset, limit: DEV_SERVER_PAGE_SIZE, sort_dir: 'DESC', sort_key: 'createTime' });
    const items = expectArray(response.data, 'Lite Server list');
    return recordOffsetPage(items, offset, response.total ?? offset + items.length);
  }

  get(region: string, id: string, signal?: AbortSignal): Promise<DevServer> {
    return this.call<DevServer>(region, 'GET', 'dev-servers/{id}', { id }, signal);
  }

  /** Answers the (first) new server; an HPS flavor makes a hyperinstance, whose first server it answers. */
  create(region: string, request: CreateDevServerRequest, signal?: AbortSignal): Promise<DevServer> {
    return this.call<DevServer>(region, 'POST', 'dev-servers', {}, signal, undefined, request);
  }

  /** Every flavor in one request: the reference gives the list no paging parameters (§7.1). */
  async listFlavors(region: string, filter: CatalogFilter = {}, signal?: AbortSignal): Promise<DevServerFlavor[]> {
    const response = await this.call<ListResponse<DevServerFlavor>>(region, 'GET', 'dev-servers/flavors', {}, signal, { server_type: filter.serverType, arch: filter.arch });
    return expectArray(response.data, 'Lite Server flavor list');
  }

  /** The images a server of this type and flavor can run (one request, as for flavors); the API does not filter by architecture, so this does. */
  async listImages(region: string, filter: CatalogFilter = {}, signal?: AbortSignal): Promise<DevServerImage[]> {
    const response = await this.call<ListResponse<DevServerImage>>(region, 'GET', 'dev-servers/images', {}, signal, { server_type: filter.serverType, flavor_name: filter.flavorName });
    return expectArray(response.data, 'Lite Server image list').filter((image) => !filter.arch || image.arch === filter.arch);
  }

  /**
   * Start, stop and reboot answer with the server in its transitional state. Start sends ServerStartRequest
   * with the server's own architecture, type and billing (the SDK names the fields, not their use).
   */
  changePower(region: string, server: DevServer, action: 'start' | 'stop' | 'reboot', signal?: AbortSignal): Promise<DevServer> {
    const body = action === 'start' ? { arch: server.image?.arch, server_type: server.cloud_server?.type, charging_mode: server.charging_mode } : undefined;
    return this.call<DevServer>(region, 'PUT', `dev-servers/{id}/${action}`, { id: server.id }, signal, undefined, body);
  }

  delete(region: string, id: string, signal?: AbortSignal): Promise<DevServer> {
    return this.call<DevServer>(region, 'DELETE', 'dev-servers/{id}', { id }, signal);
  }

  /**
   * One request for several servers; `extendParam` carries the image and login of an OS change. The request
   * fails when a server is unknown or refuses the action, and answers the servers in their new states.
   */
  async batch(region: string, action: DevServerBatchAction, ids: readonly string[], signal?: AbortSignal, extendParam?: object): Promise<DevServer[]> {
    const body = { type: action, servers: ids.map((id) => ({ id })), ...(extendParam ? { extend_param: extendParam } : {}) };
    const response = await this.call<ListResponse<DevServer>>(region, 'POST', 'dev-servers/action', {}, signal, undefined, body);
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
