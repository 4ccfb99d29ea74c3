/**
 * Real-time services of the v2 ("new version") inference API (§4): records,
 * statuses, lookups, errors, and the plans that move a service's deployments
 * through their statuses. A service holds deployments (the SDK's name for its
 * instance groups); each deployment has versions, one of them current, and a
 * Timeline of UPPERCASE statuses read lazily against the emulator clock. The
 * service's own status is derived from its deployments (see `serviceV2Status`).
 */
import { randomBytes } from 'node:crypto';
import { Timeline } from '../clock';
import { type ApiError, type ApiRequest, modelArtsError, requestProject } from '../http';
import type { ProjectState } from '../state';
import { live, liveAll, sha256Hex } from './devServerModel';

/** §4.3, UPPERCASE (the v1 API spells its statuses in lower case). */
export const SERVICE_V2_STATUSES = ['INIT', 'DEPLOYING', 'RUNNING', 'STOPPING', 'STOPPED', 'FAILED', 'DELETING', 'CONCERNING', 'UPGRADING', 'ERROR', 'INTERRUPTING'] as const;
export type ServiceV2Status = (typeof SERVICE_V2_STATUSES)[number];
/** A deployment is never INIT (that is a service without one) and is deleted with its service or alone. */
export type DeploymentStatus = Exclude<ServiceV2Status, 'INIT' | 'DELETING'>;
type Gone = 'GONE';

/** What one instance runs (`unit_configs[0]` of §4.4). */
export interface UnitV2 {
  /** `image.swr_path`, `swr.<region>.myhuaweicloud.com/<namespace>/<repository>:<tag>`. */
  readonly image: string;
  /** A public flavor (`GET …/services/flavors`), or a custom spec on a dedicated pool. */
  readonly flavor?: string;
  readonly customSpec?: Readonly<Record<string, number>>;
  readonly cmd: string;
  readonly port: number;
  readonly envs: Readonly<Record<string, string>>;
}

/** One version of a deployment: its whole configuration, kept so that a switch can go back to it. */
export interface DeploymentVersion {
  readonly version: string;
  readonly versionId: string;
  readonly description: string;
  readonly framework: 'COMMON' | 'VLLM' | 'MINDIE';
  readonly poolId?: string;
  /** Instances. */
  readonly count: number;
  readonly unit: UnitV2;
  readonly createdAt: number;
}

export interface DeploymentRecord {
  readonly id: string;
  readonly name: string;
  readonly weight: number;
  readonly createdAt: number;
  updatedAt: number;
  /** Oldest first. */
  readonly versions: DeploymentVersion[];
  current: string;
  /** The version an upgrade started from: interrupting the upgrade goes back to it. */
  previous?: string;
  /** Set while FAILED: why (shown as the service's `failure_reason`). */
  failureReason?: string;
  readonly timeline: Timeline<DeploymentStatus | Gone>;
}

export type EventTypeV2 = 'NORMAL' | 'ABNORMAL' | 'WARNING';

export interface ServiceV2Event {
  readonly id: string;
  readonly type: EventTypeV2;
  readonly info: string;
  readonly at: number;
  /** The deployment it is about: a new plan for that deployment drops its planned events only. */
  readonly deploymentId?: string;
}

export interface ServiceV2Record {
  readonly id: string;
  readonly name: string;
  description: string;
  readonly workspaceId: string;
  readonly type: 'REAL_TIME' | 'ASYNC_REAL_TIME';
  readonly deployType: 'SINGLE' | 'MULTI';
  /** The version the service was created with: its version while it has no deployment. */
  readonly createdVersion: string;
  /** `runtime_config` as sent (validated); `service_invoke.auth_type` is the list item's `auth_type`. */
  readonly runtimeConfig: Readonly<Record<string, unknown>>;
  readonly authType: string;
  readonly tags: readonly { readonly key: string; readonly value: string }[];
  readonly userName: string;
  readonly createdAt: number;
  updatedAt: number;
  readonly deployments: DeploymentRecord[];
  readonly events: ServiceV2Event[];
  /** LIVE until deleted: DELETING for a transition, then gone. The status shown comes from the deployments (`serviceV2Status`). */
  readonly timeline: Timeline<'LIVE' | 'DELETING' | Gone>;
}

/** Statuses in which a deployment is busy: only interrupt (while deploying or upgrading) and delete act on it. */
export const BUSY_DEPLOYMENT_STATUSES: ReadonlySet<DeploymentStatus> = new Set<DeploymentStatus>(['DEPLOYING', 'UPGRADING', 'STOPPING', 'INTERRUPTING']);

/** (assumed) v2 ids: 32 lower-case hex characters, unlike v1's dashed UUIDs. */
export function newV2Id(): string {
  return randomBytes(16).toString('hex');
}

export function seededV2Id(text: string): string {
  return sha256Hex(text).slice(0, 32);
}

/** `swr.<region>.myhuaweicloud.com/<namespace>/<repository>:<tag>`: the only image source emulated (`image.source: SWR`). */
export const SWR_IMAGE_PATH = /^swr\.([a-z0-9-]+)\.myhuaweicloud\.com\/([a-z0-9._-]+)\/([a-z0-9._/-]+):([A-Za-z0-9._-]+)$/;

export const liveServiceV2 = (project: ProjectState, id: string, now: number): ServiceV2Record | undefined => live(project.servicesV2, id, now, 'GONE');
export const workspaceServicesV2 = (project: ProjectState, workspaceId: string, now: number): ServiceV2Record[] =>
  liveAll(project.servicesV2, now, 'GONE').filter((service) => service.workspaceId === workspaceId);

/** The deployments not yet deleted (a deleted one is dropped here). */
export function liveDeployments(service: ServiceV2Record, now: number): DeploymentRecord[] {
  const gone = service.deployments.filter((deployment) => deployment.timeline.status(now) === 'GONE');
  gone.forEach((deployment) => service.deployments.splice(service.deployments.indexOf(deployment), 1));
  return service.deployments;
}

export function deploymentStatus(deployment: DeploymentRecord, now: number): DeploymentStatus {
  return deployment.timeline.status(now) as DeploymentStatus;
}

export function currentVersion(deployment: DeploymentRecord): DeploymentVersion {
  return deployment.versions.find((version) => version.version === deployment.current) ?? deployment.versions[deployment.versions.length - 1];
}

/** The order in which a change under way shows as the service's status when several deployments change at once (assumed). */
const CHANGES: readonly DeploymentStatus[] = ['INTERRUPTING', 'UPGRADING', 'DEPLOYING', 'STOPPING'];

/**
 * The service's status (assumed: the reference gives the statuses, not how deployments combine). No
 * deployment: INIT. A change under way shows. Otherwise the common status; a mix that still serves
 * is RUNNING, or CONCERNING when part of it is broken; a mix that does not serve is FAILED or STOPPED.
 */
export function serviceV2Status(service: ServiceV2Record, now: number): ServiceV2Status {
  if (service.timeline.status(now) === 'DELETING') {
    return 'DELETING';
  }
  const statuses = liveDeployments(service, now).map((deployment) => deploymentStatus(deployment, now));
  if (statuses.length === 0) {
    return 'INIT';
  }
  const change = CHANGES.find((status) => statuses.includes(status));
  if (change) {
    return change;
  }
  if (statuses.every((status) => status === statuses[0])) {
    return statuses[0];
  }
  const broken = statuses.some((status) => status === 'FAILED' || status === 'ERROR' || status === 'CONCERNING');
  if (statuses.some((status) => status === 'RUNNING' || status === 'CONCERNING')) {
    return broken ? 'CONCERNING' : 'RUNNING';
  }
  return broken ? 'FAILED' : 'STOPPED';
}

/**
 * Illustrative: the ShowInferService documentation answers an invalid service id with 400 but names no
 * code; ModelArts.6404 is the reference's 400 not-found (§11.2). v1 answers 404 ModelArts.3502 instead.
 */
export function serviceV2NotFound(id: string): ApiError {
  return modelArtsError(400, 'ModelArts.6404', `The service ${id} does not exist.`);
}

export function deploymentNotFound(serviceName: string, id: string): ApiError {
  return modelArtsError(400, 'ModelArts.6404', `The service ${serviceName} has no deployment ${id}.`);
}

/** Illustrative: ModelArts.6357 ("operation not allowed now", §11.2), as for the other areas. */
export function wrongV2State(what: string, status: string, action: string): ApiError {
  const why = BUSY_DEPLOYMENT_STATUSES.has(status as DeploymentStatus) || status === 'DELETING' ? `it is ${status}: another operation is in progress` : `it is ${status}`;
  return modelArtsError(400, 'ModelArts.6357', `Cannot ${action} ${what}: ${why}.`);
}

export function requireServiceV2(request: ApiRequest, id = request.params.service_id): ServiceV2Record {
  const service = liveServiceV2(requestProject(request), id, request.now);
  if (!service) {
    throw serviceV2NotFound(id);
  }
  return service;
}

/** A deployment of the service by id, or (instance and pod paths, which name it) by name. */
export function requireDeployment(service: ServiceV2Record, key: string, now: number, by: 'id' | 'name' = 'id'): DeploymentRecord {
  const found = liveDeployments(service, now).find((deployment) => (by === 'id' ? deployment.id : deployment.name) === key);
  if (!found) {
    throw deploymentNotFound(service.name, key);
  }
  return found;
}

/** Whether the image exists in the project's SWR (a deployment of a missing image fails to pull it). */
export function imageInSwr(project: ProjectState, path: string): boolean {
  const match = SWR_IMAGE_PATH.exec(path);
  if (!match || match[1] !== project.region) {
    return false;
  }
  const [, , namespace, repository, tag] = match;
  return project.companion.swrRepositories.some((candidate) => candidate.namespace === namespace && candidate.name === repository && candidate.tags.some((entry) => entry.tag === tag));
}

type PlannedEvent = readonly [afterMs: number, type: EventTypeV2, info: string];

/** Replaces the deployment's planned events (those after `now`) with these. */
function planEvents(service: ServiceV2Record, deployment: DeploymentRecord | undefined, now: number, events: readonly PlannedEvent[]): void {
  const kept = service.events.filter((event) => event.at <= now || event.deploymentId !== deployment?.id);
  const planned = events.map(([after, type, info]) => ({ id: newV2Id(), type, info, at: now + after, deploymentId: deployment?.id }));
  service.events.splice(0, service.events.length, ...kept, ...planned);
}

/** Why deploying the deployment's current version fails, if it does: a missing image, or (by convention) "fail" in the service's name. */
function deployFailure(service: ServiceV2Record, deployment: DeploymentRecord, project: ProjectState): string | undefined {
  const { unit } = currentVersion(deployment);
  if (!imageInSwr(project, unit.image)) {
    return `Failed to pull image ${unit.image}: it does not exist in SWR.`;
  }
  if (service.name.toLowerCase().includes('fail')) {
    return `Instance 1 of ${deployment.name} failed its readiness check: the container exited with code 1.`;
  }
  return undefined;
}

function placement(version: DeploymentVersion): string {
  return version.poolId ? `dedicated pool ${version.poolId}` : (version.unit.flavor ?? 'a custom spec');
}

/**
 * Deploys (create, add, start) or upgrades (update, switch; the caller has set `previous` and `current`)
 * to the current version: DEPLOYING or UPGRADING, then RUNNING or FAILED.
 */
export function planDeploy(service: ServiceV2Record, deployment: DeploymentRecord, project: ProjectState, now: number, lastsMs: number, mode: 'DEPLOYING' | 'UPGRADING' = 'DEPLOYING'): void {
  const version = currentVersion(deployment);
  const failure = deployFailure(service, deployment, project);
  deployment.failureReason = failure;
  deployment.updatedAt = now;
  deployment.timeline.plan(now, [[mode, lastsMs]], failure ? 'FAILED' : 'RUNNING');
  const start = mode === 'DEPLOYING' ? `Start to deploy version ${version.version}` : `Start to upgrade to version ${version.version}`;
  const scheduled = `${version.count} instance(s) scheduled on ${placement(version)}, pulling image ${version.unit.image}`;
  const end: PlannedEvent[] = failure
    ? [
        [lastsMs - 1, 'ABNORMAL', failure],
        [lastsMs, 'ABNORMAL', `Failed to deploy version ${version.version}`],
      ]
    : [[lastsMs, 'NORMAL', `Version ${version.version} is running`]];
  planEvents(service, deployment, now, [[0, 'NORMAL', `[${deployment.name}] ${start}`], [Math.floor(lastsMs / 3), 'NORMAL', `[${deployment.name}] ${scheduled}`], ...end.map(([after, type, info]): PlannedEvent => [after, type, `[${deployment.name}] ${info}`])]);
}

export function planStop(service: ServiceV2Record, deployment: DeploymentRecord, now: number, lastsMs: number): void {
  deployment.updatedAt = now;
  deployment.timeline.plan(now, [['STOPPING', lastsMs]], 'STOPPED');
  planEvents(service, deployment, now, [
    [0, 'NORMAL', `[${deployment.name}] Start to stop`],
    [lastsMs, 'NORMAL', `[${deployment.name}] Stopped`],
  ]);
}

/** Interrupting a deploy stops the deployment; interrupting an upgrade goes back to the version it ran (assumed). */
export function planInterrupt(service: ServiceV2Record, deployment: DeploymentRecord, now: number, lastsMs: number): void {
  const upgrading = deploymentStatus(deployment, now) === 'UPGRADING' && deployment.previous !== undefined;
  deployment.updatedAt = now;
  if (upgrading && deployment.previous) {
    deployment.current = deployment.previous;
  }
  deployment.failureReason = undefined;
  deployment.timeline.plan(now, [['INTERRUPTING', lastsMs]], upgrading ? 'RUNNING' : 'STOPPED');
  planEvents(service, deployment, now, [
    [0, 'WARNING', `[${deployment.name}] Interrupted by the user`],
    [lastsMs, 'NORMAL', upgrading ? `[${deployment.name}] Back on version ${deployment.current}` : `[${deployment.name}] Stopped`],
  ]);
}

export function planDeleteService(service: ServiceV2Record, now: number, lastsMs: number): void {
  service.updatedAt = now;
  service.timeline.plan(now, [['DELETING', lastsMs]], 'GONE');
  planEvents(service, undefined, now, [[0, 'NORMAL', 'Start to delete the service']]);
}

/** Seeded only: an instance turns unhealthy at `at`; the deployment keeps serving with the rest. */
export function markConcerning(service: ServiceV2Record, deployment: DeploymentRecord, at: number): void {
  deployment.timeline.force(at, 'CONCERNING');
  planEvents(service, deployment, at, [
    [0, 'WARNING', `[${deployment.name}] Instance 2 answered GET /health slowly (3.2 s)`],
    [60_000, 'ABNORMAL', `[${deployment.name}] Instance 2 failed its liveness check: GET /health answered 503; restarting it`],
  ]);
}

export function newDeploymentTimeline(at: number): Timeline<DeploymentStatus | Gone> {
  return new Timeline<DeploymentStatus | Gone>('DEPLOYING', at);
}
