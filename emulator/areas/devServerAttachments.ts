/**
 * Lite Server disks and EIPs (§7.1): attach/detach EVS volumes (answered with an
 * operation that is `pending` for the first half of a transition, `running` for the
 * second, then `success`: the statuses of the SDK's attach answer), bind and list
 * EIPs. The emulator has no EVS or EIP service: any id is accepted once, sizes and
 * addresses are illustrative.
 */
import { randomUUID } from 'node:crypto';
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, ok, requestProject } from '../http';
import type { Router } from '../router';
import type { ProjectState } from '../state';
import { requiredString } from '../validate';
import { type DevServerOperation, type DevServerRecord, liveAll, notFound, requireDevServer, sha256Hex, wrongState } from './devServerModel';

/** Disks and EIPs change only on RUNNING or STOPPED servers (illustrative rule). */
const ATTACHABLE = ['RUNNING', 'STOPPED'];

export function registerDevServerAttachments(router: Router<Handler>, base: string): void {
  router
    .add('POST', `${base}/{id}/attachvolume`, attachVolume)
    .add('DELETE', `${base}/{id}/detachvolume/{volume_id}`, detachVolume)
    .add('GET', `${base}/{id}/operation/{operation_id}`, showOperation)
    .add('GET', `${base}/{id}/publicips`, (request) => ok({ public_ips: requireDevServer(request).publicIps.map((eip) => ({ ...eip })) }))
    .add('POST', `${base}/{id}/publicips`, bindPublicIp);
}

function requireChangeable(request: ApiRequest, action: string): DevServerRecord {
  const server = requireDevServer(request);
  const status = server.timeline.status(request.now);
  if (!ATTACHABLE.includes(status)) {
    throw wrongState('Lite Server', server.id, status, action);
  }
  return server;
}

function servers(project: ProjectState, now: number): DevServerRecord[] {
  return liveAll(project.devServers, now, 'DELETED');
}

function operationStatus(operation: DevServerOperation, transitionMs: number, now: number): string {
  const elapsed = now - operation.createdAt;
  return elapsed < transitionMs / 2 ? 'pending' : elapsed < transitionMs ? 'running' : 'success';
}

function operationView(operation: DevServerOperation, transitionMs: number, now: number): Record<string, unknown> {
  return {
    operation_id: operation.id,
    operation_status: operationStatus(operation, transitionMs, now),
    operation_type: operation.type,
  };
}

function startOperation(request: ApiRequest, server: DevServerRecord, type: DevServerOperation['type']): ApiResponse {
  const operation: DevServerOperation = { id: randomUUID(), type, createdAt: request.now };
  server.operations.set(operation.id, operation);
  server.updateAt = request.now;
  return ok(operationView(operation, requestProject(request).transitionMs, request.now));
}

/** `POST …/{id}/attachvolume` `{volume_id}` → `{operation_id, operation_status, operation_type: node_attach_volume}`. */
function attachVolume(request: ApiRequest): ApiResponse {
  const server = requireChangeable(request, 'attach a volume to');
  const volumeId = requiredString(bodyObject(request), 'volume_id');
  const holder = servers(requestProject(request), request.now).find((candidate) => candidate.volumes.some((volume) => volume.evsId === volumeId));
  if (holder) {
    // Illustrative code and text.
    throw invalidParameter('volume_id', `volume ${volumeId} is already attached to Lite Server ${holder.id}`);
  }
  // Illustrative size and type: the emulator has no EVS to ask.
  server.volumes.push({ evsId: volumeId, size: 100, type: 'DATA', evsType: 'GPSSD' });
  return startOperation(request, server, 'node_attach_volume');
}

/** `DELETE …/{id}/detachvolume/{volume_id}`: data volumes only. */
function detachVolume(request: ApiRequest): ApiResponse {
  const server = requireChangeable(request, 'detach a volume from');
  const volumeId = request.params.volume_id;
  const index = server.volumes.findIndex((volume) => volume.evsId === volumeId);
  if (index < 0) {
    throw notFound('volume', `${volumeId} on Lite Server ${server.id}`);
  }
  if (server.volumes[index].type === 'ROOT') {
    throw invalidParameter('volume_id', 'the system disk cannot be detached');
  }
  server.volumes.splice(index, 1);
  return startOperation(request, server, 'node_detach_volume');
}

/** `GET …/{id}/operation/{operation_id}` (illustrative: same three fields as the attach answer). */
function showOperation(request: ApiRequest): ApiResponse {
  const server = requireDevServer(request);
  const operation = server.operations.get(request.params.operation_id);
  if (!operation) {
    throw notFound('operation', request.params.operation_id);
  }
  return ok(operationView(operation, requestProject(request).transitionMs, request.now));
}

/** Illustrative public address derived from the EIP id. */
function eipAddress(publicIpId: string): string {
  const hex = sha256Hex(`eip:${publicIpId}`);
  return `124.70.${parseInt(hex.slice(0, 2), 16)}.${(parseInt(hex.slice(2, 4), 16) % 253) + 1}`;
}

/** `POST …/{id}/publicips` `{public_ip_id}` → `{public_ips:[{id, address}]}` (one EIP per server, illustrative rule). */
function bindPublicIp(request: ApiRequest): ApiResponse {
  const server = requireChangeable(request, 'bind an EIP to');
  const publicIpId = requiredString(bodyObject(request), 'public_ip_id');
  if (publicIpId.length > 64) {
    throw invalidParameter('public_ip_id', 'must be 1-64 characters');
  }
  if (server.publicIps.length > 0) {
    throw invalidParameter('public_ip_id', `Lite Server ${server.id} already has the EIP ${server.publicIps[0].address}`);
  }
  const holder = servers(requestProject(request), request.now).find((candidate) => candidate.publicIps.some((eip) => eip.id === publicIpId));
  if (holder) {
    throw invalidParameter('public_ip_id', `EIP ${publicIpId} is bound to Lite Server ${holder.id}`);
  }
  server.publicIps.push({ id: publicIpId, address: eipAddress(publicIpId) });
  server.updateAt = request.now;
  return ok({ public_ips: server.publicIps.map((eip) => ({ ...eip })) });
}
