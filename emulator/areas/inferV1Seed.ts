/**
 * Demo models and v1 real-time services (cn-north-4). Ids derive from the project
 * and names, so they are stable between runs; times are relative to start-up.
 * `llama2-7b-chat` is publishing and `image-classify-api` deploying: both finish
 * one transition after start-up. Every other seeded status stays until an action.
 */
import { Timeline } from '../clock';
import type { ProjectState } from '../state';
import { markConcerning, newServiceTimeline, planDeploy, planStop, type ServiceV1Config, type ServiceV1Record } from './inferV1Model';
import { type ModelRecord, type ModelRequirements, type ModelStatus } from './modelsModel';
import { seededUuid } from './devServerModel';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface ModelSeed {
  readonly name: string;
  readonly version: string;
  readonly type: string;
  readonly status: ModelStatus;
  /** Index into the project's workspaces (0 = default). */
  readonly workspace: number;
  readonly sizeMb: number;
  readonly ageDays: number;
  readonly requirements: ModelRequirements;
  readonly description: string;
  /** Subscribed from AI Gallery. */
  readonly subscribed?: boolean;
}

const MODELS: readonly ModelSeed[] = [
  { name: 'mnist-cnn', version: '1.0.0', type: 'PyTorch', status: 'published', workspace: 0, sizeMb: 5, ageDays: 90, requirements: { minCpu: 1, minMemory: 2048 }, description: 'Handwritten digits, first cut' },
  { name: 'mnist-cnn', version: '1.1.0', type: 'PyTorch', status: 'published', workspace: 0, sizeMb: 6, ageDays: 30, requirements: { minCpu: 1, minMemory: 2048 }, description: 'Handwritten digits, retrained with augmentation' },
  { name: 'bert-sentiment', version: '2.0.0', type: 'PyTorch', status: 'published', workspace: 0, sizeMb: 420, ageDays: 45, requirements: { minCpu: 2, minMemory: 8192 }, description: 'Chinese review sentiment' },
  { name: 'yolov8-traffic', version: '1.0.0', type: 'PyTorch', status: 'published', workspace: 0, sizeMb: 90, ageDays: 20, requirements: { minCpu: 4, minMemory: 16384, minGpu: 1 }, description: 'Vehicles and pedestrians at crossings' },
  { name: 'resnet50-classifier', version: '3.2.1', type: 'TensorFlow', status: 'published', workspace: 0, sizeMb: 98, ageDays: 12, requirements: { minCpu: 2, minMemory: 4096 }, description: 'ImageNet classes' },
  { name: 'llama2-7b-chat', version: '0.1.0', type: 'Custom', status: 'publishing', workspace: 0, sizeMb: 13_500, ageDays: 0, requirements: { minCpu: 8, minMemory: 32768, minGpu: 1 }, description: 'Chat model, being published' },
  { name: 'ocr-crnn', version: '1.0.0', type: 'MindSpore', status: 'failed', workspace: 0, sizeMb: 35, ageDays: 8, requirements: { minCpu: 2, minMemory: 4096 }, description: 'Import failed: the model file is missing' },
  { name: 'general-ocr', version: '3.0.2', type: 'Image', status: 'published', workspace: 0, sizeMb: 1_200, ageDays: 60, requirements: { minCpu: 2, minMemory: 8192 }, description: 'AI Gallery: printed and handwritten text', subscribed: true },
  { name: 'face-detect-lite', version: '1.2.0', type: 'Image', status: 'published', workspace: 0, sizeMb: 300, ageDays: 75, requirements: { minCpu: 8, minMemory: 16384, minAscend: 1 }, description: 'AI Gallery: faces for Ascend 310', subscribed: true },
  { name: 'ernie-ner', version: '1.0.0', type: 'PyTorch', status: 'published', workspace: 1, sizeMb: 380, ageDays: 25, requirements: { minCpu: 2, minMemory: 8192 }, description: 'Named entities in news text' },
  { name: 'chatglm-6b', version: '1.0.0', type: 'Custom', status: 'published', workspace: 1, sizeMb: 12_400, ageDays: 15, requirements: { minCpu: 8, minMemory: 32768, minGpu: 1 }, description: 'Bilingual chat' },
];

type ServiceOutcome = 'running' | 'stopped' | 'failed' | 'deploying' | 'concerning';

interface ServiceSeed {
  readonly name: string;
  readonly outcome: ServiceOutcome;
  readonly workspace: number;
  readonly description: string;
  /** "name version" of the model, its specification and instances. */
  readonly model: string;
  readonly specification: string;
  readonly instances: number;
  readonly envs?: Readonly<Record<string, string>>;
  /** Hours of a stop schedule. */
  readonly autoStopHours?: number;
  readonly ageDays: number;
  readonly calls: number;
}

const SERVICES: readonly ServiceSeed[] = [
  { name: 'mnist-classifier', outcome: 'running', workspace: 0, description: 'Digit recognition for the scanning app', model: 'mnist-cnn 1.1.0', specification: 'modelarts.vm.cpu.2u', instances: 2, envs: { LOG_LEVEL: 'info', BATCH_SIZE: '16' }, ageDays: 28, calls: 128_406 },
  { name: 'sentiment-api', outcome: 'stopped', workspace: 0, description: 'Review sentiment', model: 'bert-sentiment 2.0.0', specification: 'modelarts.vm.cpu.8u', instances: 1, ageDays: 40, calls: 5_210 },
  { name: 'traffic-detector', outcome: 'failed', workspace: 0, description: 'Crossing camera detections', model: 'yolov8-traffic 1.0.0', specification: 'modelarts.vm.gpu.t4', instances: 1, ageDays: 2, calls: 0 },
  { name: 'image-classify-api', outcome: 'deploying', workspace: 0, description: '', model: 'resnet50-classifier 3.2.1', specification: 'modelarts.vm.cpu.2u', instances: 1, ageDays: 0, calls: 0 },
  { name: 'invoice-ocr', outcome: 'concerning', workspace: 0, description: 'Invoices from the finance mailbox', model: 'general-ocr 3.0.2', specification: 'modelarts.vm.cpu.8u', instances: 3, ageDays: 50, calls: 904_331 },
  { name: 'ner-news', outcome: 'running', workspace: 1, description: 'Entities for the news feed', model: 'ernie-ner 1.0.0', specification: 'modelarts.vm.cpu.8u', instances: 1, autoStopHours: 4, ageDays: 10, calls: 3_876 },
  { name: 'chatglm-demo', outcome: 'stopped', workspace: 1, description: 'Demo for the open day', model: 'chatglm-6b 1.0.0', specification: 'modelarts.vm.gpu.v100', instances: 1, ageDays: 14, calls: 1_022 },
];

export function seedInferV1(project: ProjectState, workspaceIds: readonly string[], now: number): void {
  const owner = project.ref.account.domainName;
  for (const seed of MODELS) {
    const id = seededUuid(`model:${project.id}:${seed.name}:${seed.version}`);
    const createAt = seed.ageDays === 0 ? now - 20_000 : now - seed.ageDays * DAY;
    const timeline = new Timeline<ModelStatus>(seed.status === 'publishing' ? 'publishing' : 'building', createAt);
    if (seed.status === 'publishing') {
      timeline.plan(now, [['publishing', project.transitionMs]], 'published');
    } else {
      timeline.force(createAt + 3 * MINUTE, seed.status);
    }
    const model: ModelRecord = {
      id,
      name: seed.name,
      version: seed.version,
      modelType: seed.type,
      size: seed.sizeMb * 1024 * 1024,
      source: 'custom',
      installType: ['real_time', 'batch'],
      createAt,
      description: seed.description,
      workspaceId: workspaceIds[seed.workspace] ?? '0',
      owner,
      sourceLocation: `https://demo-models.obs.${project.region}.myhuaweicloud.com/${seed.name}/${seed.version}/model`,
      runtime: seed.type === 'TensorFlow' ? 'python3.7' : 'python3.9',
      ...(seed.subscribed ? { subscriptionId: seededUuid(`subscription:${project.id}:${seed.name}`) } : {}),
      requirements: seed.requirements,
      timeline,
    };
    project.models.set(id, model);
  }
  for (const seed of SERVICES) {
    const service = seededService(project, seed, workspaceIds, now);
    project.servicesV1.set(service.id, service);
  }
}

function seededService(project: ProjectState, seed: ServiceSeed, workspaceIds: readonly string[], now: number): ServiceV1Record {
  const model = [...project.models.values()].find((candidate) => `${candidate.name} ${candidate.version}` === seed.model);
  if (!model) {
    throw new Error(`seed: unknown model ${seed.model}`);
  }
  const config: ServiceV1Config = { modelId: model.id, specification: seed.specification, weight: 100, instanceCount: seed.instances, envs: seed.envs ?? {} };
  const publishAt = seed.outcome === 'deploying' ? now - 1_000 : now - seed.ageDays * DAY;
  const service: ServiceV1Record = {
    id: seededUuid(`service-v1:${project.id}:${seed.name}`),
    name: seed.name,
    description: seed.description,
    workspaceId: workspaceIds[seed.workspace] ?? '0',
    config: [config],
    schedule: seed.autoStopHours ? [{ type: 'stop', timeUnit: 'HOURS', duration: seed.autoStopHours }] : [],
    owner: project.ref.account.domainName,
    publishAt,
    invocationTimes: seed.calls,
    failedTimes: Math.floor(seed.calls / 900),
    events: [],
    timeline: newServiceTimeline(publishAt),
  };
  switch (seed.outcome) {
    case 'deploying':
      planDeploy(service, project, now, project.transitionMs);
      break;
    case 'failed':
      planDeploy(service, project, publishAt, 4 * MINUTE, true);
      break;
    case 'stopped':
      planDeploy(service, project, publishAt, 3 * MINUTE);
      planStop(service, publishAt + 2 * DAY, 30_000);
      break;
    case 'concerning':
      planDeploy(service, project, publishAt, 3 * MINUTE);
      markConcerning(service, project, now - 2 * HOUR);
      break;
    case 'running':
      planDeploy(service, project, publishAt, 3 * MINUTE);
      if (seed.autoStopHours) {
        // Stopped by its schedule long ago and started again an hour ago: its next stop lies ahead.
        planDeploy(service, project, now - HOUR, 3 * MINUTE);
      }
      break;
  }
  return service;
}
