/**
 * Demo Lite Server resources (cn-north-4): the servers of `seedData.ts`, an HPS and an ECS
 * hyper cluster, one ACTIVE hyperinstance of four RUNNING servers in the HPS one, and two
 * finished jobs.
 * Ids are derived from the project and names, so they are stable between runs;
 * ages are relative to start-up. The CREATING server is RUNNING one transition
 * after start-up; every other seeded status stays until an action changes it.
 */
import { Timeline } from '../clock';
import type { DevServerSeed } from '../seedData';
import type { ProjectState } from '../state';
import { DEV_SERVER_FLAVORS, DEV_SERVER_IMAGES } from './devServerCatalog';
import {
  defaultNetwork,
  type DevServerJobRecord,
  type DevServerRecord,
  type DevServerStatus,
  type DevServerTaskStatus,
  type DevServerVolume,
  type Gone,
  type HyperClusterRecord,
  type HyperinstanceRecord,
  type HyperinstanceStatus,
  privateIpFor,
  seededUuid,
  sha256Hex,
} from './devServerModel';
import { JOB_TEMPLATES } from './devServerJobTemplates';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const HYPER = { name: 'hps-cloudmatrix-01', flavor: 'physical.kat2ne.hps.48xlarge.8', image: 'EulerOS-2.10-Arm-CANN-8.0-HPS', servers: 4, ageDays: 15 };
const CLUSTERS = { hps: 'hpc-cluster-a', ecs: 'ecs-cluster-train' };

/** A timeline that went through `entries` ([status, at] ascending). */
function history<S extends string>(entries: readonly (readonly [S, number])[]): Timeline<S> {
  const timeline = new Timeline<S>(entries[0][0], entries[0][1]);
  entries.slice(1).forEach(([status, at]) => timeline.force(at, status));
  return timeline;
}

function imageId(name: string): string {
  const found = DEV_SERVER_IMAGES.find((candidate) => candidate.name === name);
  if (!found) {
    throw new Error(`seed: unknown Lite Server image ${name}`);
  }
  return found.id;
}

function serverTimeline(status: DevServerSeed['status'], createAt: number, now: number, t: number): Timeline<DevServerStatus> {
  const readyAt = createAt + 8 * MINUTE;
  switch (status) {
    case 'CREATING': {
      const timeline = new Timeline<DevServerStatus>('CREATING', createAt);
      timeline.plan(now, [['CREATING', t]], 'RUNNING');
      return timeline;
    }
    case 'STOPPED':
      return history<DevServerStatus>([['CREATING', createAt], ['RUNNING', readyAt], ['STOPPING', now - 2 * DAY], ['STOPPED', now - 2 * DAY + MINUTE]]);
    case 'START_FAILED':
      return history<DevServerStatus>([
        ['CREATING', createAt],
        ['RUNNING', readyAt],
        ['STOPPING', now - 3 * DAY],
        ['STOPPED', now - 3 * DAY + MINUTE],
        ['STARTING', now - 3 * HOUR],
        ['START_FAILED', now - 3 * HOUR + 5 * MINUTE],
      ]);
    default:
      return history<DevServerStatus>([['CREATING', createAt], ['RUNNING', readyAt]]);
  }
}

export function seededServer(project: ProjectState, seed: DevServerSeed, now: number, hyperinstanceId?: string): DevServerRecord {
  const flavor = DEV_SERVER_FLAVORS.find((candidate) => candidate.flavor === seed.flavor);
  if (!flavor) {
    throw new Error(`seed: unknown Lite Server flavor ${seed.flavor}`);
  }
  const key = `dev-server:${project.id}:${seed.name}`;
  const id = seededUuid(key);
  const createAt = seed.status === 'CREATING' ? now - 1_000 : now - seed.ageDays * DAY;
  const volumes: DevServerVolume[] = [{ evsId: seededUuid(`${key}:root`), size: 200, type: 'ROOT', evsType: 'GPSSD' }];
  for (let i = 0; i < (seed.dataDisks ?? 0); i++) {
    volumes.push({ evsId: seededUuid(`${key}:data:${i}`), size: 1024, type: 'DATA', evsType: 'ESSD' });
  }
  const network = defaultNetwork(project);
  return {
    id,
    name: seed.name,
    owner: seed.owner ?? project.ref.account.domainName,
    flavor: flavor.flavor,
    serverType: flavor.serverType,
    arch: flavor.arch,
    imageId: imageId(seed.image),
    keyPairName: seed.keyPair,
    chargingMode: seed.prepaid ? 'PRE_PAID' : 'POST_PAID',
    orderId: seed.prepaid ? `CS${sha256Hex(`${key}:order`).slice(0, 20).toUpperCase()}` : undefined,
    availabilityZone: `${project.region}a`,
    vpcId: network.vpcId,
    subnetId: network.subnetId,
    privateIp: privateIpFor(id),
    cloudServerId: seededUuid(`${key}:ecs`),
    volumes,
    publicIps: seed.eip ? [{ id: seededUuid(`${key}:eip`), address: '124.70.18.42' }] : [],
    hyperinstanceId,
    createAt,
    updateAt: createAt,
    operations: new Map(),
    timeline: serverTimeline(seed.status, createAt, now, project.transitionMs),
  };
}

export function seedDevServers(project: ProjectState, seeds: readonly DevServerSeed[], now: number): void {
  const servers = seeds.map((seed) => seededServer(project, seed, now));
  servers.forEach((server) => project.devServers.set(server.id, server));

  const clusterId = (name: string): string => seededUuid(`hyper-cluster:${project.id}:${name}`);
  const { subnetId } = defaultNetwork(project);
  const clusters: HyperClusterRecord[] = [
    { id: clusterId(CLUSTERS.hps), name: CLUSTERS.hps, type: 'HPS', subnetId },
    { id: clusterId(CLUSTERS.ecs), name: CLUSTERS.ecs, type: 'ECS', subnetId },
  ];
  clusters.forEach((cluster) => project.hyperClusters.set(cluster.id, cluster));

  const hyperKey = `hyperinstance:${project.id}:${HYPER.name}`;
  const hyperCreateAt = now - HYPER.ageDays * DAY;
  const hyper: HyperinstanceRecord = {
    id: seededUuid(hyperKey),
    name: HYPER.name,
    owner: project.ref.account.domainName,
    hpsId: seededUuid(`${hyperKey}:hps`),
    hpsClusterId: clusterId(CLUSTERS.hps),
    flavor: HYPER.flavor,
    createAt: hyperCreateAt,
    updateAt: hyperCreateAt,
    serverIds: [],
    timeline: history<HyperinstanceStatus | Gone>([['PROVISIONING', hyperCreateAt], ['ACTIVE', hyperCreateAt + 20 * MINUTE]]),
  };
  project.hyperinstances.set(hyper.id, hyper);
  const members: DevServerRecord[] = [];
  for (let i = 1; i <= HYPER.servers; i++) {
    const seed: DevServerSeed = { name: `${HYPER.name}-${String(i).padStart(4, '0')}`, status: 'RUNNING', flavor: HYPER.flavor, image: HYPER.image, keyPair: 'KeyPair-demo', ageDays: HYPER.ageDays };
    const server = seededServer(project, seed, now, hyper.id);
    project.devServers.set(server.id, server);
    hyper.serverIds.push(server.id);
    members.push(server);
  }

  seedJobs(project, [...servers, ...members], now);
}

/** A log collection that went well on one server, and an NPU health check that failed on one of two Ascend servers. */
function seedJobs(project: ProjectState, servers: readonly DevServerRecord[], now: number): void {
  const server = (name: string): DevServerRecord => {
    const found = servers.find((candidate) => candidate.name === name);
    if (!found) {
      throw new Error(`seed: unknown Lite Server ${name}`);
    }
    return found;
  };
  const [logCollect, healthCheck] = JOB_TEMPLATES;
  const jobs: [string, typeof logCollect, number, [DevServerRecord, DevServerTaskStatus][]][] = [
    ['npu-logs-weekly', logCollect, 2 * DAY, [[server('lite-910b-dev'), 'SUCCESS']]],
    ['npu-health-check-0312', healthCheck, 3 * DAY, [[server('lite-910b-dev'), 'SUCCESS'], [server(`${HYPER.name}-0002`), 'FAILED']]],
  ];
  for (const [name, template, age, tasks] of jobs) {
    const key = `dev-server-job:${project.id}:${name}`;
    const createAt = now - age;
    const spec = Object.fromEntries(template.params.map((param) => [param.name, param.value || 'obs://modelarts-demo-data/logs/']));
    const job: DevServerJobRecord = {
      id: seededUuid(key),
      name,
      type: template.type,
      templateId: template.id,
      userName: project.ref.account.domainName,
      items: [{ type: template.type, spec }],
      tasks: tasks.map(([member, status], index) => ({
        id: seededUuid(`${key}:task:${index}`),
        serverId: member.id,
        serverName: member.name,
        serverType: member.serverType,
        cloudServerId: member.cloudServerId,
        timeline: history<DevServerTaskStatus>([['PROCESSING', createAt], [status, createAt + 4 * MINUTE]]),
      })),
      createAt,
    };
    project.devServerJobs.set(job.id, job);
  }
}
