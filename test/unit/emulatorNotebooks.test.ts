import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, REFUSAL, useEmulator } from './emulatorSession';
import { NOTEBOOKS, notebookFixtures } from './notebookFixtures';

const session = useEmulator(60_000);
const { api, advance } = session;

const CPU_IMAGE = 'c2f2e8d4-7a1b-4f3e-8d5c-2b1a0e9f8d7c';

interface Notebook {
  id: string;
  status: string;
  flavor: string;
  image: { id: string; name?: string; type?: string };
  update_at: number;
}
interface Image {
  id: string;
  name: string;
  tag: string;
  type: string;
  origin: string;
  status: string;
  status_message: string;
  swr_path: string;
  resource_categories: string[];
}
interface Storage {
  id: string;
  category: string;
  mount_path: string;
  uri: string;
  status: string;
  efs_id?: string;
  failure_reason?: string;
}
interface Paged<T> {
  data: T[];
  total: number;
}

const show = async (id: string) => (await api<Notebook>('GET', `${NOTEBOOKS}/${id}`)).body;

const { running } = notebookFixtures<Notebook>(session);

describe('save as image', () => {
  const save = (id: string, body: Record<string, unknown>) => api<Image>('POST', `${NOTEBOOKS}/${id}/create-image`, { body });
  const dedicated = async () => (await api<Paged<Image>>('GET', '/v1/{project_id}/images', { query: { type: 'DEDICATED' } })).body;

  test('the notebook is SNAPSHOTTING, then runs on; the image is CREATING, then ACTIVE among the DEDICATED images and usable', async () => {
    const notebook = await running('image-source');
    const saved = await save(notebook.id, { name: 'my-env', tag: 'v1', namespace: 'modelarts-demo', description: 'with extra pip packages' });
    assert.equal(saved.status, 200, saved.text);
    assert.deepEqual([saved.body.status, saved.body.type, saved.body.origin], ['CREATING', 'DEDICATED', 'IMAGE_SAVE']);
    assert.equal(saved.body.swr_path, 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/my-env:v1');
    assert.deepEqual(saved.body.resource_categories, ['CPU', 'GPU'], 'it runs where its source image runs');
    assert.equal((await show(notebook.id)).status, 'SNAPSHOTTING');
    assertError(await save(notebook.id, { name: 'other', tag: 'v1', namespace: 'modelarts-demo' }), 400, 'ModelArts.6357');
    assert.deepEqual((await dedicated()).data.map((image) => `${image.name}:${image.tag}:${image.status}`), ['my-env:v1:CREATING']);

    advance();
    assert.equal((await show(notebook.id)).status, 'RUNNING');
    assert.equal((await api<Image>('GET', `/v1/{project_id}/images/${saved.body.id}`)).body.status, 'ACTIVE');
    const builtIn = (await api<Paged<Image>>('GET', '/v1/{project_id}/images')).body.data;
    assert.ok(builtIn.every((image) => image.type === 'BUILD_IN'), 'the default list stays the built-in one');

    const fromImage = await api<Notebook>('POST', NOTEBOOKS, {
      body: { name: 'from-saved-image', flavor: 'modelarts.vm.cpu.2u', image_id: saved.body.id, volume: { category: 'EVS', ownership: 'MANAGED' } },
    });
    assert.equal(fromImage.status, 201, fromImage.text);
    assert.deepEqual([fromImage.body.image.name, fromImage.body.image.type], ['my-env', 'DEDICATED']);
  });

  test('name, tag and organization are checked; the same tag twice is refused; a stopped notebook cannot be saved', async () => {
    const notebook = await running('image-checks');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ name: 'My Env', tag: 'v1', namespace: 'modelarts-demo' }, /name/],
      [{ name: 'env-', tag: 'v1', namespace: 'modelarts-demo' }, /name/],
      [{ name: 'env', tag: 'v 1', namespace: 'modelarts-demo' }, /tag/],
      [{ name: 'env', tag: 'v1', namespace: 'no-such-org' }, /no-such-org/],
      [{ name: 'env', tag: 'v1', namespace: 'shared-base' }, /shared-base/],
      [{ name: 'env', tag: 'v1', namespace: 'modelarts-demo', description: 'x'.repeat(513) }, /description/],
    ];
    for (const [body, message] of cases) {
      assertError(await save(notebook.id, body), 400, 'ModelArts.0101', message);
    }
    const noOrganization = await api('POST', `${NOTEBOOKS}/${notebook.id}/create-image`, { body: { name: 'env', tag: 'v1' }, headers: REFUSAL });
    assertError(noOrganization, 400, 'ModelArts.0101', /namespace/);
    assert.equal((await show(notebook.id)).status, 'RUNNING', 'a refused save leaves the notebook running');

    assert.equal((await save(notebook.id, { name: 'team-env', tag: '1.0', namespace: 'cv-team' })).status, 200);
    advance();
    assertError(await save(notebook.id, { name: 'team-env', tag: '1.0', namespace: 'cv-team' }), 400, 'ModelArts.0101', /already exists/);
    await api('POST', `${NOTEBOOKS}/${notebook.id}/stop`);
    advance();
    assertError(await save(notebook.id, { name: 'team-env', tag: '2.0', namespace: 'cv-team' }), 400, 'ModelArts.6357', /STOPPED/);
  });

  test('a save that fails ends CREATE_FAILED with its reason, and the notebook runs on', async () => {
    const notebook = await running('image-broken-save');
    const saved = await save(notebook.id, { name: 'fail-env', tag: 'v1', namespace: 'modelarts-demo' });
    advance();
    const image = (await api<Image>('GET', `/v1/{project_id}/images/${saved.body.id}`)).body;
    assert.equal(image.status, 'CREATE_FAILED');
    assert.match(image.status_message, /push/);
    assert.equal((await show(notebook.id)).status, 'RUNNING');
    assertError(await api('GET', '/v1/{project_id}/images/00000000-0000-4000-8000-000000000000'), 400, 'ModelArts.6404');
  });
});

describe('dynamic storage', () => {
  const storagePath = (id: string) => `${NOTEBOOKS}/${id}/storage`;
  const attach = (id: string, body: Record<string, unknown>) => api<Storage>('POST', storagePath(id), { body });
  const list = async (id: string) => (await api<Paged<Storage>>('GET', storagePath(id))).body;

  test('an OBS folder mounts under /data/ (MOUNTING, then MOUNTED), is listed and shown; detach unmounts it and it is gone', async () => {
    const notebook = await running('storage-obs');
    const attached = await attach(notebook.id, { category: 'OBS', mount_path: '/data/train', uri: 'obs://team-data/mnist/' });
    assert.equal(attached.status, 200, attached.text);
    assert.deepEqual([attached.body.category, attached.body.mount_path, attached.body.status], ['OBSFS', '/data/train/', 'MOUNTING']);
    advance();
    assert.deepEqual((await list(notebook.id)).data.map((storage) => `${storage.mount_path}=${storage.uri}:${storage.status}`), ['/data/train/=obs://team-data/mnist/:MOUNTED']);

    const detached = await api<Storage>('DELETE', `${storagePath(notebook.id)}/${attached.body.id}`);
    assert.equal(detached.body.status, 'UNMOUNTING');
    assertError(await api('DELETE', `${storagePath(notebook.id)}/${attached.body.id}`), 400, 'ModelArts.6357');
    advance();
    assert.equal((await list(notebook.id)).total, 0);
    assertError(await api('GET', `${storagePath(notebook.id)}/${attached.body.id}`), 400, 'ModelArts.6404');
  });

  test('mount paths outside /data/ or in use, bad OBS folders and EFS without a file system are refused', async () => {
    const notebook = await running('storage-checks');
    assert.equal((await attach(notebook.id, { category: 'OBS', mount_path: '/data/shared/', uri: 'obs://team-data/shared/' })).status, 200);
    const turbo = '280a8bd5-03e2-4a5c-bea1-83d81e75bc53';
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ category: 'OBS', mount_path: '/home/ma-user/work/x/', uri: 'obs://team-data/a/' }, /mount_path/],
      [{ category: 'OBS', mount_path: '/data/', uri: 'obs://team-data/a/' }, /mount_path/],
      [{ category: 'OBS', mount_path: '/data/../etc/', uri: 'obs://team-data/a/' }, /mount_path/],
      [{ category: 'OBS', mount_path: '/data/shared/sub/', uri: 'obs://team-data/a/' }, /already a mount point/],
      [{ category: 'OBS', mount_path: '/data/a/', uri: 'obs://team-data/file.txt' }, /uri/],
      [{ category: 'OBS', mount_path: '/data/a/', uri: 's3://team-data/a/' }, /uri/],
      [{ category: 'EFS', mount_path: '/data/a/', uri: `${turbo}.sfsturbo.internal:/` }, /efs_id/],
      [{ category: 'EFS', mount_path: '/data/a/', uri: `${turbo}.sfsturbo.internal:/`, efs_id: 'not-a-uuid' }, /efs_id/],
      [{ category: 'EFS', mount_path: '/data/a/', uri: 'obs://team-data/a/', efs_id: turbo }, /uri/],
    ];
    for (const [body, message] of cases) {
      assertError(await attach(notebook.id, body), 400, 'ModelArts.0101', message);
    }
    for (const body of [{ mount_path: '/data/b/', uri: 'obs://team-data/b/' }, { category: 'EFS', mount_path: '/data/b/', efs_id: turbo }]) {
      assertError(await api('POST', storagePath(notebook.id), { body, headers: REFUSAL }), 400, 'ModelArts.0101', /body\.(category|uri)/);
    }
    const efs = await attach(notebook.id, { category: 'EFS', mount_path: '/data/turbo/', efs_id: turbo, uri: `${turbo}.sfsturbo.internal:/shared` });
    assert.deepEqual([efs.body.category, efs.body.efs_id, efs.body.uri], ['EFS', turbo, `${turbo}.sfsturbo.internal:/shared`]);
  });

  test('a failing mount says why and can be removed; a stopped notebook takes no storage; the demo notebook has a dataset mounted', async () => {
    const notebook = await running('storage-broken-mount');
    const failing = await attach(notebook.id, { category: 'OBS', mount_path: '/data/x/', uri: 'obs://fail-bucket/x/' });
    advance();
    const [failed] = (await list(notebook.id)).data;
    assert.equal(failed.status, 'MOUNT_FAILED');
    assert.match(failed.failure_reason ?? '', /access denied/);
    await api('POST', `${NOTEBOOKS}/${notebook.id}/stop`);
    advance();
    assertError(await attach(notebook.id, { category: 'OBS', mount_path: '/data/y/', uri: 'obs://team-data/y/' }), 400, 'ModelArts.6357');
    assert.equal((await api<Storage>('DELETE', `${storagePath(notebook.id)}/${failing.body.id}`)).body.status, 'UNMOUNTING');

    const seeded = (await api<Paged<Notebook & { name: string }>>('GET', NOTEBOOKS, { query: { name: 'scratch-notebook' } })).body.data[0];
    assert.deepEqual((await list(seeded.id)).data.map((storage) => `${storage.mount_path}:${storage.status}`), ['/data/datasets/:MOUNTED']);
  });
});

describe('switching flavors', () => {
  const switchable = async (id: string) => (await api<Paged<{ id: string; sold_out: boolean }> & { flavors: unknown[] }>('GET', `${NOTEBOOKS}/${id}/flavors`)).body;

  test('only flavors of the same architecture that the image runs on are offered; a stopped notebook switches to one of them', async () => {
    const notebook = await running('switch-flavor');
    const offered = await switchable(notebook.id);
    const ids = offered.data.map((flavor) => flavor.id);
    assert.ok(ids.includes('modelarts.vm.gpu.t4u8') && ids.includes('modelarts.vm.cpu.8u'), ids.join());
    assert.ok(!ids.includes('modelarts.vm.cpu.2u'), 'not its own');
    assert.ok(!ids.includes('modelarts.vm.npu.arm.1snt9b'), 'not another architecture');
    assert.ok(!ids.includes('modelarts.vm.cpu.free'), 'not a CodeLab flavor');
    assert.deepEqual(offered.flavors, offered.data);
    assert.ok(offered.data.find((flavor) => flavor.id === 'modelarts.vm.gpu.a100')?.sold_out);

    const update = (body: Record<string, unknown>) => api<Notebook>('PUT', `${NOTEBOOKS}/${notebook.id}`, { body });
    assertError(await update({ flavor: 'modelarts.vm.gpu.t4u8' }), 400, 'ModelArts.6357', /RUNNING/);
    await api('POST', `${NOTEBOOKS}/${notebook.id}/stop`);
    advance();
    assertError(await update({ flavor: 'modelarts.vm.npu.arm.1snt9b' }), 400, 'ModelArts.0101', /flavor/);
    assertError(await update({ flavor: 'modelarts.vm.gpu.a100' }), 400, 'ModelArts.0101', /sold out/);
    const switched = await update({ flavor: 'modelarts.vm.gpu.t4u8' });
    assert.equal(switched.status, 200, switched.text);
    assert.deepEqual([switched.body.flavor, switched.body.status], ['modelarts.vm.gpu.t4u8', 'STOPPED']);
    assert.ok(switched.body.update_at >= session.emulator.clock.now() - 1000);

    const cpuOnly = await running('switch-cpu-image', { image_id: CPU_IMAGE });
    assert.ok((await switchable(cpuOnly.id)).data.every((flavor) => flavor.id.includes('.cpu.')), 'a CPU-only image keeps to CPU flavors');
  });
});
