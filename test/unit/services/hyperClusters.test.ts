import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ModelArtsError } from '../../../src/services/errors';
import { eventually, type Harness, startHarness } from './emulatorHarness';

const REGION = 'cn-north-4';

describe('hyper clusters and hyperinstance scaling', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness.close());

  const notFound = (error: unknown): boolean => error instanceof ModelArtsError && error.isNotFound;

  test('lists the clusters of both types, one unpaged request per type', async () => {
    harness.emulator.requests.clear();
    const clusters = await harness.services.hyperClusters.list(REGION);
    assert.deepEqual(
      clusters.map((cluster) => [cluster.name, cluster.type]),
      [
        ['hpc-cluster-a', 'HPS'],
        ['ecs-cluster-train', 'ECS'],
      ],
    );
    assert.deepEqual(harness.emulator.requests.list({ method: 'GET', path: /\/hyper-clusters$/ }).map((request) => request.query).sort((a, b) => String(a.type).localeCompare(String(b.type))), [{ type: 'ECS' }, { type: 'HPS' }]);
    const [hyperinstance] = (await harness.services.devServers.listHyperinstances(REGION)).items;
    assert.equal(hyperinstance.hps_cluster_id, clusters[0].id);
    assert.ok(clusters[0].network_info?.[0]?.hyper_cluster_subnet_id);
  });

  test('a cluster is read with its type; one known by id alone is found as HPS, else as ECS', async () => {
    const { hyperClusters } = harness.services;
    const [hps, ecs] = await hyperClusters.list(REGION);
    assert.equal((await hyperClusters.get(REGION, ecs.id, 'ECS')).name, 'ecs-cluster-train');
    await assert.rejects(hyperClusters.get(REGION, ecs.id, 'HPS'), notFound);
    assert.deepEqual([(await hyperClusters.find(REGION, hps.id)).type, (await hyperClusters.find(REGION, ecs.id)).type], ['HPS', 'ECS']);
    await assert.rejects(hyperClusters.find(REGION, '0f8d2c7a-1b2c-4d3e-8f90-123456789abc'), notFound);
  });

  test('create sends the SDK\'s body and the cluster is there at once; delete sends its type and it is gone', async () => {
    const { hyperClusters, vpc } = harness.services;
    const [defaultVpc] = await vpc.listAllVpcs(REGION);
    const [subnet] = await vpc.listAllSubnets(REGION, defaultVpc.id);
    harness.emulator.requests.clear();
    const created = await hyperClusters.create(REGION, { name: 'unit-cluster', hyper_cluster_subnet_id: subnet.id, type: 'ECS' });
    assert.deepEqual([created.name, created.type, created.network_info?.[0]?.hyper_cluster_subnet_id], ['unit-cluster', 'ECS', subnet.id]);
    const [post] = harness.emulator.requests.list({ method: 'POST', path: '/dev-servers/hyper-clusters' });
    assert.deepEqual(JSON.parse(post.body ?? '{}'), { name: 'unit-cluster', hyper_cluster_subnet_id: subnet.id, type: 'ECS' });
    assert.ok((await hyperClusters.listOfType(REGION, 'ECS')).some((cluster) => cluster.id === created.id));

    await hyperClusters.delete(REGION, created);
    assert.deepEqual(harness.emulator.requests.list({ method: 'DELETE' }).map((request) => request.query), [{ type: 'ECS' }]);
    await assert.rejects(hyperClusters.get(REGION, created.id, 'ECS'), notFound);
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
