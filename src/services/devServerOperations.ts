import type { DevServer } from './devServers';
import { ModelArtsError } from './errors';
import { expectArray } from './responses';
import { sleep } from './retry';
import type { HttpMethod, QueryValue, SignedClient } from './signedClient';

/**
 * How a server logs in after its OS changes (the SDK's ServerOsRequest): a key pair or a
 * password, never both. Neither keeps the current login (reinstall only).
 */
export interface ServerLogin {
  readonly key_pair_name?: string;
  readonly admin_pass?: string;
}

export interface ServerOsChange extends ServerLogin {
  readonly image_id: string;
}

/** §7.1 images list item. */
export interface DevServerImage {
  readonly image_id: string;
  readonly name: string;
  readonly arch?: string;
  readonly server_type?: string;
  readonly status?: string;
}

/** §7.1 flavors list item. */
export interface DevServerFlavor {
  readonly flavor: string;
  readonly arch?: string;
  readonly server_type?: string;
  readonly charging_mode?: string;
  readonly availability_zone?: string;
  readonly count?: number;
  readonly flavor_type?: string;
  readonly roce_num?: number;
  readonly specification?: string;
  readonly is_sold_out?: boolean;
}

/**
 * What attaching or detaching a disk answers, and `GET …/operation/{id}` shows. The reference gives
 * the route only: fields as the emulator answers them, `running` until it ends.
 */
export interface ServerOperation {
  readonly operation_id: string;
  readonly operation_status?: string;
  readonly operation_type?: string;
}

export interface PublicIp {
  readonly id: string;
  readonly address?: string;
}

export interface CatalogFilter {
  readonly serverType?: string;
  readonly arch?: string;
  /** Images only: those that run on this flavor. */
  readonly flavorName?: string;
}

interface ListEnvelope<T> {
  readonly data?: T[];
}

/** What is done to one Lite Server besides power (§7.1): its OS, disks and EIPs; and the flavors and images servers are built from. */
export class DevServerOperationService {
  constructor(private readonly client: SignedClient) {}

  /** `POST …/{id}/changeos`: the reference gives no body; ServerOsRequest `{image_id, key_pair_name | admin_pass}` as the SDK. */
  changeOs(region: string, id: string, change: ServerOsChange, signal?: AbortSignal): Promise<DevServer> {
    return this.call<DevServer>(region, 'POST', 'dev-servers/{id}/changeos', { id }, signal, undefined, change);
  }

  /** `POST …/{id}/reinstallos` with the same image; an empty login keeps the current one (assumed: the reference gives no body). */
  reinstallOs(region: string, id: string, login: ServerLogin, signal?: AbortSignal): Promise<DevServer> {
    return this.call<DevServer>(region, 'POST', 'dev-servers/{id}/reinstallos', { id }, signal, undefined, login);
  }

  /** `POST …/{id}/attachvolume {volume_id}` (body assumed, the reference gives none): an EVS disk becomes a data disk of the server. */
  attachVolume(region: string, id: string, volumeId: string, signal?: AbortSignal): Promise<ServerOperation> {
    return this.call<ServerOperation>(region, 'POST', 'dev-servers/{id}/attachvolume', { id }, signal, undefined, { volume_id: volumeId });
  }

  /** Not repeated on a failure: a detach that went through would answer "not attached" the second time. */
  detachVolume(region: string, id: string, volumeId: string, signal?: AbortSignal): Promise<ServerOperation> {
    return this.client.request<ServerOperation>({
      service: 'modelarts',
      region,
      method: 'DELETE',
      path: '/v1/{project_id}/dev-servers/{id}/detachvolume/{volume_id}',
      pathParams: { id, volume_id: volumeId },
      idempotent: false,
      signal,
    });
  }

  operation(region: string, id: string, operationId: string, signal?: AbortSignal): Promise<ServerOperation> {
    return this.call<ServerOperation>(region, 'GET', 'dev-servers/{id}/operation/{operation_id}', { id, operation_id: operationId }, signal);
  }

  /**
   * Reads the operation every `intervalMs` until it is no longer `running`; anything but `success`
   * then is a failure. (uncertain) The reference names no operation statuses: the emulator's two.
   */
  async waitForOperation(region: string, id: string, started: ServerOperation, intervalMs: number, signal?: AbortSignal): Promise<ServerOperation> {
    let operation = started;
    while (operation.operation_status === 'running') {
      await sleep(intervalMs, signal);
      operation = await this.operation(region, id, started.operation_id, signal);
    }
    if (operation.operation_status !== undefined && operation.operation_status !== 'success') {
      throw new ModelArtsError('OperationFailed', `${operation.operation_type ?? 'the operation'} ${operation.operation_id} ended ${operation.operation_status}`, 'service');
    }
    return operation;
  }

  async listPublicIps(region: string, id: string, signal?: AbortSignal): Promise<PublicIp[]> {
    const response = await this.call<{ public_ips?: PublicIp[] }>(region, 'GET', 'dev-servers/{id}/publicips', { id }, signal);
    return expectArray(response.public_ips, 'public IP list');
  }

  /** `POST …/{id}/publicips {public_ip_id}` (body assumed, the reference gives none); answers the server's EIPs. */
  async bindPublicIp(region: string, id: string, publicIpId: string, signal?: AbortSignal): Promise<PublicIp[]> {
    const response = await this.call<{ public_ips?: PublicIp[] }>(region, 'POST', 'dev-servers/{id}/publicips', { id }, signal, undefined, { public_ip_id: publicIpId });
    return response.public_ips ?? [];
  }

  /** Not paged (§7.1 lists no paging parameters). */
  async listFlavors(region: string, filter: CatalogFilter = {}, signal?: AbortSignal): Promise<DevServerFlavor[]> {
    const response = await this.call<ListEnvelope<DevServerFlavor>>(region, 'GET', 'dev-servers/flavors', {}, signal, { server_type: filter.serverType, arch: filter.arch });
    return expectArray(response.data, 'flavor list');
  }

  /** The API filters by server type and flavor; the architecture is filtered here. */
  async listImages(region: string, filter: CatalogFilter = {}, signal?: AbortSignal): Promise<DevServerImage[]> {
    const response = await this.call<ListEnvelope<DevServerImage>>(region, 'GET', 'dev-servers/images', {}, signal, { server_type: filter.serverType, flavor_name: filter.flavorName });
    return expectArray(response.data, 'image list').filter((image) => !filter.arch || image.arch === filter.arch);
  }

  private call<T>(region: string, method: HttpMethod, path: string, pathParams: Record<string, string>, signal?: AbortSignal, query?: Record<string, QueryValue>, body?: object): Promise<T> {
    return this.client.request<T>({ service: 'modelarts', region, method, path: `/v1/{project_id}/${path}`, pathParams, query, body, signal });
  }
}

/** The SDK's pattern for Lite Server, key pair and job names. */
const LITE_NAME = /^[-_.a-zA-Z0-9]{1,64}$/;
const PASSWORD_CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/, /[!@%\-_=+[\]{}:,./?]/];

export function liteNameProblem(name: string): string | undefined {
  return LITE_NAME.test(name) ? undefined : 'Use 1 to 64 letters, digits, hyphens (-), underscores (_) or dots (.).';
}

/** ServerOsRequest's password rule: 8–26 characters, three kinds of letters, digits and !@%-_=+[]{}:,./?, no "root" or "administrator". */
export function adminPasswordProblem(password: string): string | undefined {
  const kinds = PASSWORD_CLASSES.filter((pattern) => pattern.test(password)).length;
  if (password.length < 8 || password.length > 26 || kinds < 3 || !/^[A-Za-z0-9!@%\-_=+[\]{}:,./?]+$/.test(password)) {
    return 'Use 8 to 26 characters with three of: upper case, lower case, digits, !@%-_=+[]{}:,./?';
  }
  const lower = password.toLowerCase();
  const reversed = [...lower].reverse().join('');
  if (['root', 'administrator'].some((word) => lower.includes(word) || reversed.includes(word))) {
    return 'The password cannot contain "root" or "administrator", forwards or backwards.';
  }
  return undefined;
}
