import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertError, useEmulator } from './emulatorSession';

const session = useEmulator(60_000);
const { api, advance } = session;
let mnistId = '';

/** The config of one mnist-cnn 1.1.0 model (looked up on first use). */
async function config(specification = 'modelarts.vm.cpu.2u', instances = 1): Promise<Record<string, unknown>[]> {
  if (!mnistId) {
    const models = await api<{ models: { model_id: string; model_version: string }[] }>('GET', '/v1/{project_id}/models', { query: { model_name: 'mnist-cnn' } });
    mnistId = models.body.models.find((model) => model.model_version === '1.1.0')?.model_id ?? '';
  }
  return [{ model_id: mnistId, specification, weight: 100, instance_count: instances }];
}

interface Service {
  service_id: string;
  service_name: string;
  status: string;
  description: string;
  due_time?: number;
  update_time?: number;
  config: { specification: string; instance_count: number; envs: Record<string, string> }[];
}
interface Events {
  service_id: string;
  service_name: string;
  total_count: number;
  count: number;
  events: { event_type: string; event_info: string; occur_time: number }[];
}
const BASE = '/v1/{project_id}/services';
const show = (id: string) => api<Service>('GET', `${BASE}/${id}`);
const statusOf = async (id: string) => (await show(id)).body.status;
const update = (id: string, body: Record<string, unknown>) => api('PUT', `${BASE}/${id}`, { body });
const events = (id: string, query: Record<string, string | number> = {}) => api<Events>('GET', `${BASE}/${id}/events`, { query });

async function createRunning(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await api<{ service_id: string }>('POST', BASE, { body: { service_name: name, infer_type: 'real-time', config: await config(), ...extra } });
  assert.equal(created.status, 200, created.text);
  advance();
  assert.equal(await statusOf(created.body.service_id), 'running');
  return created.body.service_id;
}

test('stop and start are status-only updates: stopping → stopped, deploying → running; answers {}', async () => {
  const id = await createRunning('power-cycle');
  const stop = await update(id, { status: 'stopped' });
  assert.deepEqual([stop.status, stop.body], [200, {}]);
  assert.equal(await statusOf(id), 'stopping');
  assertError(await update(id, { status: 'stopped' }), 400, 'ModelArts.6357');
  advance();
  assert.equal(await statusOf(id), 'stopped');
  assertError(await update(id, { status: 'stopped' }), 400, 'ModelArts.6357');
  assert.equal((await update(id, { status: 'running' })).status, 200);
  assert.equal(await statusOf(id), 'deploying');
  assertError(await update(id, { status: 'running' }), 400, 'ModelArts.6357');
  advance();
  assert.equal(await statusOf(id), 'running');
});

test('only running and stopped are accepted as a status; with status and config both, only the status applies', async () => {
  const id = await createRunning('status-wins');
  for (const status of ['deploying', 'RUNNING', 'deleted', 42]) {
    assertError(await update(id, { status }), 400, 'ModelArts.0101');
  }
  await update(id, { status: 'stopped' });
  advance();
  const answer = await update(id, { status: 'running', description: 'changed', config: await config('modelarts.vm.cpu.8u', 3) });
  assert.equal(answer.status, 200, answer.text);
  const started = (await show(id)).body;
  assert.equal(started.status, 'deploying');
  assert.equal(started.description, '');
  assert.deepEqual([started.config[0].specification, started.config[0].instance_count], ['modelarts.vm.cpu.2u', 1]);
  assert.equal(started.update_time, undefined);
  // Even a config that would be refused is ignored next to a status.
  advance();
  assert.equal((await update(id, { status: 'stopped', config: [{ model_id: 'nope' }] })).status, 200);
  assert.equal(await statusOf(id), 'stopping');
});

test('a config update redeploys a running service; it is refused while deploying; description alone changes in place', async () => {
  const id = await createRunning('resize-me');
  assert.equal((await update(id, { description: 'just words' })).status, 200);
  assert.equal(await statusOf(id), 'running');
  const answer = await update(id, { config: [{ ...(await config('modelarts.vm.cpu.8u', 3))[0], envs: { MODE: 'fast' } }] });
  assert.equal(answer.status, 200, answer.text);
  const updated = (await show(id)).body;
  assert.equal(updated.status, 'deploying');
  assert.equal(updated.description, 'just words');
  assert.deepEqual([updated.config[0].specification, updated.config[0].instance_count, updated.config[0].envs], ['modelarts.vm.cpu.8u', 3, { MODE: 'fast' }]);
  assert.ok((updated.update_time ?? 0) > 0);
  assertError(await update(id, { config: await config() }), 400, 'ModelArts.6357');
  assertError(await update(id, { config: [{ ...(await config())[0], weight: 30 }] }), 400, 'ModelArts.0101');
  advance();
  assert.equal(await statusOf(id), 'running');

  await update(id, { status: 'stopped' });
  advance();
  assert.equal((await update(id, { config: await config('modelarts.vm.cpu.2u', 2) })).status, 200);
  assert.equal(await statusOf(id), 'stopped', 'a stopped service keeps its status');
});

test('a concerning service cannot be started again; it can be stopped', async () => {
  const listed = await api<{ services: Service[] }>('GET', BASE, { query: { status: 'concerning' } });
  const [concerning] = listed.body.services;
  assertError(await update(concerning.service_id, { status: 'running' }), 400, 'ModelArts.6357');
  assert.equal((await update(concerning.service_id, { status: 'stopped' })).status, 200);
});

test('delete is asynchronous: deleting, then 404 ModelArts.3502; several ids at once, all or nothing', async () => {
  const id = await createRunning('delete-me');
  const answer = await api('DELETE', `${BASE}/${id}`);
  assert.deepEqual([answer.status, answer.body], [200, {}]);
  assert.equal(await statusOf(id), 'deleting');
  assertError(await api('DELETE', `${BASE}/${id}`), 400, 'ModelArts.6357');
  assertError(await update(id, { status: 'running' }), 400, 'ModelArts.6357');
  advance();
  assertError(await show(id), 404, 'ModelArts.3502');
  assertError(await events(id), 404, 'ModelArts.3502');
  assertError(await api('DELETE', `${BASE}/${id}`), 404, 'ModelArts.3502');

  const first = await createRunning('batch-one');
  const second = await createRunning('batch-two');
  assertError(await api('DELETE', `${BASE}/${first},${id}`), 404, 'ModelArts.3502');
  assert.equal(await statusOf(first), 'running', 'nothing is deleted when one id is unknown');
  assert.equal((await api('DELETE', `${BASE}/${first},${second}`)).status, 200);
  assert.deepEqual([await statusOf(first), await statusOf(second)], ['deleting', 'deleting']);
});

test('events: newest first, abnormal ones for failures, filters and paging', async () => {
  const id = await createRunning('eventful');
  await update(id, { status: 'stopped' });
  advance();
  const all = await events(id);
  assert.equal(all.status, 200, all.text);
  assert.deepEqual([all.body.service_id, all.body.service_name], [id, 'eventful']);
  const times = all.body.events.map((event) => event.occur_time);
  assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
  assert.equal(all.body.events[0].event_info, 'Service stopped');
  assert.ok(all.body.events.every((event) => event.event_type === 'normal'));
  assert.deepEqual(
    (await events(id, { order: 'asc' })).body.events.map((event) => event.occur_time),
    [...times].reverse(),
  );
  const page = await events(id, { limit: 2, offset: 1 });
  assert.deepEqual([page.body.count, page.body.total_count], [2, all.body.total_count]);
  assert.deepEqual(page.body.events, all.body.events.slice(2, 4));
  assert.equal((await events(id, { event_info: 'STOP' })).body.total_count, 2);

  const failing = await api<{ service_id: string }>('POST', BASE, { body: { service_name: 'fail-on-purpose', infer_type: 'real-time', config: await config() } });
  assert.equal((await events(failing.body.service_id, { event_type: 'abnormal' })).body.total_count, 0, 'a failure is not known before it happens');
  advance();
  const abnormal = await events(failing.body.service_id, { event_type: 'abnormal' });
  assert.equal(abnormal.body.total_count, 2);
  assert.match(abnormal.body.events[0].event_info, /Failed to deploy/);
  assertError(await events(id, { event_type: 'ABNORMAL' }), 400, 'ModelArts.0101');
});

test('a stop schedule: running shows due_time, then the service stops by itself', async () => {
  const id = await createRunning('auto-stop', { schedule: [{ type: 'stop', time_unit: 'HOURS', duration: 1 }] });
  const running = (await show(id)).body;
  assert.ok(running.due_time && running.due_time > session.emulator.clock.now() + 3_500_000 && running.due_time <= session.emulator.clock.now() + 3_600_000);
  session.emulator.clock.advance(3_600_000);
  assert.equal(await statusOf(id), 'stopping');
  advance();
  assert.equal(await statusOf(id), 'stopped');
  assert.equal((await show(id)).body.due_time, undefined);
});
