import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { label, type Node, signedInSuite } from './harness';

describe('OBS uploads and downloads, against the OBS stand-in', () => {
  const under = signedInSuite({ transitionMs: 300 });
  const children = (node: Node) => under().explorer.getChildren(node);
  const path_ = async (...names: string[]) => {
    let node = await under().regionCategory('OBS Buckets');
    for (const name of names) node = await under().child(node, name);
    return node;
  };
  const objects = () => under().emulator.obs.store.bucket('modelarts-demo-outputs')?.objects ?? new Map();
  let scratch: string;

  beforeEach(() => {
    under().api.context.explorer.reload();
    scratch = mkdtempSync(path.join(tmpdir(), 'obs-vscode-'));
    for (const key of [...objects().keys()].filter((name) => name.startsWith('experiment/'))) objects().delete(key);
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  /** A nested folder: a config, an empty file, and `count` shards two levels down. */
  function nestedFolder(count = 4): Record<string, Buffer> {
    const files: Record<string, Buffer> = { 'experiment/config.yaml': Buffer.from('lr: 0.001\n'), 'experiment/empty.txt': Buffer.alloc(0) };
    for (let i = 0; i < count; i++) files[`experiment/shards/deep/shard-${i}.bin`] = Buffer.alloc(40_000 + i, i + 1);
    for (const [name, data] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(scratch, 'up', name)), { recursive: true });
      writeFileSync(path.join(scratch, 'up', name), data);
    }
    return files;
  }

  const filesIn = (root: string): string[] =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();

  it('uploads a nested folder into a bucket and downloads it again, byte for byte', async () => {
    const files = nestedFolder();
    const bucket = await path_('modelarts-demo-outputs');
    under().ui.answerOpenDialog([vscode.Uri.file(path.join(scratch, 'up', 'experiment'))]);
    await vscode.commands.executeCommand('modelarts.obs.uploadFolder', bucket);
    assert.deepEqual(under().ui.errors, []);
    assert.match(under().ui.shown.at(-1)?.message ?? '', /^Uploaded 6 files \(\d+ KB\) to obs:\/\/modelarts-demo-outputs\/\.$/);
    for (const [name, data] of Object.entries(files)) {
      assert.deepEqual(objects().get(name)?.data, data, name);
    }
    assert.ok(under().ui.progress.some((step) => /^\d of 6 files · /.test(step.message ?? '')), 'progress counts files and bytes');
    assert.deepEqual((await children(bucket)).map(label), ['experiment', 'training'], 'the bucket shows what was uploaded');

    under().ui.answerOpenDialog([vscode.Uri.file(path.join(scratch, 'down'))]);
    mkdirSync(path.join(scratch, 'down'));
    await vscode.commands.executeCommand('modelarts.obs.download', await path_('modelarts-demo-outputs', 'experiment'));
    assert.deepEqual(under().ui.errors, []);
    assert.deepEqual(filesIn(path.join(scratch, 'down')), Object.keys(files).sort());
    for (const [name, data] of Object.entries(files)) {
      assert.deepEqual(readFileSync(path.join(scratch, 'down', name)), data, name);
    }
  });

  it('asks before replacing objects, and before replacing a local folder', async () => {
    nestedFolder(1);
    const bucket = await path_('modelarts-demo-outputs');
    under().ui.answerOpenDialog([vscode.Uri.file(path.join(scratch, 'up', 'experiment'))]);
    await vscode.commands.executeCommand('modelarts.obs.uploadFolder', bucket);
    under().emulator.obs.requests.clear();
    under().ui.answerOpenDialog([vscode.Uri.file(path.join(scratch, 'up', 'experiment'))]);
    under().ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.obs.uploadFolder', bucket);
    assert.equal(under().ui.shown.at(-1)?.message, 'Replace 3 objects in obs://modelarts-demo-outputs/?');
    assert.equal(under().emulator.obs.requests.count({ method: 'PUT' }), 0, 'declining sends nothing');

    under().ui.answerOpenDialog([vscode.Uri.file(path.join(scratch, 'up'))]);
    under().ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.obs.download', await path_('modelarts-demo-outputs', 'experiment'));
    assert.equal(under().ui.shown.at(-1)?.message, `Replace "experiment" in ${path.join(scratch, 'up')}?`);
    assert.equal(under().emulator.obs.requests.count({ method: 'GET', path: /experiment\/.+/ }), 0);
  });

  it('a transfer cancelled half way reports what was and was not transferred and leaves no partial file', async () => {
    const files = nestedFolder(10);
    const bucket = await path_('modelarts-demo-outputs');
    under().ui.answerOpenDialog([vscode.Uri.file(path.join(scratch, 'up', 'experiment'))]);
    await vscode.commands.executeCommand('modelarts.obs.uploadFolder', bucket);

    under().emulator.obs.faults.add({ kind: 'slow', method: 'GET', path: '/modelarts-demo-outputs/experiment/', bytesPerSecond: 400_000, times: Infinity });
    under().ui.cancelProgressWhen((step) => {
      const [, done, total] = /^(\d+) of (\d+) files/.exec(step.message ?? '') ?? [];
      return Number(done) >= Number(total) / 2;
    });
    mkdirSync(path.join(scratch, 'down'));
    under().ui.answerOpenDialog([vscode.Uri.file(path.join(scratch, 'down'))]);
    under().ui.answer('Show Report');
    await vscode.commands.executeCommand('modelarts.obs.download', await path_('modelarts-demo-outputs', 'experiment'));
    const [, done, total, notDone] = /^Cancelled: (\d+) of (\d+) files downloaded, (\d+) not\.$/.exec(under().ui.shown.at(-1)?.message ?? '') ?? [];
    assert.equal(Number(total), 12);
    assert.ok(Number(done) >= 6 && Number(notDone) > 0, under().ui.shown.at(-1)?.message);
    const local = filesIn(path.join(scratch, 'down'));
    assert.equal(local.length, Number(done), 'only the files downloaded whole, no temporary ones');
    for (const name of local) assert.deepEqual(readFileSync(path.join(scratch, 'down', name)), files[name], name);

    const report = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(report, new RegExp(`^Transferred \\(${done}\\)\\n`));
    assert.match(report, new RegExp(`\\nNot transferred \\(${notDone}\\)\\n`));
    assert.ok(local.every((name) => report.includes(`  ${name}\n`)));
  });

  it('an upload whose connection is reset mid-file retries that file and completes', async () => {
    const files = nestedFolder(2);
    under().emulator.obs.faults.add({ kind: 'reset', method: 'PUT', path: '/modelarts-demo-outputs/experiment/shards/deep/shard-1.bin' });
    under().ui.answerOpenDialog([vscode.Uri.file(path.join(scratch, 'up', 'experiment'))]);
    await vscode.commands.executeCommand('modelarts.obs.uploadFolder', await path_('modelarts-demo-outputs'));
    assert.deepEqual(under().ui.errors, []);
    assert.match(under().ui.shown.at(-1)?.message ?? '', /^Uploaded 4 files/);
    assert.deepEqual(objects().get('experiment/shards/deep/shard-1.bin')?.data, files['experiment/shards/deep/shard-1.bin']);
    const puts = under().emulator.obs.requests.list({ method: 'PUT', path: '/modelarts-demo-outputs/experiment/shards/deep/shard-1.bin' });
    assert.deepEqual(puts.map((entry) => [entry.status, entry.fault]), [[0, 'reset'], [200, undefined]]);
  });
});
