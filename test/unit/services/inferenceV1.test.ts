import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ModelArtsError } from '../../../src/services/errors';
import { SERVICE_V1_PAGE_SIZE, type ServiceV1 } from '../../../src/services/inferenceV1';
import { modelRequirements } from '../../../src/services/models';
import { collectPages } from '../../../src/services/paging';
import { type Harness, eventually, startHarness } from './emulatorHarness';

const REGION = 'cn-north-4';
const scope = { region: REGION, workspaceId: '0' };

describe('inference services v1', () => {
  let harness: Harness;
  let mnistId = '';
  before(async () => {
    harness = await startHarness();
    const models = await collectPages((token) => harness.services.models.list(scope, token), 1000);
    mnistId = models.find((model) => model.model_name === 'mnist-cnn' && model.model_version === '1.1.0')?.model_id ?? '';
  });
  after(() => harness.close());

  const request = (name: string) => ({ service_name: name, config: [{ model_id: mnistId, specification: 'modelarts.vm.cpu.2u', weight: 100, instance_count: 1 }] });
  const get = (id: string) => harness.services.inferenceV1.get(REGION, id);
  const until = (id: string, status: string) => eventually(() => get(id), (service) => service.status === status);
  const notFound = (id: string) => get(id).then(() => undefined, (error: unknown) => error);

  test('lists the seeded services newest first, with v1 fields', async () => {
    const page = await harness.services.inferenceV1.list(scope);
    assert.equal(page.total, 5);
    assert.equal(page.nextPageToken, undefined);
    const statuses = new Set(page.items.map((service) => service.status));
    // The seeded deploying service is running after its (short) transition.
    assert.ok(['concerning', 'failed', 'running', 'stopped'].every((status) => statuses.has(status)), [...statuses].join());
    const times = page.items.map((service) => service.publish_at ?? 0);
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
  });

  test('create answers the new service as shown; start/stop send the status alone; delete ends in 404 ModelArts.3502', async () => {
    const { inferenceV1 } = harness.services;
    harness.emulator.requests.clear();
    const created = await inferenceV1.create(scope, { ...request('adapter-lifecycle'), schedule: [{ type: 'stop', time_unit: 'HOURS', duration: 2 }] });
    assert.equal(created.service_name, 'adapter-lifecycle');
    assert.equal(created.status, 'deploying');
    assert.equal(created.config?.[0].model_name, 'mnist-cnn');
    const post = harness.emulator.requests.list({ method: 'POST', path: '/services' })[0];
    assert.deepEqual(JSON.parse(post.body ?? '{}'), {
      ...request('adapter-lifecycle'),
      schedule: [{ type: 'stop', time_unit: 'HOURS', duration: 2 }],
      infer_type: 'real-time',
      workspace_id: '0',
    });
    const running = await until(created.service_id, 'running');
    assert.ok(running.access_address);
    assert.ok(running.due_time, 'the schedule shows when it stops');

    await inferenceV1.setStatus(REGION, created.service_id, 'stopped');
    const put = harness.emulator.requests.list({ method: 'PUT', path: created.service_id }).at(-1);
    assert.deepEqual(JSON.parse(put?.body ?? '{}'), { status: 'stopped' });
    assert.equal((await get(created.service_id)).status, 'stopping');
    await until(created.service_id, 'stopped');
    await assert.rejects(inferenceV1.setStatus(REGION, created.service_id, 'stopped'), (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'ModelArts.6357');
    await inferenceV1.setStatus(REGION, created.service_id, 'running');
    await until(created.service_id, 'running');

    await inferenceV1.update(REGION, created.service_id, { config: [{ model_id: mnistId, specification: 'modelarts.vm.cpu.8u', weight: 100, instance_count: 2 }] });
    const redeploying = await get(created.service_id);
    assert.deepEqual([redeploying.status, redeploying.config?.[0].instance_count, redeploying.config?.[0].specification], ['deploying', 2, 'modelarts.vm.cpu.8u']);

    await inferenceV1.delete(REGION, created.service_id);
    assert.equal((await get(created.service_id)).status, 'deleting');
    const gone = await eventually(() => notFound(created.service_id), (error) => error instanceof ModelArtsError);
    assert.ok(gone instanceof ModelArtsError);
    assert.equal(gone.errorCode, 'ModelArts.3502');
    assert.equal(gone.httpStatus, 404);
    assert.ok(gone.isNotFound, 'the tree and panels treat it as gone');
  });

  test('pages by page index: every service once across pages', async () => {
    // More services than the default quota of a workspace allows.
    await harness.services.workspaces.setQuota(REGION, '0', 'service.instance_count', -1);
    for (let index = 0; index < SERVICE_V1_PAGE_SIZE; index++) {
      await harness.services.inferenceV1.create(scope, request(`paged-${String(index).padStart(2, '0')}`));
    }
    harness.emulator.requests.clear();
    const all: ServiceV1[] = await collectPages((token) => harness.services.inferenceV1.list(scope, token), 10_000);
    const first = await harness.services.inferenceV1.list(scope);
    assert.equal(first.items.length, SERVICE_V1_PAGE_SIZE);
    assert.equal(first.nextPageToken, '1');
    assert.equal(all.length, first.total);
    assert.equal(new Set(all.map((service) => service.service_id)).size, all.length);
    const offsets = harness.emulator.requests.list({ method: 'GET', path: '/services' }).map((entry) => entry.query.offset);
    assert.deepEqual(offsets.slice(0, 2), ['0', '1']);
  });

  test('events newest first; specifications from the literal path; models with their needs', async () => {
    const listed = await collectPages((token) => harness.services.inferenceV1.list(scope, token), 10_000);
    const failed = listed.find((service) => service.service_name === 'traffic-detector');
    assert.ok(failed);
    const { events, total } = await harness.services.inferenceV1.events(REGION, failed.service_id);
    assert.equal(total, events.length);
    assert.equal(events[0].event_type, 'abnormal');
    assert.ok(events.every((event, index) => index === 0 || events[index - 1].occur_time >= event.occur_time));

    harness.emulator.requests.clear();
    const specs = await harness.services.inferenceV1.specifications(REGION);
    assert.ok(specs.some((spec) => spec.specification === 'modelarts.vm.gpu.t4' && spec.gpu_info?.gpu === 1));
    assert.match(harness.emulator.requests.list()[0].path, /\/v1\/[0-9a-f]{32}\/services\/specifications$/);

    const published = await collectPages((token) => harness.services.models.list(scope, token, { status: 'published' }), 1000);
    assert.ok(published.length > 0 && published.every((model) => model.model_status === 'published'));
    const yolo = published.find((model) => model.model_name === 'yolov8-traffic');
    assert.ok(yolo);
    assert.deepEqual(modelRequirements(yolo), { cpu: 4, memoryMb: 16384, gpu: 1, ascend: undefined });
    assert.equal((await harness.services.models.get(REGION, yolo.model_id)).source_location?.endsWith('/model'), true);
  });

  test('a bad service name is refused before any request', async () => {
    harness.emulator.requests.clear();
    await assert.rejects(harness.services.inferenceV1.create(scope, request('no spaces allowed')), (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'InvalidInput');
    assert.equal(harness.emulator.requests.count(), 0);
  });
});
