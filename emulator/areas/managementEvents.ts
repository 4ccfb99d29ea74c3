/**
 * Scheduled (maintenance) events (§6.4): `GET /v1/{p}/scheduled-events` and
 * `POST /v1/{p}/scheduled-events/{event_id}/accept`. Accepting an `inquiring` event makes it
 * `scheduled` until `notBefore` (at least one transition), then `executing` for one transition,
 * then `completed`. Times are RFC3339 strings (the accept body's format). Events belong to the
 * resource-management service, so errors use its 8-digit codes (illustrative: the reference gives
 * none for events): 400 ModelArts.50004000, 404 ModelArts.50015001.
 */
import { Timeline } from '../clock';
import { type ApiRequest, type ApiResponse, type Handler, isRecord, modelArtsError, ok, requestProject } from '../http';
import type { Router } from '../router';
import { DEFAULT_WORKSPACE_ID, type ProjectState } from '../state';
import { seededUuid } from './devServerModel';
import { livePools, poolBadRequest, poolNotFound, type PoolRecord } from './poolModel';

export const EVENT_STATES = ['inquiring', 'scheduled', 'executing', 'completed', 'failed', 'canceled'] as const;
export type EventState = (typeof EVENT_STATES)[number];

export interface ScheduledEventRecord {
  readonly id: string;
  readonly catalog: 'hardware' | 'software';
  readonly type: string;
  readonly description: string;
  readonly instanceType: 'devserver' | 'lite-cluster' | 'standard';
  readonly instanceId: string;
  readonly nodeName: string;
  readonly poolName?: string;
  readonly poolDisplayName?: string;
  readonly workspaceId: string;
  readonly publishTime: number;
  /** Set when accepted (or seeded as scheduled): the earliest execution time. */
  notBefore?: number;
  readonly probeMsg?: string;
  readonly redeployType?: readonly ('HARD' | 'SOFT')[];
  readonly timeline: Timeline<EventState>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BASE = '/v1/{project_id}/scheduled-events';

export function registerManagementEvents(router: Router<Handler>): void {
  router.add('GET', BASE, listEvents).add('POST', `${BASE}/{event_id}/accept`, acceptEvent);
}

function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function eventView(event: ScheduledEventRecord, now: number): Record<string, unknown> {
  const state = event.timeline.status(now);
  const startAt = event.timeline.enteredAt('executing', Number.MAX_SAFE_INTEGER);
  const finishAt = event.timeline.enteredAt('completed', Number.MAX_SAFE_INTEGER);
  const progress: Partial<Record<EventState, string>> = { executing: '50%', completed: '100%' };
  return {
    id: event.id,
    catalog: event.catalog,
    type: event.type,
    description: event.description,
    state,
    instanceType: event.instanceType,
    instanceId: event.instanceId,
    nodeName: event.nodeName,
    ...(event.poolName ? { poolName: event.poolName, poolDisplayName: event.poolDisplayName } : {}),
    publishTime: rfc3339(event.publishTime),
    // Planned start once scheduled; finish only once reached.
    ...(startAt !== undefined && state !== 'inquiring' ? { startTime: rfc3339(startAt) } : {}),
    ...(finishAt !== undefined && finishAt <= now ? { finishTime: rfc3339(finishAt) } : {}),
    ...(event.notBefore !== undefined ? { notBefore: rfc3339(event.notBefore) } : {}),
    ...(event.probeMsg ? { probeMsg: event.probeMsg } : {}),
    ...(progress[state] ? { jobProgress: progress[state] } : {}),
    ...(event.redeployType ? { redeployType: [...event.redeployType] } : {}),
  };
}

/** The SDK's field text: ISO 8601 in UTC, yyyy-MM-ddTHH:mm:ssZ. */
const UTC_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

function timeQuery(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return undefined;
  }
  const value = UTC_TIME.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(value)) {
    throw poolBadRequest(`Invalid parameter ${name}: must be a UTC time such as 2025-09-15T07:02:30Z.`);
  }
  return value;
}

/** `state` and `type` are lists (the SDK's list[str]): repeated, or separated by commas. */
function listQuery(query: URLSearchParams, name: string): string[] {
  return query.getAll(name).flatMap((value) => value.split(',')).filter(Boolean);
}

function intQuery(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  const value = raw === null || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw poolBadRequest(`Invalid parameter ${name}: must be an integer between ${min} and ${max}.`);
  }
  return value;
}

function listEvents(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const states = listQuery(query, 'state');
  const unknown = states.find((state) => !(EVENT_STATES as readonly string[]).includes(state));
  if (unknown) {
    throw poolBadRequest(`Invalid parameter state: ${unknown} is not one of ${EVENT_STATES.join(', ')}.`);
  }
  const types = listQuery(query, 'type');
  const id = query.get('id');
  const nodeName = query.get('nodeName');
  const poolName = query.get('poolName');
  const workspaceId = query.get('workspaceId');
  const from = timeQuery(query, 'publishStartTime');
  const until = timeQuery(query, 'publishEndTime');
  const offset = intQuery(query, 'offset', 0, 0, 1_000_000_000);
  const limit = intQuery(query, 'limit', 100, 1, 100);
  const matching = [...requestProject(request).scheduledEvents.values()]
    .filter(
      (event) =>
        (states.length === 0 || states.includes(event.timeline.status(now))) &&
        (types.length === 0 || types.includes(event.type)) &&
        (!id || event.id === id) &&
        (!nodeName || event.nodeName === nodeName) &&
        (!poolName || event.poolName === poolName || event.poolDisplayName === poolName) &&
        (!workspaceId || event.workspaceId === workspaceId) &&
        (from === undefined || event.publishTime >= from) &&
        (until === undefined || event.publishTime <= until),
    )
    .sort((a, b) => b.publishTime - a.publishTime || (a.id < b.id ? -1 : 1));
  // `count` = all matches (the page is `events`).
  return ok({ events: matching.slice(offset, offset + limit).map((event) => eventView(event, now)), count: matching.length });
}

/** `scheduled` until `notBefore` (at least one transition), `executing` for one transition, then `completed`. */
function planExecution(event: ScheduledEventRecord, from: number, notBefore: number, transitionMs: number): void {
  event.notBefore = notBefore;
  event.timeline.plan(from, [['scheduled', Math.max(notBefore - from, transitionMs)], ['executing', transitionMs]], 'completed');
}

function acceptEvent(request: ApiRequest): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const event = project.scheduledEvents.get(request.params.event_id);
  if (!event) {
    throw poolNotFound(`Scheduled event ${request.params.event_id}`);
  }
  const state = event.timeline.status(now);
  if (state !== 'inquiring') {
    // Illustrative: only events awaiting authorization can be accepted.
    throw modelArtsError(400, 'ModelArts.50004000', `Scheduled event ${event.id} is ${state}; only inquiring events can be accepted.`);
  }
  let notBefore = now;
  if (request.body !== undefined) {
    if (!isRecord(request.body)) {
      throw poolBadRequest('Invalid parameter body: a JSON object is required.');
    }
    const raw = request.body.notBefore;
    if (raw !== undefined && raw !== null) {
      const parsed = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
      if (Number.isNaN(parsed)) {
        throw poolBadRequest('Invalid parameter notBefore: must be an RFC3339 time such as 2025-09-15T07:02:30Z.');
      }
      notBefore = Math.max(parsed, now);
    }
  }
  planExecution(event, now, notBefore, project.transitionMs);
  return ok(eventView(event, now));
}

// --- Demo seed (cn-north-4): events on the seeded pools' nodes and Lite Servers. ---

function history(entries: readonly (readonly [EventState, number])[]): Timeline<EventState> {
  const timeline = new Timeline<EventState>(entries[0][0], entries[0][1]);
  entries.slice(1).forEach(([state, at]) => timeline.force(at, state));
  return timeline;
}

function seededPool(project: ProjectState, displayName: string, now: number): PoolRecord {
  const pool = livePools(project, now).find((candidate) => candidate.displayName === displayName);
  if (!pool) {
    throw new Error(`seed: no pool ${displayName} for the scheduled events`);
  }
  return pool;
}

function seededServerId(project: ProjectState, name: string): string {
  const server = [...project.devServers.values()].find((candidate) => candidate.name === name);
  if (!server) {
    throw new Error(`seed: no Lite Server ${name} for the scheduled events`);
  }
  return server.id;
}

/** Four events: two inquiring (a GPU node redeploy, a Lite Server maintenance), one scheduled, one completed. Seed pools and servers first. */
export function seedScheduledEvents(project: ProjectState, now: number): void {
  const gpuPool = seededPool(project, 'pool-gpu-v100', now);
  const abnormalNode = [...gpuPool.nodes.values()].find((node) => node.timeline.status(now) === 'Abnormal') ?? [...gpuPool.nodes.values()][0];
  const cpuPool = seededPool(project, 'pool-cpu-etl', now);
  const highmemNode = [...cpuPool.nodes.values()].find((node) => node.nodePool === 'highmem') ?? [...cpuPool.nodes.values()][0];
  const a800 = seededServerId(project, 'lite-a800-train-01');
  const bench = seededServerId(project, 'lite-910b-bench');
  const poolFields = (pool: PoolRecord) => ({ instanceType: 'standard' as const, instanceId: pool.name, poolName: pool.name, poolDisplayName: pool.displayName, workspaceId: pool.workspaceId });
  const events: Omit<ScheduledEventRecord, 'id'>[] = [
    {
      catalog: 'hardware',
      type: 'node_redeploy',
      description: 'GPU ECC errors exceeded the threshold; the node must be redeployed to a healthy host.',
      ...poolFields(gpuPool),
      nodeName: abnormalNode.name,
      publishTime: now - 2 * HOUR,
      probeMsg: 'GPU 3: uncorrectable ECC error count 12 (threshold 8)',
      redeployType: ['HARD', 'SOFT'],
      timeline: history([['inquiring', now - 2 * HOUR]]),
    },
    {
      catalog: 'software',
      type: 'system-maintenance',
      description: 'Host firmware upgrade; the server is stopped and started again during the maintenance.',
      instanceType: 'devserver',
      instanceId: a800,
      nodeName: 'lite-a800-train-01',
      workspaceId: DEFAULT_WORKSPACE_ID,
      publishTime: now - DAY,
      timeline: history([['inquiring', now - DAY]]),
    },
    {
      catalog: 'hardware',
      type: 'localdisk-recovery',
      description: 'A local NVMe disk reports media errors and will be replaced.',
      ...poolFields(cpuPool),
      nodeName: highmemNode.name,
      publishTime: now - 3 * DAY,
      probeMsg: 'nvme1n1: media error count 4',
      timeline: history([['inquiring', now - 3 * DAY]]),
    },
    {
      catalog: 'hardware',
      type: 'node_reboot',
      description: 'NPU driver hang; the server was rebooted.',
      instanceType: 'devserver',
      instanceId: bench,
      nodeName: 'lite-910b-bench',
      workspaceId: DEFAULT_WORKSPACE_ID,
      publishTime: now - 5 * DAY,
      notBefore: now - 4 * DAY - HOUR,
      timeline: history([
        ['inquiring', now - 5 * DAY],
        ['scheduled', now - 4 * DAY - 2 * HOUR],
        ['executing', now - 4 * DAY - HOUR],
        ['completed', now - 4 * DAY - 50 * MINUTE],
      ]),
    },
  ];
  for (const seed of events) {
    const event: ScheduledEventRecord = { ...seed, id: seededUuid(`scheduled-event:${project.id}:${seed.type}:${seed.nodeName}`) };
    if (seed.type === 'localdisk-recovery') {
      // Accepted a day ago for a window two days ahead.
      planExecution(event, now - DAY, now + 2 * DAY, project.transitionMs);
    }
    project.scheduledEvents.set(event.id, event);
  }
}
