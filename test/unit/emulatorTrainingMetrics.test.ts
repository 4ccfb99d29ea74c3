import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTrainingScalars } from '../../src/services/trainingScalars';
import { assertError, useEmulator } from './emulatorSession';

/** A transition is one minute here, so that a run of 4 transitions has 4 minutes of metrics. */
const MINUTE = 60_000;
const session = useEmulator(MINUTE);
const { api, advance } = session;

interface MetricsAnswer {
  metrics: { metric: string; value: number[] }[];
}

async function createJob(name: string, flavor: string, nodeCount = 1): Promise<string> {
  const created = await api<{ metadata: { id: string } }>('POST', '/v2/{project_id}/training-jobs', {
    body: {
      kind: 'job',
      metadata: { name, workspace_id: '0' },
      algorithm: { engine: { image_url: 'swr.cn-north-4.myhuaweicloud.com/org/img:tag' }, command: 'python /home/ma-user/train.py' },
      spec: { resource: { flavor_id: flavor, node_count: nodeCount } },
    },
  });
  assert.equal(created.status, 201, created.text);
  return created.body.metadata.id;
}

const metricsOf = (id: string, task = 'worker-0') => api<MetricsAnswer>('GET', `/v2/{project_id}/training-jobs/${id}/metrics/${task}`);

test('a GPU job has one value a minute of CPU, memory and GPU usage while it runs, and keeps them once ended', async () => {
  const id = await createJob('metrics-gpu', 'modelarts.p3.large.public', 2);
  assertError(await metricsOf(id), 400, 'ModelArts.2780', /has not run yet/);

  advance(2);
  const started = await metricsOf(id);
  assert.equal(started.status, 200, started.text);
  assert.deepEqual(
    started.body.metrics.map((m) => [m.metric, m.value.length]),
    [['cpuUsage', 0], ['memUsage', 0], ['gpuUtil', 0], ['gpuMemUsage', 0]],
    'no whole minute has passed yet',
  );

  advance(2);
  const twoMinutes = await metricsOf(id);
  assert.ok(twoMinutes.body.metrics.every((m) => m.value.length === 2 && m.value.every((v) => v >= 0 && v <= 100)));
  advance();
  const threeMinutes = await metricsOf(id);
  for (const [i, metric] of threeMinutes.body.metrics.entries()) {
    assert.equal(metric.value.length, 3);
    assert.deepEqual(metric.value.slice(0, 2), twoMinutes.body.metrics[i].value, 'the minutes already answered keep their values');
  }
  const otherTask = await metricsOf(id, 'worker-1');
  assert.notDeepEqual(otherTask.body.metrics, threeMinutes.body.metrics, 'each task has its own usage');

  advance(3);
  assert.equal(session.emulator.state.trainingJobPhase(id), 'Completed');
  const ended = await metricsOf(id);
  advance(5);
  assert.deepEqual((await metricsOf(id)).body, ended.body, 'an ended job\'s metrics no longer change');
  assert.ok(ended.body.metrics.every((m) => m.value.length === 4), 'the run lasted 4 minutes');
});

test('the metrics fit the flavor: CPU only on CPU flavors, NPU on Ascend ones', async () => {
  const cpu = await createJob('metrics-cpu', 'modelarts.vm.cpu.8u');
  const npu = await createJob('metrics-npu', 'modelarts.bm.npu.arm.8snt9b3.d');
  advance(3);
  assert.deepEqual((await metricsOf(cpu)).body.metrics.map((m) => m.metric), ['cpuUsage', 'memUsage']);
  assert.deepEqual((await metricsOf(npu)).body.metrics.map((m) => m.metric), ['cpuUsage', 'memUsage', 'npuUtil', 'npuMemUsage']);
});

test('an unknown task or job is an error', async () => {
  const id = await createJob('metrics-unknown-task', 'modelarts.vm.cpu.8u');
  advance(3);
  assertError(await metricsOf(id, 'worker-1'), 400, 'ModelArts.0104', /worker-1/);
  assertError(await metricsOf('00000000-0000-0000-0000-000000000000'), 400, 'ModelArts.2775');
});

test('a running job prints loss and accuracy that change over time', async () => {
  const id = await createJob('metrics-log', 'modelarts.p3.large.public');
  // Two minutes of running: a step every 6 s.
  advance(4);
  const log = await api<{ content: string }>('GET', `/v2/{project_id}/training-jobs/${id}/tasks/worker-0/logs/preview`);
  const series = parseTrainingScalars(log.body.content.split('\n'));
  const byKey = new Map(series.map((s) => [s.key, s]));
  for (const key of ['loss', 'acc']) {
    const values = byKey.get(key)?.points.map((p) => p.y) ?? [];
    assert.ok(values.length > 10, `${key} has a point per step`);
    assert.ok(new Set(values).size > 1, `${key} changes`);
  }
  const loss = byKey.get('loss')?.points ?? [];
  const acc = byKey.get('acc')?.points ?? [];
  assert.ok(loss[loss.length - 1].y < loss[0].y, 'the loss falls');
  assert.ok(acc[acc.length - 1].y > acc[0].y, 'the accuracy climbs');
});

test('a test can give a job its log lines through the control route', async () => {
  const id = await createJob('metrics-scripted-log', 'modelarts.vm.cpu.8u');
  const put = (body: unknown) => fetch(`${session.emulator.url}/__emulator/state/training-jobs/${id}/log`, { method: 'PUT', body: JSON.stringify(body) });
  assert.equal((await put({ lines: [1] })).status, 400);
  assert.equal((await put({ lines: ['{"loss": 0.5}', 'done'] })).status, 204);
  const log = await api<{ content: string; current_size: number; full_size: number }>('GET', `/v2/{project_id}/training-jobs/${id}/tasks/worker-0/logs/preview`);
  assert.deepEqual(log.body, { content: '{"loss": 0.5}\ndone\n', current_size: 19, full_size: 19 });
});
