import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { label, type Node, signedInSuite } from './harness';

/** The explorer's drag and drop controller, as the extension exports it (the bundle's classes are not importable here). */
interface DragAndDrop {
  handleDrag(source: readonly Node[], dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): void;
  handleDrop(target: Node | undefined, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void>;
}

const TREE_MIME = 'application/vnd.code.tree.modelarts.explorer';

/** A file the host hands over as bytes only, with no path (what a browser gives for a drop from the OS). */
class BytesOnlyFile extends vscode.DataTransferItem {
  constructor(
    private readonly name: string,
    private readonly bytes: Uint8Array,
  ) {
    super('');
  }

  override asFile(): vscode.DataTransferFile {
    return { name: this.name, uri: undefined, data: async () => this.bytes };
  }
}

describe('Drag and drop in the explorer, against the OBS stand-in', () => {
  const under = signedInSuite({ transitionMs: 300 });
  const dnd = () => under().api.dragAndDrop as unknown as DragAndDrop;
  const token = new vscode.CancellationTokenSource().token;
  const row = async (...names: string[]) => {
    let node = await under().regionCategory('OBS Buckets');
    for (const name of names) node = await under().child(node, name);
    return node;
  };
  const outputs = () => {
    const bucket = under().emulator.obs.store.bucket('modelarts-demo-outputs');
    assert.ok(bucket);
    return bucket;
  };
  const put = (key: string, text: string) => under().emulator.obs.store.putObject(outputs(), key, Buffer.from(text), 'text/plain');
  const text = (key: string) => outputs().objects.get(key)?.data.toString('utf8');
  const copyPuts = () => under().emulator.obs.requests.list({ method: 'PUT' }).length;
  let scratch: string;

  beforeEach(() => {
    for (const key of [...outputs().objects.keys()].filter((name) => !name.startsWith('training/'))) outputs().objects.delete(key);
    put('src/deep/b.txt', 'b');
    put('src/deep/c.txt', 'c');
    put('src/loose.txt', 'loose');
    put('dest/keep.txt', 'keep');
    under().api.context.explorer.reload();
    scratch = mkdtempSync(path.join(tmpdir(), 'obs-drop-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('uploads files and folders dropped from the Explorer onto a bucket, and shows them in it', async () => {
    writeFileSync(path.join(scratch, 'notes.txt'), 'notes');
    mkdirSync(path.join(scratch, 'run', 'sub'), { recursive: true });
    writeFileSync(path.join(scratch, 'run', 'a.txt'), 'a');
    writeFileSync(path.join(scratch, 'run', 'sub', 'b.txt'), 'sub b');
    const dropped = new vscode.DataTransfer();
    const uris = [vscode.Uri.file(path.join(scratch, 'notes.txt')), vscode.Uri.file(path.join(scratch, 'run'))];
    dropped.set('text/uri-list', new vscode.DataTransferItem(uris.map(String).join('\r\n')));
    const bucket = await row('modelarts-demo-outputs');
    assert.deepEqual((await under().explorer.getChildren(bucket)).map(label), ['dest', 'src', 'training'], 'the bucket as listed before the drop');
    await dnd().handleDrop(bucket, dropped, token);

    assert.deepEqual(under().ui.errors, []);
    assert.match(under().ui.shown.at(-1)?.message ?? '', /^Uploaded 3 files \(.+\) to obs:\/\/modelarts-demo-outputs\/\.$/);
    assert.deepEqual([text('notes.txt'), text('run/a.txt'), text('run/sub/b.txt')], ['notes', 'a', 'sub b']);
    assert.ok(under().ui.progress.some((step) => /^\d of 3 files · /.test(step.message ?? '')), 'the usual progress counts files and bytes');
    assert.deepEqual((await under().explorer.getChildren(bucket)).map(label), ['dest', 'run', 'src', 'training', 'notes.txt'], 'the bucket is listed again');
  });

  it('uploads a file handed over as bytes only, dropped on an object row, into that object\'s folder', async () => {
    const dropped = new vscode.DataTransfer();
    dropped.set('application/octet-stream', new BytesOnlyFile('photo.bin', Buffer.from('pixels')));
    await dnd().handleDrop(await row('modelarts-demo-outputs', 'dest', 'keep.txt'), dropped, token);
    assert.deepEqual(under().ui.errors, []);
    assert.equal(text('dest/photo.bin'), 'pixels');
    assert.match(under().ui.shown.at(-1)?.message ?? '', /^Uploaded 1 file \(.+\) to obs:\/\/modelarts-demo-outputs\/dest\/\.$/);
  });

  it('refuses files that are not on this machine, and a drop on a row that is no bucket or folder', async () => {
    const remote = new vscode.DataTransfer();
    remote.set('text/uri-list', new vscode.DataTransferItem('untitled:Untitled-1'));
    await dnd().handleDrop(await row('modelarts-demo-outputs'), remote, token);
    const local = new vscode.DataTransfer();
    writeFileSync(path.join(scratch, 'notes.txt'), 'notes');
    local.set('text/uri-list', new vscode.DataTransferItem(vscode.Uri.file(path.join(scratch, 'notes.txt')).toString()));
    await dnd().handleDrop(await under().regionCategory('OBS Buckets'), local, token);
    assert.deepEqual(under().ui.errors, ['InvalidInput: Only files on this machine can be transferred.', 'InvalidInput: Drop on an OBS bucket or folder to upload or copy there.']);
    assert.equal(copyPuts(), 0);
  });

  it('copies dragged folders and objects into another folder after one confirmation naming how many', async () => {
    const dragged = new vscode.DataTransfer();
    dnd().handleDrag([await row('modelarts-demo-outputs', 'src', 'deep'), await row('modelarts-demo-outputs', 'src', 'loose.txt')], dragged, token);
    under().ui.answer('Copy');
    const dest = await row('modelarts-demo-outputs', 'dest');
    assert.deepEqual((await under().explorer.getChildren(dest)).map(label), ['keep.txt'], 'the target as listed before the drop');
    await dnd().handleDrop(dest, dragged, token);

    assert.deepEqual(under().ui.errors, []);
    const asked = under().ui.shown.filter((entry) => entry.kind === 'warning');
    assert.deepEqual(asked.map((entry) => entry.message), ['Copy or move 3 objects to obs://modelarts-demo-outputs/dest/?']);
    assert.deepEqual([text('dest/deep/b.txt'), text('dest/deep/c.txt'), text('dest/loose.txt')], ['b', 'c', 'loose']);
    assert.deepEqual([text('src/deep/b.txt'), text('src/loose.txt')], ['b', 'loose'], 'a copy keeps the originals');
    assert.match(under().ui.shown.at(-1)?.message ?? '', /^Copied 3 objects \(.+\) to obs:\/\/modelarts-demo-outputs\/dest\/\.$/);
    assert.deepEqual((await under().explorer.getChildren(dest)).map(label), ['deep', 'keep.txt', 'loose.txt'], 'the target folder is listed again');
  });

  it('moves with Move: copies, then deletes only the originals that were copied, and reports the rest', async () => {
    under().emulator.obs.faults.add({ kind: 'status', status: 400, code: 'InvalidRequest', message: 'injected refusal', method: 'PUT', path: '/modelarts-demo-outputs/dest/deep/c.txt' });
    const dragged = new vscode.DataTransfer();
    const src = await row('modelarts-demo-outputs', 'src');
    dnd().handleDrag([await under().child(src, 'deep'), await under().child(src, 'loose.txt')], dragged, token);
    under().ui.answer('Move');
    await dnd().handleDrop(await row('modelarts-demo-outputs', 'dest'), dragged, token);

    assert.deepEqual([text('dest/deep/b.txt'), text('src/deep/b.txt')], ['b', undefined], 'what was copied is moved');
    assert.deepEqual([text('dest/deep/c.txt'), text('src/deep/c.txt')], [undefined, 'c'], 'what failed to copy stays where it was');
    assert.deepEqual([text('dest/loose.txt'), text('src/loose.txt')], ['loose', undefined]);
    assert.equal(text('dest/keep.txt'), 'keep', 'nothing that was not dragged is deleted');
    assert.match(under().ui.errors.at(-1) ?? '', /^2 of 3 files moved; 1 failed, 0 not transferred\. First failure: deep\/c\.txt \(.*InvalidRequest/);
    assert.deepEqual((await under().explorer.getChildren(src)).map(label), ['deep'], 'the source folder is listed again');
  });

  it('does nothing where it is dropped on its own folder or declined, refuses a folder into itself, and drags no bucket', async () => {
    const onItsFolder = new vscode.DataTransfer();
    dnd().handleDrag([await row('modelarts-demo-outputs', 'src', 'loose.txt')], onItsFolder, token);
    await dnd().handleDrop(await row('modelarts-demo-outputs', 'src'), onItsFolder, token);

    const declined = new vscode.DataTransfer();
    dnd().handleDrag([await row('modelarts-demo-outputs', 'src', 'loose.txt')], declined, token);
    under().ui.answer(undefined);
    await dnd().handleDrop(await row('modelarts-demo-outputs', 'dest'), declined, token);

    const intoItself = new vscode.DataTransfer();
    dnd().handleDrag([await row('modelarts-demo-outputs', 'src')], intoItself, token);
    await dnd().handleDrop(await row('modelarts-demo-outputs', 'src', 'deep'), intoItself, token);

    const bucketDrag = new vscode.DataTransfer();
    dnd().handleDrag([await row('modelarts-demo-outputs')], bucketDrag, token);
    assert.equal(bucketDrag.get(TREE_MIME), undefined, 'a bucket is not dragged');

    assert.deepEqual(under().ui.shown.filter((entry) => entry.kind === 'warning').map((entry) => entry.message), ['Copy or move 1 object to obs://modelarts-demo-outputs/dest/?']);
    assert.deepEqual(under().ui.errors, ['InvalidInput: A folder cannot go into itself: obs://modelarts-demo-outputs/src/']);
    assert.equal(copyPuts(), 0, 'nothing is copied');
  });
});
