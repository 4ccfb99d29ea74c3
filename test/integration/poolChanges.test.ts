import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PoolUse } from '../../src/webviews/protocol';
import { conversation, ExtensionUnderTest, label, type Panel, until } from './harness';
import { contextValue, description, lastBody, PoolTree } from './poolTree';

interface ResizeBody {
  source: unknown;
  target: unknown;
  nodes: { batchUID: string }[];
}

describe('Resource pool changes against the emulator', () => {
  let under: ExtensionUnderTest;
  const tree = new PoolTree(() => under);
  const iconOf = (node: { getTreeItem(): vscode.TreeItem }) => (node.getTreeItem().iconPath as vscode.ThemeIcon | undefined)?.id;

  before(async () => {
    under = await ExtensionUnderTest.start({ transitionMs: 300 });
    await under.signInWithDemoKey();
  });

  beforeEach(() => under.freshUi());

  after(() => under.stop());

  it('edits a pool: only what changed goes out as a merge patch; a refused or failed save keeps the form', async () => {
    const pool = await tree.pool();
    const poolId = PoolTree.idOf(pool);
    const panel = (await vscode.commands.executeCommand('modelarts.pool.edit', pool)) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const { values } = await talk.next('poolEditForm');
      await talk.next('poolOptions');
      assert.equal(values.name, 'pool-cpu-etl');
      assert.deepEqual(values.uses, ['Train', 'Notebook']);
      const defaultIndex = values.resources.findIndex((row) => row.nodePool === 'default');
      assert.ok(defaultIndex >= 0, 'the default node pool is a row');

      under.emulator.requests.clear();
      await panel.receive({ type: 'submitPoolEdit', values });
      assert.equal((await talk.next('submitFailed')).error.message, 'Nothing has changed.');
      await panel.receive({ type: 'submitPoolEdit', values: { ...values, resources: values.resources.map((row) => ({ ...row, count: -1 })) } });
      assert.match((await talk.next('submitFailed')).fieldErrors.resources, /^Enter 0 to \d+ nodes for default\.$/);
      assert.equal(under.emulator.requests.count({ method: 'PATCH' }), 0, 'nothing is sent for an unchanged or invalid form');

      const resources = values.resources.map((row, index) => (index === defaultIndex ? { ...row, count: row.count + 1 } : row));
      const edited = { ...values, description: 'Nightly ETL', uses: ['Train', 'Infer', 'Notebook'] as PoolUse[], resources };
      under.emulator.faults.add({ kind: 'status', status: 400, method: 'PATCH', path: poolId, errorCode: 'ModelArts.50004000', errorMsg: 'The pool is busy.' });
      await panel.receive({ type: 'submitPoolEdit', values: edited });
      assert.equal((await talk.next('submitFailed')).error.errorCode, 'ModelArts.50004000');
      assert.equal(talk.disposed, false, 'a failed save keeps the form open');

      await panel.receive({ type: 'submitPoolEdit', values: edited });
      await until(() => talk.disposed, Boolean, 'the panel to close after saving');
      const patch = lastBody(under, 'PATCH', poolId) as { metadata: unknown; spec: { scope: string[]; resources: { nodePool: string; count: number }[] } };
      assert.deepEqual(Object.keys(patch), ['metadata', 'spec']);
      assert.deepEqual(patch.metadata, { annotations: { 'os.modelarts/description': 'Nightly ETL' } });
      assert.deepEqual(Object.keys(patch.spec), ['scope', 'resources']);
      assert.deepEqual(patch.spec.scope, ['Train', 'Infer', 'Notebook']);
      assert.deepEqual(
        patch.spec.resources.map((entry) => [entry.nodePool, entry.count]),
        resources.map((row) => [row.nodePool, row.count]),
        'every node pool goes along: a merge patch replaces the list',
      );
      assert.deepEqual(under.ui.shown.at(-1), { kind: 'info', message: 'Updated resource pool "pool-cpu-etl".' });
      assert.match(description(pool), /^Running · scaling · /);
      assert.equal(iconOf(pool), 'loading~spin');
      await until(() => description(pool), (text) => /^Running · \d/.test(text), 'the pool to settle after scaling');
      assert.equal(iconOf(pool), 'vm-running');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('saving fewer nodes asks first; declining keeps the form and sends nothing', async () => {
    const pool = await tree.pool();
    const panel = (await vscode.commands.executeCommand('modelarts.pool.edit', pool)) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const { values } = await talk.next('poolEditForm');
      const shrunk = values.resources.findIndex((row) => row.nodePool === 'default');
      const fewer = { ...values, resources: values.resources.map((row, index) => (index === shrunk ? { ...row, count: row.count - 1 } : row)) };
      under.emulator.requests.clear();
      under.ui.answer(undefined);
      await panel.receive({ type: 'submitPoolEdit', values: fewer });
      await talk.next('submitCancelled');
      assert.deepEqual(under.ui.shown.at(-1), {
        kind: 'warning',
        message: 'Remove 1 node from pool "pool-cpu-etl"?',
        detail: 'The service chooses which nodes go; the workloads on them stop.',
      });
      assert.equal(under.emulator.requests.count({ method: 'PATCH' }), 0, 'declining sends nothing');
      assert.equal(talk.disposed, false, 'declining keeps the form');

      under.ui.answer('Remove Nodes');
      await panel.receive({ type: 'submitPoolEdit', values: fewer });
      await until(() => talk.disposed, Boolean, 'the panel to close after saving');
      const patch = lastBody(under, 'PATCH', PoolTree.idOf(pool)) as { spec: { resources: { nodePool: string; count: number }[] } };
      assert.deepEqual(patch.spec.resources.find((entry) => entry.nodePool === 'default')?.count, values.resources[shrunk].count - 1);
      assert.match(description(pool), /^Running · scaling · /, 'the pool follows its nodes being deleted');
      await until(() => description(pool), (text) => /^Running · \d/.test(text), 'the pool to settle after scaling down');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('shows a pool in the details panel: phase, uses, nodes by state, network, tags; Refresh reads it again', async () => {
    under.ui.answer('nlp-research', 'pool-gpu-v100');
    const panel = (await vscode.commands.executeCommand('modelarts.pool.showDetails')) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const { view } = await talk.next('details', (message) => message.view.fields.some((field) => field.label === 'Tags'));
      const fields = Object.fromEntries(view.fields.map((field) => [field.label, field.value]));
      assert.deepEqual([view.kindLabel, view.name, view.status, view.statusCategory], ['resource pool', 'pool-gpu-v100', 'Running', 'running']);
      assert.equal(fields['Used for'], 'Train, Infer');
      assert.equal(fields['Nodes wanted'], '300 × bm.gpu.8v100');
      assert.equal(fields['Available nodes'], '298', 'the SDK counts a state in one object: its flavor is not shown');
      assert.equal(fields['Abnormal nodes'], '2');
      assert.equal(fields['Nodes being created'], undefined, 'states without nodes are left out');
      assert.deepEqual([fields.Type, fields.Description, fields.Tags], ['Dedicate', 'Shared V100 cluster for NLP training', 'team=nlp, cost-center=cc-1024']);
      assert.match(fields.Network, /^network-/);
      assert.match(fields.ID, /^pool-gpu-v100-[0-9a-f]{32}$/);
      assert.deepEqual(view.actions, ['refresh', 'edit', 'manageTags', 'copyId', 'openInConsole', 'delete']);

      const reads = () => under.emulator.requests.count({ method: 'GET', path: `${fields.ID}/tags` });
      const before = reads();
      await panel.receive({ type: 'runAction', action: 'refresh' });
      await talk.next('details');
      assert.equal(reads(), before + 1, 'Refresh reads the tags again');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('changes the flavor of a node: its whole creation batch changes, after a confirmation naming every node', async () => {
    const nodes = await tree.children(await tree.section('Nodes'));
    const highmem = nodes.filter((node) => description(node).includes('cpu.16ud'));
    assert.equal(highmem.length, 2, 'the highmem node pool has two nodes of one batch');
    under.ui.answer((items) => items.find((item) => item.description === 'modelarts.vm.cpu.8ud'), 'Change Flavor');
    await vscode.commands.executeCommand('modelarts.poolNode.resize', highmem[0], [highmem[0]]);
    assert.deepEqual(under.ui.errors, []);
    const question = under.ui.shown.find((entry) => entry.kind === 'warning');
    assert.equal(question?.message, 'Change the flavor of 2 nodes of pool "pool-cpu-etl" to modelarts.vm.cpu.8ud?');
    assert.ok(highmem.every((node) => question?.detail?.includes(label(node))), 'the confirmation names the unselected node of the batch too');
    const body = lastBody(under, 'POST', '/nodes/batch-resize') as ResizeBody;
    assert.deepEqual([body.source, body.target], [
      { nodePool: 'highmem', flavor: 'modelarts.vm.cpu.16ud' },
      { nodePool: 'highmem', flavor: 'modelarts.vm.cpu.8ud' },
    ]);
    assert.equal(body.nodes.length, 1);
    const names = highmem.map(label);
    await until(
      async () => (await tree.children(await tree.section('Nodes'))).filter((node) => names.includes(label(node))).map(description),
      (texts) => texts.length === 2 && texts.every((text) => /^Available · vm\.cpu\.8ud/.test(text)),
      'both nodes Available with the new flavor',
    );
    const nodePool = (await tree.children(await tree.section('Node Pools'))).find((node) => label(node) === 'highmem');
    assert.match(description(nodePool ?? highmem[0]), /· vm\.cpu\.8ud ·/);
  });

  it('refuses to change the flavor of nodes of two node pools at once, before any request', async () => {
    const nodes = await tree.children(await tree.section('Nodes'));
    const byPool = new Map<string, (typeof nodes)[number]>();
    for (const node of nodes) {
      const nodePool = /Node pool: ([\w-]+)/.exec(await tree.tooltip(node))?.[1];
      if (nodePool && !byPool.has(nodePool)) {
        byPool.set(nodePool, node);
      }
    }
    const mixed = [...byPool.values()].slice(0, 2);
    assert.equal(mixed.length, 2, 'nodes of two node pools');
    under.emulator.requests.clear();
    await vscode.commands.executeCommand('modelarts.poolNode.resize', mixed[0], mixed);
    assert.deepEqual(under.ui.errors, ['InvalidInput: Select nodes of one node pool and one flavor to change their flavor.']);
    assert.equal(under.emulator.requests.count({ method: 'POST', path: '/nodes/batch-resize' }), 0);
  });

  it('creates a node pool step by step; a refused create is edited and sent again with every answer kept', async () => {
    const t4 = (items: readonly vscode.QuickPickItem[]) => {
      const item = items.find((candidate) => candidate.description === 'modelarts.vm.gpu.t4u8');
      assert.equal(item?.label, 'T4 ×1 · 8 vCPU · 32 GB · price unknown', 'the flavor as people say it, its id beside it');
      return item;
    };
    const answers = ['gpu-burst', t4, '2', 'cn-north-4b'];
    under.emulator.faults.add({ kind: 'status', status: 409, method: 'POST', path: /\/nodepools$/, errorCode: 'ModelArts.50015000', errorMsg: 'Try again.' });
    under.ui.answerErrors('Edit and Retry');
    under.ui.answer(...answers, ...answers);
    await vscode.commands.executeCommand('modelarts.nodePool.create', await tree.section('Node Pools'));
    assert.equal(under.ui.errors.length, 1);
    assert.match(under.ui.errors[0], /^ModelArts\.50015000: Try again\./);
    const boxes = under.ui.inputBoxes;
    assert.deepEqual(
      boxes.slice(2).map((box) => box.value),
      ['gpu-burst', '2'],
      'the second round starts from the first answers',
    );
    assert.equal(await boxes[0].validateInput?.('highmem'), 'The pool already has a node pool named "highmem".');
    assert.ok(await boxes[0].validateInput?.('Bad_Name'), 'a bad name is refused');
    assert.ok(await boxes[0].validateInput?.('burst-default'), 'a name ending in -default is the service\'s');
    assert.ok(await boxes[0].validateInput?.('b'), 'a name of one character is refused');
    const posts = under.emulator.requests.list({ method: 'POST', path: /\/nodepools$/ });
    assert.deepEqual(
      posts.map((post) => post.status),
      [409, 200],
    );
    assert.deepEqual(JSON.parse(posts[1].body ?? '{}'), {
      apiVersion: 'v2',
      kind: 'NodePool',
      metadata: { name: 'gpu-burst' },
      spec: { resources: { flavor: 'modelarts.vm.gpu.t4u8', count: 2, maxCount: 2, azs: [{ az: 'cn-north-4b', count: 2 }] } },
    });
    assert.ok((await tree.children(await tree.section('Node Pools'))).some((node) => label(node) === 'gpu-burst'), 'the node pool is listed');
    await until(
      async () => (await tree.children(await tree.section('Nodes'))).filter((node) => /^Available · vm\.gpu\.t4u8/.test(description(node))).length,
      (count) => count === 2,
      'its two nodes to come up',
    );
  });

  it('manages tags: adds a key other pools use, removes one; the tooltip shows them', async () => {
    const pool = await tree.pool();
    assert.match(await tree.tooltip(pool), /Tags: team=data-eng, env=prod\n/);
    let offeredKeys: string[] = [];
    under.ui.answer(
      (items) => items[0], // Add a tag…
      (items) => {
        offeredKeys = items.map((item) => item.label);
        return items.find((item) => item.label === 'cost-center');
      },
      'cc-1024', // the value the GPU pool has
      'env',
      (items) => items.find((item) => item.label.includes('Remove')),
      undefined, // closes the list
    );
    await vscode.commands.executeCommand('modelarts.pool.manageTags', pool);
    assert.deepEqual(under.ui.errors, []);
    assert.deepEqual(offeredKeys, ['cost-center', '$(add) New key…'], 'keys used on other pools, not those this pool has');
    assert.deepEqual(lastBody(under, 'POST', '/tags/create'), { tags: [{ key: 'cost-center', value: 'cc-1024' }] });
    assert.deepEqual(lastBody(under, 'DELETE', '/tags/delete'), { tags: [{ key: 'env' }] });
    assert.match(await tree.tooltip(await tree.pool()), /Tags: team=data-eng, cost-center=cc-1024\n/);
  });

  it('a node offers Lock and Unlock both: the node model does not tell whether it is locked', async () => {
    const [node] = await tree.children(await tree.section('Nodes'));
    assert.match(contextValue(node), /\bcanDelete\b.*\bcanLock\b.*\bcanUnlock\b/);
    await vscode.commands.executeCommand('modelarts.poolNode.lock', node, [node]);
    assert.deepEqual(under.ui.errors, []);
    assert.deepEqual(lastBody(under, 'POST', '/nodes/batch-lock'), { nodeNames: [label(node)], actions: ['delete'] });
    assert.match(contextValue(node), /\bcanLock\b.*\bcanUnlock\b/);
    await vscode.commands.executeCommand('modelarts.poolNode.unlock', node, [node]);
    assert.deepEqual(lastBody(under, 'POST', '/nodes/batch-unlock'), { nodeNames: [label(node)], actions: ['delete'] });
  });
});
