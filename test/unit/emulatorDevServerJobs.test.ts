import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertError, REFUSAL, useEmulator } from './emulatorSession';

const { api, advance } = useEmulator(60_000);

interface Task {
  server_id: string;
  server_name: string;
  status: string;
  message: string;
  cloud_server: Record<string, string>;
}
interface Job {
  id: string;
  name: string;
  type: string;
  status: string;
  abnormal_count: number;
  user_name: string;
  create_at: string;
  update_at: string;
  template_id?: string;
  items?: { type: string; spec: Record<string, string> }[];
  tasks?: Task[];
}
interface Template {
  id: string;
  name: string;
  type: string;
  flavor_type: string;
  params: { name: string; value: string; visible: string; regex?: string }[];
}
interface Page<T> {
  data: T[];
  total: number;
  pages: number;
}

const BASE = '/v1/{project_id}/dev-servers';
const JOBS = `${BASE}/jobs`;
const serverId = async (name: string): Promise<string> => {
  const found = (await api<Page<{ id: string; name: string }>>('GET', BASE, { query: { limit: 100 } })).body.data.find((server) => server.name === name);
  assert.ok(found, name);
  return found.id;
};
const template = async (type: string): Promise<Template> => {
  const found = (await api<Page<Template>>('GET', `${JOBS}/templates`)).body.data.find((candidate) => candidate.type === type);
  assert.ok(found, type);
  return found;
};
const show = async (id: string) => (await api<Job>('GET', `${JOBS}/${id}`)).body;

test('the seeded jobs are listed unpaged with the fields of the SDK\'s list model', async () => {
  const listed = await api<Page<Job>>('GET', JOBS);
  assert.equal(listed.status, 200, listed.text);
  assert.deepEqual([listed.body.total, listed.body.pages], [2, 1]);
  assert.deepEqual(
    listed.body.data.map((job) => [job.name, job.type, job.status, job.abnormal_count]),
    [
      ['npu-logs-weekly', 'LOG_COLLECT', 'FINISHED', 0],
      ['npu-health-check-0312', 'COMMON', 'FINISHED', 1],
    ],
  );
  const [first] = listed.body.data;
  assert.deepEqual(Object.keys(first).sort(), ['abnormal_count', 'create_at', 'id', 'name', 'status', 'type', 'update_at', 'user_name']);
  assert.ok(!Number.isNaN(Date.parse(first.create_at)), `a time string: ${first.create_at}`);
  assert.deepEqual(
    (await api<Page<Job>>('GET', JOBS, { query: { type: 'COMMON', status: 'FINISHED', name: 'health' } })).body.data.map((job) => job.name),
    ['npu-health-check-0312'],
  );
  assert.equal((await api<Page<Job>>('GET', JOBS, { query: { visible: false } })).body.total, 0);
  assertError(await api('GET', JOBS, { query: { limit: 10, sort_dir: 'DESC' }, headers: REFUSAL }), 400, 'ModelArts.0101');

  const health = await show(listed.body.data[1].id);
  assert.deepEqual(
    health.tasks?.map((task) => [task.server_name, task.status]),
    [
      ['lite-910b-dev', 'SUCCESS'],
      ['hps-cloudmatrix-01-0002', 'FAILED'],
    ],
  );
  assert.equal(health.template_id, (await template('COMMON')).id);
});

test('templates: the list\'s summary, the full template on its own', async () => {
  const templates = await api<Page<Template>>('GET', `${JOBS}/templates`, { query: { type: 'LOG_COLLECT' } });
  assert.deepEqual(
    templates.body.data.map((candidate) => [candidate.name, candidate.flavor_type]),
    [['npu-log-collect', 'ASCEND_SNT9B']],
  );
  const [logs] = templates.body.data;
  assert.deepEqual(
    logs.params.map((param) => [param.name, param.visible]),
    [
      ['obs_path', 'true'],
      ['log_days', 'true'],
      ['collector_version', 'false'],
    ],
  );
  const details = await api<Record<string, unknown>>('GET', `${JOBS}/templates/${logs.id}`);
  assert.deepEqual([details.body.status, typeof details.body.cmd, typeof details.body.swr_path], ['ACTIVE', 'string', 'string']);
  assertError(await api('GET', `${JOBS}/templates/nope`), 400, 'ModelArts.6404');
});

test('a job runs one task per server: PROCESSING, then FINISHED; a stopped server\'s task is skipped', async () => {
  const logs = await template('LOG_COLLECT');
  const running = await serverId('lite-cpu-etl');
  const stopped = await serverId('lite-v100-notebook');
  const body = (name: string, spec: Record<string, string>, extra: Record<string, unknown> = {}) => ({
    name,
    server_ids: [running, stopped, running],
    type: 'LOG_COLLECT',
    items: [{ type: 'LOG_COLLECT', spec }],
    ...extra,
  });
  const spec = { obs_path: 'obs://bucket-a/logs/', log_days: '7' };

  assertError(await api('POST', JOBS, { body: body('job-x', { ...spec, log_days: '90' }) }), 400, 'ModelArts.0101', /items\[0\]\.spec\.log_days/);
  assertError(await api('POST', JOBS, { body: body('job-x', spec, { type: 'TRAIN' }) }), 400, 'ModelArts.0101', /type/);
  assertError(await api('POST', JOBS, { body: body('job-x', spec, { server_ids: ['nope'] }) }), 400, 'ModelArts.6404');
  assertError(await api('POST', JOBS, { body: body('job-x', spec, { items: [] }) }), 400, 'ModelArts.0101', /items/);
  assertError(await api('POST', JOBS, { body: body('job-x', spec, { description: 'has spaces' }) }), 400, 'ModelArts.0101', /description/);
  assertError(await api('POST', JOBS, { body: { name: 'job-x', server_ids: [running], type: 'COMMON', image: 'swr/x:1' }, headers: REFUSAL }), 400, 'ModelArts.0101', /image|items/);

  const created = await api<Job>('POST', JOBS, { body: body('logs-test', spec, { is_reboot: true, description: 'weekly-logs' }) });
  assert.equal(created.status, 200, created.text);
  const seededBy = (await api<Page<Job>>('GET', JOBS)).body.data[0].user_name;
  assert.deepEqual([created.body.status, created.body.template_id, created.body.user_name], ['PROCESSING', logs.id, seededBy]);
  assert.deepEqual(created.body.items, [{ type: 'LOG_COLLECT', spec }]);
  assert.deepEqual(
    created.body.tasks?.map((task) => [task.server_id, task.status]),
    [
      [running, 'PROCESSING'],
      [stopped, 'SKIPPED'],
    ],
  );
  advance();
  const finished = await show(created.body.id);
  assert.deepEqual([finished.status, finished.abnormal_count, finished.tasks?.map((task) => task.status)], ['FINISHED', 0, ['SUCCESS', 'SKIPPED']]);

  const failing = await api<Job>('POST', JOBS, { body: body('logs-will-fail', spec, { server_ids: [running] }) });
  advance();
  assert.deepEqual([(await show(failing.body.id)).status, (await show(failing.body.id)).abnormal_count], ['FINISHED', 1]);
});

test('jobs are deleted in batches, all or none; a single-job DELETE is no API', async () => {
  const server = await serverId('lite-cpu-etl');
  const created = await api<Job>('POST', JOBS, { body: { name: 'check-delete', server_ids: [server], type: 'COMMON', items: [{ type: 'COMMON' }] } });
  assert.equal(created.status, 200, created.text);
  const seeded = (await api<Page<Job>>('GET', JOBS, { query: { name: 'npu-logs' } })).body.data[0];
  assertError(await api('DELETE', JOBS, { body: { job_ids: [created.body.id, 'nope'] } }), 400, 'ModelArts.6404');
  assert.equal((await api('GET', `${JOBS}/${created.body.id}`)).status, 200, 'an unknown id deletes nothing');
  assertError(await api('DELETE', JOBS, { body: { job_ids: [] } }), 400, 'ModelArts.0101');
  const deleted = await api<Page<Job>>('DELETE', JOBS, { body: { job_ids: [created.body.id, seeded.id] } });
  assert.deepEqual(
    [deleted.status, deleted.body.data.map((gone) => [gone.id, gone.status])],
    [
      200,
      [
        [created.body.id, 'DELETED'],
        [seeded.id, 'DELETED'],
      ],
    ],
  );
  assertError(await api('GET', `${JOBS}/${created.body.id}`), 400, 'ModelArts.6404');
  const single = await api('DELETE', `${JOBS}/${seeded.id}`, { headers: REFUSAL });
  assert.deepEqual([single.status, single.body.error_code], [404, 'APIG.0101']);
});
