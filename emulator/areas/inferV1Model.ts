/**
 * Real-time services of the v1 ("old") inference API (§3): records, statuses,
 * lookups, errors, and the plans that move a service through its statuses.
 * Statuses live in Timelines read lazily against the emulator clock. Events
 * are stamped when an action is planned and show once their time has come;
 * a new action drops the planned events it replaces, as it drops the statuses.
 */
import { Timeline } from '../clock';
import { type ApiError, type ApiRequest, modelArtsError, requestProject } from '../http';
import type { ProjectState } from '../state';
import { type Gone, live, liveAll } from './devServerModel';
import { modelLabel } from './modelsModel';

/** §3.4, lowercase (the v2 API spells its statuses in upper case). */
export const SERVICE_V1_STATUSES = ['deploying', 'running', 'concerning', 'failed', 'stopped', 'finished', 'stopping', 'deleting', 'pending', 'waiting'] as const;
export type ServiceV1Status = (typeof SERVICE_V1_STATUSES)[number];

/** One model of a service (a `config[]` entry of §3.3). */
export interface ServiceV1Config {
  readonly modelId: string;
  readonly specification: string;
  readonly weight: number;
  readonly instanceCount: number;
  readonly envs: Readonly<Record<string, string>>;
  /** With `specification: "custom"` only (MB for memory). */
  readonly customSpec?: Readonly<Record<string, number>>;
}

/** `schedule[]` of §3.3: stop the service after a while. */
export interface ServiceV1Schedule {
  readonly type: 'stop';
  readonly timeUnit: 'MINUTES' | 'HOURS' | 'DAYS';
  readonly duration: number;
}

export interface ServiceV1Event {
  readonly type: 'normal' | 'abnormal';
  readonly info: string;
  readonly at: number;
}

export interface ServiceV1Record {
  readonly id: string;
  readonly name: string;
  description: string;
  readonly workspaceId: string;
  config: readonly ServiceV1Config[];
  schedule: readonly ServiceV1Schedule[];
  readonly owner: string;
  /** `publish_at`: when the service was created (epoch ms). */
  readonly publishAt: number;
  /** `update_time`: the last config update; absent until one. */
  updateTime?: number;
  readonly invocationTimes: number;
  readonly failedTimes: number;
  /** Shown as `error_msg` while the service is failed. */
  errorMsg?: string;
  readonly events: ServiceV1Event[];
  readonly timeline: Timeline<ServiceV1Status | Gone>;
}

/** Statuses in which a service is busy: its config cannot change and it cannot be started (§3.3 constraints). */
export const BUSY_V1_STATUSES: ReadonlySet<ServiceV1Status> = new Set<ServiceV1Status>(['deploying', 'stopping', 'deleting']);

const TIME_UNIT_MS: Readonly<Record<ServiceV1Schedule['timeUnit'], number>> = { MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

export const liveServiceV1 = (project: ProjectState, id: string, now: number): ServiceV1Record | undefined => live(project.servicesV1, id, now, 'GONE');
export const liveServicesV1 = (project: ProjectState, now: number): ServiceV1Record[] => liveAll(project.servicesV1, now, 'GONE');
export const workspaceServicesV1 = (project: ProjectState, workspaceId: string, now: number): ServiceV1Record[] =>
  liveServicesV1(project, now).filter((service) => service.workspaceId === workspaceId);

/** §3.4: an unknown (or deleted) v1 service is 404 ModelArts.3502. */
export function serviceNotFound(id: string): ApiError {
  return modelArtsError(404, 'ModelArts.3502', `Service ${id} does not exist.`);
}

export function requireServiceV1(request: ApiRequest, id = request.params.id): ServiceV1Record {
  const service = liveServiceV1(requestProject(request), id, request.now);
  if (!service) {
    throw serviceNotFound(id);
  }
  return service;
}

/** The current status; a live record is never GONE. */
export function serviceV1Status(service: ServiceV1Record, now: number): ServiceV1Status {
  return service.timeline.status(now) as ServiceV1Status;
}

/**
 * Illustrative: the reference gives no code for an action the service's status refuses;
 * ModelArts.6357 ("operation not allowed now / already in target state", §11.2) is the notebook code for it.
 */
export function wrongServiceState(service: ServiceV1Record, status: ServiceV1Status, action: string): ApiError {
  const why = BUSY_V1_STATUSES.has(status) ? 'another operation is in progress' : `it is ${status}`;
  return modelArtsError(400, 'ModelArts.6357', `Cannot ${action} service ${service.name}: ${why}.`);
}

export function newServiceTimeline(at: number): Timeline<ServiceV1Status | Gone> {
  return new Timeline<ServiceV1Status | Gone>('deploying', at);
}

/** How long the service runs before its stop schedule stops it; undefined without one. */
function stopAfterMs(service: ServiceV1Record): number | undefined {
  const stop = service.schedule.find((entry) => entry.type === 'stop');
  return stop && stop.duration * TIME_UNIT_MS[stop.timeUnit];
}

/** Replaces the planned events (those after `now`) with these, `[ms after now, type, info]`. */
function planEvents(service: ServiceV1Record, now: number, events: readonly (readonly [number, ServiceV1Event['type'], string])[]): void {
  const kept = service.events.filter((event) => event.at <= now);
  service.events.splice(0, service.events.length, ...kept, ...events.map(([after, type, info]) => ({ type, info, at: now + after })));
}

/**
 * Deploys (creating, starting or updating): `deploying` for `lastsMs`, then `running` — or `failed`
 * with an error message (by convention when the name contains "fail"). With a stop schedule the
 * service then runs for its duration and stops.
 */
export function planDeploy(service: ServiceV1Record, project: ProjectState, now: number, lastsMs: number, fails = service.name.toLowerCase().includes('fail')): void {
  const models = service.config.map((config) => `[${modelLabel(project, config.modelId)}]`);
  const scheduled = service.config.map((config, index): [number, 'normal', string] => [
    Math.floor(lastsMs / 3),
    'normal',
    `${models[index]} ${config.instanceCount} instance(s) scheduled on ${config.specification}, pulling the image`,
  ]);
  if (fails) {
    service.errorMsg = `Failed to deploy the service: ${models[0]} instance 1 failed its health check (the container exited with code 1).`;
    service.timeline.plan(now, [['deploying', lastsMs]], 'failed');
    planEvents(service, now, [
      [0, 'normal', 'Start to deploy the service'],
      ...scheduled,
      [lastsMs - 1, 'abnormal', `${models[0]} instance 1 health check failed: the container exited with code 1`],
      [lastsMs, 'abnormal', 'Failed to deploy the service'],
    ]);
    return;
  }
  service.errorMsg = undefined;
  const running: [number, 'normal', string][] = [[lastsMs, 'normal', 'Service is running']];
  const stopAfter = stopAfterMs(service);
  if (stopAfter === undefined) {
    service.timeline.plan(now, [['deploying', lastsMs]], 'running');
  } else {
    service.timeline.plan(now, [['deploying', lastsMs], ['running', stopAfter], ['stopping', project.transitionMs]], 'stopped');
    running.push([lastsMs + stopAfter, 'normal', 'The stop schedule was reached: start to stop the service'], [lastsMs + stopAfter + project.transitionMs, 'normal', 'Service stopped']);
  }
  planEvents(service, now, [[0, 'normal', 'Start to deploy the service'], ...scheduled, ...running]);
}

export function planStop(service: ServiceV1Record, now: number, lastsMs: number): void {
  service.timeline.plan(now, [['stopping', lastsMs]], 'stopped');
  planEvents(service, now, [
    [0, 'normal', 'Start to stop the service'],
    [lastsMs, 'normal', 'Service stopped'],
  ]);
}

export function planDelete(service: ServiceV1Record, now: number, lastsMs: number): void {
  service.timeline.plan(now, [['deleting', lastsMs]], 'GONE');
  planEvents(service, now, [[0, 'normal', 'Start to delete the service']]);
}

/** Seeded only: some instances turn unhealthy at `at`; the service keeps serving with the rest. */
export function markConcerning(service: ServiceV1Record, project: ProjectState, at: number): void {
  service.timeline.force(at, 'concerning');
  const model = modelLabel(project, service.config[0].modelId);
  planEvents(service, at, [[0, 'abnormal', `[${model}] instance 2 health check failed: GET /health answered 503; the instance is restarting`]]);
}
