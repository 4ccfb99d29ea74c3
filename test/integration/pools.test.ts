import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { conversation, ExtensionUnderTest, label, type Panel, until } from './harness';
import { PoolTree } from './poolTree';

describe('Resource pool commands against the emulator', () => {
  let under: ExtensionUnderTest;
  const tree = new PoolTree(() => under);
  const children = tree.children.bind(tree);
  const cpuPool = () => tree.pool();
  const section = (name: 'Nodes' | 'Node Pools' | 'Plugins') => tree.section(name);

  before(async () => {
    under = await ExtensionUnderTest.start({ transitionMs: 300 });
    await under.signInWithDemoKey();
  });

  beforeEach(() => under.freshUi());

  after(() => under.stop());

  it('reboots the nodes selected together, after one confirmation naming them', async () => {
    const nodes = (await children(await section('Nodes'))).slice(0, 2);
    const names = nodes.map(label);
    under.ui.answer('Reboot');
    // The tree passes the clicked node and the whole selection.
    await vscode.commands.executeCommand('modelarts.poolNode.reboot', nodes[0], nodes);
    assert.deepEqual(under.ui.errors, []);
    assert.match(under.ui.shown[0].message, /^Reboot 2 nodes of pool "pool-cpu-etl/);
    assert.ok(names.every((name) => under.ui.shown[0].detail?.includes(name)));
    const reboots = under.emulator.requests.list({ method: 'POST', path: '/nodes/batch-reboot' });
    assert.equal(reboots.length, 1);
    assert.deepEqual(JSON.parse(reboots[0].body ?? '{}').nodeNames, names);
    await until(() => String(nodes[0].getTreeItem().description), (description) => description.startsWith('Checking'), 'the first node to show Checking');
  });

  it('a node locked against deletion is refused by Delete, and the refusal is reported', async () => {
    const [node, other] = await children(await section('Nodes'));
    await vscode.commands.executeCommand('modelarts.poolNode.lock', node, [node]);
    under.ui.answer('Delete');
    await vscode.commands.executeCommand('modelarts.poolNode.delete', node, [node, other]);
    assert.equal(under.ui.errors.length, 1);
    assert.match(under.ui.errors[0], new RegExp(`${label(node)} is locked against deletion`));
    assert.doesNotMatch(String(other.getTreeItem().description), /^Deleting\b/, 'the service refuses the whole call: the other node stays');
    await vscode.commands.executeCommand('modelarts.poolNode.unlock', node, [node]);
  });

  it('scales a node pool and its nodes follow', async () => {
    const nodePools = await children(await section('Node Pools'));
    const highmem = nodePools.find((node) => label(node) === 'highmem');
    assert.ok(highmem);
    const before = (await children(await section('Nodes'))).length;
    under.ui.answer('4');
    await vscode.commands.executeCommand('modelarts.nodePool.scale', highmem);
    assert.deepEqual(under.ui.errors, []);
    const patch = under.emulator.requests.list({ method: 'PATCH', path: '/nodepools/highmem' }).at(-1);
    assert.deepEqual(JSON.parse(patch?.body ?? '{}'), { spec: { resources: { flavor: 'modelarts.vm.cpu.16ud', count: 4, maxCount: 4 } } });
    assert.match(String(highmem.getTreeItem().description), / 4 nodes$/, 'the node pool is read again with its new size');
    await until(async () => (await children(await section('Nodes'))).length, (count) => count === before + 2, 'two more nodes in the pool');
  });

  it('installs a plugin from the templates', async () => {
    const plugins = await section('Plugins');
    const installed = (await children(plugins)).map(label);
    under.ui.answer((items) => items.find((item) => !installed.includes(item.label)), (items) => items[0]);
    await vscode.commands.executeCommand('modelarts.plugin.install', plugins);
    assert.deepEqual(under.ui.errors, []);
    const [install] = under.emulator.requests.list({ method: 'POST', path: /\/plugins$/ });
    const body = JSON.parse(install?.body ?? '{}') as { apiVersion: string; kind: string; spec: { template: { name: string; version: string } } };
    assert.deepEqual([body.apiVersion, body.kind, installed.includes(body.spec.template.name)], ['v2', 'Plugin', false]);
    assert.ok(body.spec.template.version, 'a version of the template is chosen');
    await until(async () => (await children(plugins)).length, (count) => count === installed.length + 1, 'the new plugin to be listed');
  });

  it('creates a pool from the form; a bad name is caught before any request', async () => {
    const group = await under.category('Resource Pools');
    const panel = (await vscode.commands.executeCommand('modelarts.pool.create', group)) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const form = await talk.next('poolForm');
      const options = await talk.next('poolOptions');
      assert.ok(options.flavors.length > 0 && options.networks.length > 0);
      const values = { ...form.values, flavorId: options.flavors[0].id, networkName: options.networks[0].name, nodeCount: 2 };

      under.emulator.requests.clear();
      await panel.receive({ type: 'submitPool', values: { ...values, name: 'Bad_Name' } });
      const refused = await talk.next('submitFailed');
      assert.ok(refused.fieldErrors.name);
      assert.equal(under.emulator.requests.count({ method: 'POST', path: '/pools' }), 0);

      await panel.receive({ type: 'submitPool', values: { ...values, name: 'etl-burst' } });
      await until(() => talk.disposed, Boolean, 'the panel to close after creating');
      const names = (await children(await under.category('Resource Pools'))).map(label);
      assert.ok(names.includes('etl-burst'), `the new pool is listed: ${names.join(', ')}`);
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('deletes a pool only after its name is typed', async () => {
    const pool = await cpuPool();
    const poolId = PoolTree.idOf(pool);
    under.ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.pool.delete', pool);
    assert.equal(under.emulator.requests.count({ method: 'DELETE', path: poolId }), 0, 'dismissing the question deletes nothing');
    assert.match(String(under.ui.inputBoxes[0].prompt), /Type "pool-cpu-etl" to confirm/);
    assert.equal(await under.ui.inputBoxes[0].validateInput?.('pool-cpu'), 'Type the name exactly: pool-cpu-etl');

    under.ui.answer('pool-cpu-etl');
    await vscode.commands.executeCommand('modelarts.pool.delete', pool);
    assert.deepEqual(under.ui.errors, []);
    assert.equal(under.emulator.requests.count({ method: 'DELETE', path: poolId }), 1);
    assert.match(String(pool.getTreeItem().description), /^Deleting\b/);
  });
});
