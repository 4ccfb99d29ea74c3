/**
 * Inference services v2 (§4), under `/v2/{project_id}/services`: list, show, create,
 * update, start, stop, interrupt, batch delete (`POST …/services/delete`), events, the
 * public flavors and a dedicated pool's inference view. The literals `flavors`,
 * `clusters` and `delete` win over `{service_id}`. Deployments are in
 * `inferV2Deployments.ts`. An unknown service is 400 ModelArts.6404 (v1: 404 ModelArts.3502).
 */
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, noSuchApiHandler, ok, requestProject } from '../http';
import type { Router } from '../router';
import type { ProjectState } from '../state';
import { oneOf } from '../validate';
import { listFlavorsV2, showClusterV2, sortDirection, v2Page } from './inferV2Catalog';
import { createServiceV2, newDeployment, parseDescriptionV2, parseGroupConfig, parseVersion } from './inferV2Create';
import { registerInferV2Deployments, startDeployment, stopDeployment } from './inferV2Deployments';
import {
  BUSY_DEPLOYMENT_STATUSES,
  currentVersion,
  deploymentStatus,
  liveDeployments,
  liveServiceV2,
  planDeleteService,
  planDeploy,
  planInterrupt,
  requireServiceV2,
  type ServiceV2Record,
  serviceV2NotFound,
  serviceV2Status,
  workspaceServicesV2,
  wrongV2State,
} from './inferV2Model';
import { eventV2View, serviceV2View } from './inferV2View';
import { serviceEventFilter } from './serviceEventFilter';
import { livePool } from './poolModel';
import { requireWorkspace } from './workspaces';

const BASE = '/v2/{project_id}/services';
/** Sub-paths of `services` that are not service ids. */
const LITERALS = ['flavors', 'clusters', 'delete'];

export function registerInferV2(router: Router<Handler>): void {
  router
    .add('GET', BASE, listServices)
    .add('POST', BASE, createServiceV2)
    .add('GET', `${BASE}/flavors`, listFlavorsV2)
    .add('GET', `${BASE}/clusters/{cluster_id}`, showClusterV2)
    .add('POST', `${BASE}/delete`, deleteServices)
    .add('GET', `${BASE}/{service_id}`, (request) => ok(serviceV2View(requireServiceV2(request), requestProject(request), request.now, true)))
    .add('PUT', `${BASE}/{service_id}`, updateService)
    .add('POST', `${BASE}/{service_id}/start`, (request) => changeService(request, 'start'))
    .add('POST', `${BASE}/{service_id}/stop`, (request) => changeService(request, 'stop'))
    .add('POST', `${BASE}/{service_id}/interrupt`, (request) => changeService(request, 'interrupt'))
    .add('GET', `${BASE}/{service_id}/events`, listEvents);
  registerInferV2Deployments(router, BASE);
  for (const literal of LITERALS) {
    for (const method of ['GET', 'PUT']) {
      if (router.match(method, `/v2/p/services/${literal}`)?.params.service_id === literal) {
        router.add(method, `${BASE}/${literal}`, noSuchApiHandler);
      }
    }
  }
}

const SORT_KEYS: Record<string, (service: ServiceV2Record) => number> = {
  update_at: (service) => service.updatedAt,
  create_at: (service) => service.createdAt,
};

/** `pool_id` / `pool_name`: a service with a deployment on the pool (by id, or by the pool's display name). */
function onPool(project: ProjectState, service: ServiceV2Record, now: number, poolId: string | null, poolName: string | null): boolean {
  const pools = liveDeployments(service, now).map((deployment) => currentVersion(deployment).poolId ?? '');
  return (!poolId || pools.includes(poolId)) && (!poolName || pools.some((id) => livePool(project, id, now)?.displayName === poolName));
}

/** `k1|v1,k2|v2`: every pair must be among the service's tags (a key alone matches any value: assumed). */
function hasTags(service: ServiceV2Record, tags: string | null): boolean {
  return (tags ?? '').split(',').filter(Boolean).every((pair) => {
    const [key, value] = pair.split('|');
    return service.tags.some((tag) => tag.key === key && (value === undefined || tag.value === value));
  });
}

/**
 * §4.2: `id`, `name` (contains, case-insensitive: assumed), `status`, `type`, `auth_type`, `pool_id`, `pool_name`,
 * `workspace_id` (default "0", as v1), `user_name`, `description` (contains), `tags`, `sort_key`, `sort_dir`, `limit`,
 * `offset`. `asset_id` and `node_ip` are accepted and ignored.
 */
function listServices(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const project = requestProject(request);
  const workspaceId = query.get('workspace_id') ?? '0';
  requireWorkspace(project, workspaceId, now);
  const sortKey = SORT_KEYS[oneOf(query.get('sort_key') ?? 'update_at', Object.keys(SORT_KEYS), 'sort_key')];
  const direction = sortDirection(query);
  const text = (key: string) => query.get(key)?.toLowerCase();
  const [name, description] = [text('name'), text('description')];
  const exact = (key: string, value: string) => query.get(key) === null || query.get(key) === value;
  const matching = workspaceServicesV2(project, workspaceId, now).filter(
    (service) =>
      exact('id', service.id) &&
      exact('status', serviceV2Status(service, now)) &&
      exact('type', service.type) &&
      exact('auth_type', service.authType) &&
      exact('user_name', service.userName) &&
      (!name || service.name.toLowerCase().includes(name)) &&
      (!description || service.description.toLowerCase().includes(description)) &&
      onPool(project, service, now, query.get('pool_id'), query.get('pool_name')) &&
      hasTags(service, query.get('tags')),
  );
  matching.sort((a, b) => (sortKey(a) - sortKey(b) || (a.id < b.id ? -1 : 1)) * direction);
  return ok(v2Page(matching.map((service) => serviceV2View(service, project, now, false)), query, 'multiple'));
}

/**
 * Start every stopped or failed deployment; stop every running, concerning or failed one (a deploy or
 * upgrade under way is interrupted, not stopped); interrupt what deploys or upgrades. Answers the service (the
 * SDK's answer to start and stop; interrupt is not in the SDK but in the Terraform provider's
 * huaweicloud_modelartsv2_service_action, which reads no answer: the same one is assumed).
 */
function changeService(request: ApiRequest, action: 'start' | 'stop' | 'interrupt'): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const service = requireServiceV2(request);
  const status = serviceV2Status(service, now);
  const allowed: Record<typeof action, readonly string[]> = {
    start: ['STOPPED', 'FAILED', 'ERROR'],
    stop: ['RUNNING', 'CONCERNING', 'FAILED', 'ERROR'],
    interrupt: ['DEPLOYING', 'UPGRADING'],
  };
  if (!allowed[action].includes(status)) {
    throw wrongV2State(`service ${service.name}`, status === 'INIT' ? 'INIT (it has no deployment yet)' : status, action);
  }
  for (const deployment of liveDeployments(service, now)) {
    const current = deploymentStatus(deployment, now);
    if (action === 'start' && ['STOPPED', 'FAILED', 'ERROR'].includes(current)) {
      startDeployment(service, deployment, project, now);
    } else if (action === 'stop' && ['RUNNING', 'CONCERNING', 'FAILED', 'ERROR'].includes(current)) {
      stopDeployment(service, deployment, project, now);
    } else if (action === 'interrupt' && (current === 'DEPLOYING' || current === 'UPGRADING')) {
      planInterrupt(service, deployment, now, project.transitionMs);
    }
  }
  service.updatedAt = now;
  return ok(serviceV2View(service, project, now, true));
}

/**
 * `PUT`: `description`, and with `group_configs` (one entry) and a new `version` a new version of the
 * deployment of that name (the only one of a SINGLE service; a service without one gets it). A running
 * deployment upgrades to it, a failed one deploys it again, a stopped one keeps it for its next start.
 * Other fields of §4.4's update body are accepted and ignored. Answers the service.
 */
function updateService(request: ApiRequest): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const service = requireServiceV2(request);
  const body = bodyObject(request);
  const description = parseDescriptionV2(body, service.description);
  const groups = body.group_configs;
  if (groups !== undefined && (!Array.isArray(groups) || groups.length > 1)) {
    throw invalidParameter('group_configs', 'must be a list of at most one deployment');
  }
  const deployments = liveDeployments(service, now);
  if (Array.isArray(groups) && groups.length === 1) {
    const version = parseVersion(body, undefined);
    const group = parseGroupConfig(project, groups[0], 'group_configs[0]', version, description, now);
    const target = deployments.find((deployment) => deployment.name === group.name) ?? (service.deployType === 'SINGLE' ? deployments[0] : undefined);
    if (!target) {
      const created = newDeployment(group, now);
      service.deployments.push(created);
      planDeploy(service, created, project, now, project.transitionMs);
    } else {
      const status = deploymentStatus(target, now);
      if (BUSY_DEPLOYMENT_STATUSES.has(status)) {
        throw wrongV2State(`deployment ${target.name}`, status, 'update');
      }
      if (target.versions.some((existing) => existing.version === version)) {
        throw invalidParameter('version', `${target.name} already has version ${version}; give the new configuration a new version`);
      }
      target.versions.push(group.version);
      target.previous = target.current;
      target.current = version;
      target.updatedAt = now;
      if (status !== 'STOPPED') {
        planDeploy(service, target, project, now, project.transitionMs, status === 'FAILED' || status === 'ERROR' ? 'DEPLOYING' : 'UPGRADING');
      }
    }
  }
  service.description = description;
  service.updatedAt = now;
  return ok(serviceV2View(service, project, now, true));
}

/**
 * `POST …/services/delete {service_ids}` → `{service_responses}` (the SDK's ServiceResponse: the detail's shape,
 * `failure_reason` always present): one entry per id, in order. Deleted services show as DELETING with an empty
 * `failure_reason` (assumed); an unknown id or a service already being deleted comes back with the reason and the
 * others are deleted anyway (assumed: the reference gives no rule).
 */
function deleteServices(request: ApiRequest): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const ids = bodyObject(request).service_ids;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100 || ids.some((id) => typeof id !== 'string' || id === '')) {
    throw invalidParameter('service_ids', 'must list 1 to 100 service ids');
  }
  const responses = (ids as string[]).map((id) => {
    const service = liveServiceV2(project, id, now);
    if (!service) {
      return { id, failure_reason: serviceV2NotFound(id).body.error_msg };
    }
    if (serviceV2Status(service, now) === 'DELETING') {
      return { ...serviceV2View(service, project, now, true), failure_reason: `The service ${service.name} is already being deleted.` };
    }
    planDeleteService(service, now, project.transitionMs);
    return { ...serviceV2View(service, project, now, true), failure_reason: '' };
  });
  return ok({ service_responses: responses });
}

/**
 * `event_type` (NORMAL|ABNORMAL|WARNING), `start_time`/`end_time` (ms), `event_info_key` (contains), `sort_key`
 * create_at | update_at (the SDK's default; an event's times are one), `sort_dir`, `limit`, `offset` (a multiple of limit).
 */
function listEvents(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const service = requireServiceV2(request);
  const visible = serviceEventFilter(query, now, ['NORMAL', 'ABNORMAL', 'WARNING'], 'event_info_key');
  oneOf(query.get('sort_key') ?? 'update_at', ['create_at', 'update_at'], 'sort_key');
  const direction = sortDirection(query);
  const matching = service.events
    .filter(visible)
    .sort((a, b) => (a.at - b.at || (a.id < b.id ? -1 : 1)) * direction);
  return ok(v2Page(matching.map((event) => eventV2View(service, event)), query, 'multiple'));
}
