import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { collectPages } from '../../../src/services/paging';
import { NODE_BATCH_LABEL, NODE_POOL_LABEL, nodeLocks, type Pool, poolDisplayName } from '../../../src/services/pools';
import { eventually, type Harness, startHarness } from './emulatorHarness';

const REGION = 'cn-north-4';

describe('pool adapter', () => {
  let harness: Harness;
  const pools = () => harness.services.pools;
  const lastBody = (method: string, path: string): unknown => JSON.parse(harness.emulator.requests.list({ method, path }).at(-1)?.body ?? 'null');
  async function poolNamed(displayName: string): Promise<Pool> {
    const workspaces = await harness.services.workspaces.list(REGION);
    const all = (await Promise.all(workspaces.map((workspace) => pools().list(REGION, workspace.id)))).flat();
    const found = all.find((pool) => poolDisplayName(pool) === displayName);
    assert.ok(found, `${displayName} is listed`);
    return found;
  }

  before(async () => {
    harness = await startHarness();
  });
  after(() => harness.close());

  test('update sends a merge patch and answers the changed pool', async () => {
    const pool = await poolNamed('pool-cpu-etl');
    const patch = { metadata: { annotations: { 'os.modelarts/description': 'nightly ETL' } }, spec: { scope: ['Train'] } };
    const updated = await pools().update(REGION, pool.metadata.name, patch);
    assert.deepEqual(lastBody('PATCH', pool.metadata.name), patch);
    assert.equal(updated.metadata.annotations?.['os.modelarts/description'], 'nightly ETL');
    assert.deepEqual(updated.spec?.scope, ['Train']);
    assert.deepEqual(updated.status?.scope, [
      { scopeType: 'Train', state: 'Enabled' },
      { scopeType: 'Notebook', state: 'Disabling' },
    ]);
  });

  test('createNodePool sends a NodePool with max count and zone, and its nodes come up', async () => {
    const pool = await poolNamed('pool-cpu-etl');
    const created = await pools().createNodePool(REGION, pool.metadata.name, { name: 'burst', flavor: 'modelarts.vm.cpu.4ud', count: 2, maxCount: 5, az: 'cn-north-4b' });
    assert.deepEqual(lastBody('POST', '/nodepools'), {
      apiVersion: 'v2',
      kind: 'NodePool',
      metadata: { name: 'burst' },
      spec: { resources: { flavor: 'modelarts.vm.cpu.4ud', count: 2, maxCount: 5, azs: [{ az: 'cn-north-4b', count: 2 }] } },
    });
    assert.equal(created.metadata.name, 'burst');
    const nodePool = await eventually(
      () => pools().getNodePool(REGION, pool.metadata.name, 'burst'),
      (latest) => latest.status?.resources?.available?.[0]?.count === 2,
    );
    assert.deepEqual(nodePool.status?.resources?.available, [{ flavor: 'modelarts.vm.cpu.4ud', count: 2 }]);
    await pools().createNodePool(REGION, pool.metadata.name, { name: 'plain', flavor: 'modelarts.vm.cpu.4ud', count: 1 });
    assert.deepEqual(lastBody('POST', '/nodepools'), { apiVersion: 'v2', kind: 'NodePool', metadata: { name: 'plain' }, spec: { resources: { flavor: 'modelarts.vm.cpu.4ud', count: 1 } } });
  });

  test('resizeNodes sends the batches of one node pool and answers the nodes that change', async () => {
    const pool = await poolNamed('pool-cpu-etl');
    const nodes = await collectPages((token) => pools().listNodes(REGION, pool.metadata.name, token), 500);
    const highmem = await collectPages((token) => pools().listNodePoolNodes(REGION, pool.metadata.name, 'highmem', token), 500);
    assert.deepEqual(
      highmem.map((node) => node.metadata.name),
      nodes.filter((node) => node.metadata.labels?.[NODE_POOL_LABEL] === 'highmem').map((node) => node.metadata.name),
      'a node pool lists its own nodes',
    );
    assert.equal(highmem.length, 2);
    const batchUids = [...new Set(highmem.map((node) => node.metadata.labels?.[NODE_BATCH_LABEL] ?? ''))];
    const resized = await pools().resizeNodes(REGION, pool.metadata.name, { nodePool: 'highmem', fromFlavor: 'modelarts.vm.cpu.16ud', toFlavor: 'modelarts.vm.cpu.8ud', batchUids });
    assert.deepEqual(lastBody('POST', '/nodes/batch-resize'), {
      source: { nodePool: 'highmem', flavor: 'modelarts.vm.cpu.16ud' },
      target: { nodePool: 'highmem', flavor: 'modelarts.vm.cpu.8ud' },
      nodes: batchUids.map((batchUID) => ({ batchUID })),
    });
    assert.deepEqual([...resized].sort(), highmem.map((node) => node.metadata.name).sort());
    assert.equal((await pools().getNode(REGION, pool.metadata.name, highmem[0].metadata.name)).status?.phase, 'Checking');
  });

  test('nodeLocks reads what batch-lock set, and unlock clears it', async () => {
    const pool = await poolNamed('pool-gpu-v100');
    const [node] = (await pools().listNodes(REGION, pool.metadata.name)).items;
    assert.deepEqual(nodeLocks(node), []);
    await pools().setNodesLocked(REGION, pool.metadata.name, [node.metadata.name], true);
    assert.deepEqual(nodeLocks(await pools().getNode(REGION, pool.metadata.name, node.metadata.name)), ['delete']);
    await pools().setNodesLocked(REGION, pool.metadata.name, [node.metadata.name], false);
    assert.deepEqual(nodeLocks(await pools().getNode(REGION, pool.metadata.name, node.metadata.name)), []);
  });

  test('tags: listed, added, removed by key, and the project-wide keys with their values', async () => {
    const pool = await poolNamed('pool-gpu-v100');
    assert.deepEqual(await pools().listTags(REGION, pool.metadata.name), [
      { key: 'team', value: 'nlp' },
      { key: 'cost-center', value: 'cc-1024' },
    ]);
    await pools().addTags(REGION, pool.metadata.name, [{ key: 'owner', value: 'ana' }]);
    assert.deepEqual(lastBody('POST', '/tags/create'), { tags: [{ key: 'owner', value: 'ana' }] });
    await pools().removeTags(REGION, pool.metadata.name, ['cost-center']);
    assert.deepEqual(lastBody('DELETE', '/tags/delete'), { tags: [{ key: 'cost-center' }] });
    assert.deepEqual(
      (await pools().listTags(REGION, pool.metadata.name)).map((tag) => tag.key),
      ['team', 'owner'],
    );
    const keys = await pools().listTagKeys(REGION);
    assert.deepEqual(keys, [
      { key: 'env', values: ['prod'] },
      { key: 'owner', values: ['ana'] },
      { key: 'team', values: ['data-eng', 'nlp'] },
    ]);
    assert.deepEqual(harness.emulator.requests.list({ method: 'GET', path: '/pools/tags' }).at(-1)?.query, { limit: '200', offset: '0' });
  });
});
