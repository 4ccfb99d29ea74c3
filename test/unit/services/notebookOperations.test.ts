import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ModelArtsError } from '../../../src/services/errors';
import type { Notebook } from '../../../src/services/notebooks';
import { NEVER_STOP } from '../../../src/services/notebookRules';
import { notebookImageStatusCategory, notebookStorageStatusCategory } from '../../../src/services/status';
import { eventually, type Harness, startHarness } from './emulatorHarness';

const REGION = 'cn-north-4';
const SCOPE = { region: REGION, workspaceId: '0' };
const HOUR = 3_600_000;

describe('notebook operations', () => {
  let harness: Harness;
  const bodyOf = (method: string, path: string) => JSON.parse(harness.emulator.requests.list({ method, path }).at(-1)?.body ?? 'null');
  const statusOf = async (id: string) => (await harness.services.notebooks.get(REGION, id)).status;

  const notebookBody = (name: string) =>
    ({ name, flavor: 'modelarts.vm.cpu.2u', image_id: 'e1a07296-22a8-4f05-8bc8-e936c8e54090', volume: { category: 'EVS', ownership: 'MANAGED', capacity: 5 } }) as const;

  /** A new notebook of the default workspace, once it runs. */
  async function runningNotebook(name: string, lease?: { duration: number; type: 'TIMING' }): Promise<Notebook> {
    const created = await harness.services.notebooks.create(SCOPE, { ...notebookBody(name), lease });
    return eventually(() => harness.services.notebooks.get(REGION, created.id), (notebook) => notebook.status === 'RUNNING');
  }

  before(async () => {
    harness = await startHarness();
  });
  after(() => harness.close());
  beforeEach(() => harness.emulator.requests.clear());

  test('save as image sends name, tag, organization and workspace; the image is followed until ACTIVE and listed as the account\'s own', async () => {
    const notebook = await runningNotebook('svc-image');
    const saving = await harness.services.notebooks.saveImage(REGION, notebook.id, { name: 'svc-env', tag: 'v2', namespace: 'ml-experiments', workspace_id: '0' });
    assert.deepEqual(bodyOf('POST', `/notebooks/${notebook.id}/create-image`), { name: 'svc-env', tag: 'v2', namespace: 'ml-experiments', workspace_id: '0' });
    assert.equal(notebookImageStatusCategory(saving.status ?? ''), 'transitional');
    assert.equal(await statusOf(notebook.id), 'SNAPSHOTTING');
    const saved = await harness.services.notebooks.waitForImage(REGION, saving.id, 20);
    assert.equal(saved.status, 'ACTIVE');
    assert.ok(harness.emulator.requests.count({ method: 'GET', path: `/images/${saving.id}` }) >= 2, 'the image was polled');
    const own = await harness.services.notebooks.listSavedImages(REGION);
    assert.deepEqual(own.map((image) => `${image.namespace}/${image.name}:${image.tag} ${image.type}`), ['ml-experiments/svc-env:v2 DEDICATED']);
    assert.deepEqual(harness.emulator.requests.list({ method: 'GET', path: /\/images$/ }).at(-1)?.query, { type: 'DEDICATED', limit: '200' });
  });

  test('a failed save is an error carrying the service\'s reason', async () => {
    const notebook = await runningNotebook('svc-image-broken');
    const saving = await harness.services.notebooks.saveImage(REGION, notebook.id, { name: 'fail-env', tag: 'v1', namespace: 'ml-experiments' });
    await assert.rejects(harness.services.notebooks.waitForImage(REGION, saving.id, 20), (error: unknown) => error instanceof ModelArtsError && /CREATE_FAILED: .*push/.test(error.message));
  });

  test('storage: attach sends the documented body, the list is one request without paging, detach unmounts until it is gone', async () => {
    const notebook = await runningNotebook('svc-storage');
    const attached = await harness.services.notebookStorage.attach(REGION, notebook.id, { category: 'OBS', mount_path: '/data/mnist/', uri: 'obs://team-data/mnist/' });
    assert.deepEqual(bodyOf('POST', `/notebooks/${notebook.id}/storage`), { category: 'OBS', mount_path: '/data/mnist/', uri: 'obs://team-data/mnist/' });
    assert.equal(notebookStorageStatusCategory(attached.status), 'transitional');
    const mounted = await eventually(() => harness.services.notebookStorage.get(REGION, notebook.id, attached.id), (storage) => storage.status === 'MOUNTED');
    assert.equal(notebookStorageStatusCategory(mounted.status), 'running');
    const listed = await harness.services.notebookStorage.list(REGION, notebook.id);
    assert.deepEqual([listed.items.map((storage) => storage.mount_path), listed.nextPageToken], [['/data/mnist/'], undefined]);
    assert.deepEqual(harness.emulator.requests.list({ method: 'GET', path: /\/storage$/ }).at(-1)?.query, {});

    const turbo = { category: 'EFS', mount_path: '/data/turbo/', efs_id: '280a8bd5-03e2-4a5c-bea1-83d81e75bc53', uri: '280a8bd5-03e2-4a5c-bea1-83d81e75bc53.sfsturbo.internal:/' } as const;
    const efs = await harness.services.notebookStorage.attach(REGION, notebook.id, turbo);
    assert.deepEqual(bodyOf('POST', `/notebooks/${notebook.id}/storage`), turbo);
    assert.deepEqual([efs.category, efs.efs_id, efs.uri], ['EFS', turbo.efs_id, turbo.uri]);

    const detaching = await harness.services.notebookStorage.detach(REGION, notebook.id, attached.id);
    assert.equal(detaching.status, 'UNMOUNTING');
    await assert.rejects(
      eventually(() => harness.services.notebookStorage.get(REGION, notebook.id, attached.id), () => false, 1_000),
      (error: unknown) => error instanceof ModelArtsError && error.isNotFound,
    );
  });

  test('lease renewal is a PATCH with the duration in the body, and the notebook then stops that long from now', async () => {
    const notebook = await runningNotebook('svc-lease', { duration: HOUR, type: 'TIMING' });
    const lease = await harness.services.notebooks.renewLease(REGION, notebook.id, 5 * HOUR);
    assert.deepEqual(bodyOf('PATCH', `/notebooks/${notebook.id}/lease`), { duration: 5 * HOUR, type: 'TIMING' });
    const stopsAt = (lease.create_at ?? 0) + (lease.duration ?? 0);
    assert.ok(Math.abs(stopsAt - (harness.emulator.clock.now() + 5 * HOUR)) < 2_000, JSON.stringify(lease));
    const latest = await harness.services.notebooks.get(REGION, notebook.id);
    assert.deepEqual(latest.lease && { enable: latest.lease.enable, stopsAt: (latest.lease.create_at ?? 0) + (latest.lease.duration ?? 0) }, { enable: true, stopsAt });
  });

  test('a start keeps the auto-stop the notebook had, in its query and with no body: hours from the start, or never', async () => {
    const timed = await runningNotebook('svc-start-timed', { duration: 8 * HOUR, type: 'TIMING' });
    const never = await harness.services.notebooks.create(SCOPE, { ...notebookBody('svc-start-never'), duration: NEVER_STOP });
    assert.deepEqual(bodyOf('POST', '/notebooks').duration, -1);
    for (const id of [timed.id, never.id]) {
      await eventually(() => statusOf(id), (status) => status === 'RUNNING');
      await harness.services.notebooks.stop(REGION, id);
      assert.equal(harness.emulator.requests.list({ method: 'POST', path: `${id}/stop` }).at(-1)?.body ?? '', '', 'stop takes no body');
      await eventually(() => statusOf(id), (status) => status === 'STOPPED');
    }

    await harness.services.notebooks.start(REGION, await harness.services.notebooks.get(REGION, timed.id));
    const start = harness.emulator.requests.list({ method: 'POST', path: `${timed.id}/start` }).at(-1);
    assert.deepEqual([start?.query, start?.body ?? ''], [{ duration: String(8 * HOUR), type: 'TIMING' }, '']);
    const restarted = await harness.services.notebooks.get(REGION, timed.id);
    const stopsAt = (restarted.lease?.create_at ?? 0) + (restarted.lease?.duration ?? 0);
    assert.ok(Math.abs(stopsAt - (harness.emulator.clock.now() + 8 * HOUR)) < 2_000, JSON.stringify(restarted.lease));

    await harness.services.notebooks.start(REGION, await harness.services.notebooks.get(REGION, never.id));
    assert.deepEqual(harness.emulator.requests.list({ method: 'POST', path: `${never.id}/start` }).at(-1)?.query, { duration: '-1' });
    assert.equal((await harness.services.notebooks.get(REGION, never.id)).lease?.enable, false, 'it still never stops by itself');
  });

  test('an OBS folder as the notebook\'s storage is a DEDICATED parallel file system folder', async () => {
    const created = await harness.services.notebooks.create(SCOPE, { ...notebookBody('svc-obs-storage'), volume: { category: 'OBSFS', ownership: 'DEDICATED', uri: 'obs://team-data/work/' } });
    assert.deepEqual(bodyOf('POST', '/notebooks').volume, { category: 'OBSFS', ownership: 'DEDICATED', uri: 'obs://team-data/work/' });
    assert.deepEqual([created.volume?.category, created.volume?.uri, created.volume?.capacity], ['OBSFS', 'obs://team-data/work/', undefined]);
  });

  test('switchable flavors exclude the current one; a stopped notebook is PUT with the new flavor', async () => {
    const notebook = await runningNotebook('svc-flavor');
    const flavors = await harness.services.notebooks.switchableFlavors(REGION, notebook.id);
    assert.ok(flavors.length > 0 && !flavors.some((flavor) => flavor.id === notebook.flavor));
    await harness.services.notebooks.stop(REGION, notebook.id);
    await eventually(() => statusOf(notebook.id), (status) => status === 'STOPPED');
    const updated = await harness.services.notebooks.update(REGION, notebook.id, { flavor: 'modelarts.vm.cpu.8u' });
    assert.deepEqual(bodyOf('PUT', `/notebooks/${notebook.id}`), { flavor: 'modelarts.vm.cpu.8u' });
    assert.equal(updated.flavor, 'modelarts.vm.cpu.8u');
  });
});
