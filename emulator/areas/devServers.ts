/**
 * Lite Server (dev servers, §7): list (own / all / sync), show, create, rename,
 * delete and the power/OS actions; registers the catalog, disk/EIP,
 * hyperinstance, hyper-cluster and job routes too. Literal sub-paths
 * (`all`, `flavors`, `images`, `action`, `sync`, `hyperinstance`, …) win over
 * `{id}`; the ones without a route for a method answer the gateway's 404
 * instead of being taken for a server id.
 */
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, noSuchApiHandler, ok, requestProject } from '../http';
import type { Router } from '../router';
import { batchServerAction, serverActionHandler } from './devServerActions';
import { registerDevServerAttachments } from './devServerAttachments';
import { registerDevServerCatalog } from './devServerCatalog';
import { registerDevServerClusters } from './devServerClusters';
import { createDevServer, validLiteName } from './devServerCreate';
import { registerDevServerHyperinstances } from './devServerHyper';
import { registerDevServerJobs } from './devServerJobs';
import { requireDevServer, standaloneServers, updatedAt, userIdOf, wrongState } from './devServerModel';
import { offsetPage, serverView, sortByTime, wholePage } from './devServerView';

const BASE = '/v1/{project_id}/dev-servers';
/** Sub-paths of `dev-servers/` that are never server ids (API reference §12). */
const LITERALS = ['all', 'flavors', 'images', 'action', 'sync', 'hyperinstance', 'hyper-clusters', 'jobs', 'networks', 'instance-physical-topologies'];

const showServer: Handler = (request) => ok(serverView(requireDevServer(request), requestProject(request), request.now));
const deleteServer: Handler = serverActionHandler('DELETE');

export function registerDevServers(router: Router<Handler>): void {
  router
    .add('GET', BASE, listOwnServers)
    .add('GET', `${BASE}/all`, listAllServers)
    .add('PUT', `${BASE}/sync`, listOwnServers)
    .add('POST', BASE, createDevServer)
    .add('POST', `${BASE}/action`, batchServerAction)
    .add('GET', `${BASE}/{id}`, showServer)
    .add('PUT', `${BASE}/{id}`, renameServer)
    .add('DELETE', `${BASE}/{id}`, deleteServer)
    .add('PUT', `${BASE}/{id}/start`, serverActionHandler('START'))
    .add('PUT', `${BASE}/{id}/stop`, serverActionHandler('STOP'))
    .add('PUT', `${BASE}/{id}/reboot`, serverActionHandler('REBOOT'))
    .add('POST', `${BASE}/{id}/changeos`, serverActionHandler('CHANGEOS'))
    .add('POST', `${BASE}/{id}/reinstallos`, serverActionHandler('REINSTALLOS'));
  registerDevServerCatalog(router, BASE);
  registerDevServerAttachments(router, BASE);
  registerDevServerHyperinstances(router, BASE);
  registerDevServerClusters(router, BASE);
  registerDevServerJobs(router, BASE);
  guardLiterals(router);
}

/**
 * `GET /dev-servers/networks` would otherwise fall back to `GET /dev-servers/{id}` and answer
 * "Lite Server networks does not exist"; such requests get the gateway's "no such API" instead.
 */
function guardLiterals(router: Router<Handler>): void {
  const idHandlers: Record<string, Handler> = { GET: showServer, PUT: renameServer, DELETE: deleteServer };
  for (const literal of LITERALS) {
    for (const [method, idHandler] of Object.entries(idHandlers)) {
      if (router.match(method, `/v1/p/dev-servers/${literal}`)?.handler === idHandler) {
        router.add(method, `${BASE}/${literal}`, noSuchApiHandler);
      }
    }
  }
}

/**
 * `?owner&sort_dir&sort_key&limit(0-1024)&offset`: the caller's servers, or `owner`'s (a user id; the user
 * name is accepted too). Emulator choice: hyperinstance members are listed under their hyperinstance only.
 */
function listOwnServers(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const project = requestProject(request);
  const owner = query.get('owner') ?? request.account.domainName;
  const records = standaloneServers(project, now).filter((server) => owner === server.owner || owner === userIdOf(server.owner));
  const sorted = sortByTime(records, query, (server) => updatedAt(server, now));
  return ok(offsetPage(sorted, query, (server) => serverView(server, project, now), 0));
}

/** The whole tenant's servers: the SDK gives this list no parameters, so it is one page, in creation order. */
function listAllServers(request: ApiRequest): ApiResponse {
  const project = requestProject(request);
  return ok(wholePage(standaloneServers(project, request.now).map((server) => serverView(server, project, request.now))));
}

/** `PUT …/{id}` `{name}`: renames in any status but DELETING; answers the server. */
function renameServer(request: ApiRequest): ApiResponse {
  const server = requireDevServer(request);
  const name = validLiteName(bodyObject(request).name, 'name');
  if (server.timeline.status(request.now) === 'DELETING') {
    throw wrongState('Lite Server', server.id, 'DELETING', 'rename');
  }
  server.name = name;
  server.updateAt = request.now;
  return ok(serverView(server, requestProject(request), request.now));
}
