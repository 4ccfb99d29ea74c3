import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_SCALAR_SERIES, parseTrainingScalars, type ScalarSeries } from '../../src/services/trainingScalars';

/** key → [xLabel, [x, y]…] for compact comparison. */
function summary(series: readonly ScalarSeries[]): Record<string, [string, number[][]]> {
  return Object.fromEntries(series.map((s) => [s.key, [s.xLabel, s.points.map((p) => [p.x, p.y])]]));
}

test('plain prints: key=value and key: value pairs on step lines, x the global step', () => {
  const lines = [
    '2024-05-01 10:00:00,123 INFO step=100 loss=0.52 acc=0.81 lr=1e-4',
    '2024-05-01 10:00:05,456 INFO step: 200, loss: 0.41, acc: 0.85',
    'step 300 loss 0.33 acc 0.88',
    'Step 400: loss 0.30 acc 0.90',
    'Step [500/600] loss: 0.28',
  ];
  assert.deepEqual(summary(parseTrainingScalars(lines)), {
    loss: ['step', [[100, 0.52], [200, 0.41], [300, 0.33], [400, 0.3], [500, 0.28]]],
    acc: ['step', [[100, 0.81], [200, 0.85], [300, 0.88], [400, 0.9]]],
    lr: ['step', [[100, 0.0001]]],
  });
});

test('PyTorch tutorials and the emulator: an epoch with the step inside it is fractional epochs done', () => {
  const lines = [
    'Epoch [1/10], Step [100/600], Loss: 0.2165',
    'Epoch [1/10], Step [600/600], Loss: 0.1500',
    '2026-12-06 10:00:00.300 INFO [worker-0] epoch 0002 step 250/500 loss=0.9000 acc=0.6000 lr=1.00e-04 samples/s=000391.2',
  ];
  assert.deepEqual(summary(parseTrainingScalars(lines)), {
    Loss: ['epoch', [[0.166667, 0.2165], [1, 0.15]]],
    loss: ['epoch', [[1.5, 0.9]]],
    acc: ['epoch', [[1.5, 0.6]]],
    lr: ['epoch', [[1.5, 0.0001]]],
    'samples/s': ['epoch', [[1.5, 391.2]]],
  });
});

test('PyTorch Lightning progress bars: carriage-return rewrites, epochs from 0, v_num and percentages ignored', () => {
  const lines = [
    'GPU available: True (cuda), used: True',
    'Epoch 0:  50%|█████     | 50/100 [00:05<00:05,  9.80it/s, loss=0.693, v_num=0]\rEpoch 0: 100%|██████████| 100/100 [00:10<00:00,  9.81it/s, loss=0.512, v_num=0]',
    'Epoch 1: 100%|██████████| 100/100 [00:10<00:00,  9.79it/s, v_num=0, train_loss_step=0.401, val_loss=0.420, train_loss_epoch=0.455]',
  ];
  assert.deepEqual(summary(parseTrainingScalars(lines)), {
    loss: ['epoch', [[0.5, 0.693], [1, 0.512]]],
    train_loss_step: ['epoch', [[2, 0.401]]],
    val_loss: ['epoch', [[2, 0.42]]],
    train_loss_epoch: ['epoch', [[2, 0.455]]],
  });
});

test('Hugging Face Trainer: Python dict reprs, x the fractional epoch; its bars carry no pairs', () => {
  const lines = [
    " 10%|█         | 50/500 [00:10<01:30,  5.00it/s]",
    "{'loss': 0.52, 'grad_norm': 3.1, 'learning_rate': 4.9e-05, 'epoch': 0.1}",
    // tqdm rewrote its bar with a carriage return and no line break before the Trainer printed.
    " 20%|██        | 100/500 [00:20<01:20,  5.00it/s]\r{'loss': 0.38, 'grad_norm': 2.2, 'learning_rate': 4.8e-05, 'epoch': 0.2}",
    " 30%|███       | 150/500 [00:30<01:10,  5.00it/s]{'loss': 0.35, 'grad_norm': 2.0, 'learning_rate': 4.7e-05, 'epoch': 0.3}",
    "{'eval_loss': 0.41, 'eval_runtime': 1.5, 'epoch': 1.0}",
  ];
  assert.deepEqual(summary(parseTrainingScalars(lines)), {
    loss: ['epoch', [[0.1, 0.52], [0.2, 0.38], [0.3, 0.35]]],
    grad_norm: ['epoch', [[0.1, 3.1], [0.2, 2.2], [0.3, 2.0]]],
    learning_rate: ['epoch', [[0.1, 4.9e-5], [0.2, 4.8e-5], [0.3, 4.7e-5]]],
    eval_loss: ['epoch', [[1, 0.41]]],
    eval_runtime: ['epoch', [[1, 1.5]]],
  });
});

test('Keras: progress lines under their Epoch header, the newest value of an epoch kept; ETA and timings ignored', () => {
  const lines = [
    'Epoch 1/2',
    ' 50/100 [==============>...............] - ETA: 1s - loss: 0.6931 - accuracy: 0.5100',
    '100/100 [==============================] - 2s 20ms/step - loss: 0.5000 - accuracy: 0.7500 - val_loss: 0.5500 - val_accuracy: 0.7000',
    'Epoch 2/2',
    '100/100 ━━━━━━━━━━━━━━━━━━━━ 2s 20ms/step - accuracy: 0.8000 - loss: 0.4000',
  ];
  assert.deepEqual(summary(parseTrainingScalars(lines)), {
    loss: ['epoch', [[0.5, 0.6931], [1, 0.5], [2, 0.4]]],
    accuracy: ['epoch', [[0.5, 0.51], [1, 0.75], [2, 0.8]]],
    val_loss: ['epoch', [[1, 0.55]]],
    val_accuracy: ['epoch', [[1, 0.7]]],
  });
});

test('JSON lines: x the step when given, else the line number; string values skipped', () => {
  const withStep = ['{"step": 10, "loss": 0.9, "run": "a1"}', 'noise', '{"step": 20, "loss": 0.7}'];
  assert.deepEqual(summary(parseTrainingScalars(withStep)), { loss: ['step', [[10, 0.9], [20, 0.7]]] });
  const withoutStep = ['starting', '{"loss": 0.9, "acc": 0.5}', '{"loss": 0.7, "acc": 0.6}'];
  assert.deepEqual(summary(parseTrainingScalars(withoutStep)), {
    loss: ['line', [[2, 0.9], [3, 0.7]]],
    acc: ['line', [[2, 0.5], [3, 0.6]]],
  });
});

test('lines that number or date themselves give no series: timestamps, ids, versions, ranks, progress', () => {
  const lines = [
    '[ModelArts Service Log]task: worker-0, node_count: 2, flavor: modelarts.p3.large.public',
    'INFO: world_size=2 rank=0 master_addr=job-worker-0.1f2e3d4c:29500',
    '2024-05-01 10:00:00 version: 2.1.0 pid=4242 request_id=abc123',
    'Downloading: 45%|████▌     | 450/1000 [00:03<00:04, 120MB/s]',
    'Epoch 3 took 12 seconds',
    'step 100 loss=nan',
    '',
  ];
  assert.deepEqual(parseTrainingScalars(lines), []);
  assert.deepEqual(parseTrainingScalars([]), []);
});

test('ANSI colours are stripped and a series keeps one kind of x', () => {
  const lines = ['\u001b[32mstep=1 loss=0.5\u001b[0m', '{"loss": 0.4}', 'epoch 2 loss=0.3', 'step=2 loss=0.2'];
  assert.deepEqual(summary(parseTrainingScalars(lines)), { loss: ['step', [[1, 0.5], [2, 0.2]]] });
});

test('a hostile log cannot make an unbounded list of series or very long keys', () => {
  const lines = [`step=1 ${'k'.repeat(200)}=1`, ...Array.from({ length: 100 }, (_, i) => `step=${i} metric_${i}=1`)];
  const series = parseTrainingScalars(lines);
  assert.equal(series.length, MAX_SCALAR_SERIES);
  assert.ok(series.every((s) => s.key.length <= 64));
});
