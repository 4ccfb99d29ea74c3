/**
 * Static catalogues: notebook flavors and images (§1.5), training flavors and
 * engines (§2.5). Shapes follow the reference; the concrete ids and numbers are
 * illustrative stand-ins for what a region offers.
 */

const KB_PER_GB = 1024 * 1024;

export interface NotebookFlavor {
  readonly id: string;
  readonly name: string;
  readonly arch: 'x86_64' | 'aarch64';
  readonly category: 'CPU' | 'GPU' | 'ASCEND';
  readonly description: string;
  readonly feature: 'DEFAULT' | 'NOTEBOOK';
  readonly free: boolean;
  readonly sold_out: boolean;
  readonly storages: readonly string[];
  readonly vcpus: number;
  /** KB. */
  readonly memory: number;
  readonly gpu?: { gpu: number; gpu_memory: string; type: string };
  readonly ascend?: { npu: number; npu_memory: string; type: string };
  readonly billing: { code: string; unit_num: number };
  readonly evs_max_size: string;
  readonly evs_sku_code: string;
  readonly grow_support_type: string;
}

function notebookFlavor(
  id: string,
  category: NotebookFlavor['category'],
  vcpus: number,
  memoryGb: number,
  extra: Partial<Pick<NotebookFlavor, 'gpu' | 'ascend' | 'free' | 'sold_out' | 'feature' | 'arch'>> = {},
): NotebookFlavor {
  const accelerator = extra.gpu
    ? `GPU: ${extra.gpu.gpu}*${extra.gpu.type}(${extra.gpu.gpu_memory})|`
    : extra.ascend
      ? `Ascend: ${extra.ascend.npu}*${extra.ascend.type}(${extra.ascend.npu_memory})|`
      : '';
  const arch = extra.arch ?? 'x86_64';
  const name = `${accelerator}${arch === 'aarch64' ? 'ARM' : 'CPU'}: ${vcpus}vCPUs ${memoryGb}GB`;
  return {
    id,
    name,
    arch,
    category,
    description: name,
    feature: extra.feature ?? 'NOTEBOOK',
    free: extra.free ?? false,
    sold_out: extra.sold_out ?? false,
    storages: ['EVS', 'EFS', 'OBS', 'OBSFS'],
    vcpus,
    memory: memoryGb * KB_PER_GB,
    ...(extra.gpu ? { gpu: extra.gpu } : {}),
    ...(extra.ascend ? { ascend: extra.ascend } : {}),
    billing: { code: id, unit_num: 1 },
    evs_max_size: '4096',
    evs_sku_code: 'modelarts.evs.ssd',
    grow_support_type: 'COMMON',
  };
}

export const NOTEBOOK_FLAVORS: readonly NotebookFlavor[] = [
  notebookFlavor('modelarts.vm.cpu.free', 'CPU', 1, 4, { free: true, feature: 'DEFAULT' }),
  notebookFlavor('modelarts.vm.cpu.2u', 'CPU', 2, 8),
  notebookFlavor('modelarts.vm.cpu.8u', 'CPU', 8, 32),
  notebookFlavor('modelarts.vm.cpu.arm.8u', 'CPU', 8, 32, { arch: 'aarch64' }),
  notebookFlavor('modelarts.vm.gpu.t4u8', 'GPU', 8, 32, { gpu: { gpu: 1, gpu_memory: '16GB', type: 'T4' } }),
  notebookFlavor('modelarts.vm.gpu.v100', 'GPU', 8, 64, { gpu: { gpu: 1, gpu_memory: '32GB', type: 'V100' } }),
  notebookFlavor('modelarts.vm.gpu.a100', 'GPU', 16, 128, { gpu: { gpu: 1, gpu_memory: '40GB', type: 'A100' }, sold_out: true }),
  notebookFlavor('modelarts.vm.npu.arm.1snt9b', 'ASCEND', 24, 192, {
    arch: 'aarch64',
    ascend: { npu: 1, npu_memory: '64GB', type: 'snt9b' },
  }),
];

export interface NotebookImage {
  readonly id: string;
  readonly name: string;
  readonly tag: string;
  readonly arch: 'X86_64' | 'AARCH64';
  readonly categories: readonly ('CPU' | 'GPU' | 'ASCEND')[];
  readonly description: string;
  /** KB. */
  readonly size: number;
}

export const NOTEBOOK_IMAGES: readonly NotebookImage[] = [
  {
    id: 'e1a07296-22a8-4f05-8bc8-e936c8e54090',
    name: 'pytorch1.8-cuda10.2-cudnn7-ubuntu18.04',
    tag: 'v1',
    arch: 'X86_64',
    categories: ['CPU', 'GPU'],
    description: 'CPU and GPU general algorithm development and training, preset AI engine PyTorch1.8',
    size: 5_829_734,
  },
  {
    id: '278e88d1-5b71-4766-8502-b3ba72e824d9',
    name: 'pytorch2.1.0-cuda12.1-cudnn8-ubuntu22.04',
    tag: 'v2',
    arch: 'X86_64',
    categories: ['GPU'],
    description: 'GPU algorithm development and training, preset AI engine PyTorch2.1',
    size: 9_437_184,
  },
  {
    id: '8b3ad3c2-1f2a-4c5e-9d7b-5e0d6c1a2b3c',
    name: 'tensorflow2.1-cuda10.1-cudnn7-ubuntu18.04',
    tag: 'v1',
    arch: 'X86_64',
    categories: ['CPU', 'GPU'],
    description: 'CPU and GPU general algorithm development and training, preset AI engine TensorFlow2.1',
    size: 6_291_456,
  },
  {
    id: '59a1f2a8-0f1d-4e7b-a6b3-0c9e8d7f6a51',
    name: 'mindspore2.2.0-cann7.0.0-py3.9-euler2.8',
    tag: 'v1',
    arch: 'AARCH64',
    categories: ['ASCEND'],
    description: 'Ascend algorithm development and training, preset AI engine MindSpore2.2',
    size: 11_534_336,
  },
  {
    id: 'c2f2e8d4-7a1b-4f3e-8d5c-2b1a0e9f8d7c',
    name: 'conda3-ubuntu18.04',
    tag: 'v1',
    arch: 'X86_64',
    categories: ['CPU'],
    description: 'Clean Conda3 environment for custom installs',
    size: 2_097_152,
  },
  {
    id: '4d6e8f0a-2b3c-4d5e-9f1a-7c8b9d0e1f2a',
    name: 'conda3-euler2.8-aarch64',
    tag: 'v1',
    arch: 'AARCH64',
    categories: ['CPU'],
    description: 'Clean Conda3 environment for custom installs on Arm',
    size: 2_097_152,
  },
];

/** The §1.5 image object of a built-in image in `region`. */
export function notebookImageView(image: NotebookImage, region: string, createdAt: number): Record<string, unknown> {
  return {
    id: image.id,
    name: image.name,
    tag: image.tag,
    swr_path: `swr.${region}.myhuaweicloud.com/atelier/${image.name}:${image.tag}`,
    namespace: 'atelier',
    type: 'BUILD_IN',
    arch: image.arch,
    dev_services: ['NOTEBOOK', 'SSH'],
    resource_categories: image.categories,
    service_type: 'COMMON',
    status: 'ACTIVE',
    status_message: '',
    size: image.size,
    visibility: 'PUBLIC',
    workspace_id: '0',
    create_at: createdAt,
    update_at: createdAt,
    description: image.description,
    tags: [],
  };
}

export interface TrainingFlavor {
  readonly flavor_id: string;
  readonly flavor_name: string;
  readonly flavor_type: 'CPU' | 'GPU' | 'Ascend';
  readonly max_num: number;
  readonly billing: { code: string; unit_num: number };
  /** The flavor list's FlavorInfoResponse (a job's FlavorInfo gives the disk size as a string: `jobFlavorInfo`). */
  readonly flavor_info: Record<string, unknown> & { readonly disk: { readonly size: number; readonly unit: string } };
  readonly attributes: Record<string, string>;
}

function trainingFlavor(
  id: string,
  type: TrainingFlavor['flavor_type'],
  cores: number,
  memoryGb: number,
  accelerator?: { count: number; product: string; memoryGb: number },
): TrainingFlavor {
  const arch = type === 'Ascend' ? 'arm' : 'x86';
  // The SDK's models count GPUs in a number and NPUs in a string.
  const acceleratorInfo = accelerator && {
    [type === 'Ascend' ? 'npu' : 'gpu']: { unit_num: type === 'Ascend' ? String(accelerator.count) : accelerator.count, product_name: accelerator.product, memory: `${accelerator.memoryGb}GB` },
  };
  const acceleratorName = accelerator ? `${accelerator.product}(${accelerator.memoryGb}GB)*${accelerator.count} | ` : '';
  return {
    flavor_id: id,
    flavor_name: `${acceleratorName}${arch === 'arm' ? 'ARM' : 'CPU'}: ${cores} vCPUs ${memoryGb}GB`,
    flavor_type: type,
    max_num: type === 'CPU' ? 10 : 4,
    billing: { code: id, unit_num: 1 },
    flavor_info: {
      max_num: type === 'CPU' ? 10 : 4,
      cpu: { arch, core_num: cores },
      ...acceleratorInfo,
      memory: { size: memoryGb, unit: 'GB' },
      disk: { size: 500, unit: 'GB' },
    },
    attributes: {},
  };
}

export const TRAINING_FLAVORS: readonly TrainingFlavor[] = [
  trainingFlavor('modelarts.vm.cpu.8u', 'CPU', 8, 32),
  trainingFlavor('modelarts.vm.cpu.16u', 'CPU', 16, 64),
  trainingFlavor('modelarts.p3.large.public.free', 'GPU', 8, 64, { count: 1, product: 'NVIDIA-V100', memoryGb: 32 }),
  trainingFlavor('modelarts.p3.large.public', 'GPU', 8, 64, { count: 1, product: 'NVIDIA-V100', memoryGb: 32 }),
  trainingFlavor('modelarts.p3.4xlarge.public', 'GPU', 32, 256, { count: 4, product: 'NVIDIA-V100', memoryGb: 32 }),
  trainingFlavor('modelarts.bm.npu.arm.8snt9b3.d', 'Ascend', 192, 1536, { count: 8, product: 'Ascend-snt9b', memoryGb: 64 }),
];

/** A job's `flavor_detail.flavor_info` (the SDK's FlavorInfo): the flavor list's, with the disk size as a string. */
export function jobFlavorInfo(flavor: TrainingFlavor): Record<string, unknown> {
  return { ...flavor.flavor_info, disk: { ...flavor.flavor_info.disk, size: String(flavor.flavor_info.disk.size) } };
}

export interface TrainingEngine {
  readonly engine_id: string;
  readonly engine_name: string;
  readonly engine_version: string;
  readonly v1_compatible: boolean;
  readonly run_user: string;
  readonly image_info: { cpu_image_url: string; gpu_image_url: string; image_version: string };
}

function trainingEngine(id: string, name: string, version: string, image: string): TrainingEngine {
  return {
    engine_id: id,
    engine_name: name,
    engine_version: version,
    v1_compatible: false,
    run_user: '1000',
    image_info: { cpu_image_url: `aip/${image}-cpu`, gpu_image_url: `aip/${image}-gpu`, image_version: version },
  };
}

export const TRAINING_ENGINES: readonly TrainingEngine[] = [
  trainingEngine('pytorch-cp36-1.4.0-v2', 'PyTorch', 'PyTorch-1.4.0-python3.6-v2', 'pytorch_1_4'),
  trainingEngine('pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64', 'PyTorch', 'pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64', 'pytorch_1_8'),
  trainingEngine('pytorch_2.1.0-cuda_12.1-py_3.9-ubuntu_22.04-x86_64', 'PyTorch', 'pytorch_2.1.0-cuda_12.1-py_3.9-ubuntu_22.04-x86_64', 'pytorch_2_1'),
  trainingEngine('tensorflow_2.1.0-cuda_10.1-py_3.7-ubuntu_18.04-x86_64', 'TensorFlow', 'tensorflow_2.1.0-cuda_10.1-py_3.7-ubuntu_18.04-x86_64', 'tensorflow_2_1'),
  trainingEngine('mindspore_2.2.0-cann_7.0.0-py_3.9-euler_2.8-aarch64', 'Ascend-Powered-Engine', 'mindspore_2.2.0-cann_7.0.0-py_3.9-euler_2.8-aarch64', 'mindspore_2_2'),
];
