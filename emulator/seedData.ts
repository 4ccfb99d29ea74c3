/** Names and shapes for the demo seed. */
import type { NotebookStatus, TrainingPhase } from './state';

export interface NotebookSeed {
  readonly name: string;
  readonly status: NotebookStatus;
  /** Index into the project's workspaces (0 = default). */
  readonly workspace: number;
  readonly flavor: string;
  readonly ssh?: boolean;
  /** An OBS folder mounted at /data/datasets/. */
  readonly obsMount?: string;
}

const CPU = 'modelarts.vm.cpu.2u';
const CPU8 = 'modelarts.vm.cpu.8u';
const T4 = 'modelarts.vm.gpu.t4u8';
const V100 = 'modelarts.vm.gpu.v100';
const NPU = 'modelarts.vm.npu.arm.1snt9b';

export const CN_NORTH_4_NOTEBOOKS: readonly NotebookSeed[] = [
  { name: 'bert-finetune-zh', status: 'RUNNING', workspace: 1, flavor: V100, ssh: true },
  { name: 'resnet50-imagenet', status: 'RUNNING', workspace: 2, flavor: V100, ssh: true },
  { name: 'llama2-7b-lora', status: 'RUNNING', workspace: 1, flavor: NPU, ssh: true },
  { name: 'yolov8-traffic', status: 'STOPPED', workspace: 2, flavor: T4 },
  { name: 'whisper-asr-demo', status: 'STOPPED', workspace: 0, flavor: T4 },
  { name: 'stable-diffusion-xl', status: 'CREATING', workspace: 2, flavor: V100, ssh: true },
  { name: 'gpt2-poetry', status: 'STOPPED', workspace: 1, flavor: T4 },
  { name: 'vit-base-cifar10', status: 'RUNNING', workspace: 2, flavor: T4 },
  { name: 't5-summarization', status: 'START_FAILED', workspace: 1, flavor: V100 },
  { name: 'data-cleaning-pandas', status: 'RUNNING', workspace: 0, flavor: CPU },
  { name: 'feature-eng-xgboost', status: 'STOPPED', workspace: 0, flavor: CPU8 },
  { name: 'mindspore-lenet', status: 'STOPPED', workspace: 0, flavor: NPU },
  { name: 'pangu-alpha-eval', status: 'STARTING', workspace: 1, flavor: NPU },
  { name: 'ocr-invoice-crnn', status: 'STOPPING', workspace: 2, flavor: T4 },
  { name: 'rec-sys-deepfm', status: 'RUNNING', workspace: 0, flavor: CPU8, ssh: true },
  { name: 'speech-tts-fastspeech2', status: 'STOPPED', workspace: 1, flavor: V100 },
  { name: 'time-series-lstm', status: 'STOPPED', workspace: 0, flavor: CPU },
  { name: 'graph-gnn-cora', status: 'CREATE_FAILED', workspace: 0, flavor: V100 },
  { name: 'segment-anything-test', status: 'RUNNING', workspace: 2, flavor: V100 },
  { name: 'clip-retrieval', status: 'STOPPED', workspace: 2, flavor: T4 },
  { name: 'ernie-ner', status: 'STOPPED', workspace: 1, flavor: T4 },
  { name: 'kg-embedding', status: 'ERROR', workspace: 1, flavor: CPU8 },
  { name: 'rl-cartpole-ppo', status: 'STOPPED', workspace: 0, flavor: CPU },
  { name: 'dcgan-faces', status: 'STOPPED', workspace: 2, flavor: T4 },
  { name: 'bi-lstm-sentiment', status: 'RUNNING', workspace: 1, flavor: T4 },
  { name: 'mobilenet-quant', status: 'START_FAILED', workspace: 2, flavor: NPU },
  { name: 'llm-eval-harness', status: 'RUNNING', workspace: 1, flavor: NPU, ssh: true },
  { name: 'scratch-notebook', status: 'RUNNING', workspace: 0, flavor: CPU, ssh: true, obsMount: 'obs://modelarts-demo-data/datasets/' },
  { name: 'ascend-profiling', status: 'STOPPED', workspace: 0, flavor: NPU },
  { name: 'cuda-debug-env', status: 'STOPPED', workspace: 0, flavor: V100 },
];

export const CN_EAST_3_NOTEBOOKS: readonly NotebookSeed[] = [
  { name: 'prod-model-monitor', status: 'RUNNING', workspace: 1, flavor: CPU8, ssh: true },
  { name: 'ab-test-analysis', status: 'STOPPED', workspace: 0, flavor: CPU },
  { name: 'retrain-ctr-model', status: 'STOPPED', workspace: 1, flavor: T4 },
];

export const AP_SOUTHEAST_3_NOTEBOOKS: readonly NotebookSeed[] = [
  { name: 'sg-chatbot-dev', status: 'RUNNING', workspace: 0, flavor: T4, ssh: true },
  { name: 'sg-translation-eval', status: 'STOPPED', workspace: 0, flavor: CPU },
];

export interface JobSeed {
  readonly name: string;
  readonly phase: TrainingPhase;
  readonly workspace: number;
  readonly flavor: string;
  readonly nodes: number;
}

const JOB_BASES = [
  'bert-finetune-zh',
  'resnet50-imagenet',
  'llama2-7b-lora',
  'yolov8-traffic',
  'whisper-asr-small',
  'vit-base-cifar10',
  't5-summarization',
  'deepfm-ctr',
  'fastspeech2-zh',
  'gnn-cora',
];

/** Phases in the order jobs are seeded (40 jobs, every phase present). */
const JOB_PHASES: readonly TrainingPhase[] = [
  ...Array<TrainingPhase>(14).fill('Completed'),
  ...Array<TrainingPhase>(6).fill('Failed'),
  ...Array<TrainingPhase>(6).fill('Running'),
  ...Array<TrainingPhase>(3).fill('Pending'),
  ...Array<TrainingPhase>(2).fill('Creating'),
  ...Array<TrainingPhase>(5).fill('Terminated'),
  'Terminating',
  'Abnormal',
  'Completed',
  'Failed',
];

const JOB_FLAVORS = ['modelarts.p3.large.public', 'modelarts.p3.4xlarge.public', 'modelarts.vm.cpu.8u', 'modelarts.bm.npu.arm.8snt9b3.d'];

export const CN_NORTH_4_JOBS: readonly JobSeed[] = JOB_PHASES.map((phase, i) => ({
  name: `${JOB_BASES[i % JOB_BASES.length]}-${phase === 'Failed' ? 'oom-' : ''}v${Math.floor(i / JOB_BASES.length) + 1}`,
  phase,
  workspace: i % 3,
  flavor: JOB_FLAVORS[i % JOB_FLAVORS.length],
  nodes: i % 7 === 0 ? 2 : 1,
}));

export const CN_EAST_3_JOBS: readonly JobSeed[] = [
  { name: 'ctr-daily-retrain', phase: 'Completed', workspace: 1, flavor: 'modelarts.vm.cpu.16u', nodes: 1 },
  { name: 'ctr-daily-retrain-2', phase: 'Running', workspace: 1, flavor: 'modelarts.vm.cpu.16u', nodes: 1 },
  { name: 'monitor-drift-check', phase: 'Failed', workspace: 0, flavor: 'modelarts.vm.cpu.8u', nodes: 1 },
  { name: 'ab-uplift-model', phase: 'Terminated', workspace: 0, flavor: 'modelarts.p3.large.public', nodes: 1 },
];

export const AP_SOUTHEAST_3_JOBS: readonly JobSeed[] = [
  { name: 'sg-chatbot-sft', phase: 'Running', workspace: 0, flavor: 'modelarts.p3.4xlarge.public', nodes: 4 },
  { name: 'sg-chatbot-sft-dryrun', phase: 'Completed', workspace: 0, flavor: 'modelarts.p3.large.public', nodes: 1 },
  { name: 'sg-translation-distill', phase: 'Pending', workspace: 0, flavor: 'modelarts.p3.large.public', nodes: 2 },
];

/** Workspaces besides the default one; PUBLIC unless `grantedUsers` makes them INTERNAL (granted to those IAM users). */
export const EXTRA_WORKSPACES: Readonly<Record<string, readonly { name: string; description: string; grantedUsers?: readonly string[] }[]>> = {
  'cn-north-4': [
    { name: 'nlp-research', description: 'Language models and NLP experiments' },
    { name: 'cv-team', description: 'Computer vision projects', grantedUsers: ['cv-annotator', 'cv-reviewer'] },
  ],
  'cn-east-3': [{ name: 'shanghai-prod', description: 'Production retraining pipelines' }],
};

export interface PoolSeed {
  /** Display name (`os.modelarts/name`). */
  readonly name: string;
  readonly phase: 'Running' | 'Creating';
  /** Index into the project's workspaces (0 = default). */
  readonly workspace: number;
  readonly description: string;
  readonly scope: readonly string[];
  /** `abnormal`: how many of the node pool's nodes are Abnormal. */
  readonly nodePools: readonly { readonly name: string; readonly flavor: string; readonly count: number; readonly abnormal?: number }[];
  readonly plugins: readonly { readonly name: string; readonly version: string }[];
  readonly tags?: Readonly<Record<string, string>>;
}

/** Three pools: a big GPU pool (300 nodes, so node paging matters), a CPU pool with two node pools, one still creating. */
export const CN_NORTH_4_POOLS: readonly PoolSeed[] = [
  {
    name: 'pool-gpu-v100',
    phase: 'Running',
    workspace: 1,
    description: 'Shared V100 cluster for NLP training',
    scope: ['Train', 'Infer'],
    nodePools: [{ name: 'default', flavor: 'modelarts.bm.gpu.8v100', count: 300, abnormal: 2 }],
    plugins: [
      { name: 'gpu-driver', version: '535.54.03' },
      { name: 'volcano', version: '1.11.6' },
    ],
    tags: { team: 'nlp', 'cost-center': 'cc-1024' },
  },
  {
    name: 'pool-cpu-etl',
    phase: 'Running',
    workspace: 0,
    description: 'CPU pool for data preparation and notebooks',
    scope: ['Train', 'Notebook'],
    nodePools: [
      { name: 'default', flavor: 'modelarts.vm.cpu.8ud', count: 3 },
      { name: 'highmem', flavor: 'modelarts.vm.cpu.16ud', count: 2 },
    ],
    plugins: [
      { name: 'volcano', version: '1.11.6' },
      { name: 'log-agent', version: '1.5.3' },
    ],
    tags: { team: 'data-eng', env: 'prod' },
  },
  {
    name: 'pool-npu-910b',
    phase: 'Creating',
    workspace: 0,
    description: 'Ascend pool for LLM fine-tuning',
    scope: ['Train'],
    nodePools: [{ name: 'default', flavor: 'modelarts.bm.npu.arm.8snt9b3.d', count: 4 }],
    plugins: [],
  },
];

/** One demo Lite Server (§7). `image` is a name from `areas/devServerCatalog.ts`. */
export interface DevServerSeed {
  readonly name: string;
  readonly status: 'RUNNING' | 'STOPPED' | 'CREATING' | 'START_FAILED';
  readonly flavor: string;
  readonly image: string;
  /** Key pair login; admin password login when absent. */
  readonly keyPair?: string;
  /** Another IAM user of the account (listed by `/dev-servers/all` only); default: the account's own user. */
  readonly owner?: string;
  readonly prepaid?: boolean;
  readonly dataDisks?: number;
  readonly eip?: boolean;
  readonly ageDays: number;
}

/** Six of the demo user's servers in varied states, plus one of another user. */
export const CN_NORTH_4_DEV_SERVERS: readonly DevServerSeed[] = [
  { name: 'lite-a800-train-01', status: 'RUNNING', flavor: 'physical.pi-a800.32xlarge.8', image: 'Ubuntu-22.04-x86-CUDA-12.2-BMS', keyPair: 'KeyPair-demo', prepaid: true, dataDisks: 2, ageDays: 40 },
  { name: 'lite-910b-dev', status: 'RUNNING', flavor: 'physical.kat2ne.48xlarge.8.313t', image: 'EulerOS-2.10-Arm-CANN-8.0-BMS', keyPair: 'KeyPair-demo', eip: true, ageDays: 25 },
  { name: 'lite-v100-notebook', status: 'STOPPED', flavor: 'p2s.2xlarge.8', image: 'Ubuntu-22.04-x86-CUDA-12.2-ECS', ageDays: 60 },
  { name: 'lite-kunpeng-build', status: 'CREATING', flavor: 'kc2.4xlarge.4', image: 'HCE-2.0-Arm-ECS', keyPair: 'KeyPair-demo', ageDays: 0 },
  { name: 'lite-910b-bench', status: 'START_FAILED', flavor: 'physical.kat2ne.48xlarge.8.313t', image: 'EulerOS-2.10-Arm-CANN-8.0-BMS', keyPair: 'KeyPair-demo', ageDays: 10 },
  { name: 'lite-cpu-etl', status: 'RUNNING', flavor: 'c7.4xlarge.2', image: 'Ubuntu-22.04-x86-CUDA-12.2-ECS', keyPair: 'KeyPair-demo', dataDisks: 1, ageDays: 5 },
  { name: 'lite-ops-shared', status: 'RUNNING', flavor: 'c7.4xlarge.2', image: 'Ubuntu-22.04-x86-CUDA-12.2-ECS', keyPair: 'KeyPair-ops', owner: 'ops-admin', ageDays: 90 },
];
