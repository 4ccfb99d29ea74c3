import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCALE, SCALE_OBS_BUCKET, SCALE_OBS_FOLDER, SCALE_REGION } from '../../emulator/seedScale';
import { useEmulator } from './emulatorSession';

const session = useEmulator(60_000, { scale: true });
const { api } = session;

test('scale mode lists 10,000 training jobs, 1,000 notebooks and 500 Lite Servers of cn-north-4 through the API at once', async () => {
  const jobs = await api<{ count: number; items: unknown[] }>('POST', '/v2/{project_id}/training-job-searches', { body: { offset: 0, limit: 50, workspace_id: '0' } });
  assert.equal(jobs.status, 200);
  assert.ok(jobs.body.count >= SCALE.trainingJobs, `${jobs.body.count} jobs`);
  assert.equal(jobs.body.items.length, 50);
  const notebooks = await api<{ total: number }>('GET', '/v1/{project_id}/notebooks', { query: { workspace_id: '0', limit: '50' } });
  assert.ok(notebooks.body.total >= SCALE.notebooks, `${notebooks.body.total} notebooks`);
  const servers = await api<{ total: number }>('GET', '/v1/{project_id}/dev-servers', { query: { limit: '50' } });
  assert.ok(servers.body.total >= SCALE.liteServers, `${servers.body.total} Lite Servers`);
});

test('scale mode holds a pool of 300 nodes and 10,000 objects in one OBS folder', () => {
  const { emulator } = session;
  const project = emulator.state.projectFor(emulator.demo.ak, SCALE_REGION);
  assert.ok(project);
  assert.ok([...project.pools.values()].some((pool) => pool.nodes.size === SCALE.poolNodes), 'a pool of 300 nodes');
  const bucket = emulator.obs.store.bucket(SCALE_OBS_BUCKET);
  assert.ok(bucket);
  assert.equal([...bucket.objects.keys()].filter((key) => key.startsWith(SCALE_OBS_FOLDER)).length, SCALE.obsObjects);
});
