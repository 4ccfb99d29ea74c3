/**
 * Demo data: a busy cn-north-4, a little in cn-east-3 and ap-southeast-3, the
 * other regions empty. A seeded PRNG keeps ids, names and ages stable between
 * runs; ages are relative to the start time.
 */
import { createHash } from 'node:crypto';
import { NOTEBOOK_IMAGES, TRAINING_ENGINES, TRAINING_FLAVORS, type TrainingEngine } from './catalog';
import { Timeline } from './clock';
import {
  AP_SOUTHEAST_3_JOBS,
  AP_SOUTHEAST_3_NOTEBOOKS,
  CN_EAST_3_JOBS,
  CN_EAST_3_NOTEBOOKS,
  CN_NORTH_4_JOBS,
  CN_NORTH_4_NOTEBOOKS,
  CN_NORTH_4_DEV_SERVERS,
  CN_NORTH_4_POOLS,
  EXTRA_WORKSPACES,
  type JobSeed,
  type NotebookSeed,
} from './seedData';
import type { EmulatorState, NotebookStatus, ProjectState, TrainingJobRecord, TrainingPhase } from './state';
import { userIdOf } from './areas/devServerModel';
import { seedDevServers } from './areas/devServerSeed';
import { seedKeyPairs } from './areas/kps';
import { seededStorage } from './areas/notebookStorage';
import { seedInferV1 } from './areas/inferV1Seed';
import { seedInferV2 } from './areas/inferV2Seed';
import { seedScheduledEvents } from './areas/managementEvents';
import { seedPools } from './areas/poolSeed';
import { seedSwr } from './areas/swrSeed';
import { seedVpcs } from './areas/vpcSeed';
import { planTrainingRun } from './areas/trainingJobs';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class SeedRandom {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = prng(seed);
  }

  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.between(0, items.length)];
  }

  uuid(): string {
    const hex = Array.from({ length: 4 }, () => this.between(0, 0x1_0000_0000).toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

function hex32(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** 32 hex digits written as a UUID (without drawing from the seed's random sequence, which later ids depend on). */
function uuidOf(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A timeline that went through `history` ([status, at] ascending). */
function historyTimeline<S extends string>(history: readonly (readonly [S, number])[]): Timeline<S> {
  const timeline = new Timeline<S>(history[0][0], history[0][1]);
  for (const [status, at] of history.slice(1)) {
    timeline.force(at, status);
  }
  return timeline;
}

export interface SeedOptions {
  readonly scaleTrainingJobs?: number;
}

export function seedDemo(state: EmulatorState, ak: string, options: SeedOptions = {}): void {
  const now = state.clock.now();
  const random = new SeedRandom(20240601);
  const seeds: [string, readonly NotebookSeed[], readonly JobSeed[]][] = [
    ['cn-north-4', CN_NORTH_4_NOTEBOOKS, CN_NORTH_4_JOBS],
    ['cn-east-3', CN_EAST_3_NOTEBOOKS, CN_EAST_3_JOBS],
    ['ap-southeast-3', AP_SOUTHEAST_3_NOTEBOOKS, AP_SOUTHEAST_3_JOBS],
  ];
  for (const [region, notebooks, jobs] of seeds) {
    const project = state.projectFor(ak, region);
    if (!project) {
      throw new Error(`demo account has no project in ${region}`);
    }
    const workspaceIds = seedWorkspaces(project, now);
    notebooks.forEach((seed) => seedNotebook(project, seed, workspaceIds, random, now));
    project.addTrainingJobs(jobs.map((seed) => seededJob(project, seed, workspaceIds, random, now)));
    seedSwr(project, now);
    seedVpcs(project, now);
    seedKeyPairs(project);
    if (region === 'cn-north-4') {
      seedPools(project, CN_NORTH_4_POOLS, workspaceIds, now);
      seedDevServers(project, CN_NORTH_4_DEV_SERVERS, now);
      seedScheduledEvents(project, now);
      seedInferV1(project, workspaceIds, now);
      seedInferV2(project, workspaceIds, now);
    }
  }
  const scale = options.scaleTrainingJobs ?? 0;
  const main = state.projectFor(ak, 'cn-north-4');
  if (scale > 0 && main) {
    main.addTrainingJobs(scaleJobs(main, scale, now));
  }
}

function seedWorkspaces(project: ProjectState, now: number): string[] {
  const ids = ['0'];
  for (const [index, { name, description, grantedUsers }] of (EXTRA_WORKSPACES[project.region] ?? []).entries()) {
    const id = hex32(`workspace:${project.id}:${name}`);
    const access = grantedUsers ? { authType: 'INTERNAL' as const, grants: grantedUsers.map((user) => ({ user_id: userIdOf(user), user_name: user })) } : { authType: 'PUBLIC' as const };
    project.workspaces.set(id, { id, name, description, owner: project.ref.account.domainName, ...access, createTime: now - (200 - index * 40) * DAY });
    ids.push(id);
  }
  return ids;
}

function seedNotebook(project: ProjectState, seed: NotebookSeed, workspaceIds: string[], random: SeedRandom, now: number): void {
  const t = project.transitionMs;
  const fresh = seed.status === 'CREATING';
  const createAt = fresh ? now - random.between(1_000, 5_000) : now - random.between(10 * MINUTE, 30 * DAY);
  const leaseMs = random.pick([2, 4, 8, 24]) * HOUR;
  // Running notebooks with a lease stop on their own; the rest run until stopped.
  const leaseEnabled = seed.status === 'RUNNING' && leaseMs > 2 * HOUR;
  // A leased notebook started recently enough for its lease to still be running.
  const changedAt = fresh
    ? createAt
    : leaseEnabled
      ? Math.max(createAt, now - random.between(10 * MINUTE, leaseMs / 2))
      : random.between(createAt, now - MINUTE);
  let timeline: Timeline<NotebookStatus>;
  if (seed.status === 'CREATING' || seed.status === 'STARTING' || seed.status === 'STOPPING') {
    // In-progress statuses finish one transition after start-up.
    const final: NotebookStatus = seed.status === 'STOPPING' ? 'STOPPED' : 'RUNNING';
    timeline = historyTimeline<NotebookStatus>([[fresh ? 'CREATING' : 'STOPPED', createAt]]);
    timeline.plan(now, [[seed.status, t]], final);
  } else if (leaseEnabled) {
    timeline = historyTimeline<NotebookStatus>([['CREATING', createAt]]);
    timeline.plan(changedAt, [['RUNNING', leaseMs], ['STOPPING', t]], 'STOPPED');
  } else {
    timeline = historyTimeline<NotebookStatus>([['CREATING', createAt], [seed.status, changedAt]]);
  }
  const id = random.uuid();
  project.addNotebook({
    id,
    name: seed.name,
    description: '',
    workspaceId: workspaceIds[seed.workspace] ?? '0',
    flavor: seed.flavor,
    imageId: seed.flavor.includes('npu') ? NOTEBOOK_IMAGES[3].id : random.pick(NOTEBOOK_IMAGES.slice(0, 3)).id,
    volume: { category: 'EVS', ownership: 'MANAGED', capacity: random.pick([5, 50, 100, 500]) },
    // A lease counts from the start that began it: it ends at create_at + duration.
    lease: { duration: leaseEnabled ? leaseMs : 0, enable: leaseEnabled, type: 'TIMING', createAt: leaseEnabled ? changedAt : createAt, updateAt: changedAt },
    sshKeyPairs: seed.ssh ? ['KeyPair-demo'] : [],
    storages: seed.obsMount ? [seededStorage(uuidOf(hex32(`storage:${id}`)), '/data/datasets/', seed.obsMount, changedAt)] : [],
    owner: project.ref.account.domainName,
    createAt,
    token: random.uuid(),
    failReason: seed.status.endsWith('FAILED') || seed.status === 'ERROR' ? 'Insufficient resources in the availability zone, please retry later.' : undefined,
    timeline,
  });
}

/** The engines that run on a flavor: MindSpore (Ascend-Powered-Engine) on Ascend, the CUDA ones on CPU and GPU flavors. */
function enginesFor(flavorId: string): readonly TrainingEngine[] {
  const ascend = TRAINING_FLAVORS.find((flavor) => flavor.flavor_id === flavorId)?.flavor_type === 'Ascend';
  return TRAINING_ENGINES.filter((engine) => (engine.engine_name === 'Ascend-Powered-Engine') === ascend);
}

function algorithmFor(seedName: string, flavorId: string, random: SeedRandom): Record<string, unknown> {
  const engine = random.pick(enginesFor(flavorId));
  const bucket = `obs://demo-ml-${seedName.split('-')[0]}`;
  return {
    code_dir: `${bucket}/code/`,
    boot_file: `${bucket}/code/train.py`,
    engine: { engine_id: engine.engine_id, engine_name: engine.engine_name, engine_version: engine.engine_version },
    parameters: [
      { name: 'epochs', value: String(random.pick([3, 10, 30])) },
      { name: 'lr', value: random.pick(['1e-4', '3e-4', '5e-5']) },
    ],
    inputs: [{ name: 'data_url', remote: { obs: { obs_url: `${bucket}/data/` } } }],
    outputs: [{ name: 'train_url', remote: { obs: { obs_url: `${bucket}/output/` } } }],
    environments: { PYTHONUNBUFFERED: '1' },
  };
}

function seededJob(project: ProjectState, seed: JobSeed, workspaceIds: string[], random: SeedRandom, now: number): TrainingJobRecord {
  const t = project.transitionMs;
  const createTime = seed.phase === 'Creating' ? now - random.between(500, 2_000) : now - random.between(20 * MINUTE, 21 * DAY);
  const pendingAt = createTime + random.between(5_000, 60_000);
  const runningAt = pendingAt + random.between(10_000, 5 * MINUTE);
  const endAt = Math.min(now - MINUTE, runningAt + random.between(5 * MINUTE, 12 * HOUR));
  const history: Record<TrainingPhase, [TrainingPhase, number][]> = {
    Creating: [['Creating', createTime]],
    Pending: [['Creating', createTime], ['Pending', pendingAt]],
    Running: [['Creating', createTime], ['Pending', pendingAt], ['Running', runningAt]],
    Completed: [['Creating', createTime], ['Pending', pendingAt], ['Running', runningAt], ['Completed', endAt]],
    Failed: [['Creating', createTime], ['Pending', pendingAt], ['Running', runningAt], ['Failed', endAt]],
    Terminated: [['Creating', createTime], ['Pending', pendingAt], ['Running', runningAt], ['Terminating', endAt], ['Terminated', endAt + 20_000]],
    Terminating: [['Creating', createTime], ['Pending', pendingAt], ['Running', runningAt]],
    Abnormal: [['Creating', createTime], ['Pending', pendingAt], ['Running', runningAt], ['Abnormal', endAt]],
  };
  const timeline = historyTimeline(history[seed.phase]);
  if (seed.phase === 'Creating') {
    planTrainingRun(timeline, seed.name, createTime, t);
  } else if (seed.phase === 'Terminating') {
    timeline.plan(now, [['Terminating', t]], 'Terminated');
  }
  return {
    id: random.uuid(),
    name: seed.name,
    description: '',
    workspaceId: workspaceIds[seed.workspace] ?? '0',
    kind: 'job',
    createTime,
    userName: project.ref.account.domainName,
    algorithm: algorithmFor(seed.name, seed.flavor, random),
    flavorId: seed.flavor,
    nodeCount: seed.nodes,
    timeline,
  };
}

const SCALE_JOB_FLAVOR = 'modelarts.p3.large.public';

/** `count` jobs in the default workspace, one a minute up to now; the newest are still running. */
export function scaleJobs(project: ProjectState, count: number, now: number): TrainingJobRecord[] {
  const random = new SeedRandom(count);
  const algorithm = Object.freeze(algorithmFor('scale', SCALE_JOB_FLAVOR, random));
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => {
    const createTime = now - (count - i) * MINUTE;
    const final: TrainingPhase = i % 10 === 7 ? 'Failed' : 'Completed';
    const timeline = new Timeline<TrainingPhase>('Creating', createTime);
    timeline.plan(createTime, [['Creating', 10_000], ['Pending', 20_000], ['Running', 20 * MINUTE + (i % 30) * MINUTE]], final);
    return {
      id: random.uuid(),
      name: `scale-job-${String(i + 1).padStart(width, '0')}`,
      description: '',
      workspaceId: '0',
      kind: 'job',
      createTime,
      userName: project.ref.account.domainName,
      algorithm,
      flavorId: SCALE_JOB_FLAVOR,
      nodeCount: 1,
      timeline,
    };
  });
}
