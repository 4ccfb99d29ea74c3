/** Demo buckets and objects of the demo account: training data, code and outputs as a ModelArts user keeps them. */
import type { ObsStore } from './store';

/** Images in the daisy folder: more than one page of the explorer, so "Load more…" shows. */
export const SEEDED_DAISY_IMAGES = 150;

const TRAIN_PY = `import argparse

parser = argparse.ArgumentParser()
parser.add_argument('--data_url', default='obs://modelarts-demo-data/datasets/flowers/')
parser.add_argument('--train_url', default='obs://modelarts-demo-outputs/training/')
parser.add_argument('--epochs', type=int, default=10)
args = parser.parse_args()
print(f'training on {args.data_url} for {args.epochs} epochs')
`;

/** Deterministic bytes that look like a small binary file. */
function fakeBinary(seed: number, size: number): Buffer {
  const data = Buffer.alloc(size);
  let state = seed * 2654435761;
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    data[i] = state >>> 24;
  }
  return data;
}

export function seedObs(store: ObsStore, owner: string): void {
  const data = store.createBucket('modelarts-demo-data', owner, 'cn-north-4', 'STANDARD');
  const text = (key: string, content: string, type = 'text/plain'): void => void store.putObject(data, key, Buffer.from(content), type);
  text('README.md', '# Demo data\n\nFlower images for the image classification examples, and their training code.\n', 'text/markdown');
  text('code/train.py', TRAIN_PY, 'text/x-python');
  text('code/requirements.txt', 'torch==2.3.0\ntorchvision==0.18.0\n');
  text('code/utils/augment.py', 'def augment(image):\n    return image\n', 'text/x-python');
  text('datasets/flowers/labels.csv', 'file,label\ntrain/daisy/img_0001.jpg,daisy\ntrain/rose/img_0001.jpg,rose\n', 'text/csv');
  for (let i = 1; i <= SEEDED_DAISY_IMAGES; i++) {
    store.putObject(data, `datasets/flowers/train/daisy/img_${String(i).padStart(4, '0')}.jpg`, fakeBinary(i, 2048 + i * 7), 'image/jpeg');
  }
  for (const flower of ['rose', 'tulip']) {
    for (let i = 1; i <= 3; i++) {
      store.putObject(data, `datasets/flowers/train/${flower}/img_${String(i).padStart(4, '0')}.jpg`, fakeBinary(i + flower.length * 1000, 4096), 'image/jpeg');
    }
  }

  const outputs = store.createBucket('modelarts-demo-outputs', owner, 'cn-north-4', 'WARM');
  store.putObject(outputs, 'training/resnet50-v1/model.pth', fakeBinary(42, 64 * 1024), 'application/octet-stream');
  store.putObject(outputs, 'training/resnet50-v1/metrics.json', Buffer.from('{"top1": 0.912, "top5": 0.987}\n'), 'application/json');

  store.createBucket('modelarts-demo-archive', owner, 'cn-east-3', 'COLD');
}
