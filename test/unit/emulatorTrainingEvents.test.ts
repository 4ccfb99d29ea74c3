import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REFUSAL, useEmulator } from './emulatorSession';

const session = useEmulator(60_000);
const { api, advance } = session;

interface EventAnswer {
  total: number;
  limit: number;
  offset: number;
  order: string;
  events: { time: string; level: string; message: string; source: string }[];
}
interface StageAnswer {
  total_count: number;
  running_records: { record_order: number; stages: { name: string; start_time: string; end_time?: string; stage_order: number; sub_stages: { name: string; create_time: string }[] }[] }[];
}
interface LogAnswer {
  content: string;
  current_size: number;
  full_size: number;
}

async function createJob(name: string, nodeCount: number): Promise<string> {
  const created = await api<{ metadata: { id: string } }>('POST', '/v2/{project_id}/training-jobs', {
    body: {
      kind: 'job',
      metadata: { name, workspace_id: '0' },
      algorithm: { engine: { image_url: 'swr.cn-north-4.myhuaweicloud.com/org/img:tag' }, command: 'python train.py' },
      spec: { resource: { flavor_id: 'modelarts.p3.large.public', node_count: nodeCount } },
    },
  });
  assert.equal(created.status, 201);
  return created.body.metadata.id;
}

const events = (id: string, query: Record<string, string | number> = {}) => api<EventAnswer>('GET', `/v2/{project_id}/training-jobs/${id}/events`, { query });
const stages = (id: string) => api<StageAnswer>('GET', `/v2/{project_id}/training-jobs/${id}/stages`);

test('events tell a job\'s story newest first: created, queued, started per task, finished', async () => {
  const id = await createJob('events-completed', 2);
  assert.deepEqual((await events(id)).body.events.map((event) => event.message), ['Training job created.']);
  advance(7);
  const answer = await events(id);
  assert.equal(answer.status, 200);
  assert.deepEqual([answer.body.limit, answer.body.offset, answer.body.order], [50, 0, 'desc']);
  const messages = answer.body.events.map((event) => event.message);
  assert.equal(messages[0], 'Training job completed.');
  assert.equal(messages.at(-1), 'Training job created.');
  assert.ok(messages.includes('[worker-0] Training started.') && messages.includes('[worker-1] Training started.'), 'one start per task');
  assert.equal(answer.body.total, messages.length);
  const times = answer.body.events.map((event) => Date.parse(event.time));
  assert.ok(times.every((time, index) => index === 0 || time <= times[index - 1]), 'newest first');
  assert.match(answer.body.events[0].time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.deepEqual(new Set(answer.body.events.map((event) => event.source)), new Set(['Job', 'Task', 'K8S']));

  const oldestFirst = await events(id, { order: 'asc', limit: 2, offset: 1 });
  assert.deepEqual(
    oldestFirst.body.events.map((event) => event.message),
    [...messages].reverse().slice(2, 4),
    'offset is a page index',
  );
  const worker1 = await events(id, { pattern: 'worker-1' });
  assert.ok(worker1.body.events.length > 0 && worker1.body.events.every((event) => event.message.includes('worker-1')));
  const bySource = await api('GET', `/v2/{project_id}/training-jobs/${id}/events`, { query: { source: 'Task' }, headers: REFUSAL });
  assert.equal(bySource.status, 400, 'the SDK has no source filter');
});

test('a failed job has an Error event; filters and bounds are checked', async () => {
  const id = await createJob('events-will-fail', 1);
  advance(7);
  const errors = await events(id, { level: 'Error' });
  assert.deepEqual(errors.body.events.map((event) => event.message), ['Training job failed.']);
  const now = session.emulator.clock.now() + 60_000;
  assert.equal((await events(id, { start_time: now, end_time: now + 1 })).body.total, 0, 'nothing in a window after the job');
  const badQueries: Record<string, string | number>[] = [{ limit: 101 }, { limit: 0 }, { level: 'Debug' }, { start_time: 1 }, { order: 'sideways' }];
  for (const query of badQueries) {
    const refused = await events(id, query);
    assert.equal(refused.status, 400, JSON.stringify(query));
  }
  const unknown = await events('no-such-job');
  assert.deepEqual([unknown.status, unknown.body.error_code], [400, 'ModelArts.2775']);
});

test('stages: scheduling, preparing and running start and end with the phases; the end stage once it ends; a rerun is a new record', async () => {
  const id = await createJob('stages-job', 1);
  advance(2.5);
  const running = (await stages(id)).body.running_records[0].stages;
  assert.deepEqual(running.map((stage) => [stage.name, stage.stage_order, stage.end_time !== undefined]), [
    ['scheduling', 1, true],
    ['preparing', 2, true],
    ['running', 3, false],
  ]);
  assert.equal(running[0].end_time, running[1].start_time, 'one stage ends as the next starts');
  advance(5);
  const ended = (await stages(id)).body.running_records[0].stages;
  assert.deepEqual(ended.map((stage) => stage.name), ['scheduling', 'preparing', 'running', 'end']);
  assert.ok(ended.every((stage) => stage.end_time !== undefined));
  assert.deepEqual(ended[3].sub_stages.map((sub) => sub.name), ['completed']);

  session.emulator.state.setTrainingJobPhase(id, 'Running');
  const restarted = (await stages(id)).body;
  assert.equal(restarted.total_count, 2, 'running again starts a new record');
  assert.deepEqual(
    restarted.running_records.map((record) => [record.record_order, record.stages.map((stage) => stage.name)]),
    [
      [1, ['scheduling', 'preparing', 'running', 'end']],
      [2, ['running']],
    ],
  );
});

test('each task of a multi-node job has its own log, and each grows', async () => {
  const id = await createJob('per-task-logs', 3);
  const log = (task: string) => api<LogAnswer>('GET', `/v2/{project_id}/training-jobs/${id}/tasks/${task}/logs/preview`);
  advance(2.5);
  const [first, second] = [await log('worker-0'), await log('worker-2')];
  assert.match(first.body.content, /rank=0 /);
  assert.match(second.body.content, /rank=2 /);
  assert.match(second.body.content, /\[worker-2\] epoch/);
  assert.doesNotMatch(second.body.content, /\[worker-0\]/);
  advance();
  const later = await log('worker-2');
  assert.ok(later.body.full_size > second.body.full_size && later.body.content.startsWith(second.body.content));
  assert.equal((await log('worker-3')).status, 400, 'a task the job does not have');
});
