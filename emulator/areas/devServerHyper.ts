/**
 * Lite Server hyperinstances (super nodes, §7.1): list (own / all), show,
 * delete, start/stop of the member servers, change OS and live scale-up/-down.
 * Statuses: PROVISIONING → ACTIVE (ERROR for a name containing "fail");
 * change OS → REIMAGING → ACTIVE; delete → TERMINATING → TERMINATED → gone,
 * one transition each. Hyperinstances are created through `POST …/dev-servers`
 * with an HPS flavor.
 */
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, ok, requestProject } from '../http';
import type { Router } from '../router';
import { optionalString } from '../validate';
import { applyServerAction, type ServerAction } from './devServerActions';
import { devServerFlavor } from './devServerCatalog';
import { addServer, checkOsFits, parseFlavor, parseOsRequest, parseVolume } from './devServerCreate';
import {
  BUSY_STATUSES,
  type DevServerRecord,
  type HyperinstanceRecord,
  liveAll,
  memberServers,
  notFound,
  planServer,
  requireHyperinstance,
  updatedAt,
  wrongState,
} from './devServerModel';
import { hyperinstanceView, offsetPage, sortByTime } from './devServerView';

export function registerDevServerHyperinstances(router: Router<Handler>, base: string): void {
  const hyper = `${base}/hyperinstance`;
  router
    .add('GET', hyper, listHyperinstances(false))
    .add('GET', `${hyper}/all`, listHyperinstances(true))
    .add('GET', `${hyper}/{id}`, (request) => ok(view(request, requireHyperinstance(request))))
    .add('DELETE', `${hyper}/{id}`, deleteHyperinstance)
    .add('PUT', `${hyper}/{id}/start`, powerHandler('START'))
    .add('PUT', `${hyper}/{id}/stop`, powerHandler('STOP'))
    .add('POST', `${hyper}/{id}/changeos`, changeOs)
    .add('POST', `${hyper}/{id}/live-scale-up`, scaleUp)
    .add('POST', `${hyper}/{id}/live-scale-down`, scaleDown);
}

function view(request: ApiRequest, hyper: HyperinstanceRecord): Record<string, unknown> {
  return hyperinstanceView(hyper, requestProject(request), request.now);
}

/** `?sort_dir&sort_key&limit(1-1024)&offset`; the own list shows the caller's hyperinstances, `/all` the tenant's. */
function listHyperinstances(all: boolean): (request: ApiRequest) => ApiResponse {
  return (request) => {
    const { now, query } = request;
    const project = requestProject(request);
    const records = liveAll(project.hyperinstances, now, 'GONE').filter((hyper) => all || hyper.owner === request.account.domainName);
    const sorted = sortByTime(records, query, (hyper) => updatedAt(hyper, now));
    return ok(offsetPage(sorted, query, (hyper) => hyperinstanceView(hyper, project, now), 1));
  };
}

function requireActive(request: ApiRequest, action: string): HyperinstanceRecord {
  const hyper = requireHyperinstance(request);
  const status = hyper.timeline.status(request.now);
  if (status !== 'ACTIVE') {
    throw wrongState('hyperinstance', hyper.id, status, action);
  }
  return hyper;
}

/** Starts (stops) every member server that can start (stop); 400 when none can. */
function powerHandler(action: Extract<ServerAction, 'START' | 'STOP'>): (request: ApiRequest) => ApiResponse {
  return (request) => {
    const project = requestProject(request);
    const hyper = requireActive(request, action === 'START' ? 'start' : 'stop');
    const from = action === 'START' ? ['STOPPED', 'START_FAILED'] : ['RUNNING', 'STOP_FAILED'];
    const members = memberServers(project, hyper, request.now).filter((server) => from.includes(server.timeline.status(request.now)));
    if (members.length === 0) {
      throw wrongState('hyperinstance', hyper.id, action === 'START' ? 'already running' : 'not running', action === 'START' ? 'start' : 'stop');
    }
    members.forEach((server) => applyServerAction(project, server, action, request.now));
    hyper.updateAt = request.now;
    return ok(view(request, hyper));
  };
}

function deleteHyperinstance(request: ApiRequest): ApiResponse {
  const project = requestProject(request);
  const hyper = requireHyperinstance(request);
  const status = hyper.timeline.status(request.now);
  if (status !== 'ACTIVE' && status !== 'ERROR') {
    throw wrongState('hyperinstance', hyper.id, status, 'delete');
  }
  const t = project.transitionMs;
  hyper.timeline.plan(request.now, [['TERMINATING', t], ['TERMINATED', t]], 'GONE');
  hyper.updateAt = request.now;
  memberServers(project, hyper, request.now).forEach((server) => planServer(server, request.now, t, 'DELETING', 'DELETED'));
  return ok(view(request, hyper));
}

/** `POST …/hyperinstance/{id}/changeos` (ServerOsRequest; key pair only): REIMAGING, members CHANGINGOS. */
function changeOs(request: ApiRequest): ApiResponse {
  const project = requestProject(request);
  const hyper = requireActive(request, 'change the OS of');
  const os = parseOsRequest(bodyObject(request), '', true, true);
  const arch = devServerFlavor(hyper.flavor)?.arch ?? 'ARM';
  const misfit = checkOsFits(os, 'HPS', arch);
  if (misfit) {
    throw misfit;
  }
  const members = memberServers(project, hyper, request.now);
  const busy = members.find((server) => BUSY_STATUSES.has(server.timeline.status(request.now)));
  if (busy) {
    throw wrongState('hyperinstance', hyper.id, busy.timeline.status(request.now), 'change the OS of');
  }
  hyper.timeline.plan(request.now, [['REIMAGING', project.transitionMs]], 'ACTIVE');
  hyper.updateAt = request.now;
  for (const server of members) {
    try {
      applyServerAction(project, server, 'CHANGEOS', request.now, os);
    } catch {
      // Members that cannot change OS (e.g. CREATE_FAILED) keep theirs.
    }
  }
  return ok(view(request, hyper));
}

/** `POST …/live-scale-up` (ServerHyperScaleUpRequest `{flavor, image_id, key_pair_name, root_volume?, data_volume?, userdata?}`): one more server. */
function scaleUp(request: ApiRequest): ApiResponse {
  const project = requestProject(request);
  const hyper = requireActive(request, 'scale up');
  const body = bodyObject(request);
  const flavor = parseFlavor(body);
  if (flavor.serverType !== 'HPS') {
    throw invalidParameter('flavor', `${flavor.flavor} is not an HPS flavor`);
  }
  const os = parseOsRequest(body, '', true, false);
  if (!os.keyPairName) {
    throw invalidParameter('key_pair_name', 'scaling up a hyperinstance needs a key pair');
  }
  const misfit = checkOsFits(os, 'HPS', flavor.arch);
  if (misfit) {
    throw misfit;
  }
  optionalString(body, 'userdata', ''); // validated (a string), not used
  const template = memberServers(project, hyper, request.now)[0];
  const server = addServer(
    project,
    {
      name: `${hyper.name}-${String(hyper.serverIds.length + 1).padStart(4, '0')}`,
      owner: request.account.domainName,
      flavor: flavor.flavor,
      serverType: 'HPS',
      arch: flavor.arch,
      imageId: os.imageId ?? '',
      keyPairName: os.keyPairName,
      chargingMode: template?.chargingMode ?? 'POST_PAID',
      availabilityZone: template?.availabilityZone ?? `${project.region}a`,
      vpcId: template?.vpcId ?? '',
      subnetId: template?.subnetId ?? '',
      rootVolume: parseVolume(body, 'root_volume'),
      dataVolume: parseVolume(body, 'data_volume'),
      hyperinstanceId: hyper.id,
    },
    request.now,
    false,
  );
  hyper.serverIds.push(server.id);
  hyper.updateAt = request.now;
  return ok(view(request, hyper));
}

/** `POST …/live-scale-down` `{server_ids:[…], flavor?, resource_flavor?}`: the named members go DELETING → gone. */
function scaleDown(request: ApiRequest): ApiResponse {
  const project = requestProject(request);
  const hyper = requireActive(request, 'scale down');
  const body = bodyObject(request);
  const ids = body.server_ids;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
    throw invalidParameter('server_ids', 'must be a non-empty array of server ids');
  }
  const members = memberServers(project, hyper, request.now).filter((server) => server.timeline.status(request.now) !== 'DELETING');
  const leaving: DevServerRecord[] = [...new Set(ids as string[])].map((id) => {
    const server = members.find((member) => member.id === id);
    if (!server) {
      throw notFound('server', `${id} in hyperinstance ${hyper.id}`);
    }
    const status = server.timeline.status(request.now);
    if (BUSY_STATUSES.has(status)) {
      throw wrongState('Lite Server', server.id, status, 'remove');
    }
    return server;
  });
  if (leaving.length >= members.length) {
    // Illustrative rule and text: deleting the hyperinstance is the way to remove every server.
    throw invalidParameter('server_ids', 'a hyperinstance keeps at least one server; delete the hyperinstance instead');
  }
  leaving.forEach((server) => planServer(server, request.now, project.transitionMs, 'DELETING', 'DELETED'));
  hyper.updateAt = request.now;
  return ok(view(request, hyper));
}
