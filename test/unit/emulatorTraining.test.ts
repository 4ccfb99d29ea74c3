import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertError, type ErrorAnswer, REFUSAL, useEmulator } from './emulatorSession';

const SCALE = 10_000;
const session = useEmulator(60_000, { scaleTrainingJobs: SCALE });
const { api, advance } = session;

interface Job {
  kind: string;
  metadata: { id: string; name: string; create_time: number; workspace_id: string };
  status: { phase: string; secondary_phase: string; tasks: string[]; duration: number };
  spec: { resource: { flavor_id: string; node_count: number; flavor_detail?: { flavor_info: { disk: { size: unknown } } } } };
  algorithm: { environments?: unknown };
}
interface SearchAnswer {
  total: number;
  count: number;
  limit: number;
  offset: number;
  items: Job[];
}
interface TrainingError extends ErrorAnswer {
  error_solution?: string;
}
interface LogAnswer {
  content: string;
  current_size: number;
  full_size: number;
}

const search = (body: Record<string, unknown>) => api<SearchAnswer>('POST', '/v2/{project_id}/training-job-searches', { body });

test('training-job-searches pages by page index across the whole scale seed', async () => {
  const limit = 50;
  const seen = new Set<string>();
  let previousTime = Infinity;
  let page = 0;
  let count = 0;
  for (;;) {
    const answer = await search({ offset: page, limit, workspace_id: '0' });
    assert.equal(answer.status, 200);
    assert.deepEqual([answer.body.offset, answer.body.limit], [page, limit]);
    count = answer.body.count;
    for (const job of answer.body.items) {
      assert.ok(!seen.has(job.metadata.id), 'no job appears twice');
      assert.ok(job.metadata.create_time <= previousTime, 'newest first');
      assert.equal(job.metadata.workspace_id, '0');
      seen.add(job.metadata.id);
      previousTime = job.metadata.create_time;
    }
    if (answer.body.items.length < limit) {
      break;
    }
    page += 1;
  }
  assert.ok(count > SCALE, `count ${count} includes the scale jobs and the seeded ones`);
  assert.equal(seen.size, count);
  assert.equal(page, Math.floor(count / limit));

  const third = await search({ offset: 2, limit: 7, workspace_id: '0' });
  const firstThree = await search({ offset: 0, limit: 21, workspace_id: '0' });
  assert.deepEqual(
    third.body.items.map((j) => j.metadata.id),
    firstThree.body.items.slice(14, 21).map((j) => j.metadata.id),
  );
});

test('search limits, filters and sort order', async () => {
  assertError(await search({ limit: 51 }), 400, 'ModelArts.0104');
  assert.equal((await search({ limit: 0 })).status, 400);

  const byName = await search({ limit: 50, workspace_id: '0', filters: [{ key: 'name', operator: 'like', value: ['scale-job-0999'] }] });
  assert.equal(byName.body.count, 10);
  assert.ok(byName.body.total > SCALE, 'total counts all jobs, count only matches');

  const failed = await search({ limit: 50, filters: [{ key: 'phase', operator: 'in', value: ['Failed'] }] });
  assert.ok(failed.body.count >= 1000);
  assert.ok(failed.body.items.every((job) => job.status.phase === 'Failed'));

  const oldestFirst = await search({ limit: 3, order: 'asc', workspace_id: '0' });
  const [a, b, c] = oldestFirst.body.items.map((j) => j.metadata.create_time);
  assert.ok(a <= b && b <= c);

  const byId = await search({ limit: 5, filters: [{ key: 'id', operator: 'in', value: [oldestFirst.body.items[1].metadata.id] }] });
  assert.deepEqual(byId.body.items.map((j) => j.metadata.id), [oldestFirst.body.items[1].metadata.id]);

  const unknownKey = await search({ filters: [{ key: 'colour', operator: 'in', value: ['red'] }] });
  assert.equal(unknownKey.status, 400);
});

const createBody = (name: string, nodeCount = 1) => ({
  kind: 'job',
  metadata: { name, workspace_id: '0' },
  algorithm: { engine: { image_url: 'swr.cn-north-4.myhuaweicloud.com/org/img:tag' }, command: 'python /home/ma-user/train.py' },
  spec: { resource: { flavor_id: 'modelarts.p3.large.public', node_count: nodeCount } },
});

test('create validates kind, name, algorithm and resource', async () => {
  // A missing name or node count breaks the SDK's Job model: refused on purpose.
  const cases: [Record<string, unknown>, string, Readonly<Record<string, string>>?][] = [
    [{ ...createBody('x'), kind: 'batch' }, 'kind'],
    [{ ...createBody('x'), metadata: {} }, 'metadata.name', REFUSAL],
    [{ ...createBody('x'), algorithm: { command: 'python x.py' } }, 'algorithm'],
    [{ ...createBody('x'), spec: { resource: { node_count: 1 } } }, 'spec.resource.flavor_id'],
    [{ ...createBody('x'), spec: { resource: { flavor_id: 'modelarts.p3.large.public' } } }, 'spec.resource.node_count', REFUSAL],
  ];
  for (const [body, field, headers] of cases) {
    const answer = await api('POST', '/v2/{project_id}/training-jobs', { body, headers });
    assert.equal(answer.status, 400, field);
    assert.equal(answer.body.error_code, 'ModelArts.0101');
    assert.ok(answer.body.error_msg.includes(field), answer.body.error_msg);
  }
});

test('a created job runs through its phases and its log grows while running', async () => {
  const created = await api<Job>('POST', '/v2/{project_id}/training-jobs', { body: { ...createBody('resnet-emulated', 2), algorithm: { ...createBody('').algorithm, environments: { EPOCHS: '3' } } } });
  assert.equal(created.status, 201);
  assert.equal(typeof created.body.spec.resource.flavor_detail?.flavor_info.disk.size, 'string', 'a job\'s FlavorInfo gives the disk size as a string');
  assert.deepEqual(created.body.algorithm.environments, { EPOCHS: '3' }, 'one object, as the Terraform provider reads it');
  assert.equal(created.body.status.phase, 'Creating');
  assert.deepEqual(created.body.status.tasks, ['worker-0', 'worker-1']);
  const id = created.body.metadata.id;
  const show = () => api<Job>('GET', `/v2/{project_id}/training-jobs/${id}`);
  const log = () => api<LogAnswer>('GET', `/v2/{project_id}/training-jobs/${id}/tasks/worker-1/logs/preview`);

  assert.equal((await log()).body.content, '');
  advance();
  assert.equal((await show()).body.status.phase, 'Pending');
  advance(1.5);
  const running = await show();
  assert.deepEqual([running.body.status.phase, running.body.status.secondary_phase], ['Running', 'Running']);
  const early = await log();
  advance();
  const later = await log();
  assert.ok(later.body.current_size > early.body.current_size, 'the log grows');
  assert.ok(later.body.content.startsWith(early.body.content));
  assert.match(later.body.content, /\[worker-1\] epoch 0001 step/);

  advance(4);
  assert.equal((await show()).body.status.phase, 'Completed');
  const final = await log();
  assert.match(final.body.content, /Training completed\.\n$/);
  assert.equal(final.body.current_size, final.body.full_size);

  const unknownTask = await api('GET', `/v2/{project_id}/training-jobs/${id}/tasks/worker-7/logs/preview`);
  assert.equal(unknownTask.status, 400);
});

test('a job whose name contains "fail" fails with a traceback at the end of its log', async () => {
  const created = await api<Job>('POST', '/v2/{project_id}/training-jobs', { body: createBody('will-fail-oom') });
  const id = created.body.metadata.id;
  advance(7);
  assert.equal(session.emulator.state.trainingJobPhase(id), 'Failed');
  const log = await api<LogAnswer>('GET', `/v2/{project_id}/training-jobs/${id}/tasks/worker-0/logs/preview`);
  const tail = log.body.content.trimEnd().split('\n').slice(-3).join('\n');
  assert.match(tail, /OutOfMemoryError/);
  assert.match(log.body.content, /Traceback \(most recent call last\):/);
});

test('terminate, then delete; unknown ids are ModelArts.2775 with a solution', async () => {
  const created = await api<Job>('POST', '/v2/{project_id}/training-jobs', { body: createBody('to-terminate') });
  const id = created.body.metadata.id;
  advance(2);
  const terminating = await api<Job>('POST', `/v2/{project_id}/training-jobs/${id}/actions`, { body: { action_type: 'terminate' } });
  assert.deepEqual([terminating.status, terminating.body.status.phase], [202, 'Terminating']);
  advance();
  assert.equal(session.emulator.state.trainingJobPhase(id), 'Terminated');
  const again = await api<TrainingError>('POST', `/v2/{project_id}/training-jobs/${id}/actions`, { body: { action_type: 'terminate' } });
  assert.equal(again.status, 400);
  assert.ok(again.body.error_solution);

  const deleted = await api('DELETE', `/v2/{project_id}/training-jobs/${id}`);
  assert.deepEqual([deleted.status, deleted.text], [202, '']);
  const missing = await api<TrainingError>('GET', `/v2/{project_id}/training-jobs/${id}`);
  assertError(missing, 400, 'ModelArts.2775');
  assert.ok(missing.body.error_solution);
});

test('training flavors and engines', async () => {
  const gpu = await api<{ total_count: number; flavors: { flavor_id: string; flavor_type: string; flavor_info: { gpu?: unknown } }[] }>(
    'GET',
    '/v2/{project_id}/training-job-flavors',
    { query: { flavor_type: 'GPU' } },
  );
  assert.equal(gpu.status, 200);
  assert.equal(gpu.body.total_count, gpu.body.flavors.length);
  assert.ok(gpu.body.flavors.length > 0 && gpu.body.flavors.every((f) => f.flavor_type === 'GPU' && f.flavor_info.gpu));
  const ascend = await api<{ flavors: { flavor_info: { npu: { unit_num: unknown }; disk: { size: unknown } } }[] }>('GET', '/v2/{project_id}/training-job-flavors', { query: { flavor_type: 'Ascend' } });
  assert.deepEqual(ascend.body.flavors.map((f) => [typeof f.flavor_info.npu.unit_num, typeof f.flavor_info.disk.size]), [['string', 'number']], 'the SDK\'s FlavorInfoResponse types');
  const engines = await api<{ total: number; items: { engine_id: string; engine_name: string }[] }>('GET', '/v2/{project_id}/training-job-engines');
  assert.equal(engines.body.total, engines.body.items.length);
  assert.ok(engines.body.items.some((e) => e.engine_name === 'PyTorch'));
});
