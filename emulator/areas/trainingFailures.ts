/**
 * How a Failed training job's log ends: the demo jobs fail for want of memory, and the traceback says which memory
 * the job's flavor has and which framework ran out of it. A CUDA error on a CPU or Ascend flavor would teach the
 * wrong lesson. The messages copy the frameworks' wording; the numbers follow the flavor (catalog.ts).
 */
import { TRAINING_FLAVORS, type TrainingFlavor } from '../catalog';
import type { TrainingJobRecord } from '../state';

const CODE = '/home/ma-user/modelarts/user-job-dir/code/train.py';
const GIB = 2 ** 30;
/** One 224×224 RGB image as float32. */
const IMAGE_BYTES = 224 * 224 * 3 * 4;

type Accelerator = TrainingFlavor['flavor_type'];

/** The catalog's flavor type, else read from the id (a pool's or another region's flavor): npu, cpu, else a GPU. */
function acceleratorOf(flavorId: string): Accelerator {
  const listed = TRAINING_FLAVORS.find((flavor) => flavor.flavor_id === flavorId)?.flavor_type;
  return listed ?? (/npu|ascend|snt9/i.test(flavorId) ? 'Ascend' : /cpu/i.test(flavorId) ? 'CPU' : 'GPU');
}

/** A size in GB from the flavor's `flavor_info` (`memory.size`, or an accelerator's "32GB"), else `fallback`. */
function flavorGb(flavorId: string, read: (info: Record<string, unknown>) => unknown, fallback: number): number {
  const info = TRAINING_FLAVORS.find((flavor) => flavor.flavor_id === flavorId)?.flavor_info;
  const value = info ? read(info) : undefined;
  const gb = typeof value === 'number' ? value : parseFloat(String(value));
  return Number.isFinite(gb) && gb > 0 ? gb : fallback;
}

const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);

function engineName(job: TrainingJobRecord): string {
  return String(field(job.algorithm.engine, 'engine_name') ?? '');
}

const trainLoop = (call: string): string[] => [
  'Traceback (most recent call last):',
  `  File "${CODE}", line 142, in <module>`,
  '    main()',
  `  File "${CODE}", line 128, in main`,
  `    ${call}`,
];

/** PyTorch (or a custom image) on a GPU: the device's memory, as torch reports it for the flavor's card. */
function cudaOutOfMemory(job: TrainingJobRecord): string[] {
  const total = flavorGb(job.flavorId, (info) => field(field(info, 'gpu'), 'memory'), 32) - 0.25;
  return [
    ...trainLoop('loss = train_one_epoch(model, loader, optimizer, epoch)'),
    `  File "${CODE}", line 87, in train_one_epoch`,
    '    outputs = model(images)',
    '  File "/home/ma-user/anaconda3/envs/PyTorch-2.1/lib/python3.9/site-packages/torch/nn/modules/module.py", line 1518, in _wrapped_call_impl',
    '    return self._call_impl(*args, **kwargs)',
    `torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; ${total.toFixed(2)} GiB total capacity; ${(total - 2.65).toFixed(2)} GiB already allocated; 1.21 GiB free)`,
  ];
}

function tensorflowOutOfMemory(): string[] {
  return [
    ...trainLoop('model.fit(train_ds, epochs=args.epochs, callbacks=callbacks)'),
    '  File "/home/ma-user/anaconda3/envs/TensorFlow-2.1/lib/python3.7/site-packages/tensorflow_core/python/keras/engine/training.py", line 819, in fit',
    '    use_multiprocessing=use_multiprocessing)',
    'tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor with shape[256,64,112,112] and type float on /job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc',
  ];
}

/** On Ascend: the device's HBM, as MindSpore reports it (a card's memory less what the driver keeps). */
function ascendOutOfMemory(job: TrainingJobRecord): string[] {
  const hbmMb = flavorGb(job.flavorId, (info) => field(field(info, 'npu'), 'memory'), 64) * 1024 - 1104;
  return [
    ...trainLoop('model.train(args.epochs, train_ds, callbacks=callbacks)'),
    '  File "/home/ma-user/anaconda3/envs/MindSpore/lib/python3.9/site-packages/mindspore/train/model.py", line 1068, in train',
    '    self._train(epoch,',
    'RuntimeError: Out of Memory!!! Request memory size: 4294967296B, Memory Statistic:',
    `Device HBM memory size: ${hbmMb}M`,
    `MindSpore Used memory size: ${hbmMb - 2048}M`,
  ];
}

/** On a CPU flavor: the dataset loaded whole does not fit in the host's memory. */
function hostOutOfMemory(job: TrainingJobRecord): string[] {
  const memoryGb = flavorGb(job.flavorId, (info) => field(field(info, 'memory'), 'size'), 32);
  const images = Math.ceil((memoryGb * 1.05 * GIB) / IMAGE_BYTES / 1000) * 1000;
  return [
    ...trainLoop('images, labels = load_dataset(args.data_url)'),
    `  File "${CODE}", line 64, in load_dataset`,
    '    images = np.zeros((len(files), 224, 224, 3), dtype=np.float32)',
    `numpy.core._exceptions._ArrayMemoryError: Unable to allocate ${((images * IMAGE_BYTES) / GIB).toFixed(1)} GiB for an array with shape (${images}, 224, 224, 3) and data type float32`,
  ];
}

/** The traceback a Failed job's log ends with, before the service's own last line. */
export function failureLines(job: TrainingJobRecord): string[] {
  switch (acceleratorOf(job.flavorId)) {
    case 'CPU':
      return hostOutOfMemory(job);
    case 'Ascend':
      return ascendOutOfMemory(job);
    case 'GPU':
      return engineName(job) === 'TensorFlow' ? tensorflowOutOfMemory() : cudaOutOfMemory(job);
  }
}
