import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { collectPages } from '../../../src/services/paging';
import { NODE_BATCH_LABEL, NODE_POOL_LABEL, type Pool, poolDisplayName, stateCounts } from '../../../src/services/pools';
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

  test('createNodePool sends the SDK\'s NodePool (maxCount equal to count) with a zone, and its nodes come up', async () => {
    const pool = await poolNamed('pool-cpu-etl');
    await pools().createNodePool(REGION, pool.metadata.name, { name: 'burst', flavor: 'modelarts.vm.cpu.4ud', count: 2, az: 'cn-north-4b' });
    assert.deepEqual(lastBody('POST', '/nodepools'), {
      apiVersion: 'v2',
      kind: 'NodePool',
      metadata: { name: 'burst' },
      spec: { resources: { flavor: 'modelarts.vm.cpu.4ud', count: 2, maxCount: 2, azs: [{ az: 'cn-north-4b', count: 2 }] } },
    });
    const nodePool = await eventually(
      () => pools().getNodePool(REGION, pool.metadata.name, 'burst'),
      (latest) => stateCounts(latest.status?.resources?.available)[0]?.count === 2,
    );
    assert.deepEqual(stateCounts(nodePool.status?.resources?.creating), []);
    await pools().createNodePool(REGION, pool.metadata.name, { name: 'plain', flavor: 'modelarts.vm.cpu.4ud', count: 1 });
    assert.deepEqual(lastBody('POST', '/nodepools'), { apiVersion: 'v2', kind: 'NodePool', metadata: { name: 'plain' }, spec: { resources: { flavor: 'modelarts.vm.cpu.4ud', count: 1, maxCount: 1 } } });
  });

  test('scaleNodePool sends flavor, count and maxCount, keeping a node pool in its one zone', async () => {
    const pool = await poolNamed('pool-cpu-etl');
    const burst = await pools().getNodePool(REGION, pool.metadata.name, 'burst');
    await pools().scaleNodePool(REGION, pool.metadata.name, burst, 3);
    assert.deepEqual(lastBody('PATCH', '/nodepools/burst'), { spec: { resources: { flavor: 'modelarts.vm.cpu.4ud', count: 3, maxCount: 3, azs: [{ az: 'cn-north-4b', count: 3 }] } } });
    const plain = await pools().getNodePool(REGION, pool.metadata.name, 'plain');
    await pools().scaleNodePool(REGION, pool.metadata.name, plain, 2);
    assert.deepEqual(lastBody('PATCH', '/nodepools/plain'), { spec: { resources: { flavor: 'modelarts.vm.cpu.4ud', count: 2, maxCount: 2 } } });
    assert.equal((await pools().getNodePool(REGION, pool.metadata.name, 'plain')).spec?.resources?.count, 2);
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
    await pools().resizeNodes(REGION, pool.metadata.name, { nodePool: 'highmem', fromFlavor: 'modelarts.vm.cpu.16ud', toFlavor: 'modelarts.vm.cpu.8ud', batchUids });
    assert.deepEqual(lastBody('POST', '/nodes/batch-resize'), {
      source: { nodePool: 'highmem', flavor: 'modelarts.vm.cpu.16ud' },
      target: { nodePool: 'highmem', flavor: 'modelarts.vm.cpu.8ud' },
      nodes: batchUids.map((batchUID) => ({ batchUID })),
    });
    assert.equal((await pools().getNode(REGION, pool.metadata.name, highmem[0].metadata.name)).status?.phase, 'Checking');
  });

  test('a locked node is refused by deleteNodes as a whole; unlocked, it is deleted', async () => {
    const pool = await poolNamed('pool-gpu-v100');
    const [node] = (await pools().listNodes(REGION, pool.metadata.name)).items;
    assert.deepEqual(await pools().setNodesLocked(REGION, pool.metadata.name, [node.metadata.name], true), [{ name: node.metadata.name, status: 'success' }]);
    await assert.rejects(pools().deleteNodes(REGION, pool.metadata.name, [node.metadata.name]), /locked against deletion/);
    await pools().setNodesLocked(REGION, pool.metadata.name, [node.metadata.name], false);
    await pools().deleteNodes(REGION, pool.metadata.name, [node.metadata.name]);
    assert.deepEqual(lastBody('POST', '/nodes/batch-delete'), { deleteNodeNames: [node.metadata.name] });
    assert.equal((await pools().getNode(REGION, pool.metadata.name, node.metadata.name)).status?.phase, 'Deleting');
  });

  test('plugins: templates for the pool with their versions, install with the SDK\'s whole body, one read by its template', async () => {
    const pool = await poolNamed('pool-cpu-etl');
    const templates = await pools().listPluginTemplates(REGION, pool.metadata.name);
    assert.deepEqual(harness.emulator.requests.list({ method: 'GET', path: '/plugintemplates' }).at(-1)?.query, { poolName: pool.metadata.name });
    assert.deepEqual(templates.find((template) => template.metadata.name === 'npu-driver')?.spec?.versions?.map((entry) => entry.version), ['24.1.rc2', '23.0.6']);
    const installed = await pools().installPlugin(REGION, pool.metadata.name, 'npu-driver', '23.0.6');
    assert.deepEqual(lastBody('POST', '/plugins'), { apiVersion: 'v2', kind: 'Plugin', spec: { template: { name: 'npu-driver', version: '23.0.6' } } });
    assert.notEqual(installed.metadata.name, 'npu-driver', 'the instance name is not the template name');
    const plugin = await pools().getPlugin(REGION, pool.metadata.name, 'npu-driver');
    assert.deepEqual([plugin.metadata.name, plugin.spec?.template?.version], [installed.metadata.name, '23.0.6']);
    assert.equal(harness.emulator.requests.count({ method: 'GET', path: /\/plugins\/npu-driver$/ }), 0, 'read from the list: the SDK has no call for one plugin');
    await assert.rejects(pools().getPlugin(REGION, pool.metadata.name, 'gpu-driver'), (error: { isNotFound?: boolean }) => error.isNotFound === true);
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

test('stateCounts reads the SDK\'s one count per state, and the list of counts the OTC reference shows', () => {
  assert.deepEqual(stateCounts({ flavor: 'f', count: 3 }), [{ flavor: 'f', count: 3 }]);
  assert.deepEqual(stateCounts([{ flavor: 'f', count: 1 }, { flavor: 'g', count: 2 }]), [{ flavor: 'f', count: 1 }, { flavor: 'g', count: 2 }]);
  assert.deepEqual(stateCounts(undefined), []);
});
