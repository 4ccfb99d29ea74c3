/**
 * Lite Server power and OS actions (§7.1): start, stop, reboot, change OS,
 * reinstall OS and delete, one at a time or through `POST …/dev-servers/action`.
 * Each action runs its transitional status for one transition:
 * STOPPED → STARTING → RUNNING, RUNNING → STOPPING → STOPPED,
 * RUNNING → REBOOTING → RUNNING, → CHANGINGOS / REINSTALLINGOS → RUNNING,
 * → DELETING → gone (then ModelArts.6404).
 */
import { type ApiError, type ApiRequest, type ApiResponse, bodyObject, invalidParameter, isRecord, ok, requestProject } from '../http';
import type { ProjectState } from '../state';
import { oneOf, optionalObject, optionalString } from '../validate';
import { checkOsFits, type OsRequest, parseOsRequest } from './devServerCreate';
import { type DevServerRecord, type DevServerStatus, liveDevServer, notFound, planServer, requireDevServer, wrongState } from './devServerModel';
import { serverView } from './devServerView';

export const SERVER_ACTIONS = ['START', 'STOP', 'REBOOT', 'CHANGEOS', 'REINSTALLOS', 'DELETE'] as const;
export type ServerAction = (typeof SERVER_ACTIONS)[number];

const FAILED_OS: DevServerStatus[] = ['CHANGINGOS_FAILED', 'REINSTALLINGOS_FAILED'];

/** Where each action may start from. (uncertain) The reference lists the statuses, not the allowed transitions. */
const ALLOWED_FROM: Record<ServerAction, readonly DevServerStatus[]> = {
  START: ['STOPPED', 'START_FAILED'],
  STOP: ['RUNNING', 'STOP_FAILED'],
  REBOOT: ['RUNNING', 'REBOOT_FAILED'],
  CHANGEOS: ['RUNNING', 'STOPPED', ...FAILED_OS],
  REINSTALLOS: ['RUNNING', 'STOPPED', ...FAILED_OS],
  DELETE: ['RUNNING', 'STOPPED', 'CREATE_FAILED', 'START_FAILED', 'STOP_FAILED', 'REBOOT_FAILED', ...FAILED_OS, 'DELETE_FAILED', 'ERROR'],
};

const PLANS: Record<ServerAction, readonly [DevServerStatus, DevServerStatus]> = {
  START: ['STARTING', 'RUNNING'],
  STOP: ['STOPPING', 'STOPPED'],
  REBOOT: ['REBOOTING', 'RUNNING'],
  CHANGEOS: ['CHANGINGOS', 'RUNNING'],
  REINSTALLOS: ['REINSTALLINGOS', 'RUNNING'],
  DELETE: ['DELETING', 'DELETED'],
};

const VERBS: Record<ServerAction, string> = {
  START: 'start',
  STOP: 'stop',
  REBOOT: 'reboot',
  CHANGEOS: 'change the OS of',
  REINSTALLOS: 'reinstall the OS of',
  DELETE: 'delete',
};

/**
 * Why `action` cannot be applied to the server now, if it cannot: a status the action cannot start from
 * (ModelArts.6357, illustrative), an image that does not fit, or deleting a hyperinstance member on its
 * own (use live-scale-down; illustrative code and text).
 */
function refusal(server: DevServerRecord, action: ServerAction, now: number, os: OsRequest): ApiError | undefined {
  const status = server.timeline.status(now);
  if (!ALLOWED_FROM[action].includes(status)) {
    return wrongState('Lite Server', server.id, status, VERBS[action]);
  }
  if (action === 'DELETE' && server.hyperinstanceId !== undefined) {
    return invalidParameter('id', `Lite Server ${server.id} belongs to hyperinstance ${server.hyperinstanceId}; scale the hyperinstance down instead`);
  }
  return action === 'CHANGEOS' || action === 'REINSTALLOS' ? checkOsFits(os, server.serverType, server.arch) : undefined;
}

/** Applies `action` to one server, or throws the ApiError that refuses it (`refusal`). */
export function applyServerAction(project: ProjectState, server: DevServerRecord, action: ServerAction, now: number, os: OsRequest = {}): void {
  const refused = refusal(server, action, now, os);
  if (refused) {
    throw refused;
  }
  if (action === 'CHANGEOS' && os.imageId) {
    server.imageId = os.imageId;
  }
  if (action === 'CHANGEOS' || action === 'REINSTALLOS') {
    if (os.keyPairName) {
      server.keyPairName = os.keyPairName;
    } else if (os.adminPass) {
      server.keyPairName = undefined;
    }
  }
  const [lead, final] = PLANS[action];
  planServer(server, now, project.transitionMs, lead, final);
}

/**
 * ServerStartRequest `{arch?, charging_mode?, server_type?}`. (uncertain) The SDK gives the fields, not their
 * use: the emulator refuses values that contradict the server (COMMON suits either charging mode).
 */
function checkStartBody(request: ApiRequest, server: DevServerRecord): void {
  if (request.body === undefined || request.body === null) {
    return;
  }
  const body = bodyObject(request);
  const expected: Record<string, readonly string[]> = {
    arch: [server.arch],
    server_type: [server.serverType],
    charging_mode: [server.chargingMode, 'COMMON'],
  };
  for (const [field, allowed] of Object.entries(expected)) {
    const value = optionalString(body, field, allowed[0]);
    if (!allowed.includes(value)) {
      throw invalidParameter(field, `Lite Server ${server.id} is ${allowed[0]}, not ${value}`);
    }
  }
}

/** `PUT …/{id}/start|stop|reboot`, `POST …/{id}/changeos|reinstallos`, `DELETE …/{id}`: the server in its transitional status. */
export function serverActionHandler(action: ServerAction): (request: ApiRequest) => ApiResponse {
  return (request) => {
    const project = requestProject(request);
    const server = requireDevServer(request);
    let os: OsRequest = {};
    if (action === 'START') {
      checkStartBody(request, server);
    } else if (action === 'CHANGEOS') {
      os = parseOsRequest(bodyObject(request), '', true, true);
    } else if (action === 'REINSTALLOS') {
      // Emulator choice: without admin_pass / key_pair_name the server keeps its login.
      os = parseOsRequest(request.body === undefined ? {} : bodyObject(request), '', false, false);
      if (os.imageId !== undefined && os.imageId !== server.imageId) {
        throw invalidParameter('image_id', 'reinstall keeps the current image; use changeos to switch images');
      }
    }
    applyServerAction(project, server, action, request.now, os);
    return ok(serverView(server, project, request.now));
  };
}

/**
 * `POST …/dev-servers/action` `{type, servers:[{id}], extend_param?}` (extend_param is the ServerOsRequest of
 * CHANGEOS / REINSTALLOS). The answer is the SDK's `{current, data[ServerResponse], pages, size, total}`, one
 * server per requested id in request order (duplicates once). Huawei's API reference says an unknown server
 * or a refused action makes the request fail: the emulator checks every server first and applies the action
 * to none when one is unknown (ModelArts.6404) or cannot take it (the reason of the first refused).
 */
export function batchServerAction(request: ApiRequest): ApiResponse {
  const project = requestProject(request);
  const body = bodyObject(request);
  const type = oneOf(typeof body.type === 'string' ? body.type : '', SERVER_ACTIONS, 'type');
  if (!Array.isArray(body.servers) || body.servers.length === 0 || body.servers.length > 100) {
    throw invalidParameter('servers', 'must be an array of 1-100 {"id": "…"} objects');
  }
  const ids = body.servers.map((entry, index) => {
    if (!isRecord(entry) || typeof entry.id !== 'string' || entry.id === '') {
      throw invalidParameter(`servers[${index}].id`, 'is required and must be a non-empty string');
    }
    return entry.id;
  });
  const extend = optionalObject(body, 'extend_param') ?? {};
  const os =
    type === 'CHANGEOS' ? parseOsRequest(extend, 'extend_param.', true, true) : type === 'REINSTALLOS' ? parseOsRequest(extend, 'extend_param.', false, false) : {};
  const { now } = request;
  const servers = [...new Set(ids)].map((id) => {
    const server = liveDevServer(project, id, now);
    if (!server) {
      throw notFound('Lite Server', id);
    }
    return server;
  });
  const refused = servers.map((server) => refusal(server, type, now, os)).find((error) => error !== undefined);
  if (refused) {
    throw refused;
  }
  servers.forEach((server) => applyServerAction(project, server, type, now, os));
  const data = servers.map((server) => serverView(server, project, now));
  return ok({ current: 1, data, pages: 1, size: data.length, total: data.length });
}
