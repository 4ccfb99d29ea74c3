import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertError, REFUSAL, useEmulator } from './emulatorSession';

const { api, advance } = useEmulator(60_000);

/** The SDK's PoolTag: every answer gives a key with its values. */
interface Tag {
  key: string;
  values: string[];
}
interface PoolAnswer {
  metadata: { name: string; labels: Record<string, string> };
  spec: { scope: string[]; resources: { flavor: string; count: number; nodePool: string }[] };
  status: { scope: { scopeType: string; state: string }[] };
}
interface NodeList {
  items: { metadata: { name: string; labels: Record<string, string> }; spec: { flavor: string } }[];
}

async function poolId(displayName: string): Promise<string> {
  const list = await api<{ items: PoolAnswer[] }>('GET', '/v2/{project_id}/pools');
  const pool = list.body.items.find((item) => item.metadata.labels['os.modelarts/name'] === displayName);
  assert.ok(pool, `${displayName} is listed`);
  return pool.metadata.name;
}

test('pool tags: shown, added (a known key is replaced), removed by key or by key and value, and listed for the project', async () => {
  const gpu = await poolId('pool-gpu-v100');
  const tagsPath = `/v1/{project_id}/pools/${gpu}/tags`;
  const seeded = await api<{ tags: Tag[] }>('GET', tagsPath);
  assert.equal(seeded.status, 200, seeded.text);
  assert.deepEqual(seeded.body.tags, [
    { key: 'team', values: ['nlp'] },
    { key: 'cost-center', values: ['cc-1024'] },
  ]);

  const added = await api<{ tags: Tag[] }>('POST', `${tagsPath}/create`, { body: { tags: [{ key: 'team', value: 'llm' }, { key: 'env', value: '' }] } });
  assert.equal(added.status, 200, added.text);
  assert.deepEqual(added.body.tags, [
    { key: 'team', values: ['llm'] },
    { key: 'env', values: [''] },
  ]);
  assert.deepEqual((await api<{ tags: Tag[] }>('GET', tagsPath)).body.tags.map((tag) => `${tag.key}=${tag.values.join()}`), ['team=llm', 'cost-center=cc-1024', 'env=']);

  const kept = await api<{ tags: Tag[] }>('DELETE', `${tagsPath}/delete`, { body: { tags: [{ key: 'team', value: 'nlp' }, { key: 'env' }, { key: 'unknown' }] } });
  assert.equal(kept.status, 200, kept.text);
  assert.deepEqual(kept.body.tags[1], { key: 'env', values: [] }, 'a removal by key alone answers no value');
  assert.deepEqual((await api<{ tags: Tag[] }>('GET', tagsPath)).body.tags.map((tag) => tag.key), ['team', 'cost-center'], 'a value that differs keeps the tag');

  const all = await api<{ tags: { key: string; values: string[] }[] }>('GET', '/v1/{project_id}/pools/tags');
  assert.deepEqual(all.body.tags, [
    { key: 'cost-center', values: ['cc-1024'] },
    { key: 'env', values: ['prod'] },
    { key: 'team', values: ['data-eng', 'llm'] },
  ]);
  const secondPage = await api<{ tags: { key: string }[] }>('GET', '/v1/{project_id}/pools/tags', { query: { limit: 2, offset: 1 } });
  assert.deepEqual(secondPage.body.tags.map((tag) => tag.key), ['team'], 'offset counts pages');

  for (const body of [{ tags: [] }, { tags: [{ key: '', value: 'x' }] }, { tags: [{ key: 'k', value: 'v'.repeat(256) }] }]) {
    assertError(await api('POST', `${tagsPath}/create`, { body }), 400, 'ModelArts.50004000');
  }
  const noValue = await api('POST', `${tagsPath}/create`, { body: { tags: [{ key: 'k' }] }, headers: REFUSAL });
  assertError(noValue, 400, 'ModelArts.0101', /body\.tags\[\]\.value: Tag requires value/);
  const tooMany = Array.from({ length: 19 }, (_, index) => ({ key: `k${index}`, value: '' }));
  assert.equal((await api('POST', `${tagsPath}/create`, { body: { tags: tooMany } })).status, 400, 'at most 20 tags');
  assertError(await api('GET', '/v1/{project_id}/pools/pool-nope/tags'), 404, 'ModelArts.50015001');
});

test('a scope added by PATCH is Enabling and a removed one Disabling for one transition', async () => {
  const cpu = await poolId('pool-cpu-etl');
  const path = `/v2/{project_id}/pools/${cpu}`;
  const patched = await api<PoolAnswer>('PATCH', path, { body: { spec: { scope: ['Train', 'Infer'] } } });
  assert.equal(patched.status, 200, patched.text);
  assert.deepEqual(patched.body.spec.scope, ['Train', 'Infer']);
  assert.deepEqual(patched.body.status.scope, [
    { scopeType: 'Train', state: 'Enabled' },
    { scopeType: 'Infer', state: 'Enabling' },
    { scopeType: 'Notebook', state: 'Disabling' },
  ]);
  advance();
  assert.deepEqual((await api<PoolAnswer>('GET', path)).body.status.scope, [
    { scopeType: 'Train', state: 'Enabled' },
    { scopeType: 'Infer', state: 'Enabled' },
  ]);
});

test('a node pool whose nodes all changed flavor takes the new flavor', async () => {
  const cpu = await poolId('pool-cpu-etl');
  const base = `/v2/{project_id}/pools/${cpu}`;
  const nodes = (await api<NodeList>('GET', `${base}/nodepools/highmem/nodes`)).body.items;
  const batchUID = nodes[0].metadata.labels['os.modelarts.node/batch.uid'];
  const resize = await api('POST', `${base}/nodes/batch-resize`, {
    body: { nodes: [{ batchUID }], source: { nodePool: 'highmem', flavor: 'modelarts.vm.cpu.16ud' }, target: { nodePool: 'highmem', flavor: 'modelarts.vm.cpu.8ud' } },
  });
  assert.equal(resize.status, 200, resize.text);
  const nodePool = await api<{ spec: { resources: { flavor: string } } }>('GET', `${base}/nodepools/highmem`);
  assert.equal(nodePool.body.spec.resources.flavor, 'modelarts.vm.cpu.8ud');
  const pool = await api<PoolAnswer>('GET', base);
  assert.deepEqual(
    pool.body.spec.resources.map((resource) => [resource.nodePool, resource.flavor]),
    [
      ['default', 'modelarts.vm.cpu.8ud'],
      ['highmem', 'modelarts.vm.cpu.8ud'],
    ],
  );
});

test('a PATCH finds each node pool by the nodePool it names, also when two share a flavor', async () => {
  const cpu = await poolId('pool-cpu-etl');
  const path = `/v2/{project_id}/pools/${cpu}`;
  // After the flavor change above, both node pools are modelarts.vm.cpu.8ud.
  const resources = [
    { flavor: 'modelarts.vm.cpu.8ud', count: 3, nodePool: 'highmem' },
    { flavor: 'modelarts.vm.cpu.8ud', count: 3, nodePool: 'default' },
  ];
  const patched = await api<PoolAnswer>('PATCH', path, { body: { spec: { resources } } });
  assert.equal(patched.status, 200, patched.text);
  assert.deepEqual(
    patched.body.spec.resources.map((resource) => [resource.nodePool, resource.count]),
    [
      ['default', 3],
      ['highmem', 3],
    ],
  );
  const highmem = await api<{ spec: { resources: { count: number; maxCount: number } } }>('GET', `${path}/nodepools/highmem`);
  assert.deepEqual([highmem.body.spec.resources.count, highmem.body.spec.resources.maxCount], [3, 3]);
});
