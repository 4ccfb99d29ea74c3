import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ExtensionUnderTest, label, type Node, REGION, until } from './harness';

describe('Hyper clusters and hyperinstance scaling against the emulator', () => {
  let under: ExtensionUnderTest;

  const status = (node: Node) => String(node.getTreeItem().description).split(' · ')[0];
  const idOf = (node: Node) => node.id.split('/').pop() as string;
  const children = (node: Node) => under.explorer.getChildren(node);
  const clusterGroup = async () => under.regionCategory('Hyper Clusters');
  async function hyperinstance(): Promise<Node> {
    return under.child(await under.regionCategory('Hyperinstances'), 'hps-cloudmatrix-01');
  }
  const servers = async () => children(await under.child(await hyperinstance(), 'Servers'));
  const bodyOf = (method: string, path: string) => JSON.parse(under.emulator.requests.list({ method, path }).at(-1)?.body ?? '{}');

  before(async () => {
    under = await ExtensionUnderTest.start({ transitionMs: 300 });
    await under.signInWithDemoKey();
  });

  beforeEach(() => under.freshUi());

  after(() => under.stop());

  it('lists the region\'s hyper clusters of both types, each with its type', async () => {
    under.emulator.requests.clear();
    await vscode.commands.executeCommand('modelarts.refresh', await clusterGroup());
    const clusters = await children(await clusterGroup());
    assert.deepEqual(
      clusters.map((node) => [label(node), node.getTreeItem().description]),
      [
        ['hpc-cluster-a', 'HPS'],
        ['ecs-cluster-train', 'ECS'],
      ],
    );
    assert.match(String(clusters[0].getTreeItem().contextValue), /^hyperCluster\b.*\bcanDelete\b/);
    assert.equal((clusters[1].getTreeItem().iconPath as vscode.ThemeIcon).id, 'type-hierarchy');
    assert.match(String(((await under.tooltip(clusters[1])) as vscode.MarkdownString).value).replace(/\\(.)/g, '$1'), /Type:.*ECS.*elastic.*cloud.*servers/);
    const queries = under.emulator.requests.list({ method: 'GET', path: /\/hyper-clusters$/ }).map((request) => request.query.type);
    assert.deepEqual([...new Set(queries)].sort(), ['ECS', 'HPS']);
  });

  it('creates a hyper cluster in four steps: name, type, then the subnet of a VPC; it is in the tree at once', async () => {
    const group = await clusterGroup();
    let subnets: string[] = [];
    under.ui.answer(
      'it-cluster',
      'ECS',
      (items) => items.find((item) => item.label === 'vpc-default'),
      (items) => {
        subnets = items.map((item) => item.label);
        return items.find((item) => item.label === 'subnet-notebooks');
      },
    );
    await vscode.commands.executeCommand('modelarts.hyperCluster.create', group);
    assert.deepEqual(under.ui.errors, []);
    assert.ok(subnets.includes('subnet-default') && subnets.includes('subnet-notebooks'), subnets.join(', '));
    const services = under.api.context.session.services;
    assert.ok(services);
    const [vpc] = await services.vpc.listAllVpcs(REGION);
    const subnetId = (await services.vpc.listAllSubnets(REGION, vpc.id)).find((subnet) => subnet.name === 'subnet-notebooks')?.id;
    assert.deepEqual(bodyOf('POST', '/dev-servers/hyper-clusters'), { name: 'it-cluster', hyper_cluster_subnet_id: subnetId, type: 'ECS' });
    assert.equal(await under.ui.inputBoxes[0].validateInput?.('bad name!'), 'Use 1 to 64 letters, digits, hyphens (-), underscores (_) or dots (.).');
    const created = (await children(group)).find((node) => label(node) === 'it-cluster');
    assert.ok(created, 'the new cluster is in the tree');
    assert.equal(created.getTreeItem().description, 'ECS');
  });

  it('deletes a hyper cluster only after its name is typed, with its type, and it leaves the tree', async () => {
    const services = under.api.context.session.services;
    assert.ok(services);
    const [vpc] = await services.vpc.listAllVpcs(REGION);
    const [subnet] = await services.vpc.listAllSubnets(REGION, vpc.id);
    const created = await services.hyperClusters.create(REGION, { name: 'it-doomed', hyper_cluster_subnet_id: subnet.id, type: 'ECS' });
    const group = await clusterGroup();
    await vscode.commands.executeCommand('modelarts.refresh', group);
    const doomed = (await children(group)).find((node) => idOf(node) === created.id);
    assert.ok(doomed);
    under.ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.hyperCluster.delete', doomed);
    assert.equal(under.emulator.requests.count({ method: 'DELETE', path: created.id }), 0, 'dismissing the question deletes nothing');
    assert.match(String(under.ui.inputBoxes[0].prompt), /Type "it-doomed" to confirm/);

    under.ui.answer('it-doomed');
    await vscode.commands.executeCommand('modelarts.hyperCluster.delete', doomed);
    assert.deepEqual(under.ui.errors, []);
    const [deleted] = under.emulator.requests.list({ method: 'DELETE', path: created.id });
    assert.deepEqual(deleted.query, { type: 'ECS' });
    assert.ok(!(await children(group)).some((node) => node.id === doomed.id), 'the cluster left the tree');
  });

  it('Scale Up adds a server of the chosen flavor, image and picked key pair; it shows under Servers and turns Running', async () => {
    const before = await servers();
    let keyPairs: string[] = [];
    under.ui.answer(
      (items) => items[0],
      (items) => items[0],
      (items) => {
        keyPairs = items.map((item) => item.label);
        return items.find((item) => item.label === 'KeyPair-ci-runner');
      },
    );
    await vscode.commands.executeCommand('modelarts.hyperinstance.scaleUp', await hyperinstance());
    assert.deepEqual(under.ui.errors, []);
    assert.deepEqual(keyPairs, ['KeyPair-demo', 'KeyPair-ops', 'KeyPair-ci-runner'], 'the key pair of its servers first, the frozen one left out');
    assert.equal(under.ui.inputBoxes.length, 0, 'no key pair name is typed');
    const body = bodyOf('POST', '/live-scale-up');
    assert.deepEqual(Object.keys(body).sort(), ['flavor', 'image_id', 'key_pair_name']);
    assert.equal(body.key_pair_name, 'KeyPair-ci-runner');
    assert.equal(body.flavor, 'physical.kat2ne.hps.48xlarge.8');
    const after = await servers();
    const added = after.filter((node) => !before.some((old) => old.id === node.id));
    assert.equal(added.length, 1, `one more server: ${after.map(label).join(', ')}`);
    await until(() => status(added[0]), (value) => value === 'Running', 'the new server to show Running');
    assert.match(String((await hyperinstance()).getTreeItem().description), new RegExp(`\\b${after.length} servers\\b`));
  });

  it('Remove from Hyperinstance on two selected servers asks once, naming them, and they leave the tree', async () => {
    const chosen = (await servers()).filter((node) => status(node) === 'Running').slice(0, 2);
    assert.equal(chosen.length, 2);
    under.ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.hyperinstanceServer.remove', chosen[0], chosen);
    assert.equal(under.emulator.requests.count({ path: '/live-scale-down' }), 0, 'declining removes nothing');
    assert.match(under.ui.shown[0].message, /^Remove 2 server\(s\) from hyperinstance "hps-cloudmatrix-01"\?$/);
    assert.ok(chosen.every((node) => under.ui.shown[0].detail?.includes(label(node))));

    under.ui.answer('Remove');
    await vscode.commands.executeCommand('modelarts.hyperinstanceServer.remove', chosen[0], chosen);
    assert.deepEqual(under.ui.errors, []);
    assert.deepEqual(bodyOf('POST', '/live-scale-down'), { server_ids: chosen.map(idOf) });
    await until(async () => (await servers()).filter((node) => chosen.some((gone) => gone.id === node.id)).length, (left) => left === 0, 'both servers to leave the tree');
  });

  it('Scale Down from the hyperinstance offers its servers to pick', async () => {
    const [first] = (await servers()).filter((node) => status(node) === 'Running');
    assert.ok(first);
    under.ui.answer(label(first), 'Remove');
    await vscode.commands.executeCommand('modelarts.hyperinstance.scaleDown', await hyperinstance());
    assert.deepEqual(under.ui.errors, []);
    assert.deepEqual(bodyOf('POST', '/live-scale-down'), { server_ids: [idOf(first)] });
  });
});
