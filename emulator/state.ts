/**
 * In-memory state: one ProjectState per (account, region), holding workspaces
 * and the workspace-scoped notebooks and training jobs. Statuses live in
 * Timelines and are read lazily against the emulator clock.
 */
import type { AccountRegistry, ProjectRef } from './accounts';
import type { KeyPairRecord } from './areas/kps';
import type { SwrNamespaceRecord, SwrRepositoryRecord } from './areas/swrSeed';
import type { SecurityGroupRecord, SubnetRecord, VpcRecord } from './areas/vpcSeed';
import { type DevServerJobRecord, type DevServerRecord, type DevServerStatus, type HyperClusterRecord, type HyperinstanceRecord, liveDevServer } from './areas/devServerModel';
import { liveServiceV1, type ServiceV1Record, type ServiceV1Status } from './areas/inferV1Model';
import type { ServiceV2Record } from './areas/inferV2Model';
import type { AuthMode, AuthorizationRecord } from './areas/managementAuth';
import type { ScheduledEventRecord } from './areas/managementEvents';
import type { QuotaOverride } from './areas/managementQuotas';
import type { ModelRecord } from './areas/modelsModel';
import type { SavedImageRecord } from './areas/notebookImageModel';
import type { NotebookStorageRecord } from './areas/notebookStorage';
import { livePool, type NodePhase, type PoolPhase, type PoolRecord } from './areas/poolModel';
import { type Clock, Timeline } from './clock';

export const NOTEBOOK_STATUSES = [
  'INIT',
  'CREATING',
  'STARTING',
  'STOPPING',
  'DELETING',
  'RUNNING',
  'STOPPED',
  'SNAPSHOTTING',
  'CREATE_FAILED',
  'START_FAILED',
  'DELETE_FAILED',
  'ERROR',
  'DELETED',
  'FROZEN',
] as const;
export type NotebookStatus = (typeof NOTEBOOK_STATUSES)[number];

export const TRAINING_PHASES = ['Creating', 'Pending', 'Running', 'Failed', 'Completed', 'Terminating', 'Terminated', 'Abnormal'] as const;
export type TrainingPhase = (typeof TRAINING_PHASES)[number];

export const DEFAULT_WORKSPACE_ID = '0';

export interface WorkspaceGrant {
  readonly user_id: string;
  readonly user_name: string;
  /** The SDK's grant `user_type`: IAM (the default), FEDERATE or AGENCY. */
  readonly user_type?: 'IAM' | 'FEDERATE' | 'AGENCY';
}

export interface WorkspaceRecord {
  readonly id: string;
  name: string;
  description: string;
  readonly owner: string;
  authType: 'PUBLIC' | 'PRIVATE' | 'INTERNAL';
  readonly createTime: number;
  /** Last PUT; `createTime` when never updated. */
  updateTime?: number;
  /** Users granted access to a PRIVATE workspace. */
  grants?: WorkspaceGrant[];
  enterpriseProjectId?: string;
  /** When a DELETE was accepted: DELETING for one transition, then gone (see `areas/workspaces.ts`). */
  deletingSince?: number;
}

export interface NotebookLease {
  duration: number;
  enable: boolean;
  type: 'TIMING' | 'IDLE';
  createAt: number;
  updateAt: number;
}

export interface NotebookRecord {
  readonly id: string;
  name: string;
  description: string;
  readonly workspaceId: string;
  flavor: string;
  imageId: string;
  /** The SDK's VolumeMountRequest as created: `capacity` (GB) for EVS and EFS, `uri` for storage of the account. */
  readonly volume: { readonly category: string; readonly ownership: string; readonly capacity?: number; readonly uri?: string };
  /** Replaced by each start. */
  lease: NotebookLease;
  /** Key pairs of the SSH endpoint; no SSH endpoint when empty. */
  readonly sshKeyPairs: readonly string[];
  /** OBS and SFS Turbo storage mounted under /data/ while it runs (`areas/notebookStorage.ts`). */
  readonly storages: NotebookStorageRecord[];
  readonly owner: string;
  readonly createAt: number;
  /** Last PUT (name, description, flavor, image); absent when never updated. */
  updateAt?: number;
  readonly token: string;
  failReason?: string;
  /** The JupyterLab `url` answered instead of the emulator's own (a test's hostile address). */
  url?: string;
  /** The timeline ends in DELETED once a deletion completes; the notebook is then gone. */
  readonly timeline: Timeline<NotebookStatus>;
}

export interface TrainingJobRecord {
  readonly id: string;
  readonly name: string;
  description: string;
  readonly workspaceId: string;
  readonly kind: string;
  readonly createTime: number;
  readonly userName: string;
  /** The `algorithm` object as created (shared between scale-seeded jobs, never mutated). */
  readonly algorithm: Readonly<Record<string, unknown>>;
  readonly flavorId: string;
  readonly nodeCount: number;
  readonly timeline: Timeline<TrainingPhase>;
}

/**
 * SWR, VPC and KPS resources (§8), read-only, filled by the demo seed. The default VPC, subnet and
 * security group every project has are derived, not stored (`areas/vpcSeed.ts`).
 */
export interface CompanionRecords {
  readonly swrNamespaces: SwrNamespaceRecord[];
  readonly swrRepositories: SwrRepositoryRecord[];
  readonly vpcs: VpcRecord[];
  readonly subnets: SubnetRecord[];
  readonly securityGroups: SecurityGroupRecord[];
  readonly keyPairs: KeyPairRecord[];
}

export class ProjectState {
  readonly workspaces = new Map<string, WorkspaceRecord>();
  /** Dedicated resource pools by `metadata.name`; see `areas/poolModel.ts` (`livePool` drops deleted ones). */
  readonly pools = new Map<string, PoolRecord>();
  /** Lite Server resources (§7) by id; see `areas/devServerModel.ts` (`liveDevServer` & co. drop deleted ones). */
  readonly devServers = new Map<string, DevServerRecord>();
  readonly hyperinstances = new Map<string, HyperinstanceRecord>();
  readonly hyperClusters = new Map<string, HyperClusterRecord>();
  readonly devServerJobs = new Map<string, DevServerJobRecord>();
  /** Workspace quota changes: workspace id → resource → override (`areas/managementQuotas.ts`). */
  readonly workspaceQuotas = new Map<string, Map<string, QuotaOverride>>();
  /** ModelArts authorizations (§6.2) by user id (`all` for all users); agencies created by `POST /v2/{p}/agency`. */
  readonly authorizations = new Map<string, AuthorizationRecord>();
  readonly agencies = new Set<string>();
  /** Scheduled (maintenance) events (§6.4) by id; see `areas/managementEvents.ts`. */
  readonly scheduledEvents = new Map<string, ScheduledEventRecord>();
  readonly companion: CompanionRecords = { swrNamespaces: [], swrRepositories: [], vpcs: [], subnets: [], securityGroups: [], keyPairs: [] };
  /** v1 real-time services (§3) by `service_id`; see `areas/inferV1Model.ts` (`liveServiceV1` drops deleted ones). */
  readonly servicesV1 = new Map<string, ServiceV1Record>();
  /** v2 real-time services (§4) by `id`; see `areas/inferV2Model.ts` (`liveServiceV2` drops deleted ones). */
  readonly servicesV2 = new Map<string, ServiceV2Record>();
  /** Models (§3) by `model_id`; see `areas/modelsModel.ts`. */
  readonly models = new Map<string, ModelRecord>();
  /** Images saved from notebooks (DEDICATED, §1.1 create-image) by id; see `areas/notebookImageModel.ts`. */
  readonly notebookImages = new Map<string, SavedImageRecord>();
  private readonly notebookMap = new Map<string, NotebookRecord>();
  private readonly jobMap = new Map<string, TrainingJobRecord>();
  /** Ascending by createTime (ties by id), so the default newest-first search needs no sort. */
  private jobsByCreateTime: TrainingJobRecord[] = [];

  constructor(
    readonly ref: ProjectRef,
    readonly transitionMs: number,
    createdAt: number,
    /** The emulator clock, for lookups whose callers pass no `now` (e.g. `requireWorkspace`). */
    readonly now: () => number = Date.now,
  ) {
    this.workspaces.set(DEFAULT_WORKSPACE_ID, {
      id: DEFAULT_WORKSPACE_ID,
      name: 'default',
      description: '',
      owner: ref.account.domainName,
      authType: 'PUBLIC',
      createTime: createdAt,
    });
  }

  get id(): string {
    return this.ref.projectId;
  }

  get region(): string {
    return this.ref.region;
  }

  addNotebook(notebook: NotebookRecord): void {
    this.notebookMap.set(notebook.id, notebook);
  }

  /** The notebook unless its deletion has completed by `now`. */
  notebook(id: string, now: number): NotebookRecord | undefined {
    const notebook = this.notebookMap.get(id);
    if (notebook && notebook.timeline.status(now) === 'DELETED') {
      this.notebookMap.delete(id);
      return undefined;
    }
    return notebook;
  }

  notebooks(now: number): NotebookRecord[] {
    return [...this.notebookMap.keys()].map((id) => this.notebook(id, now)).filter((n): n is NotebookRecord => n !== undefined);
  }

  trainingJob(id: string): TrainingJobRecord | undefined {
    return this.jobMap.get(id);
  }

  addTrainingJobs(jobs: readonly TrainingJobRecord[]): void {
    const last = this.jobsByCreateTime[this.jobsByCreateTime.length - 1];
    const appendsInOrder = jobs.length === 1 && (!last || compareJobs(last, jobs[0]) <= 0);
    for (const job of jobs) {
      this.jobMap.set(job.id, job);
      this.jobsByCreateTime.push(job);
    }
    if (!appendsInOrder) {
      this.jobsByCreateTime.sort(compareJobs);
    }
  }

  deleteTrainingJob(id: string): boolean {
    const job = this.jobMap.get(id);
    if (!job) {
      return false;
    }
    this.jobMap.delete(id);
    this.jobsByCreateTime.splice(this.jobsByCreateTime.indexOf(job), 1);
    return true;
  }

  trainingJobsOldestFirst(): readonly TrainingJobRecord[] {
    return this.jobsByCreateTime;
  }
}

function compareJobs(a: TrainingJobRecord, b: TrainingJobRecord): number {
  return a.createTime - b.createTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** All projects, plus lookups by resource id for tests and the control API. */
export class EmulatorState {
  private readonly projects = new Map<string, ProjectState>();
  /** `/v1/auth-mode` (§6.3) by domain id; `strict` when never set (illustrative default). */
  readonly authModes = new Map<string, AuthMode>();

  constructor(
    private readonly accounts: AccountRegistry,
    readonly clock: Clock,
    readonly transitionMs: number,
  ) {}

  /** The project with this id (created empty on first use), if it belongs to a registered account. */
  project(projectId: string): ProjectState | undefined {
    const existing = this.projects.get(projectId);
    if (existing) {
      return existing;
    }
    const ref = this.accounts.projectById(projectId);
    if (!ref) {
      return undefined;
    }
    // Projects are as old as the emulated accounts: about a year.
    const project = new ProjectState(ref, this.transitionMs, this.clock.now() - 365 * 86_400_000, () => this.clock.now());
    this.projects.set(projectId, project);
    return project;
  }

  /** The project of (ak, region); undefined for unknown accounts and regions without a project. */
  projectFor(ak: string, region: string): ProjectState | undefined {
    const account = this.accounts.get(ak);
    const ref = account && this.accounts.projectOf(account, region);
    return ref && this.project(ref.projectId);
  }

  findNotebook(id: string): { project: ProjectState; notebook: NotebookRecord } | undefined {
    const now = this.clock.now();
    for (const project of this.projects.values()) {
      const notebook = project.notebook(id, now);
      if (notebook) {
        return { project, notebook };
      }
    }
    return undefined;
  }

  notebookStatus(id: string): NotebookStatus | undefined {
    return this.findNotebook(id)?.notebook.timeline.status(this.clock.now());
  }

  /** Forces a status that stays until the next API action; throws for unknown ids. */
  setNotebookStatus(id: string, status: NotebookStatus): void {
    const found = this.findNotebook(id);
    if (!found) {
      throw new Error(`no notebook ${id}`);
    }
    found.notebook.timeline.force(this.clock.now(), status);
  }

  findTrainingJob(id: string): { project: ProjectState; job: TrainingJobRecord } | undefined {
    for (const project of this.projects.values()) {
      const job = project.trainingJob(id);
      if (job) {
        return { project, job };
      }
    }
    return undefined;
  }

  trainingJobPhase(id: string): TrainingPhase | undefined {
    return this.findTrainingJob(id)?.job.timeline.status(this.clock.now());
  }

  /** Forces a phase that stays until the next API action; throws for unknown ids. */
  setTrainingJobPhase(id: string, phase: TrainingPhase): void {
    const found = this.findTrainingJob(id);
    if (!found) {
      throw new Error(`no training job ${id}`);
    }
    found.job.timeline.force(this.clock.now(), phase);
  }

  /** A resource pool by `metadata.name` (its id), unless its deletion has completed. */
  findPool(name: string): { project: ProjectState; pool: PoolRecord } | undefined {
    const now = this.clock.now();
    for (const project of this.projects.values()) {
      const pool = livePool(project, name, now);
      if (pool) {
        return { project, pool };
      }
    }
    return undefined;
  }

  poolPhase(name: string): PoolPhase | undefined {
    return this.findPool(name)?.pool.timeline.status(this.clock.now()) as PoolPhase | undefined;
  }

  /** Forces a pool phase that stays until the next pool action (nodes keep theirs); throws for unknown pools. */
  setPoolPhase(name: string, phase: PoolPhase): void {
    const found = this.findPool(name);
    if (!found) {
      throw new Error(`no pool ${name}`);
    }
    found.pool.timeline.force(this.clock.now(), phase);
  }

  /** A Lite Server by id (hyperinstance members included), unless its deletion has completed. */
  findDevServer(id: string): { project: ProjectState; server: DevServerRecord } | undefined {
    const now = this.clock.now();
    for (const project of this.projects.values()) {
      const server = liveDevServer(project, id, now);
      if (server) {
        return { project, server };
      }
    }
    return undefined;
  }

  devServerStatus(id: string): DevServerStatus | undefined {
    return this.findDevServer(id)?.server.timeline.status(this.clock.now());
  }

  /** Forces a Lite Server status that stays until the next action on it; throws for unknown ids. */
  setDevServerStatus(id: string, status: DevServerStatus): void {
    const found = this.findDevServer(id);
    if (!found) {
      throw new Error(`no Lite Server ${id}`);
    }
    found.server.timeline.force(this.clock.now(), status);
  }

  poolNodePhase(poolName: string, nodeName: string): NodePhase | undefined {
    return this.findPool(poolName)?.pool.nodes.get(nodeName)?.timeline.status(this.clock.now()) as NodePhase | undefined;
  }

  /** Forces a node phase that stays until the next action on the node; throws for unknown pools and nodes. */
  setPoolNodePhase(poolName: string, nodeName: string, phase: NodePhase): void {
    const node = this.findPool(poolName)?.pool.nodes.get(nodeName);
    if (!node) {
      throw new Error(`no node ${nodeName} in pool ${poolName}`);
    }
    node.timeline.force(this.clock.now(), phase);
  }

  /** A v1 real-time service by `service_id`, unless its deletion has completed. */
  findServiceV1(id: string): { project: ProjectState; service: ServiceV1Record } | undefined {
    const now = this.clock.now();
    for (const project of this.projects.values()) {
      const service = liveServiceV1(project, id, now);
      if (service) {
        return { project, service };
      }
    }
    return undefined;
  }

  serviceV1Status(id: string): ServiceV1Status | undefined {
    return this.findServiceV1(id)?.service.timeline.status(this.clock.now()) as ServiceV1Status | undefined;
  }

  /** Forces a v1 service status that stays until the next action on it; throws for unknown ids. */
  setServiceV1Status(id: string, status: ServiceV1Status): void {
    const found = this.findServiceV1(id);
    if (!found) {
      throw new Error(`no v1 service ${id}`);
    }
    found.service.timeline.force(this.clock.now(), status);
  }
}
