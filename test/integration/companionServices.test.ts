import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ExtensionUnderTest, label, type Node, REGION } from './harness';

describe('SWR images, VPCs and key pairs against the emulator', () => {
  let under: ExtensionUnderTest;

  const group = (name: string) => under.regionCategory(name);
  const children = (node: Node) => under.explorer.getChildren(node);
  const description = (node: Node) => String(node.getTreeItem().description ?? '');
  const icon = (node: Node) => (node.getTreeItem().iconPath as vscode.ThemeIcon).id;
  const idOf = (node: Node) => node.id.split('/').pop() as string;
  const click = async (node: Node) => {
    const { command } = node.getTreeItem();
    await vscode.commands.executeCommand(command?.command as string, ...(command?.arguments ?? []));
  };
  const project = () => {
    const found = under.emulator.state.projectFor(under.emulator.demo.ak, REGION);
    assert.ok(found);
    return found;
  };

  before(async () => {
    under = await ExtensionUnderTest.start({ transitionMs: 300 });
    await under.signInWithDemoKey();
  });

  beforeEach(() => {
    under.freshUi();
    under.api.context.explorer.reload();
  });

  after(() => under.stop());

  it('the region lists the account\'s key pairs and VPCs, each with its own icon', async () => {
    const keyPairs = await children(await group('Key Pairs'));
    assert.deepEqual(keyPairs.map(label), ['KeyPair-demo', 'KeyPair-ops', 'KeyPair-ci-runner', 'KeyPair-old-laptop']);
    assert.deepEqual(keyPairs.map(description), ['ssh · personal', 'ssh · account-wide', 'ssh · personal', 'ssh · personal · frozen']);
    assert.deepEqual(keyPairs.map(icon), ['key', 'key', 'key', 'circle-slash'], 'a frozen key pair is shown as not usable');
    assert.match(String(keyPairs[0].getTreeItem().contextValue), /^keyPair\b/);

    const vpcs = await children(await group('VPCs'));
    assert.deepEqual(vpcs.map(label), ['vpc-default', 'vpc-training', 'vpc-inference']);
    assert.match(description(vpcs[1]), /^172\.16\.0\.0\/16 · \d+ d ago$/);
    assert.ok(vpcs.every((vpc) => icon(vpc) === 'type-hierarchy'));
  });

  it('a VPC expands to its subnets and security groups; the default subnet is the one the Lite Servers are in', async () => {
    const [defaultVpc] = await children(await group('VPCs'));
    assert.deepEqual((await children(defaultVpc)).map(label), ['Subnets', 'Security Groups']);
    const subnets = await children(await under.child(defaultVpc, 'Subnets'));
    assert.deepEqual(subnets.map((subnet) => [label(subnet), description(subnet)]), [
      ['subnet-default', '192.168.0.0/18 · cn-north-4a'],
      ['subnet-notebooks', '192.168.64.0/18 · cn-north-4b'],
    ]);
    const serverSubnets = new Set([...project().devServers.values()].map((server) => server.subnetId));
    assert.deepEqual([...serverSubnets], [idOf(subnets[0])]);
    const groups = await children(await under.child(defaultVpc, 'Security Groups'));
    assert.deepEqual(groups.map(label), ['sg-default', 'sg-ssh-only']);
    assert.equal(description(groups[1]), 'SSH from anywhere · 2 rules');
    const tooltip = ((await under.tooltip(groups[1])) as vscode.MarkdownString).value.replace(/\\(.)/g, '$1');
    assert.match(tooltip, /Rule: in tcp 22 from 0\.0\.0\.0\/0 {2}\nRule: out all traffic to 0\.0\.0\.0\/0/);
  });

  it('SWR Images load 50 at a time through "Load more…", and a namespace filter narrows them', async () => {
    const images = await group('SWR Images');
    const first = await children(images);
    assert.equal(first.length, 51);
    assert.equal(label(first[0]), 'base-nightly', 'the most recently updated first');
    assert.equal(label(first[50]), 'Load more…');
    await click(first[50]);
    const two = await children(images);
    assert.equal(two.length, 101);
    await click(two[100]);
    const all = await children(images);
    assert.equal(all.length, 124, 'the last page has no "Load more…"');
    assert.equal(new Set(all.map((node) => node.id)).size, 124);
    assert.deepEqual(description(all.find((node) => label(node) === 'pytorch-train') as Node).split(' · ').slice(0, 2), ['modelarts-demo', '3 tags']);

    under.emulator.requests.clear();
    under.ui.answer('ml-experiments');
    await vscode.commands.executeCommand('modelarts.swr.filterNamespace', images);
    assert.deepEqual(under.ui.errors, []);
    assert.equal(description(images), 'only ml-experiments');
    const filtered = await children(images);
    assert.equal(filtered.length, 51);
    assert.ok(filtered.slice(0, 50).every((node) => description(node).startsWith('ml-experiments · ')));
    assert.deepEqual(under.emulator.requests.list({ path: '/v2/manage/repos' }).map((request) => request.query.namespace), ['ml-experiments']);

    under.ui.answer('All namespaces');
    await vscode.commands.executeCommand('modelarts.swr.filterNamespace', images);
    assert.equal(description(images), '');
    assert.equal((await children(images)).length, 51);
  });

  it('Copy Image Path puts a tag\'s full registry path on the clipboard; on a repository it asks for the tag', async () => {
    const images = await group('SWR Images');
    under.ui.answer('nlp-research');
    await vscode.commands.executeCommand('modelarts.swr.filterNamespace', images);
    const repository = (await children(images)).find((node) => label(node) === 'bert-finetune-zh');
    assert.ok(repository);
    const tags = await children(await under.child(repository, 'Tags'));
    assert.deepEqual(tags.map(label), ['v3', 'v2', 'v1'], 'newest first');
    await vscode.commands.executeCommand('modelarts.swr.copyImagePath', tags[0]);
    assert.equal(await vscode.env.clipboard.readText(), 'swr.cn-north-4.myhuaweicloud.com/nlp-research/bert-finetune-zh:v3');

    under.ui.answer('v1');
    await vscode.commands.executeCommand('modelarts.swr.copyImagePath', repository);
    assert.deepEqual(under.ui.errors, []);
    assert.equal(await vscode.env.clipboard.readText(), 'swr.cn-north-4.myhuaweicloud.com/nlp-research/bert-finetune-zh:v1');
    under.ui.answer('All namespaces');
    await vscode.commands.executeCommand('modelarts.swr.filterNamespace', images);
  });

  it('from the palette the pickers ask for repository and tag, or VPC and subnet', async () => {
    let offered: string[] = [];
    under.ui.answer(
      (items) => {
        offered = items.map((item) => item.label);
        return items.find((item) => item.label === 'modelarts-demo/pytorch-train');
      },
      'latest',
    );
    await vscode.commands.executeCommand('modelarts.swr.copyImagePath');
    assert.deepEqual(under.ui.errors, []);
    assert.equal(offered.length, 124, 'every repository, named with its namespace');
    assert.ok(offered.includes('ml-experiments/experiment-110'));
    assert.equal(await vscode.env.clipboard.readText(), 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/pytorch-train:latest');

    under.ui.answer('vpc-training', 'subnet-train-b');
    await vscode.commands.executeCommand('modelarts.subnet.copyId');
    assert.deepEqual(under.ui.errors, []);
    const subnet = project().companion.subnets.find((candidate) => candidate.name === 'subnet-train-b');
    assert.equal(await vscode.env.clipboard.readText(), subnet?.id);
  });

  it('View VPC as JSON shows the VPC as the API answers it', async () => {
    const training = (await children(await group('VPCs'))).find((node) => label(node) === 'vpc-training');
    assert.ok(training);
    await vscode.commands.executeCommand('modelarts.vpc.viewDetails', training);
    assert.deepEqual(under.ui.errors, []);
    const shown = JSON.parse(vscode.window.activeTextEditor?.document.getText() ?? '{}');
    assert.deepEqual([shown.id, shown.cidr, shown.status], [idOf(training), '172.16.0.0/16', 'OK']);
    assert.equal(under.emulator.requests.list({ path: '/vpcs' }).at(-1)?.query.id, idOf(training), 'read again through the list\'s id filter');
  });

  it('a failed load becomes a node naming the error; clicking it loads the key pairs', async () => {
    under.emulator.faults.add({ kind: 'status', status: 400, errorCode: 'KPS.0005', errorMsg: 'injected refusal', path: '/keypairs' });
    const keyPairs = await group('Key Pairs');
    const failed = await children(keyPairs);
    assert.equal(failed.length, 1);
    assert.equal(label(failed[0]), 'Could not load key pairs — click to retry');
    assert.match(description(failed[0]), /^KPS\.0005: injected refusal \(request id [0-9a-f]{32}\)$/);
    assert.deepEqual(under.ui.errors, [], 'a failed load is not a pop-up');
    await click(failed[0]);
    assert.deepEqual((await children(keyPairs)).map(label), ['KeyPair-demo', 'KeyPair-ops', 'KeyPair-ci-runner', 'KeyPair-old-laptop']);
  });
});
