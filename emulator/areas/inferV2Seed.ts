/**
 * Demo v2 real-time services (cn-north-4). Ids derive from the project and names, so they
 * are stable between runs; times are relative to start-up. `rerank-v2` is deploying and
 * runs one transition after start-up; every other seeded status stays until an action.
 * Images are the demo SWR's (`swrSeed.ts`), except `yolo-detect-v2`'s tag, which does not
 * exist: that is why it failed.
 */
import { Timeline } from '../clock';
import type { ProjectState } from '../state';
import {
  type DeploymentRecord,
  type DeploymentVersion,
  markConcerning,
  newDeploymentTimeline,
  planDeploy,
  planStop,
  type ServiceV2Record,
  seededV2Id,
  type UnitV2,
} from './inferV2Model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Outcome = 'RUNNING' | 'STOPPED' | 'FAILED' | 'DEPLOYING' | 'CONCERNING';

interface DeploymentSeed {
  readonly name: string;
  readonly weight: number;
  readonly outcome: Outcome;
  readonly framework?: DeploymentVersion['framework'];
  /** Oldest first; the last is current. Each: [version, image (namespace/repository:tag)]. */
  readonly versions: readonly (readonly [string, string])[];
  readonly flavor?: string;
  /** A dedicated pool by display name, with a custom spec. */
  readonly pool?: { readonly name: string; readonly spec: Readonly<Record<string, number>> };
  readonly count: number;
  readonly envs?: Readonly<Record<string, string>>;
  readonly cmd?: string;
}

interface ServiceSeed {
  readonly name: string;
  readonly workspace: number;
  readonly description: string;
  readonly deployType: 'SINGLE' | 'MULTI';
  readonly authType?: string;
  readonly ageDays: number;
  readonly deployments: readonly DeploymentSeed[];
}

const VLLM_CMD = 'python -m vllm.entrypoints.openai.api_server --host 0.0.0.0 --port 8080';

const SERVICES: readonly ServiceSeed[] = [
  {
    name: 'llm-chat-v2',
    workspace: 0,
    description: 'Chat assistant for the support portal',
    deployType: 'SINGLE',
    ageDays: 20,
    deployments: [
      {
        name: 'group-1',
        weight: 100,
        outcome: 'RUNNING',
        framework: 'VLLM',
        versions: [
          ['0.0.1', 'modelarts-demo/vllm-serving:0.6.3'],
          ['0.0.2', 'modelarts-demo/vllm-serving:0.7.3'],
        ],
        flavor: 'modelarts.vm.gpu.t4u8',
        count: 2,
        envs: { MODEL_NAME: 'qwen2-7b-instruct', MAX_MODEL_LEN: '4096' },
        cmd: VLLM_CMD,
      },
    ],
  },
  {
    name: 'image-tagging-v2',
    workspace: 0,
    description: 'Tags product photos',
    deployType: 'SINGLE',
    ageDays: 35,
    deployments: [{ name: 'group-1', weight: 100, outcome: 'STOPPED', versions: [['1.0.0', 'cv-team/resnet50-imagenet:1.0']], flavor: 'modelarts.vm.cpu.8u32g', count: 1 }],
  },
  {
    name: 'yolo-detect-v2',
    workspace: 0,
    description: 'Crossing camera detections, new image',
    deployType: 'SINGLE',
    ageDays: 1,
    deployments: [{ name: 'group-1', weight: 100, outcome: 'FAILED', versions: [['0.1.0', 'cv-team/yolov8-traffic:9.0.0']], flavor: 'modelarts.vm.gpu.t4u8', count: 1 }],
  },
  {
    name: 'rerank-v2',
    workspace: 0,
    description: '',
    deployType: 'SINGLE',
    authType: 'API_KEY',
    ageDays: 0,
    deployments: [{ name: 'group-1', weight: 100, outcome: 'DEPLOYING', framework: 'VLLM', versions: [['0.0.1', 'modelarts-demo/vllm-serving:0.7.3']], flavor: 'modelarts.vm.cpu.2u8g', count: 1, cmd: VLLM_CMD }],
  },
  {
    name: 'embedding-v2',
    workspace: 0,
    description: 'Embeddings for the search index',
    deployType: 'SINGLE',
    ageDays: 50,
    deployments: [
      { name: 'group-1', weight: 100, outcome: 'CONCERNING', framework: 'VLLM', versions: [['2.1.0', 'modelarts-demo/vllm-serving:0.6.3']], flavor: 'modelarts.vm.cpu.8u32g', count: 3, cmd: VLLM_CMD },
    ],
  },
  {
    name: 'sentiment-ab-v2',
    workspace: 0,
    description: 'A/B test of two sentiment models',
    deployType: 'MULTI',
    ageDays: 12,
    deployments: [
      { name: 'blue', weight: 80, outcome: 'RUNNING', versions: [['1.0.0', 'modelarts-demo/pytorch-train:2.0.1-cuda11.8']], flavor: 'modelarts.vm.cpu.2u8g', count: 2, envs: { MODEL: 'bert-sentiment-2.0.0' } },
      { name: 'green', weight: 20, outcome: 'STOPPED', versions: [['1.1.0', 'modelarts-demo/pytorch-train:2.1.0-cuda12.1']], flavor: 'modelarts.vm.cpu.2u8g', count: 1, envs: { MODEL: 'bert-sentiment-2.1.0' } },
    ],
  },
  { name: 'draft-v2', workspace: 0, description: 'Created without a deployment yet', deployType: 'SINGLE', ageDays: 3, deployments: [] },
  {
    name: 'ner-pool-v2',
    workspace: 1,
    description: 'Entities for the news feed, on the V100 pool',
    deployType: 'SINGLE',
    ageDays: 8,
    deployments: [{ name: 'group-1', weight: 100, outcome: 'RUNNING', versions: [['1.0.0', 'nlp-research/bert-finetune-zh:v3']], pool: { name: 'pool-gpu-v100', spec: { cpu: 8, memory: 65536, gpu: 1 } }, count: 1 }],
  },
];

function seededDeployment(project: ProjectState, service: ServiceV2Record, seed: DeploymentSeed, at: number): DeploymentRecord {
  const poolId = seed.pool && [...project.pools.values()].find((pool) => pool.displayName === seed.pool?.name)?.name;
  if (seed.pool && !poolId) {
    throw new Error(`seed: no pool ${seed.pool.name}`);
  }
  const versions = seed.versions.map(([version, image], index): DeploymentVersion => {
    const unit: UnitV2 = {
      image: `swr.${project.region}.myhuaweicloud.com/${image}`,
      ...(seed.pool ? { customSpec: seed.pool.spec } : { flavor: seed.flavor }),
      cmd: seed.cmd ?? '',
      port: 8080,
      envs: seed.envs ?? {},
    };
    const createdAt = at + index * 10 * DAY;
    return { version, versionId: seededV2Id(`version-v2:${service.id}:${seed.name}:${version}`), description: service.description, framework: seed.framework ?? 'COMMON', ...(poolId ? { poolId } : {}), count: seed.count, unit, createdAt };
  });
  return { id: seededV2Id(`deployment-v2:${service.id}:${seed.name}`), name: seed.name, weight: seed.weight, createdAt: at, updatedAt: at, versions, current: versions[0].version, timeline: newDeploymentTimeline(at) };
}

/** Deploys the deployment's first version, upgrades through the later ones, then ends as the seed says. */
function playHistory(project: ProjectState, service: ServiceV2Record, deployment: DeploymentRecord, outcome: Outcome, now: number): void {
  if (outcome === 'DEPLOYING') {
    planDeploy(service, deployment, project, now, project.transitionMs);
    return;
  }
  planDeploy(service, deployment, project, deployment.createdAt, 3 * MINUTE);
  for (const version of deployment.versions.slice(1)) {
    deployment.previous = deployment.current;
    deployment.current = version.version;
    planDeploy(service, deployment, project, version.createdAt, 2 * MINUTE, 'UPGRADING');
  }
  if (outcome === 'STOPPED') {
    planStop(service, deployment, Math.min(now - HOUR, deployment.createdAt + 2 * DAY), 30_000);
  } else if (outcome === 'CONCERNING') {
    markConcerning(service, deployment, now - 2 * HOUR);
  }
}

export function seedInferV2(project: ProjectState, workspaceIds: readonly string[], now: number): void {
  for (const seed of SERVICES) {
    const createdAt = seed.ageDays === 0 ? now - 1_000 : now - seed.ageDays * DAY;
    const id = seededV2Id(`service-v2:${project.id}:${seed.name}`);
    const service: ServiceV2Record = {
      id,
      name: seed.name,
      description: seed.description,
      workspaceId: workspaceIds[seed.workspace] ?? '0',
      type: 'REAL_TIME',
      deployType: seed.deployType,
      createdVersion: seed.deployments[0]?.versions[0][0] ?? '0.0.1',
      runtimeConfig: { service_invoke: { port: 8080, protocol: 'HTTPS', auth_type: seed.authType ?? 'TOKEN' }, service_limit: { rate_limit: { num: 100, unit: 'SECONDS' }, request_size_limit: 12, request_timeout: 60 } },
      authType: seed.authType ?? 'TOKEN',
      tags: [{ key: 'team', value: seed.workspace === 0 ? 'platform' : 'nlp' }],
      userName: project.ref.account.domainName,
      createdAt,
      updatedAt: createdAt,
      deployments: [],
      events: [],
      timeline: new Timeline<'LIVE' | 'DELETING' | 'GONE'>('LIVE', createdAt),
    };
    for (const deploymentSeed of seed.deployments) {
      const deployment = seededDeployment(project, service, deploymentSeed, createdAt);
      service.deployments.push(deployment);
      playHistory(project, service, deployment, deploymentSeed.outcome, now);
      service.updatedAt = Math.max(service.updatedAt, Math.min(now, deployment.updatedAt));
    }
    project.servicesV2.set(id, service);
  }
}
