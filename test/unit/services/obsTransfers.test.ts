// Uploads and downloads of nested folders against the OBS stand-in: byte for byte, in parts, bounded, resumed, cancelled.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { endpointOverridesFor } from '../../../emulator/server';
import { createServices } from '../../../src/services';
import { IN_MEMORY_BYTES } from '../../../src/services/obsDownloads';
import { ObsTransfers } from '../../../src/services/obsTransfers';
import type { TransferProgress } from '../../../src/services/transferReport';
import { type Harness, startHarness } from './emulatorHarness';

const REGION = 'cn-north-4';
const BUCKET = 'transfer-tests';
/** Small parts (OBS's minimum is 100 KB) so a file of a few hundred KB goes in several. */
const PART = 128 * 1024;

let harness: Harness;
let scratch: string;
const transfers = (): ObsTransfers => new ObsTransfers(harness.services.obs);
const objects = () => harness.emulator.obs.store.bucket(BUCKET)?.objects ?? new Map();

before(async () => {
  harness = await startHarness();
  await harness.services.obs.createBucket(REGION, BUCKET, 'STANDARD');
});
after(() => harness.close());
beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'obs-transfers-'));
  harness.emulator.obs.faults.clear();
  harness.emulator.obs.requests.clear();
  for (const key of [...objects().keys()]) objects().delete(key);
});

function bytes(seed: number, size: number): Buffer {
  return Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + seed) % 256));
}

/** A nested folder: a multipart-sized file, small files two levels deep, an empty file. */
function nestedFolder(root: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {
    'dataset/big.bin': bytes(1, 3 * PART + 1000),
    'dataset/README.txt': Buffer.from('flowers\n'),
    'dataset/empty.txt': Buffer.alloc(0),
    'dataset/train/a.jpg': bytes(2, 5000),
    'dataset/train/b.jpg': bytes(3, 7000),
    'dataset/train/deep/c.jpg': bytes(4, 300),
  };
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), data);
  }
  return files;
}

/** Every file below `root`, as `a/b/c` paths. */
function filesIn(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

describe('OBS transfers', () => {
  it('uploads a nested folder (large files in parts) and downloads it back byte for byte', async () => {
    const files = nestedFolder(path.join(scratch, 'up'));
    const seen: TransferProgress[] = [];
    const up = await transfers().upload({ region: REGION, bucket: BUCKET, key: 'runs/' }, [path.join(scratch, 'up', 'dataset')], { partSize: PART, onProgress: (progress) => seen.push(progress) });
    assert.deepEqual(up, { transferred: Object.keys(files).sort(), failed: [], notTransferred: [], cancelled: false, bytes: Object.values(files).reduce((sum, data) => sum + data.length, 0) });
    for (const [name, data] of Object.entries(files)) {
      assert.deepEqual(objects().get(`runs/${name}`)?.data, data, name);
    }
    assert.equal(harness.emulator.obs.requests.count({ method: 'PUT', path: '/transfer-tests/runs/dataset/big.bin' }), 4, 'four parts');
    assert.deepEqual(seen.at(-1), { bytesDone: up.bytes, bytesTotal: up.bytes, filesDone: 6, filesTotal: 6 });
    assert.ok(seen.some((progress) => progress.bytesDone > 0 && progress.bytesDone < up.bytes), 'progress in between');

    const down = await transfers().download({ region: REGION, bucket: BUCKET, key: 'runs/dataset/' }, path.join(scratch, 'down'));
    assert.deepEqual(down.transferred, Object.keys(files).sort());
    assert.deepEqual(filesIn(path.join(scratch, 'down')), Object.keys(files).sort(), 'nothing else, no temporary files');
    for (const [name, data] of Object.entries(files)) {
      assert.deepEqual(readFileSync(path.join(scratch, 'down', name)), data, name);
    }
  });

  it('never has more requests under way than its concurrency', async () => {
    const root = path.join(scratch, 'many');
    mkdirSync(root);
    for (let i = 0; i < 24; i++) writeFileSync(path.join(root, `f${i}.txt`), bytes(i, 2000));
    harness.emulator.obs.faults.add({ kind: 'slow', method: 'PUT', bytesPerSecond: 40_000, times: Infinity });
    harness.emulator.obs.resetPeak();
    const report = await transfers().upload({ region: REGION, bucket: BUCKET, key: '' }, [root], { concurrency: 3 });
    assert.equal(report.transferred.length, 24);
    assert.equal(harness.emulator.obs.peakConcurrency(), 3);
  });

  it('a connection reset in the middle of a part is retried, and the object is whole', async () => {
    const file = path.join(scratch, 'big.bin');
    const data = bytes(9, 2 * PART + 10);
    writeFileSync(file, data);
    harness.emulator.obs.faults.add({ kind: 'reset', method: 'PUT', path: '/transfer-tests/big.bin' });
    const report = await transfers().upload({ region: REGION, bucket: BUCKET, key: '' }, [file], { partSize: PART });
    assert.deepEqual([report.transferred, report.failed], [['big.bin'], []]);
    assert.deepEqual(objects().get('big.bin')?.data, data);
    const puts = harness.emulator.obs.requests.list({ method: 'PUT', path: '/transfer-tests/big.bin' });
    assert.deepEqual(puts.map((entry) => entry.status).sort(), [0, 200, 200, 200]);
    assert.equal(puts.find((entry) => entry.status === 0)?.fault, 'reset');
  });

  it('a file that keeps failing is reported with why; the others go through and no upload is left open', async () => {
    const root = path.join(scratch, 'set');
    mkdirSync(root);
    writeFileSync(path.join(root, 'ok.txt'), 'fine');
    writeFileSync(path.join(root, 'doomed.bin'), bytes(5, 2 * PART));
    harness.emulator.obs.faults.add({ kind: 'reset', method: 'PUT', path: 'doomed.bin', times: Infinity });
    const report = await transfers().upload({ region: REGION, bucket: BUCKET, key: '' }, [root], { partSize: PART });
    assert.deepEqual(report.transferred, ['set/ok.txt']);
    assert.deepEqual(report.failed.map((failure) => failure.name), ['set/doomed.bin']);
    assert.match(report.failed[0].reason, /^NetworkError: /);
    assert.equal(objects().has('set/doomed.bin'), false);
    assert.deepEqual(harness.emulator.obs.store.openUploads(), []);
  });

  it('an upload cancelled half way reports what went and what did not, and leaves no parts behind', async () => {
    const root = path.join(scratch, 'half');
    mkdirSync(root);
    for (let i = 0; i < 10; i++) writeFileSync(path.join(root, `part-${i}.bin`), bytes(i, i === 9 ? 2 * PART : 20_000));
    harness.emulator.obs.faults.add({ kind: 'slow', method: 'PUT', bytesPerSecond: 200_000, times: Infinity });
    const controller = new AbortController();
    const report = await transfers().upload({ region: REGION, bucket: BUCKET, key: '' }, [root], {
      concurrency: 2,
      partSize: PART,
      signal: controller.signal,
      onProgress: (progress) => progress.filesDone >= progress.filesTotal / 2 && controller.abort(),
    });
    assert.equal(report.cancelled, true);
    assert.ok(report.transferred.length >= 5 && report.transferred.length < 10, `${report.transferred.length} transferred`);
    assert.deepEqual([...report.transferred, ...report.notTransferred].sort(), Array.from({ length: 10 }, (_, i) => `half/part-${i}.bin`));
    const stored = [...objects().keys()];
    assert.ok(report.transferred.every((name) => stored.includes(name)), 'what the report says went is there');
    // A body that had fully arrived when the client gave up may still be stored, as with OBS; the rest never starts.
    assert.ok(stored.every((name) => report.transferred.includes(name) || report.notTransferred.includes(name)));
    assert.ok(stored.length < 10, 'the files not started were not uploaded');
    assert.equal(objects().has('half/part-9.bin'), false, 'the large file last in line was not uploaded');
    assert.deepEqual(harness.emulator.obs.store.openUploads(), []);
  });

  it('a download cancelled half way leaves only whole files', async () => {
    const root = path.join(scratch, 'src');
    mkdirSync(path.join(root, 'set'), { recursive: true });
    for (let i = 0; i < 8; i++) writeFileSync(path.join(root, 'set', `f${i}.bin`), bytes(i, 30_000));
    await transfers().upload({ region: REGION, bucket: BUCKET, key: '' }, [path.join(root, 'set')]);

    harness.emulator.obs.faults.add({ kind: 'slow', method: 'GET', path: '/transfer-tests/set/', bytesPerSecond: 300_000, times: Infinity });
    const controller = new AbortController();
    const report = await transfers().download({ region: REGION, bucket: BUCKET, key: 'set/' }, path.join(scratch, 'half'), {
      concurrency: 2,
      signal: controller.signal,
      onProgress: (progress) => progress.bytesDone >= progress.bytesTotal / 2 && controller.abort(),
    });
    assert.equal(report.cancelled, true);
    assert.ok(report.notTransferred.length > 0 && report.transferred.length > 0);
    assert.deepEqual(filesIn(path.join(scratch, 'half')), report.transferred, 'no half-written or temporary file');
    for (const name of report.transferred) {
      assert.deepEqual(readFileSync(path.join(scratch, 'half', name)), objects().get(name)?.data);
    }

  });

  it('a download that breaks off resumes by Range from what arrived', async () => {
    const data = bytes(7, 40_000);
    objects().set('solo/f.bin', { key: 'solo/f.bin', data, etag: '"x"', contentType: 'application/octet-stream', lastModified: Date.now() });
    harness.emulator.obs.faults.add({ kind: 'reset', method: 'GET', path: '/transfer-tests/solo/f.bin', afterBytes: 10_000 });
    const resumed = await transfers().download({ region: REGION, bucket: BUCKET, key: 'solo/f.bin' }, path.join(scratch, 'one'));
    assert.deepEqual(resumed.transferred, ['f.bin']);
    assert.deepEqual(readFileSync(path.join(scratch, 'one', 'f.bin')), data);
    assert.deepEqual(filesIn(path.join(scratch, 'one')), ['f.bin']);
    const reads = harness.emulator.obs.requests.list({ method: 'GET', path: '/transfer-tests/solo/f.bin' });
    assert.deepEqual(reads.map((entry) => [entry.status, entry.range]), [[0, undefined], [206, 'bytes=10000-']]);
  });

  it('a large download (through a temporary file) that breaks off resumes by Range from what reached the disk', async () => {
    const data = bytes(8, IN_MEMORY_BYTES + 200_000);
    objects().set('solo/large.bin', { key: 'solo/large.bin', data, etag: '"x"', contentType: 'application/octet-stream', lastModified: Date.now() });
    harness.emulator.obs.faults.add({ kind: 'reset', method: 'GET', path: '/transfer-tests/solo/large.bin', afterBytes: 300_000 });
    const resumed = await transfers().download({ region: REGION, bucket: BUCKET, key: 'solo/large.bin' }, path.join(scratch, 'one'));
    assert.deepEqual(resumed.transferred, ['large.bin']);
    assert.deepEqual(readFileSync(path.join(scratch, 'one', 'large.bin')), data);
    assert.deepEqual(filesIn(path.join(scratch, 'one')), ['large.bin'], 'no temporary file left');
    const reads = harness.emulator.obs.requests.list({ method: 'GET', path: '/transfer-tests/solo/large.bin' });
    assert.deepEqual(reads.map((entry) => entry.status), [0, 206]);
    // What arrived before the break (up to the 300,000 bytes sent; the rest of that write may be lost with the connection).
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(reads[1].range ?? '')?.[1]);
    assert.ok(resumedAt > 0 && resumedAt <= 300_000, `resumed at ${reads[1].range}`);
  });

  it('under a session, cancelling one transfer leaves another whole, and ending the session stops a transfer', async () => {
    const root = path.join(scratch, 'src', 'set');
    mkdirSync(root, { recursive: true });
    for (let i = 0; i < 6; i++) writeFileSync(path.join(root, `f${i}.bin`), bytes(i, 30_000));
    await transfers().upload({ region: REGION, bucket: BUCKET, key: '' }, [root]);
    const session = new AbortController();
    const signedIn = new ObsTransfers(createServices({ credentials: { accessKey: harness.emulator.demo.ak, secretKey: harness.emulator.demo.sk }, endpointOverrides: endpointOverridesFor(harness.emulator.url), userAgent: 'modelarts-explorer-tests', sessionSignal: session.signal }).obs);
    harness.emulator.obs.faults.add({ kind: 'slow', method: 'GET', path: '/transfer-tests/set/', bytesPerSecond: 300_000, times: Infinity });
    const place = { region: REGION, bucket: BUCKET, key: 'set/' };
    const cancel = new AbortController();
    const [cancelled, whole] = await Promise.all([
      signedIn.download(place, path.join(scratch, 'a'), { concurrency: 2, signal: cancel.signal, onProgress: (progress) => progress.filesDone >= 2 && cancel.abort() }),
      signedIn.download(place, path.join(scratch, 'b'), { concurrency: 2, signal: new AbortController().signal }),
    ]);
    assert.equal(cancelled.cancelled, true);
    assert.ok(cancelled.notTransferred.length > 0);
    assert.deepEqual([whole.transferred.length, whole.failed, whole.notTransferred], [6, [], []]);

    const ended = await signedIn.download(place, path.join(scratch, 'c'), { concurrency: 2, signal: new AbortController().signal, onProgress: (progress) => progress.filesDone >= 2 && session.abort() });
    assert.ok(ended.notTransferred.length > 0 && ended.transferred.length < 6, `${ended.transferred.length} transferred after the session ended`);
    assert.deepEqual(ended.failed, []);
  });

  it('refuses object names that would lead outside the target folder', async () => {
    objects().set('escape/../../evil.txt', { key: 'escape/../../evil.txt', data: Buffer.from('x'), etag: '"x"', contentType: 'text/plain', lastModified: Date.now() });
    objects().set('escape/fine.txt', { key: 'escape/fine.txt', data: Buffer.from('y'), etag: '"y"', contentType: 'text/plain', lastModified: Date.now() });
    const report = await transfers().download({ region: REGION, bucket: BUCKET, key: 'escape/' }, path.join(scratch, 'target'));
    assert.deepEqual(report.transferred, ['escape/fine.txt']);
    assert.deepEqual(report.failed.map((failure) => failure.name), ['escape/../../evil.txt']);
    assert.deepEqual(readdirSync(scratch).sort(), ['target']);
    rmSync(path.join(scratch, 'target'), { recursive: true });
  });
});
