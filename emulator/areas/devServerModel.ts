/**
 * Lite Server (§7) records, statuses, lookups and errors shared by the
 * dev-server routes. Statuses live in Timelines read lazily against the
 * emulator clock; a record whose timeline reaches its end state (DELETED for
 * servers, the internal GONE for the rest) is dropped the next time it is
 * looked up, after which it answers ModelArts.6404.
 */
import { createHash } from 'node:crypto';
import type { Timeline } from '../clock';
import { type ApiError, type ApiRequest, modelArtsError, requestProject } from '../http';
import type { ProjectState } from '../state';

export const DEV_SERVER_STATUSES = [
  'CREATING',
  'CREATE_FAILED',
  'RUNNING',
  'STARTING',
  'START_FAILED',
  'STOPPING',
  'STOPPED',
  'STOP_FAILED',
  'REBOOTING',
  'REBOOT_FAILED',
  'CHANGINGOS',
  'CHANGINGOS_FAILED',
  'REINSTALLINGOS',
  'REINSTALLINGOS_FAILED',
  'DELETING',
  'DELETE_FAILED',
  'DELETED',
  'ERROR',
] as const;
export type DevServerStatus = (typeof DEV_SERVER_STATUSES)[number];

export const HYPERINSTANCE_STATUSES = ['PROVISIONING', 'ACTIVE', 'ERROR', 'REIMAGING', 'TERMINATING', 'TERMINATED'] as const;
export type HyperinstanceStatus = (typeof HYPERINSTANCE_STATUSES)[number];
/** The kinds of hyper cluster the SDK names (`type`; list, show and delete default to HPS). */
export const HYPER_CLUSTER_TYPES = ['HPS', 'ECS'] as const;
export type HyperClusterType = (typeof HYPER_CLUSTER_TYPES)[number];
/**
 * A job is PROCESSING while any of its tasks is (the statuses of the SDK's job list; its show and create
 * answers document ACTIVE alone, which the emulator does not answer). Deleted jobs are answered DELETED.
 */
export type DevServerJobStatus = 'PROCESSING' | 'FINISHED' | 'DELETED';
/** A job's task on one server (the SDK's DevServerTaskResponse statuses). */
export type DevServerTaskStatus = 'PROCESSING' | 'SUCCESS' | 'FAILED' | 'SKIPPED';
/** Internal end state: once a timeline reaches it the record is gone (never shown). */
export type Gone = 'GONE';

export type ServerType = 'BMS' | 'ECS' | 'HPS';
export type Arch = 'X86' | 'ARM';

/** Statuses in which a server is busy; every action but show and rename is refused then. */
export const BUSY_STATUSES: ReadonlySet<DevServerStatus> = new Set<DevServerStatus>([
  'CREATING',
  'STARTING',
  'STOPPING',
  'REBOOTING',
  'CHANGINGOS',
  'REINSTALLINGOS',
  'DELETING',
]);

export interface DevServerVolume {
  readonly evsId: string;
  readonly size: number;
  readonly type: 'ROOT' | 'DATA';
  readonly evsType: string;
}

export interface DevServerOperation {
  readonly id: string;
  readonly type: 'node_attach_volume' | 'node_detach_volume';
  readonly createdAt: number;
}

export interface DevServerRecord {
  readonly id: string;
  name: string;
  /** IAM user name of the creator; `owner` filters by its user id (`userIdOf`). */
  readonly owner: string;
  readonly flavor: string;
  readonly serverType: ServerType;
  readonly arch: Arch;
  imageId: string;
  /** Unset when the server logs in with `admin_pass`. */
  keyPairName?: string;
  readonly chargingMode: 'POST_PAID' | 'PRE_PAID';
  readonly orderId?: string;
  readonly availabilityZone: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly privateIp: string;
  /** The ECS/BMS behind the Lite Server (`cloud_server.id`). */
  readonly cloudServerId: string;
  readonly volumes: DevServerVolume[];
  readonly publicIps: { readonly id: string; readonly address: string }[];
  /** Set for the servers of a hyperinstance (`category` HPS, `server_hps`). */
  readonly hyperinstanceId?: string;
  readonly createAt: number;
  /** Last rename / action; `update_at` is the latest of this and the last status change. */
  updateAt: number;
  readonly operations: Map<string, DevServerOperation>;
  readonly timeline: Timeline<DevServerStatus>;
}

export interface HyperinstanceRecord {
  readonly id: string;
  readonly name: string;
  /** IAM user name of the creator (the own list shows the caller's). */
  readonly owner: string;
  readonly hpsId: string;
  readonly hpsClusterId?: string;
  readonly orderId?: string;
  readonly flavor: string;
  readonly createAt: number;
  updateAt: number;
  /** Member servers in creation order (ids; gone servers are skipped when shown). */
  readonly serverIds: string[];
  readonly timeline: Timeline<HyperinstanceStatus | Gone>;
}

/** A hyper cluster has no status in the SDK: it exists from its create until its delete. */
export interface HyperClusterRecord {
  readonly id: string;
  readonly name: string;
  readonly type: HyperClusterType;
  /** `hyper_cluster_subnet_id`: the subnet the cluster's network is in. */
  readonly subnetId: string;
}

export interface DevServerTaskRecord {
  readonly id: string;
  readonly serverId: string;
  readonly serverName: string;
  readonly serverType: ServerType;
  readonly cloudServerId: string;
  readonly timeline: Timeline<DevServerTaskStatus>;
}

export interface DevServerJobRecord {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** The template type it was created with (`type`); `templateId` is that template's. */
  readonly type: string;
  readonly templateId: string;
  readonly userName: string;
  readonly items: readonly { readonly type: string; readonly spec: Readonly<Record<string, string>> }[];
  readonly tasks: readonly DevServerTaskRecord[];
  readonly createAt: number;
}

/** The record unless its timeline has reached `end` by `now` (then it is dropped). */
export function live<R extends { readonly timeline: { status(now: number): string } }>(map: Map<string, R>, id: string, now: number, end: string): R | undefined {
  const record = map.get(id);
  if (record && record.timeline.status(now) === end) {
    map.delete(id);
    return undefined;
  }
  return record;
}

export function liveAll<R extends { readonly timeline: { status(now: number): string } }>(map: Map<string, R>, now: number, end: string): R[] {
  return [...map.keys()].map((id) => live(map, id, now, end)).filter((record): record is R => record !== undefined);
}

export const liveDevServer = (project: ProjectState, id: string, now: number): DevServerRecord | undefined => live(project.devServers, id, now, 'DELETED');
export const liveHyperinstance = (project: ProjectState, id: string, now: number): HyperinstanceRecord | undefined =>
  live(project.hyperinstances, id, now, 'GONE');

/** Stand-alone servers (not hyperinstance members): what the dev-server lists show. */
export function standaloneServers(project: ProjectState, now: number): DevServerRecord[] {
  return liveAll(project.devServers, now, 'DELETED').filter((server) => server.hyperinstanceId === undefined);
}

/** The live member servers of a hyperinstance, in creation order. */
export function memberServers(project: ProjectState, hyper: HyperinstanceRecord, now: number): DevServerRecord[] {
  return hyper.serverIds.map((id) => liveDevServer(project, id, now)).filter((server): server is DevServerRecord => server !== undefined);
}

export function notFound(kind: string, id: string): ApiError {
  return modelArtsError(400, 'ModelArts.6404', `The ${kind} ${id} does not exist.`);
}

/**
 * Illustrative: the reference gives no code for an action refused in the current status;
 * ModelArts.6357 ("operation not allowed now", §11.2) is the notebook code for the same case.
 */
export function wrongState(kind: string, id: string, status: string, action: string): ApiError {
  const why = BUSY_STATUSES.has(status as DevServerStatus) || status === 'PROVISIONING' || status === 'REIMAGING' || status === 'TERMINATING'
    ? 'another operation is in progress'
    : `it is ${status}`;
  return modelArtsError(400, 'ModelArts.6357', `Cannot ${action} the ${kind} ${id}: ${why}.`);
}

export function requireDevServer(request: ApiRequest, id = request.params.id): DevServerRecord {
  const server = liveDevServer(requestProject(request), id, request.now);
  if (!server) {
    throw notFound('Lite Server', id);
  }
  return server;
}

export function requireHyperinstance(request: ApiRequest, id = request.params.id): HyperinstanceRecord {
  const hyper = liveHyperinstance(requestProject(request), id, request.now);
  if (!hyper) {
    throw notFound('Lite Server hyperinstance', id);
  }
  return hyper;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A stable UUID (version 4 layout, as the SDK's id patterns expect) derived from `text`. */
export function seededUuid(text: string): string {
  const hex = sha256Hex(text);
  const variant = ((parseInt(hex[16], 16) & 3) | 8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The 32-hex IAM user id of a user name (same derivation as the notebook view). */
export function userIdOf(userName: string): string {
  return sha256Hex(`user:${userName}`).slice(0, 32);
}

/** Illustrative private address in the project's subnet. */
export function privateIpFor(id: string): string {
  const hex = sha256Hex(`ip:${id}`);
  return `192.168.${parseInt(hex.slice(0, 2), 16) % 64}.${(parseInt(hex.slice(2, 4), 16) % 250) + 2}`;
}

/** The default VPC and subnet of a project (`vpcSeed.ts`): where the seeded servers and clusters are. */
export function defaultNetwork(project: ProjectState): { vpcId: string; subnetId: string } {
  return { vpcId: seededUuid(`vpc:${project.id}`), subnetId: seededUuid(`subnet:${project.id}`) };
}

/** `update_at`: the latest of creation, the last action and the last status change. */
export function updatedAt(record: { readonly createAt: number; readonly updateAt?: number; readonly timeline: Timeline<string> }, now: number): number {
  return Math.max(record.createAt, record.updateAt ?? 0, Math.min(now, record.timeline.current(now).at));
}

/** Plans `lead` for one transition, then `final`, and stamps the action time. */
export function planServer(server: DevServerRecord, now: number, transitionMs: number, lead: DevServerStatus, final: DevServerStatus): void {
  server.timeline.plan(now, [[lead, transitionMs]], final);
  server.updateAt = now;
}
