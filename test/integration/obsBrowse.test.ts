import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { label, type Node, REGION, signedInSuite } from './harness';

describe('OBS buckets and objects in the explorer, against the OBS stand-in', () => {
  const under = signedInSuite({ transitionMs: 300 });
  const children = (node: Node) => under().explorer.getChildren(node);
  const description = (node: Node) => String(node.getTreeItem().description ?? '');
  const buckets = async () => under().regionCategory('OBS Buckets');
  const bucket = async (name: string) => under().child(await buckets(), name);
  const path = async (bucketName: string, ...names: string[]) => {
    let node = await bucket(bucketName);
    for (const name of names) node = await under().child(node, name);
    return node;
  };
  const store = () => under().emulator.obs.store;

  beforeEach(() => under().api.context.explorer.reload());

  it('a region lists its buckets; a bucket and its folders list folders first, then objects with size and age', async () => {
    assert.deepEqual((await children(await buckets())).map(label), ['modelarts-demo-data', 'modelarts-demo-outputs']);
    const top = await children(await bucket('modelarts-demo-data'));
    assert.deepEqual(top.map(label), ['code', 'datasets', 'README.md']);
    assert.deepEqual(top.map((node) => node.getTreeItem().contextValue?.split(' ')[0]), ['obsFolder', 'obsFolder', 'obsObject']);
    assert.match(description(top[2]), /^\d+ B · /);
    const code = await children(top[0]);
    assert.deepEqual(code.map(label), ['utils', 'requirements.txt', 'train.py']);
    const listings = under().emulator.obs.requests.list({ method: 'GET', path: '/modelarts-demo-data' });
    assert.deepEqual(listings.map((entry) => [entry.query.prefix, entry.query.delimiter]), [[undefined, '/'], ['code/', '/']]);
  });

  it('a folder\'s and an object\'s row hold no tooltip: it is built on hover, as untrusted markdown', async () => {
    const [folder, , readme] = await children(await bucket('modelarts-demo-data'));
    assert.equal(folder.getTreeItem().tooltip, undefined, 'the folder row leaves its hover to be resolved');
    assert.equal(readme.getTreeItem().tooltip, undefined, 'the object row leaves its hover to be resolved');
    const folderHover = await under().tooltip(folder);
    assert.ok(folderHover instanceof vscode.MarkdownString);
    assert.match(folderHover.value.replace(/\\(.)/g, '$1'), /URI: obs:\/\/modelarts-demo-data\/code\//);
    const objectHover = await under().tooltip(readme);
    assert.ok(objectHover instanceof vscode.MarkdownString);
    assert.notEqual(objectHover.isTrusted, true);
    assert.match(objectHover.value.replace(/\\(.)/g, '$1'), /^\*\*README.md\*\*[\s\S]*URI: obs:\/\/modelarts-demo-data\/README.md[\s\S]*Size: \d+ B/);
  });

  it('a folder of 150 images loads 100 at a time through "Load more…"; a prefix filter narrows it', async () => {
    const daisy = await path('modelarts-demo-data', 'datasets', 'flowers', 'train', 'daisy');
    const first = await children(daisy);
    assert.deepEqual([first.length, label(first[99]), label(first[100])], [101, 'img_0100.jpg', 'Load more…']);
    const { command } = first[100].getTreeItem();
    await vscode.commands.executeCommand(command?.command as string, ...(command?.arguments ?? []));
    const all = await children(daisy);
    assert.deepEqual([all.length, label(all[149])], [150, 'img_0150.jpg']);
    assert.equal(under().emulator.obs.requests.list({ path: '/modelarts-demo-data' }).at(-1)?.query.marker, 'datasets/flowers/train/daisy/img_0100.jpg');

    under().ui.answer('img_012');
    await vscode.commands.executeCommand('modelarts.obs.filter', daisy);
    assert.deepEqual(under().ui.errors, []);
    const filtered = await children(daisy);
    assert.deepEqual(filtered.map(label), Array.from({ length: 10 }, (_, i) => `img_012${i}.jpg`));
    assert.equal(description(daisy), 'only img_012…');
    under().ui.answer('');
    await vscode.commands.executeCommand('modelarts.obs.filter', daisy);
    assert.equal((await children(daisy)).length, 101, 'an empty filter shows everything again');
  });

  it('copies obs:// URIs, and opens a text object in an editor', async () => {
    const train = await path('modelarts-demo-data', 'code', 'train.py');
    await vscode.commands.executeCommand('modelarts.obs.copyUri', train);
    assert.equal(await vscode.env.clipboard.readText(), 'obs://modelarts-demo-data/code/train.py');
    await vscode.commands.executeCommand('modelarts.obs.copyUri', await path('modelarts-demo-data', 'code'));
    assert.equal(await vscode.env.clipboard.readText(), 'obs://modelarts-demo-data/code/');

    const { command } = train.getTreeItem();
    assert.equal(command?.command, 'modelarts.obs.open', 'clicking a text object opens it');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    assert.deepEqual(under().ui.errors, []);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.getText(), store().bucket('modelarts-demo-data')?.objects.get('code/train.py')?.data.toString('utf8'));
    assert.equal(editor?.document.languageId, 'python');
    assert.notEqual(editor?.document.uri.scheme, 'file', 'the object itself, not a local file');
    assert.equal((await path('modelarts-demo-data', 'datasets', 'flowers', 'train', 'daisy')).getTreeItem().command, undefined);
  });

  it('the palette browses the bucket tree in the quick pick to copy a folder\'s URI', async () => {
    const offered: string[][] = [];
    const choose = (wanted: string) => (items: readonly vscode.QuickPickItem[]) => {
      offered.push(items.map((item) => item.label));
      return items.find((item) => item.label === wanted);
    };
    under().ui.answer(choose('modelarts-demo-data'), choose('datasets/'), choose('..'), choose('code/'), choose('Use this folder'));
    await vscode.commands.executeCommand('modelarts.obs.copyUri');
    assert.deepEqual(under().ui.errors, []);
    assert.equal(await vscode.env.clipboard.readText(), 'obs://modelarts-demo-data/code/');
    assert.deepEqual(offered[1], ['Use this folder', '..', 'code/', 'datasets/', 'README.md']);
    assert.deepEqual(offered[4], ['Use this folder', '..', 'utils/', 'requirements.txt', 'train.py']);
  });

  it('creates a bucket with a storage class; refuses to delete a bucket that is not empty; deletes an empty one after asking', async () => {
    under().ui.answer('team-scratch-bucket', 'WARM');
    await vscode.commands.executeCommand('modelarts.obs.createBucket', await buckets());
    assert.deepEqual(under().ui.errors, []);
    assert.deepEqual([store().bucket('team-scratch-bucket')?.location, store().bucket('team-scratch-bucket')?.storageClass], [REGION, 'WARM']);
    assert.deepEqual((await children(await buckets())).map(label), ['modelarts-demo-data', 'modelarts-demo-outputs', 'team-scratch-bucket']);

    await vscode.commands.executeCommand('modelarts.obs.deleteBucket', await bucket('modelarts-demo-outputs'));
    assert.deepEqual(under().ui.errors, ['InvalidInput: Bucket modelarts-demo-outputs is not empty: delete its objects first.']);
    assert.ok(store().bucket('modelarts-demo-outputs'), 'nothing was deleted');

    under().ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.obs.deleteBucket', await bucket('team-scratch-bucket'));
    assert.ok(store().bucket('team-scratch-bucket'), 'declining keeps the bucket');
    under().ui.answer('Delete');
    await vscode.commands.executeCommand('modelarts.obs.deleteBucket', await bucket('team-scratch-bucket'));
    assert.equal(under().ui.shown.at(-1)?.message, 'Delete bucket "team-scratch-bucket"?');
    assert.equal(store().bucket('team-scratch-bucket'), undefined);
    assert.deepEqual((await children(await buckets())).map(label), ['modelarts-demo-data', 'modelarts-demo-outputs']);
  });

  it('deletes a folder and everything in it after a confirmation that counts the objects', async () => {
    const outputs = await path('modelarts-demo-outputs', 'training');
    under().ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.obs.delete', outputs);
    assert.equal(under().ui.shown.at(-1)?.message, 'Delete folder "training" and the 2 objects in it?');
    assert.equal(store().bucket('modelarts-demo-outputs')?.objects.size, 2, 'declining deletes nothing');

    under().ui.answer('Delete');
    await vscode.commands.executeCommand('modelarts.obs.delete', outputs);
    assert.deepEqual(under().ui.errors, []);
    assert.equal(store().bucket('modelarts-demo-outputs')?.objects.size, 0);
    assert.deepEqual((await children(await bucket('modelarts-demo-outputs'))).map(label), ['No objects']);
  });
});
