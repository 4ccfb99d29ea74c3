import * as l10n from '@vscode/l10n';
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

/**
 * What attaching or detaching a disk answers, and `GET …/operation/{id}` shows: `pending`, then `running`,
 * then `success` or `failed` (the SDK's attach answer), with `operation_error` when it failed.
 */
export interface ServerOperation {
  readonly operation_id: string;
  readonly operation_status?: string;
  readonly operation_type?: string;
  readonly operation_error?: { readonly code?: string; readonly message?: string };
}

export interface PublicIp {
  readonly id: string;
  readonly address?: string;
}

/** What is done to one Lite Server besides power (§7.1): its OS, disks and EIPs. */
export class DevServerOperationService {
  constructor(private readonly client: SignedClient) {}

  /** `POST …/{id}/changeos` with ServerOsRequest `{image_id, key_pair_name | admin_pass}`. */
  changeOs(region: string, id: string, change: ServerOsChange, signal?: AbortSignal): Promise<DevServer> {
    return this.call<DevServer>(region, 'POST', 'dev-servers/{id}/changeos', { id }, signal, undefined, change);
  }

  /** `POST …/{id}/reinstallos` (ServerOsRequest without an image: the same one); an empty login keeps the current one (assumed). */
  reinstallOs(region: string, id: string, login: ServerLogin, signal?: AbortSignal): Promise<DevServer> {
    return this.call<DevServer>(region, 'POST', 'dev-servers/{id}/reinstallos', { id }, signal, undefined, login);
  }

  /** `POST …/{id}/attachvolume {volume_id}` (AttachServerVolumeRequest): an EVS disk becomes a data disk of the server. */
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

  /** Reads the operation every `intervalMs` while it is `pending` or `running`; anything but `success` then is a failure. */
  async waitForOperation(region: string, id: string, started: ServerOperation, intervalMs: number, signal?: AbortSignal): Promise<ServerOperation> {
    let operation = started;
    while (operation.operation_status === 'pending' || operation.operation_status === 'running') {
      await sleep(intervalMs, signal);
      operation = await this.operation(region, id, started.operation_id, signal);
    }
    if (operation.operation_status !== undefined && operation.operation_status !== 'success') {
      const reason = operation.operation_error?.message ? `: ${operation.operation_error.message}` : '';
      throw new ModelArtsError(operation.operation_error?.code ?? 'OperationFailed', l10n.t('{0} {1} ended {2}{3}', operation.operation_type ?? l10n.t('the operation'), operation.operation_id ?? '', operation.operation_status, reason), 'service');
    }
    return operation;
  }

  async listPublicIps(region: string, id: string, signal?: AbortSignal): Promise<PublicIp[]> {
    const response = await this.call<{ public_ips?: PublicIp[] }>(region, 'GET', 'dev-servers/{id}/publicips', { id }, signal);
    return expectArray(response.public_ips, 'public IP list');
  }

  /** `POST …/{id}/publicips {public_ip_id}` (ServerBindPublicIPRequest); answers the server's EIPs. */
  async bindPublicIp(region: string, id: string, publicIpId: string, signal?: AbortSignal): Promise<PublicIp[]> {
    const response = await this.call<{ public_ips?: PublicIp[] }>(region, 'POST', 'dev-servers/{id}/publicips', { id }, signal, undefined, { public_ip_id: publicIpId });
    return response.public_ips ?? [];
  }


  private call<T>(region: string, method: HttpMethod, path: string, pathParams: Record<string, string>, signal?: AbortSignal, query?: Record<string, QueryValue>, body?: object): Promise<T> {
    return this.client.request<T>({ service: 'modelarts', region, method, path: `/v1/{project_id}/${path}`, pathParams, query, body, signal });
  }
}
