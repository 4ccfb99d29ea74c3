import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ModelArtsError } from '../../../src/services/errors';
import { collectPages } from '../../../src/services/paging';
import { type Harness, eventually, startHarness } from './emulatorHarness';

const REGION = 'cn-north-4';
const scope = { region: REGION, workspaceId: '0' };

describe('notebooks', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness.close());

  test('pages by record offset until every notebook is listed once', async () => {
    const all = await collectPages((token) => harness.services.notebooks.list(scope, token), 10_000);
    const first = await harness.services.notebooks.list(scope);
    assert.equal(all.length, first.total);
    assert.equal(new Set(all.map((notebook) => notebook.id)).size, all.length);
  });

  test('create → running → stop → stopped → start → delete → gone', async () => {
    const { notebooks } = harness.services;
    const [flavor] = await notebooks.listFlavors(REGION);
    const [image] = await notebooks.listImages(scope);
    const created = await notebooks.create(scope, { name: 'lifecycle-test', flavor: flavor.id, image_id: image.id, volume: { category: 'EVS', ownership: 'MANAGED', capacity: 5 } });
    assert.match(created.status, /^(INIT|CREATING)$/);

    const running = await eventually(() => notebooks.get(REGION, created.id), (notebook) => notebook.status === 'RUNNING');
    assert.equal(running.status, 'RUNNING');
    assert.ok((await collectPages((token) => notebooks.list(scope, token), 10_000)).some((notebook) => notebook.id === created.id));

    assert.equal((await notebooks.stop(REGION, created.id)).status, 'STOPPING');
    const stopped = await eventually(() => notebooks.get(REGION, created.id), (notebook) => notebook.status === 'STOPPED');
    assert.equal(stopped.status, 'STOPPED');

    await assert.rejects(notebooks.stop(REGION, created.id), (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'ModelArts.6357');

    assert.equal((await notebooks.start(REGION, stopped)).status, 'STARTING');
    await eventually(() => notebooks.get(REGION, created.id), (notebook) => notebook.status === 'RUNNING');

    await notebooks.delete(REGION, created.id);
    const gone = await eventually(
      () => notebooks.get(REGION, created.id).then(() => undefined, (error: unknown) => error),
      (error) => error instanceof ModelArtsError,
    );
    assert.ok(gone instanceof ModelArtsError);
    assert.equal(gone.errorCode, 'ModelArts.6309');
    assert.ok(gone.isNotFound);
    assert.match(gone.toDisplayString(), /^ModelArts\.6309: .+ \(request id [0-9a-f]{32}\)$/);
  });

  test('an invalid name is refused before any request', async () => {
    harness.emulator.requests.clear();
    await assert.rejects(
      harness.services.notebooks.create(scope, { name: 'bad name!', flavor: 'f', image_id: 'i', volume: { category: 'EVS', ownership: 'MANAGED' } }),
      (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'InvalidInput',
    );
    assert.equal(harness.emulator.requests.count(), 0);
  });

  test('an id that is not URL-safe is refused before any request', async () => {
    harness.emulator.requests.clear();
    await assert.rejects(harness.services.notebooks.get(REGION, '../workspaces'), (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'InvalidInput');
    assert.equal(harness.emulator.requests.count(), 0);
  });
});

describe('training jobs', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness({ scaleTrainingJobs: 10_000 });
  });
  after(() => harness.close());

  test('the search offset is a page index: pages do not overlap and the first page is one request', async () => {
    harness.emulator.requests.clear();
    const first = await harness.services.trainingJobs.search(scope);
    assert.equal(harness.emulator.requests.count(), 2, 'one IAM lookup and one search');
    assert.equal(first.items.length, 50);
    assert.equal(first.nextPageToken, '1');
    const second = await harness.services.trainingJobs.search(scope, first.nextPageToken);
    const firstIds = new Set(first.items.map((job) => job.metadata.id));
    assert.ok(second.items.every((job) => !firstIds.has(job.metadata.id)));
    assert.ok((first.total ?? 0) >= 10_000);
  });

  test('create → running → terminate → terminated → delete', async () => {
    const { trainingJobs } = harness.services;
    const [flavor] = await trainingJobs.listFlavors(REGION);
    const created = await trainingJobs.create(scope, {
      kind: 'job',
      metadata: { name: 'unit-lifecycle' },
      algorithm: { engine: { image_url: 'swr.cn-north-4.myhuaweicloud.com/org/train:1' }, command: 'python train.py' },
      spec: { resource: { flavor_id: flavor.flavor_id, node_count: 1 } },
    });
    const id = created.metadata.id;
    await eventually(() => trainingJobs.get(REGION, id), (job) => job.status.phase === 'Running');
    const log = await trainingJobs.logPreview(REGION, id, 'worker-0');
    assert.ok(log.content.length > 0);

    await trainingJobs.terminate(REGION, id);
    assert.equal((await eventually(() => trainingJobs.get(REGION, id), (job) => job.status.phase === 'Terminated')).status.phase, 'Terminated');

    await trainingJobs.delete(REGION, id);
    await assert.rejects(trainingJobs.get(REGION, id), (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'ModelArts.2775' && error.isNotFound);
  });

  test('filters by phase; the page counts the matches (`count`), not all of the user\'s jobs (`total`)', async () => {
    const page = await harness.services.trainingJobs.search(scope, undefined, { phases: ['Failed'] });
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((job) => job.status.phase === 'Failed'));
    const failed = await collectPages((token) => harness.services.trainingJobs.search(scope, token, { phases: ['Failed'] }), 20_000);
    assert.equal(page.total, failed.length);
    assert.ok(failed.length < 10_000, 'fewer than all jobs fail');

    const one = await harness.services.trainingJobs.search(scope, undefined, { name: 'resnet50-imagenet-v3' });
    assert.deepEqual([one.items.length, one.total, one.nextPageToken], [1, 1, undefined]);
  });
});
