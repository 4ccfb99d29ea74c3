/**
 * SWR records (§8) and the demo seed: cn-north-4 has five namespaces and 124
 * repositories (110 of them in `ml-experiments`, so the repository list pages;
 * `shared-base/base-nightly` has 60 tags, so its tag list pages too);
 * cn-east-3 and ap-southeast-3 have one small namespace each. Ids, digests and
 * ages are derived from names, so they are stable between runs.
 */
import type { ProjectState } from '../state';
import { sha256Hex } from './devServerModel';

const DAY = 86_400_000;

export interface SwrNamespaceRecord {
  readonly id: number;
  readonly name: string;
  readonly creatorName: string;
  /** 7 manage, 3 write, 1 read (§8). */
  readonly auth: 1 | 3 | 7;
}

export interface SwrTagRecord {
  readonly id: number;
  readonly tag: string;
  readonly digest: string;
  readonly imageId: string;
  readonly size: number;
  readonly createdAt: number;
}

export interface SwrRepositoryRecord {
  readonly id: number;
  readonly namespace: string;
  readonly name: string;
  readonly category: string;
  readonly description: string;
  readonly isPublic: boolean;
  readonly numDownload: number;
  readonly createdAt: number;
  /** Oldest first. */
  readonly tags: readonly SwrTagRecord[];
}

interface RepositorySeed {
  readonly name: string;
  readonly category: string;
  readonly description: string;
  /** Oldest first. */
  readonly tags: readonly string[];
  readonly ageDays: number;
}

interface NamespaceSeed {
  readonly name: string;
  readonly creator?: string;
  readonly auth: SwrNamespaceRecord['auth'];
  readonly repositories: readonly RepositorySeed[];
}

const experiments: RepositorySeed[] = Array.from({ length: 110 }, (_, i) => ({
  name: `experiment-${String(i + 1).padStart(3, '0')}`,
  category: 'other',
  description: 'Hyperparameter sweep image',
  tags: i % 3 === 0 ? ['run-1', 'run-2'] : ['run-1'],
  ageDays: 120 - i,
}));

const nightlyTags = Array.from({ length: 60 }, (_, i) => `nightly-${new Date(Date.UTC(2024, 4, 1) + i * DAY).toISOString().slice(0, 10).replace(/-/g, '')}`);

const REGION_SEEDS: Readonly<Record<string, readonly NamespaceSeed[]>> = {
  'cn-north-4': [
    {
      name: 'modelarts-demo',
      auth: 7,
      repositories: [
        { name: 'pytorch-train', category: 'linux', description: 'PyTorch training image with the team code', tags: ['2.0.1-cuda11.8', '2.1.0-cuda12.1', 'latest'], ageDays: 90 },
        { name: 'mindspore-ascend', category: 'linux', description: 'MindSpore on Ascend 910B', tags: ['2.2.14', '2.3.0-cann8.0'], ageDays: 70 },
        { name: 'vllm-serving', category: 'linux', description: 'vLLM inference service', tags: ['0.6.3', '0.7.3', 'latest'], ageDays: 45 },
        { name: 'custom-notebook', category: 'linux', description: 'Notebook image with extra kernels', tags: ['v1', 'v2', 'v3'], ageDays: 120 },
        { name: 'data-prep', category: 'linux', description: 'Spark and pandas jobs', tags: ['1.0.0'], ageDays: 20 },
      ],
    },
    {
      name: 'nlp-research',
      auth: 7,
      repositories: [
        { name: 'bert-finetune-zh', category: 'linux', description: 'BERT fine-tuning for Chinese NER', tags: ['v1', 'v2', 'v3'], ageDays: 150 },
        { name: 'llama2-7b-lora', category: 'linux', description: 'LoRA fine-tuning of Llama 2 7B', tags: ['20240510', '20240602'], ageDays: 60 },
        { name: 'qwen2-7b-sft', category: 'linux', description: 'Supervised fine-tuning of Qwen2 7B', tags: ['0.1.0', '0.2.0'], ageDays: 30 },
        { name: 't5-summarization', category: 'linux', description: 'T5 summarization training', tags: ['1.0'], ageDays: 200 },
      ],
    },
    {
      name: 'cv-team',
      creator: 'cv-lead',
      auth: 3,
      repositories: [
        { name: 'yolov8-traffic', category: 'linux', description: 'YOLOv8 traffic detection', tags: ['8.1.0', '8.2.0'], ageDays: 80 },
        { name: 'resnet50-imagenet', category: 'linux', description: 'ResNet-50 ImageNet baseline', tags: ['1.0'], ageDays: 300 },
        { name: 'segment-anything', category: 'linux', description: 'SAM inference', tags: ['vit-h'], ageDays: 100 },
      ],
    },
    { name: 'ml-experiments', auth: 7, repositories: experiments },
    {
      name: 'shared-base',
      creator: 'ops-admin',
      auth: 1,
      repositories: [
        { name: 'base-nightly', category: 'linux', description: 'Nightly base image (CUDA, Python, drivers)', tags: nightlyTags, ageDays: 61 },
        { name: 'cuda-base', category: 'linux', description: 'CUDA base images', tags: ['11.8-ubuntu22.04', '12.1-ubuntu22.04', '12.4-ubuntu22.04'], ageDays: 400 },
      ],
    },
  ],
  'cn-east-3': [
    {
      name: 'shanghai-prod',
      auth: 7,
      repositories: [
        { name: 'ctr-serving', category: 'linux', description: 'CTR model service', tags: ['1.4.1', '1.4.2'], ageDays: 50 },
        { name: 'drift-monitor', category: 'linux', description: 'Feature drift checks', tags: ['0.3.0'], ageDays: 15 },
      ],
    },
  ],
  'ap-southeast-3': [{ name: 'sg-chatbot', auth: 7, repositories: [{ name: 'chatbot-api', category: 'linux', description: 'Chatbot API', tags: ['v1', 'v2'], ageDays: 25 }] }],
};

function seededNumber(text: string, modulo: number): number {
  return parseInt(sha256Hex(text).slice(0, 8), 16) % modulo;
}

function tagRecords(key: string, tags: readonly string[], createdAt: number, now: number): SwrTagRecord[] {
  // Tags are pushed between the repository's creation and now, oldest first.
  const step = (now - createdAt) / (tags.length + 1);
  return tags.map((tag, index) => ({
    id: 100_000 + seededNumber(`${key}:${tag}`, 900_000),
    tag,
    digest: `sha256:${sha256Hex(`${key}:${tag}:digest`)}`,
    imageId: sha256Hex(`${key}:${tag}:image`),
    size: (200 + seededNumber(`${key}:${tag}:size`, 6000)) * 1024 * 1024,
    createdAt: Math.round(createdAt + step * (index + 1)),
  }));
}

/** The demo account's namespaces and repositories in `project`'s region (none outside the seeded regions). */
export function seedSwr(project: ProjectState, now: number): void {
  const owner = project.ref.account.domainName;
  for (const namespace of REGION_SEEDS[project.region] ?? []) {
    project.companion.swrNamespaces.push({ id: 1000 + seededNumber(`ns:${namespace.name}`, 9000), name: namespace.name, creatorName: namespace.creator ?? owner, auth: namespace.auth });
    for (const seed of namespace.repositories) {
      const key = `swr:${project.id}:${namespace.name}/${seed.name}`;
      const createdAt = now - seed.ageDays * DAY;
      project.companion.swrRepositories.push({
        id: 10_000 + seededNumber(key, 90_000),
        namespace: namespace.name,
        name: seed.name,
        category: seed.category,
        description: seed.description,
        isPublic: namespace.auth === 1,
        numDownload: seededNumber(`${key}:downloads`, 500),
        createdAt,
        tags: tagRecords(key, seed.tags, createdAt, now),
      });
    }
  }
}
