/**
 * A notebook's lease (auto-stop), with the SDK's semantics: every duration is milliseconds from now, 1 to 72 hours,
 * 1 hour when absent (create, start and renew alike); the lease ends at `create_at + duration` (the Lease model).
 * `duration: -1` on create and on start keeps a notebook running until it is stopped: the SDK has no value for that,
 * but the Terraform provider's golangsdk sends -1 on both (notebook.CreateOpts.Duration, notebook.Start).
 */
import { type ApiRequest, type ApiResponse, bodyObject, invalidParameter, ok, requestProject } from '../http';
import type { NotebookLease, NotebookRecord, NotebookStatus, ProjectState } from '../state';
import { oneOf, optionalObject, optionalString } from '../validate';

const MIN_LEASE_MS = 3_600_000;
const MAX_LEASE_MS = 259_200_000;
/** The SDK's default of every lease duration. */
const DEFAULT_LEASE_MS = MIN_LEASE_MS;
const NEVER = -1;
const LEASE_TYPES = ['TIMING', 'IDLE'] as const;

export function leaseView(lease: NotebookLease): Record<string, unknown> {
  return { create_at: lease.createAt, duration: lease.duration, enable: lease.enable, type: lease.type, update_at: lease.updateAt };
}

/** A lease that begins now; a disabled one keeps no duration. */
function newLease(duration: number, type: NotebookLease['type'], now: number): NotebookLease {
  return duration === NEVER ? { duration: 0, enable: false, type, createAt: now, updateAt: now } : { duration, enable: true, type, createAt: now, updateAt: now };
}

/** A duration in range, or -1 where `never` allows it. */
function checkedDuration(value: unknown, path: string, never: boolean): number {
  const duration = typeof value === 'string' ? Number(value) : value;
  if (never && duration === NEVER) {
    return NEVER;
  }
  if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < MIN_LEASE_MS || duration > MAX_LEASE_MS) {
    throw invalidParameter(path, `must be an integer between ${MIN_LEASE_MS} and ${MAX_LEASE_MS}${never ? ', or -1 to never stop' : ''}`);
  }
  return duration;
}

/** Create's lease: a top-level `duration` wins over `lease` and makes the stop TIMING (the SDK's text); 1 hour by default. */
export function createLease(body: Record<string, unknown>, now: number): NotebookLease {
  if (body.duration !== undefined) {
    return newLease(checkedDuration(body.duration, 'duration', true), 'TIMING', now);
  }
  const lease = optionalObject(body, 'lease') ?? {};
  const type = oneOf(optionalString(lease, 'type', 'TIMING', 'lease.type'), LEASE_TYPES, 'lease.type');
  return newLease(lease.duration === undefined ? DEFAULT_LEASE_MS : checkedDuration(lease.duration, 'lease.duration', false), type, now);
}

/** A start begins a new lease from its `?duration=&type=` query: without them, the SDK's 1 hour TIMING. */
export function startLease(request: ApiRequest): NotebookLease {
  const duration = request.query.get('duration');
  const type = oneOf(request.query.get('type') ?? 'TIMING', LEASE_TYPES, 'type');
  return newLease(duration === null ? DEFAULT_LEASE_MS : checkedDuration(duration, 'duration', true), type, request.now);
}

/**
 * Runs `leadIn` for one transition, then RUNNING — until the lease ends it, when one is enabled.
 * The lease ends at `create_at + duration` (the SDK's Lease docs), whatever happens in between.
 */
export function planRun(notebook: NotebookRecord, project: ProjectState, now: number, leadIn?: 'CREATING' | 'STARTING' | 'SNAPSHOTTING'): void {
  const t = project.transitionMs;
  const phases: [NotebookStatus, number][] = leadIn ? [[leadIn, t]] : [];
  const { lease } = notebook;
  if (lease.enable) {
    const runningFor = Math.max(0, lease.createAt + lease.duration - now - (leadIn ? t : 0));
    phases.push(['RUNNING', runningFor], ['STOPPING', t]);
    notebook.timeline.plan(now, phases, 'STOPPED');
  } else {
    notebook.timeline.plan(now, phases, 'RUNNING');
  }
}

/**
 * `PATCH …/lease[?duration=ms]`, body LeaseReq `{duration, type}`. The query wins and makes the stop TIMING (the
 * SDK's text). The renewal runs `duration` from now (LeaseReq); the answer's `duration` still counts from
 * `create_at` (the Lease model), so the two add up to the new stop time.
 */
export function renewLease(request: ApiRequest, notebook: NotebookRecord): ApiResponse {
  const { now } = request;
  const body = request.body === undefined ? {} : bodyObject(request);
  const fromQuery = request.query.get('duration');
  const duration = checkedDuration(fromQuery ?? body.duration ?? DEFAULT_LEASE_MS, 'duration', false);
  const type = fromQuery === null ? oneOf(optionalString(body, 'type', 'TIMING'), LEASE_TYPES, 'type') : 'TIMING';
  const { lease } = notebook;
  if (!lease.enable) {
    lease.createAt = now;
  }
  Object.assign(lease, { duration: now - lease.createAt + duration, enable: true, type, updateAt: now });
  planRun(notebook, requestProject(request), now);
  return ok(leaseView(lease));
}
