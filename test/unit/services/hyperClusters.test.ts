import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ModelArtsError } from '../../../src/services/errors';
import { collectPages } from '../../../src/services/paging';
import { eventually, type Harness, startHarness } from './emulatorHarness';

const REGION = 'cn-north-4';

describe('hyper clusters and hyperinstance scaling', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness.close());

  const notFound = (error: unknown): boolean => error instanceof ModelArtsError && error.isNotFound;

  test('lists the seeded cluster with the hyperinstance using it', async () => {
    const page = await harness.services.hyperClusters.list(REGION);
    assert.equal(page.total, 1);
    const [cluster] = page.items;
    assert.equal(cluster.name, 'hpc-cluster-a');
    assert.equal(cluster.status, 'ACTIVE');
    const [hyperinstance] = (await harness.services.devServers.listHyperinstances(REGION)).items;
    assert.deepEqual(cluster.hyperinstance_ids, [hyperinstance.id]);
    assert.equal((await harness.services.hyperClusters.get(REGION, cluster.id)).name, 'hpc-cluster-a');
  });

  test('create → CREATING → ACTIVE → delete → DELETING → gone', async () => {
    const { hyperClusters } = harness.services;
    harness.emulator.requests.clear();
    const created = await hyperClusters.create(REGION, { name: 'unit-cluster', type: 'SPOD', availability_zone: 'cn-north-4a', description: 'for a test' });
    assert.equal(created.status, 'CREATING');
    const [post] = harness.emulator.requests.list({ method: 'POST', path: '/dev-servers/hyper-clusters' });
    assert.deepEqual(JSON.parse(post.body ?? '{}'), { name: 'unit-cluster', type: 'SPOD', availability_zone: 'cn-north-4a', description: 'for a test' });
    await eventually(() => hyperClusters.get(REGION, created.id), (cluster) => cluster.status === 'ACTIVE');
    const listed = await collectPages((token) => hyperClusters.list(REGION, token), 100);
    assert.ok(listed.some((cluster) => cluster.id === created.id && cluster.type === 'SPOD'));

    assert.equal((await hyperClusters.delete(REGION, created.id)).status, 'DELETING');
    const gone = await eventually(
      () => hyperClusters.get(REGION, created.id).then(() => undefined, (error: unknown) => error),
      (error) => error !== undefined,
    );
    assert.ok(notFound(gone), `not found after deleting: ${String(gone)}`);
  });

  test('scale up adds one server of the flavor with the key pair; scale down removes the named ones', async () => {
    const { devServers, hyperClusters } = harness.services;
    const [hyperinstance] = (await devServers.listHyperinstances(REGION)).items;
    const before = hyperinstance.servers ?? [];
    const [image] = await devServers.listImages(REGION, { serverType: 'HPS', flavorName: 'physical.kat2ne.hps.48xlarge.8' });
    harness.emulator.requests.clear();
    const grown = await hyperClusters.scaleUp(REGION, hyperinstance.id, { flavor: 'physical.kat2ne.hps.48xlarge.8', image_id: image.image_id, key_pair_name: 'kp-unit' });
    const [up] = harness.emulator.requests.list({ method: 'POST', path: `/hyperinstance/${hyperinstance.id}/live-scale-up` });
    assert.deepEqual(JSON.parse(up.body ?? '{}'), { flavor: 'physical.kat2ne.hps.48xlarge.8', image_id: image.image_id, key_pair_name: 'kp-unit' });
    const added = (grown.servers ?? []).filter((server) => !before.some((old) => old.id === server.id));
    assert.equal(added.length, 1);
    assert.equal(added[0].status, 'CREATING');
    assert.equal(added[0].key_pair_name, 'kp-unit');

    const leaving = before.slice(0, 2).map((server) => server.id);
    const shrunk = await hyperClusters.scaleDown(REGION, hyperinstance.id, leaving);
    const [down] = harness.emulator.requests.list({ method: 'POST', path: `/hyperinstance/${hyperinstance.id}/live-scale-down` });
    assert.deepEqual(JSON.parse(down.body ?? '{}'), { server_ids: leaving });
    assert.deepEqual(shrunk.servers?.filter((server) => leaving.includes(server.id)).map((server) => server.status), ['DELETING', 'DELETING']);
    const after = await eventually(() => devServers.getHyperinstance(REGION, hyperinstance.id), (latest) => !latest.servers?.some((server) => leaving.includes(server.id)));
    assert.equal(after.servers?.length, before.length - 1);
  });
});
