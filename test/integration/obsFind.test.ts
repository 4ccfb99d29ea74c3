import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { label, type Node, signedInSuite, until } from './harness';

describe('OBS: find objects, filter any folder, reveal what was uploaded (against the OBS stand-in)', () => {
  const under = signedInSuite({ transitionMs: 300 });
  const children = (node: Node) => under().explorer.getChildren(node);
  const contextOf = (node: Node) => String(node.getTreeItem().contextValue ?? '');
  const path_ = async (...names: string[]) => {
    let node = await under().regionCategory('OBS Buckets');
    for (const name of names) node = await under().child(node, name);
    return node;
  };
  const store = () => under().emulator.obs.store;
  const bucketOf = (name: string) => {
    const found = store().bucket(name);
    assert.ok(found, `bucket ${name} in the stand-in`);
    return found;
  };
  /** The recursive listings (no delimiter) of a bucket, in order. */
  const searchListings = (bucket: string) => under().emulator.obs.requests.list({ method: 'GET', path: new RegExp(`^/${bucket}/?$`) }).filter((entry) => entry.query.delimiter === undefined);
  const selected = () => (under().api.context.treeView as vscode.TreeView<Node>).selection.map((node) => node.id);

  beforeEach(() => under().api.context.explorer.reload());

  it('Find Objects on a bucket finds a nested key in any case, shows keys as text, and reveals the one chosen', async () => {
    const data = bucketOf('modelarts-demo-data');
    for (const key of ['a/b/c/needle.txt', 'a/b/haystack.txt', 'a/NEEDLE-upper.md', 'a/b/$(alert)needle-notes.txt']) {
      store().putObject(data, key, Buffer.from(`${key}\n`), 'text/plain');
    }
    let offered: readonly vscode.QuickPickItem[] = [];
    under().ui.answer('needle', (items) => {
      offered = items;
      return items.find((item) => item.detail === 'a/b/c/needle.txt');
    }, 'Reveal in Explorer');
    await vscode.commands.executeCommand('modelarts.obs.findObjects', await path_('modelarts-demo-data'));
    assert.deepEqual(under().ui.errors, []);
    assert.deepEqual(
      offered.map((item) => [item.label, item.detail]),
      [
        ['NEEDLE-upper.md', 'a/NEEDLE-upper.md'],
        ['\\$(alert)needle-notes.txt', 'a/b/\\$(alert)needle-notes.txt'],
        ['needle.txt', 'a/b/c/needle.txt'],
      ],
      'the matches, any case, with "$(…)" in a key kept as text',
    );
    assert.match(String(offered[2].description), /^\d+ B · /, 'a match shows its size and age');
    assert.equal(under().ui.quickPicks[0].title, '3 objects in obs://modelarts-demo-data/ whose names contain "needle"');
    assert.deepEqual(searchListings('modelarts-demo-data').map((entry) => [entry.query.prefix, entry.query['max-keys']]), [[undefined, '1000']], 'one recursive listing of the whole bucket');
    assert.ok(under().ui.progress.some((step) => /^\d+ objects read, 3 found$/.test(step.message ?? '')), 'progress counts what was read and found');

    const revealed = await until(selected, (ids) => ids.some((id) => id.endsWith('/modelarts-demo-data/a/b/c/needle.txt')), 'the chosen object selected in the tree');
    assert.equal(revealed.length, 1);

    // The 130th image lies beyond its folder's first page (100): the folder is narrowed to it to reveal it.
    under().ui.answer('IMG_0130', 'img_0130.jpg', 'Reveal in Explorer');
    await vscode.commands.executeCommand('modelarts.obs.findObjects', await path_('modelarts-demo-data', 'datasets'));
    assert.deepEqual(under().ui.errors, []);
    await until(selected, (ids) => ids.some((id) => id.endsWith('/datasets/flowers/train/daisy/img_0130.jpg')), 'the image selected in the tree');
    const daisy = await path_('modelarts-demo-data', 'datasets', 'flowers', 'train', 'daisy');
    assert.equal(daisy.getTreeItem().description, 'only img_0130.jpg…', 'its folder says it is narrowed');
  });

  it('Find Objects from the palette picks the bucket; a search stops at 500 matches and says so; Cancel stops the listing at once', async () => {
    const outputs = bucketOf('modelarts-demo-outputs');
    for (let i = 0; i < 2500; i++) store().putObject(outputs, `bulk/deep/shard-${String(i).padStart(4, '0')}.bin`, Buffer.from([i % 256]), 'application/octet-stream');

    let offered = 0;
    under().ui.answer('modelarts-demo-outputs', 'SHARD', (items) => ((offered = items.length), items[0]), undefined);
    await vscode.commands.executeCommand('modelarts.obs.findObjects');
    assert.deepEqual(under().ui.errors, []);
    assert.equal(offered, 500);
    assert.equal(under().ui.quickPicks[1].title, 'The first 500 objects in obs://modelarts-demo-outputs/ whose names contain "SHARD": the search stopped there');
    assert.equal(searchListings('modelarts-demo-outputs').length, 1, 'no page is read past the 500th match');

    under().emulator.obs.requests.clear();
    // The 100 matches are on the third page of 1,000 keys: without Cancel, three pages are read and the matches offered.
    under().ui.answer('shard-24');
    under().ui.cancelProgressWhen((step) => /^1000 objects read/.test(step.message ?? ''));
    await vscode.commands.executeCommand('modelarts.obs.findObjects', await path_('modelarts-demo-outputs', 'bulk'));
    assert.deepEqual(under().ui.errors, [], 'cancelling is no failure, and no results are offered');
    assert.deepEqual(searchListings('modelarts-demo-outputs').map((entry) => entry.query.prefix), ['bulk/'], 'the listing stopped after the page in hand (3 pages without Cancel)');
  });

  it('the prefix filter narrows a nested folder, which shows it is filtered, until Clear Filter', async () => {
    const train = await path_('modelarts-demo-data', 'datasets', 'flowers', 'train');
    assert.deepEqual((await children(train)).map(label), ['daisy', 'rose', 'tulip']);
    under().ui.answer('ro');
    await vscode.commands.executeCommand('modelarts.obs.filter', train);
    assert.deepEqual(under().ui.errors, []);
    assert.deepEqual((await children(train)).map(label), ['rose']);
    assert.equal(under().emulator.obs.requests.list({ method: 'GET', path: '/modelarts-demo-data' }).at(-1)?.query.prefix, 'datasets/flowers/train/ro');
    assert.equal(train.getTreeItem().description, 'only ro…');
    assert.match(contextOf(train), /\bobsFiltered\b/, 'Clear Filter is offered on the folder');

    await vscode.commands.executeCommand('modelarts.obs.clearFilter', train);
    assert.deepEqual((await children(train)).map(label), ['daisy', 'rose', 'tulip']);
    assert.equal(train.getTreeItem().description, undefined);
    assert.doesNotMatch(contextOf(train), /\bobsFiltered\b/);

    const tulip = await path_('modelarts-demo-data', 'datasets', 'flowers', 'train', 'tulip');
    const [first] = (await children(tulip)).map(label);
    under().ui.answer(first);
    await vscode.commands.executeCommand('modelarts.obs.filter', tulip);
    assert.deepEqual((await children(tulip)).map(label), [first], 'a whole name as the filter shows that object');
  });

  describe('the upload notification', () => {
    let scratch: string;
    beforeEach(() => (scratch = mkdtempSync(path.join(tmpdir(), 'obs-find-'))));
    afterEach(() => rmSync(scratch, { recursive: true, force: true }));
    const localFile = (name: string) => {
      writeFileSync(path.join(scratch, name), `${name}\n`);
      return vscode.Uri.file(path.join(scratch, name));
    };

    it('names the destination and offers Reveal, which selects the uploaded file', async () => {
      under().ui.answerOpenDialog([localFile('model-card.md')]);
      under().ui.answerInfos('Reveal');
      await vscode.commands.executeCommand('modelarts.obs.uploadFiles', await path_('modelarts-demo-data', 'code'));
      assert.deepEqual(under().ui.errors, []);
      const done = under().ui.shown.at(-1);
      assert.deepEqual([done?.message, done?.actions], ['Uploaded 1 file (14 B) to obs://modelarts-demo-data/code/.', ['Reveal']]);
      const revealed = await until(selected, (ids) => ids.some((id) => id.endsWith('/code/model-card.md')), 'the uploaded file selected in the tree');
      assert.equal(revealed.length, 1);
    });

    it('uploaded from the palette into a nested folder, Reveal expands the tree down to that folder and selects it', async () => {
      const choose = (wanted: string) => (items: readonly vscode.QuickPickItem[]) => items.find((item) => item.label === wanted);
      under().ui.answer(choose('modelarts-demo-data'), choose('datasets/'), choose('flowers/'), choose('Use this folder'));
      under().ui.answerOpenDialog([localFile('one.txt'), localFile('two.txt')]);
      under().ui.answerInfos('Reveal');
      await vscode.commands.executeCommand('modelarts.obs.uploadFiles');
      assert.deepEqual(under().ui.errors, []);
      assert.deepEqual(under().ui.shown.at(-1)?.actions, ['Reveal']);
      await until(selected, (ids) => ids.some((id) => id.endsWith('/modelarts-demo-data/datasets/flowers/')), 'the destination folder selected in the tree');
      assert.deepEqual((await children(await path_('modelarts-demo-data', 'datasets', 'flowers'))).map(label), ['train', 'labels.csv', 'one.txt', 'two.txt']);
    });
  });
});
