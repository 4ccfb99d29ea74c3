/**
 * Inference services v1 (§3): list, show, create, update (status-only start/stop,
 * or config), delete, events and deployment specifications, under
 * `/v1/{project_id}/services`. The literal `services/specifications` wins over
 * `{id}`. Unknown and deleted services are 404 ModelArts.3502. Models are in `models.ts`.
 */
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, ok, requestProject } from '../http';
import type { Router } from '../router';
import type { ProjectState } from '../state';
import { oneOf } from '../validate';
import { listSpecifications } from './inferV1Catalog';
import { createServiceV1, parseConfig, parseDescription, parseSchedule } from './inferV1Create';
import { orderOf, sortedBy, v1Page } from './inferV1Lists';
import {
  BUSY_V1_STATUSES,
  liveServiceV1,
  planDelete,
  planDeploy,
  planStop,
  requireServiceV1,
  serviceNotFound,
  type ServiceV1Record,
  type ServiceV1Status,
  serviceV1Status,
  workspaceServicesV1,
  wrongServiceState,
} from './inferV1Model';
import { serviceV1View } from './inferV1View';
import { serviceEventFilter } from './serviceEventFilter';
import { requireWorkspace } from './workspaces';

const BASE = '/v1/{project_id}/services';

export function registerInferV1(router: Router<Handler>): void {
  router
    .add('GET', BASE, listServices)
    .add('POST', BASE, createServiceV1)
    .add('GET', `${BASE}/specifications`, listSpecifications)
    .add('GET', `${BASE}/{id}`, (request) => ok(serviceV1View(requireServiceV1(request), requestProject(request), request.now, true)))
    .add('PUT', `${BASE}/{id}`, updateService)
    .add('DELETE', `${BASE}/{id}`, deleteServices)
    .add('GET', `${BASE}/{id}/events`, listEvents);
}

const SORT_KEYS: Record<string, (service: ServiceV1Record, now: number) => string | number> = {
  publish_at: (service) => service.publishAt,
  service_name: (service) => service.name,
  transition_at: (service, now) => service.timeline.current(now).at,
};

/**
 * §3.2: `service_id`, `service_name` (contains, case-insensitive: uncertain), `model_id`, `workspace_id` (default "0"),
 * `infer_type`, `status`, `sort_by`, `order`, `offset`, `limit`. `tags` and `cluster_id` are accepted and ignored.
 */
function listServices(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const project = requestProject(request);
  const workspaceId = query.get('workspace_id') ?? '0';
  requireWorkspace(project, workspaceId, now);
  const sortKey = SORT_KEYS[oneOf(query.get('sort_by') ?? 'publish_at', Object.keys(SORT_KEYS), 'sort_by')];
  const order = orderOf(query);
  const name = query.get('service_name')?.toLowerCase();
  const id = query.get('service_id');
  const modelId = query.get('model_id');
  const inferType = query.get('infer_type');
  const status = query.get('status');
  const matching = workspaceServicesV1(project, workspaceId, now).filter(
    (service) =>
      (!id || service.id === id) &&
      (!name || service.name.toLowerCase().includes(name)) &&
      (!modelId || service.config.some((config) => config.modelId === modelId)) &&
      (!inferType || inferType === 'real-time') &&
      (!status || serviceV1Status(service, now) === status),
  );
  const services = v1Page(sortedBy(matching, (service) => sortKey(service, now), order), query).map((service) => serviceV1View(service, project, now, false));
  return ok({ total_count: matching.length, count: services.length, services });
}

/**
 * §3.3: with `status` (only `running` or `stopped`) only the status changes, whatever else is sent;
 * otherwise `description`, `config` and `schedule` are updated. A config update redeploys a running,
 * concerning or failed service and is refused while one is deploying, stopping or deleting.
 */
function updateService(request: ApiRequest): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const service = requireServiceV1(request);
  const body = bodyObject(request);
  const status = serviceV1Status(service, now);
  if (body.status !== undefined) {
    const target = oneOf(typeof body.status === 'string' ? body.status : '', ['running', 'stopped'] as const, 'status');
    changeStatus(service, project, status, target, now);
    return ok({});
  }
  // Validate everything before changing anything.
  const description = parseDescription(body, service.description);
  const config = body.config === undefined ? undefined : parseConfig(project, body.config, now);
  const schedule = body.schedule === undefined ? service.schedule : parseSchedule(body.schedule);
  if (config && BUSY_V1_STATUSES.has(status)) {
    throw wrongServiceState(service, status, 'update the config of');
  }
  service.description = description;
  service.schedule = schedule;
  if (config) {
    service.config = config;
    service.updateTime = now;
    if (status === 'running' || status === 'concerning' || status === 'failed') {
      planDeploy(service, project, now, project.transitionMs);
    }
  }
  return ok({});
}

/** §3.3 constraints: not to the current status; no start while busy, waiting or concerning; no stop while stopping or deleting. */
function changeStatus(service: ServiceV1Record, project: ProjectState, status: ServiceV1Status, target: 'running' | 'stopped', now: number): void {
  if (target === 'running') {
    if (status === 'running' || BUSY_V1_STATUSES.has(status) || status === 'waiting' || status === 'concerning') {
      throw wrongServiceState(service, status, 'start');
    }
    planDeploy(service, project, now, project.transitionMs);
    return;
  }
  if (status === 'stopped' || status === 'stopping' || status === 'deleting') {
    throw wrongServiceState(service, status, 'stop');
  }
  planStop(service, now, project.transitionMs);
}

/** `DELETE …/services/{id}[,{id}…]`: every id must be a live service, or nothing is deleted. Answers `{}`. */
function deleteServices(request: ApiRequest): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const services = request.params.id.split(',').map((id) => {
    const service = liveServiceV1(project, id.trim(), now);
    if (!service) {
      throw serviceNotFound(id.trim());
    }
    return service;
  });
  for (const service of services) {
    const status = serviceV1Status(service, now);
    if (status === 'deleting') {
      throw wrongServiceState(service, status, 'delete');
    }
  }
  services.forEach((service) => planDelete(service, now, project.transitionMs));
  return ok({});
}

/** §3.2 events: `event_type` (normal|abnormal), `event_info` (contains), `start_time`/`end_time` (ms), `sort_by=occur_time`, `order` (default desc), `offset`, `limit`. */
function listEvents(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const service = requireServiceV1(request);
  const visible = serviceEventFilter(query, now, ['normal', 'abnormal'], 'event_info');
  oneOf(query.get('sort_by') ?? 'occur_time', ['occur_time'], 'sort_by');
  const order = orderOf(query);
  const matching = service.events
    .filter(visible)
    .map((event, index) => ({ id: String(index).padStart(8, '0'), event }));
  const events = v1Page(sortedBy(matching, ({ event }) => event.at, order), query).map(({ event }) => ({ event_type: event.type, event_info: event.info, occur_time: event.at }));
  return ok({ service_id: service.id, service_name: service.name, total_count: matching.length, count: events.length, events });
}
