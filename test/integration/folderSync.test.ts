import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REGION, signedInSuite } from './harness';

const BUCKET = 'modelarts-demo-outputs';

describe('Folder sync to OBS (the upload of Run on ModelArts), against the OBS stand-in', () => {
  const under = signedInSuite({ transitionMs: 300 });
  const objects = () => under().emulator.obs.store.bucket(BUCKET)?.objects ?? new Map();
  const keysUnder = (prefix: string) => [...objects().keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)).sort();
  const puts = (prefix: string) => under().emulator.obs.requests.list({ method: 'PUT', path: `/${BUCKET}/${prefix}` }).filter((entry) => entry.status === 200);
  let scratch: string;
  let folder: string;
  let prefix: string;
  let run = 0;

  beforeEach(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'folder-sync-'));
    folder = path.join(scratch, 'mnist');
    prefix = `sync-${++run}/mnist/`;
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  /** Writes files below the synced folder (or removes one when its content is undefined). */
  function write(files: Record<string, string | Buffer | undefined>): void {
    for (const [name, data] of Object.entries(files)) {
      const file = path.join(folder, name);
      if (data === undefined) {
        rmSync(file);
        continue;
      }
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, data);
    }
  }

  /** A training folder with files each kind of ignore rule keeps back. */
  function fixture(): Record<string, string | Buffer> {
    const sent = {
      'train.py': 'import model\nprint("loss=0.5")\n',
      'model.py': 'class Net: pass\n',
      'configs/base.yaml': 'lr: 0.001\n',
      '.gitignore': '__pycache__/\n*.ckpt\n',
      '.modelartsignore': 'data/raw/\n',
      'data/.gitignore': '*.tmp\n',
      'data/labels.csv': 'id,label\n1,7\n',
      'data/shards/shard-0.bin': Buffer.alloc(50_000, 1),
    };
    write({
      ...sent,
      '.git/HEAD': 'ref: refs/heads/main\n',
      '__pycache__/model.cpython-311.pyc': 'bytecode',
      'checkpoints/last.ckpt': 'weights',
      'data/scratch.tmp': 'temporary',
      'data/raw/big.bin': Buffer.alloc(10_000, 2),
    });
    return sent;
  }

  const sync = () => under().api.folderSync.syncFolder(under().api.context, folder, { region: REGION, bucket: BUCKET, prefix });

  it('puts every file the ignore rules let through under the prefix, byte for byte, with files and bytes in its progress', async () => {
    const sent = fixture();
    const outcome = await sync();
    assert.deepEqual(outcome, { complete: true, uploaded: Object.keys(sent).sort(), unchanged: 0, ignored: 5 });
    assert.deepEqual(keysUnder(prefix), Object.keys(sent).sort(), 'no ignored file went up (.git, .gitignore, a nested .gitignore, .modelartsignore)');
    for (const [name, data] of Object.entries(sent)) {
      assert.deepEqual(objects().get(prefix + name)?.data, Buffer.from(data), name);
    }
    assert.ok(under().ui.progress.some((step) => /^\d+ of 8 files · .+ of .+$/.test(step.message ?? '')), JSON.stringify(under().ui.progress));
    assert.deepEqual(under().ui.errors, []);
    assert.deepEqual(await under().api.folderSync.listSyncedFiles(folder), Object.keys(sent).sort());
  });

  it('a second sync sends only the file that changed, and leaves objects whose file is gone alone', async () => {
    fixture();
    await sync();
    under().emulator.obs.requests.clear();
    write({ 'train.py': 'import model\nprint("loss=0.4")\n', 'model.py': undefined });
    const outcome = await sync();
    assert.deepEqual(outcome, { complete: true, uploaded: ['train.py'], unchanged: 6, ignored: 5 });
    assert.deepEqual(puts(prefix).map((entry) => entry.path), [`/${BUCKET}/${prefix}train.py`]);
    assert.equal(objects().get(`${prefix}train.py`)?.data.toString(), 'import model\nprint("loss=0.4")\n');
    assert.ok(objects().has(`${prefix}model.py`), 'a sync never deletes');

    under().emulator.obs.requests.clear();
    assert.deepEqual(await sync(), { complete: true, uploaded: [], unchanged: 7, ignored: 5 });
    assert.equal(puts(prefix).length, 0, 'nothing changed, nothing sent');
  });

  it('a network fault mid-sync names the files not sent, and the next sync sends only those', async () => {
    const sent = fixture();
    under().emulator.obs.faults.add({ kind: 'reset', method: 'PUT', path: `/${BUCKET}/${prefix}configs/base.yaml`, times: Infinity });
    const failed = await sync();
    assert.equal(failed.complete, false);
    assert.ok(!failed.complete);
    assert.equal(failed.cancelled, false);
    assert.deepEqual(failed.notSent, ['configs/base.yaml']);
    assert.match(failed.reason ?? '', /^configs\/base\.yaml: /);
    assert.deepEqual(keysUnder(prefix), Object.keys(sent).filter((name) => name !== 'configs/base.yaml').sort());

    under().emulator.obs.faults.clear();
    under().emulator.obs.requests.clear();
    assert.deepEqual(await sync(), { complete: true, uploaded: ['configs/base.yaml'], unchanged: 7, ignored: 5 });
    assert.deepEqual(puts(prefix).map((entry) => entry.path), [`/${BUCKET}/${prefix}configs/base.yaml`]);
  });

  it('Cancel stops the sync, which names every file not known to be there, and leaves no upload open', async () => {
    const shards: Record<string, Buffer> = {};
    for (let i = 0; i < 12; i++) shards[`shards/shard-${String(i).padStart(2, '0')}.bin`] = Buffer.alloc(60_000, i);
    write({ 'train.py': 'print(1)\n', ...shards });
    under().emulator.obs.faults.add({ kind: 'slow', method: 'PUT', path: `/${BUCKET}/${prefix}shards/`, bytesPerSecond: 200_000, times: Infinity });
    under().ui.cancelProgressWhen((step) => /^[1-9]\d* of 13 files/.test(step.message ?? ''));
    const cancelled = await sync();
    assert.ok(!cancelled.complete, 'a cancelled sync is never complete');
    assert.equal(cancelled.cancelled, true);
    assert.ok(cancelled.notSent.length > 0 && cancelled.notSent.length < 13, JSON.stringify(cancelled.notSent));
    const there = keysUnder(prefix);
    // An upload aborted after its body went through may still be stored: such a file is both there and named.
    assert.deepEqual([...new Set([...there, ...cancelled.notSent])].sort(), ['train.py', ...Object.keys(shards)].sort(), 'every file is there or named as not sent');
    assert.deepEqual(under().emulator.obs.store.openUploads(), []);
    assert.deepEqual(under().ui.errors, []);

    under().emulator.obs.faults.clear();
    under().emulator.obs.requests.clear();
    const resumed = await sync();
    assert.ok(resumed.complete);
    assert.ok(resumed.uploaded.length > 0, 'what had not started goes now');
    // A request cut off after its body was through may still have landed: the comparison skips it then.
    assert.ok(resumed.uploaded.every((name) => cancelled.notSent.includes(name)), `only files named as not sent go: ${resumed.uploaded.join(', ')}`);
    assert.equal(resumed.uploaded.length + resumed.unchanged, 13);
    assert.deepEqual(keysUnder(prefix), ['train.py', ...Object.keys(shards)].sort());
  });
});
