import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_RETRY_POLICY } from '../../src/services/retry';
import { signedInSuite } from './harness';

const DATA = 'modelarts-demo-data';
const OUTPUTS = 'modelarts-demo-outputs';

/** obs://bucket/key, as the provider serves it (the bundle's obsFileUri is not importable here). */
const obsFile = (bucket: string, key = '') => vscode.Uri.from({ scheme: 'obs', authority: bucket, path: `/${key}` });
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** The FileSystemError `work` fails with; fails the test when it succeeds or throws anything else. */
async function fileSystemError(work: Thenable<unknown>): Promise<vscode.FileSystemError> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof vscode.FileSystemError, `a FileSystemError, not ${String(error)}`);
    return error;
  }
  assert.fail('it failed');
}

describe('The obs:// file system, against the OBS stand-in', () => {
  const under = signedInSuite({ transitionMs: 300 });
  const fs = vscode.workspace.fs;
  const bucket = (name: string) => under().emulator.obs.store.bucket(name) ?? assert.fail(`${name} is seeded`);
  const stored = (name: string, key: string) => bucket(name).objects.get(key)?.data.toString('utf8');
  const put = (name: string, key: string, content: string) => under().emulator.obs.store.putObject(bucket(name), key, Buffer.from(content), 'text/plain');

  it('lists a bucket and its folders, stats objects and folders, and reads an object whole', async () => {
    const top = await fs.readDirectory(obsFile(DATA));
    assert.deepEqual(top, [
      ['code', vscode.FileType.Directory],
      ['datasets', vscode.FileType.Directory],
      ['README.md', vscode.FileType.File],
    ]);
    assert.deepEqual(await fs.readDirectory(obsFile(DATA, 'code')), [
      ['utils', vscode.FileType.Directory],
      ['requirements.txt', vscode.FileType.File],
      ['train.py', vscode.FileType.File],
    ]);
    const readme = await fs.stat(obsFile(DATA, 'README.md'));
    assert.deepEqual([readme.type, readme.size], [vscode.FileType.File, bucket(DATA).objects.get('README.md')?.data.length]);
    assert.ok(readme.mtime > 0, 'an object has its Last-Modified as mtime');
    assert.equal((await fs.stat(obsFile(DATA, 'datasets/flowers'))).type, vscode.FileType.Directory);
    assert.equal(text(await fs.readFile(obsFile(DATA, 'code/train.py'))), stored(DATA, 'code/train.py'));
    const image = await fs.readFile(obsFile(DATA, 'datasets/flowers/train/daisy/img_0001.jpg'));
    assert.ok(Buffer.from(image).equals(bucket(DATA).objects.get('datasets/flowers/train/daisy/img_0001.jpg')?.data ?? Buffer.alloc(0)), 'binary objects arrive byte for byte');
  });

  it('writes new and existing objects byte for byte, makes empty folders, and deletes objects and folders', async () => {
    const bytes = Uint8Array.from([0, 255, 128, 10, 13, 0xc3]);
    await fs.writeFile(obsFile(OUTPUTS, 'fs/new.bin'), bytes);
    assert.ok(bucket(OUTPUTS).objects.get('fs/new.bin')?.data.equals(Buffer.from(bytes)), 'the bytes are stored as written');
    await fs.writeFile(obsFile(OUTPUTS, 'fs/new.bin'), Buffer.from('second'));
    assert.equal(stored(OUTPUTS, 'fs/new.bin'), 'second');
    assert.equal((await fs.stat(obsFile(OUTPUTS, 'fs/new.bin'))).size, 6);

    await fs.createDirectory(obsFile(OUTPUTS, 'fs/empty'));
    assert.equal(stored(OUTPUTS, 'fs/empty/'), '', 'an empty folder is its marker object');
    assert.deepEqual(await fs.readDirectory(obsFile(OUTPUTS, 'fs/empty')), [], 'an empty folder lists nothing, and is no error');

    await fs.delete(obsFile(OUTPUTS, 'fs/new.bin'));
    assert.equal(bucket(OUTPUTS).objects.has('fs/new.bin'), false);
    put(OUTPUTS, 'fs/tree/a.txt', 'a');
    put(OUTPUTS, 'fs/tree/deep/b.txt', 'b');
    assert.equal((await fileSystemError(fs.delete(obsFile(OUTPUTS, 'fs/tree'), { recursive: false }))).code, 'NoPermissions', 'a folder with objects is deleted only recursively');
    await fs.delete(obsFile(OUTPUTS, 'fs/tree'), { recursive: true });
    assert.deepEqual([...bucket(OUTPUTS).objects.keys()].filter((key) => key.startsWith('fs/tree')), []);
    assert.equal((await fileSystemError(fs.readDirectory(obsFile(OUTPUTS, 'fs/tree')))).code, 'FileNotFound', 'a deleted folder is missing, not empty');
  });

  it('renames an object and a folder by copy then delete, and reports a partial move naming what stayed', async () => {
    put(OUTPUTS, 'mv/one.txt', '1');
    await fs.rename(obsFile(OUTPUTS, 'mv/one.txt'), obsFile(OUTPUTS, 'mv/uno.txt'));
    assert.deepEqual([stored(OUTPUTS, 'mv/one.txt'), stored(OUTPUTS, 'mv/uno.txt')], [undefined, '1']);
    assert.equal((await fileSystemError(fs.rename(obsFile(OUTPUTS, 'mv/missing.txt'), obsFile(OUTPUTS, 'mv/x.txt')))).code, 'FileNotFound');
    put(OUTPUTS, 'mv/taken.txt', 't');
    assert.equal((await fileSystemError(fs.rename(obsFile(OUTPUTS, 'mv/uno.txt'), obsFile(OUTPUTS, 'mv/taken.txt')))).code, 'FileExists', 'no overwrite unless asked');

    for (const name of ['a.txt', 'b.txt', 'c.txt']) put(OUTPUTS, `src/${name}`, name);
    // OBS refuses the copy of b.txt (as when it was deleted meanwhile): a, c move; b stays where it was, and the
    // error names it with OBS's code. (A 403 would stop the whole transfer, as it does an upload's.)
    under().emulator.obs.faults.add({ kind: 'status', status: 404, code: 'NoSuchKey', method: 'PUT', path: '/modelarts-demo-outputs/dst/b.txt' });
    const partial = await fileSystemError(fs.rename(obsFile(OUTPUTS, 'src'), obsFile(OUTPUTS, 'dst')));
    assert.match(partial.message, /Moved 2 of 3 objects; these stay at obs:\/\/modelarts-demo-outputs\/src\/: b\.txt \(NoSuchKey: .*request id/);
    const keys = () => [...bucket(OUTPUTS).objects.keys()].filter((key) => /^(src|dst)\//.test(key)).sort();
    assert.deepEqual(keys(), ['dst/a.txt', 'dst/c.txt', 'src/b.txt']);
    await fs.rename(obsFile(OUTPUTS, 'src/b.txt'), obsFile(OUTPUTS, 'dst/b.txt'));
    assert.deepEqual(keys(), ['dst/a.txt', 'dst/b.txt', 'dst/c.txt']);
  });

  it('a save over an object changed in OBS since it was read asks; Cancel and Compare write nothing, Overwrite writes', async () => {
    put(OUTPUTS, 'conflict/notes.md', 'first');
    const uri = obsFile(OUTPUTS, 'conflict/notes.md');
    assert.equal(text(await fs.readFile(uri)), 'first');
    put(OUTPUTS, 'conflict/notes.md', 'changed by someone else');

    under().ui.answer(undefined);
    const cancelled = await fileSystemError(fs.writeFile(uri, Buffer.from('mine')));
    assert.match(cancelled.message, /Not saved: obs:\/\/modelarts-demo-outputs\/conflict\/notes\.md changed in OBS/);
    assert.equal(stored(OUTPUTS, 'conflict/notes.md'), 'changed by someone else', 'Cancel writes nothing');
    const asked = under().ui.shown.filter((message) => message.kind === 'warning');
    assert.deepEqual(asked.map((message) => message.message), ['obs://modelarts-demo-outputs/conflict/notes.md changed in OBS since you opened it.']);

    under().ui.answer('Compare');
    await fileSystemError(fs.writeFile(uri, Buffer.from('mine')));
    assert.equal(stored(OUTPUTS, 'conflict/notes.md'), 'changed by someone else', 'Compare writes nothing');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(tab instanceof vscode.TabInputTextDiff, 'a compare opened');
    assert.deepEqual([tab.original.scheme, tab.original.path, tab.modified.toString()], ['obs-current', '/conflict/notes.md', uri.toString()]);
    assert.equal((await vscode.workspace.openTextDocument(tab.original)).getText(), 'changed by someone else', 'the compare shows what OBS holds now');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    // The compare read the object again (its editor was not open): it changes once more before the next save.
    put(OUTPUTS, 'conflict/notes.md', 'changed again');
    under().ui.answer('Overwrite');
    await fs.writeFile(uri, Buffer.from('mine'));
    assert.equal(stored(OUTPUTS, 'conflict/notes.md'), 'mine');
    await fs.writeFile(uri, Buffer.from('mine, again'));
    assert.equal(under().ui.shown.filter((message) => message.kind === 'warning').length, 3, 'a save over what this window wrote last does not ask');
  });

  it('errors are FileSystemErrors with OBS\'s code and request id: missing object or bucket, 403, network', async () => {
    const missing = await fileSystemError(fs.readFile(obsFile(DATA, 'no/such/object.txt')));
    assert.equal(missing.code, 'FileNotFound');
    assert.match(missing.message, /NoSuchKey: .*\(request id \w+\)/);
    const noBucket = await fileSystemError(fs.readDirectory(obsFile('no-such-bucket-here')));
    assert.deepEqual([noBucket.code, /NoSuchBucket/.test(noBucket.message)], ['FileNotFound', true]);

    under().emulator.obs.faults.add({ kind: 'status', status: 403, code: 'AccessDenied', message: 'Access Denied', method: 'GET', path: `/${DATA}` });
    const denied = await fileSystemError(fs.readDirectory(obsFile(DATA, 'code')));
    assert.equal(denied.code, 'NoPermissions', 'a 403 is an error, not an empty folder');
    assert.match(denied.message, /AccessDenied: Access Denied \(request id \w+\)/);

    const { session } = under().api.context;
    session.retryPolicy = { ...session.retryPolicy, baseDelayMs: 2, maxDelayMs: 10 };
    session.rebuild();
    try {
      under().emulator.obs.faults.add({ kind: 'reset', method: 'GET', path: `/${DATA}`, times: Infinity });
      const unreachable = await fileSystemError(fs.readDirectory(obsFile(DATA, 'datasets')));
      assert.equal(unreachable.code, 'Unavailable', 'a network failure is an error, not an empty folder');
      assert.match(unreachable.message, /NetworkError: network error/);
    } finally {
      under().emulator.obs.faults.clear();
      session.retryPolicy = DEFAULT_RETRY_POLICY;
      session.rebuild();
    }
  });
});
