import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertError, REFUSAL, useEmulator } from './emulatorSession';

const session = useEmulator(60_000);
const { api } = session;

interface Cluster {
  id: string;
  name: string;
  network_info: { hyper_cluster_subnet_id: string; is_default: boolean }[];
}

const CLUSTERS = '/v1/{project_id}/dev-servers/hyper-clusters';
const list = async (type?: string) => (await api<{ hyper_clusters: Cluster[] }>('GET', CLUSTERS, { query: type ? { type } : {} })).body.hyper_clusters;
const subnetIds = async () => (await api<{ subnets: { id: string; name: string }[] }>('GET', '/v1/{project_id}/subnets')).body.subnets;

test('the list holds the clusters of one type, HPS by default, without paging', async () => {
  assert.deepEqual(
    (await list()).map((cluster) => cluster.name),
    ['hpc-cluster-a'],
  );
  assert.deepEqual(
    (await list('HPS')).map((cluster) => cluster.name),
    ['hpc-cluster-a'],
  );
  const [ecs] = await list('ECS');
  assert.equal(ecs.name, 'ecs-cluster-train');
  assert.deepEqual(Object.keys(ecs).sort(), ['id', 'name', 'network_info']);
  assert.equal(ecs.network_info[0].is_default, true);
  assertError(await api('GET', CLUSTERS, { query: { type: 'SPOD' } }), 400, 'ModelArts.0101', /type/);
  assertError(await api('GET', CLUSTERS, { query: { limit: 10 }, headers: REFUSAL }), 400, 'ModelArts.0101', /limit/);
});

test('create takes a name, a subnet of the project and a type; show and delete find it by its type only', async () => {
  const subnet = (await subnetIds()).find((candidate) => candidate.name === 'subnet-notebooks');
  assert.ok(subnet);
  const created = await api<Cluster>('POST', CLUSTERS, { body: { name: 'ecs-test', hyper_cluster_subnet_id: subnet.id, type: 'ECS' } });
  assert.equal(created.status, 200, created.text);
  assert.deepEqual(created.body.network_info, [{ hyper_cluster_subnet_id: subnet.id, is_default: true }]);
  const path = `${CLUSTERS}/${created.body.id}`;
  assert.equal((await api<Cluster>('GET', path, { query: { type: 'ECS' } })).body.name, 'ecs-test');
  assertError(await api('GET', path), 400, 'ModelArts.6404', /HPS hyper cluster/);
  assertError(await api('DELETE', path, { query: { type: 'HPS' } }), 400, 'ModelArts.6404');

  assertError(await api('POST', CLUSTERS, { body: { name: 'ecs-test', hyper_cluster_subnet_id: subnet.id, type: 'ECS' } }), 400, 'ModelArts.0101', /exists/);
  assertError(await api('POST', CLUSTERS, { body: { name: 'bad name!', type: 'HPS' } }), 400, 'ModelArts.0101', /name/);
  assertError(await api('POST', CLUSTERS, { body: { name: 'x', hyper_cluster_subnet_id: '0f8d2c7a-1b2c-4d3e-8f90-123456789abc' } }), 400, 'ModelArts.0101', /hyper_cluster_subnet_id/);
  assertError(await api('POST', CLUSTERS, { body: { name: 'x', type: 'SPOD' } }), 400, 'ModelArts.0101', /type/);
  assertError(await api('POST', CLUSTERS, { body: { name: 'x', availability_zone: 'cn-north-4a' }, headers: REFUSAL }), 400, 'ModelArts.0101', /availability_zone/);

  const deleted = await api('DELETE', path, { query: { type: 'ECS' } });
  assert.equal(deleted.status, 200, deleted.text);
  assertError(await api('GET', path, { query: { type: 'ECS' } }), 400, 'ModelArts.6404');
  assert.ok(!(await list('ECS')).some((cluster) => cluster.id === created.body.id), 'gone at once');
});

test('a cluster used by a hyperinstance is not deleted', async () => {
  const [seeded] = await list('HPS');
  assertError(await api('DELETE', `${CLUSTERS}/${seeded.id}`), 400, 'ModelArts.0101', /used by/);
  const plain = await api<Cluster>('POST', CLUSTERS, { body: { name: 'hpc-unused', type: 'HPS' } });
  assert.equal(plain.status, 200, plain.text);
  assert.equal((await api('DELETE', `${CLUSTERS}/${plain.body.id}`)).status, 200, 'type HPS by default');
});
