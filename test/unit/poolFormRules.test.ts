import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Pool } from '../../src/services/pools';
import { emptyPoolForm, isPoolEdit, nodesRemoved, poolToEditValues, toCreatePoolBody, toPoolPatch, validatePoolEdit, validatePoolForm } from '../../src/webviews/poolFormRules';

/** As the service answers it: with fields a PATCH cannot carry (os). */
const highmemEntry = { flavor: 'modelarts.vm.cpu.16ud', count: 2, nodePool: 'highmem', maxCount: 2, azs: [{ az: 'cn-north-4a', count: 2 }], os: { name: 'EulerOS 2.9' } };
const pool: Pool = {
  metadata: {
    name: 'pool-etl-0123456789abcdef0123456789abcdef',
    labels: { 'os.modelarts/name': 'pool-etl', 'os.modelarts/workspace.id': '0' },
    annotations: { 'os.modelarts/description': 'ETL', 'os.modelarts/billing.mode': '0' },
  },
  spec: {
    type: 'Dedicate',
    scope: ['Train', 'Notebook'],
    network: { name: 'network-1234' },
    resources: [
      { flavor: 'modelarts.vm.cpu.8ud', count: 3, nodePool: 'default' },
      highmemEntry,
    ],
  },
};

describe('Create Resource Pool rules', () => {
  test('a complete form passes; each missing or wrong field is named', () => {
    const valid = { ...emptyPoolForm('0'), name: 'pool-etl', flavorId: 'modelarts.vm.cpu.8ud', networkName: 'network-1234' };
    assert.deepEqual(validatePoolForm(valid), {});
    assert.deepEqual(Object.keys(validatePoolForm({ ...valid, name: 'Pool_1', flavorId: '', nodeCount: 0, networkName: '', uses: [] })).sort(), [
      'flavorId',
      'name',
      'networkName',
      'nodeCount',
      'uses',
    ]);
    assert.ok(validatePoolForm({ ...valid, nodeCount: 501 }).nodeCount);
    assert.ok(validatePoolForm({ ...valid, nodeCount: 1.5 }).nodeCount);
  });

  test('the create body is the §5.2 Pool', () => {
    const body = toCreatePoolBody({ ...emptyPoolForm('ws1'), name: 'pool-etl', description: 'd', flavorId: 'f', nodeCount: 2, networkName: 'n', uses: ['Train', 'Infer'] });
    assert.deepEqual(body, {
      kind: 'Pool',
      apiVersion: 'v2',
      metadata: { labels: { 'os.modelarts/name': 'pool-etl', 'os.modelarts/workspace.id': 'ws1' }, annotations: { 'os.modelarts/description': 'd' } },
      spec: { type: 'Dedicate', scope: ['Train', 'Infer'], network: { name: 'n' }, resources: [{ flavor: 'f', count: 2 }] },
    });
  });
});

describe('Edit Resource Pool rules', () => {
  const values = poolToEditValues(pool, '0');

  test('the form starts from the pool: one row per node pool; maxCount, the elastic size, is no limit', () => {
    assert.deepEqual(values, {
      name: 'pool-etl',
      workspaceId: '0',
      networkName: 'network-1234',
      description: 'ETL',
      uses: ['Train', 'Notebook'],
      resources: [
        { nodePool: 'default', flavor: 'modelarts.vm.cpu.8ud', count: 3, max: 500 },
        { nodePool: 'highmem', flavor: 'modelarts.vm.cpu.16ud', count: 2, max: 500 },
      ],
    });
    assert.ok(isPoolEdit(values));
    assert.ok(!isPoolEdit(emptyPoolForm('0')));
  });

  test('counts stay within each row’s limit, and some use is chosen', () => {
    assert.deepEqual(validatePoolEdit(values), {});
    assert.deepEqual(validatePoolEdit({ ...values, uses: [] }), { uses: 'Choose what the pool is for.' });
    const over = values.resources.map((row) => (row.nodePool === 'highmem' ? { ...row, count: 501 } : row));
    assert.deepEqual(validatePoolEdit({ ...values, resources: over }), { resources: 'Enter 0 to 500 nodes for highmem.' });
    const negative = values.resources.map((row) => ({ ...row, count: row.nodePool === 'default' ? -1 : row.count }));
    assert.deepEqual(validatePoolEdit({ ...values, resources: negative }), { resources: 'Enter 0 to 500 nodes for default.' });
    assert.ok(validatePoolEdit({ ...values, resources: values.resources.map((row) => ({ ...row, count: Number.NaN })) }).resources);
  });

  test('the patch holds only what changed; nothing changed is an empty patch', () => {
    assert.deepEqual(toPoolPatch(pool, values), {});
    assert.deepEqual(toPoolPatch(pool, { ...values, description: 'Nightly' }), { metadata: { annotations: { 'os.modelarts/description': 'Nightly' } } });
    assert.deepEqual(toPoolPatch(pool, { ...values, uses: ['Notebook', 'Train'] }), {}, 'the same uses in another order are no change');
    assert.deepEqual(toPoolPatch(pool, { ...values, uses: ['Train'] }), { spec: { scope: ['Train'] } });
  });

  test('a new count sends every node pool with the fields a PATCH takes and its name; a resized one drops its zone split', () => {
    const resources = values.resources.map((row) => (row.nodePool === 'default' ? { ...row, count: 5 } : row));
    assert.deepEqual(toPoolPatch(pool, { ...values, uses: ['Train', 'Infer'], resources }), {
      spec: {
        scope: ['Train', 'Infer'],
        resources: [
          { flavor: 'modelarts.vm.cpu.8ud', count: 5, nodePool: 'default' },
          { flavor: 'modelarts.vm.cpu.16ud', count: 2, azs: [{ az: 'cn-north-4a', count: 2 }], nodePool: 'highmem' },
        ],
      },
    });
    const highmem = values.resources.map((row) => (row.nodePool === 'highmem' ? { ...row, count: 3 } : row));
    assert.deepEqual(toPoolPatch(pool, { ...values, resources: highmem }).spec, {
      resources: [
        { flavor: 'modelarts.vm.cpu.8ud', count: 3, nodePool: 'default' },
        { flavor: 'modelarts.vm.cpu.16ud', count: 3, nodePool: 'highmem' },
      ],
    });
  });

  test('nodesRemoved counts only the nodes a smaller node pool loses', () => {
    assert.equal(nodesRemoved(pool, values), 0);
    const resources = values.resources.map((row) => ({ ...row, count: row.nodePool === 'default' ? 1 : row.count + 2 }));
    assert.equal(nodesRemoved(pool, { ...values, resources }), 2);
  });

  test('rows that no longer match the pool’s node pools change nothing', () => {
    const shuffled = [...values.resources].reverse().map((row) => ({ ...row, count: row.count + 1 }));
    assert.deepEqual(toPoolPatch(pool, { ...values, resources: shuffled }), {});
  });
});
