// The OBS adapter over esdk-obs-nodejs against the OBS stand-in: listings, errors both ways, retries, cancellation, silence.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { ModelArtsError } from '../../../src/services/errors';
import { ObsService } from '../../../src/services/obs';
import { type Harness, startHarness } from './emulatorHarness';
import { SELF_SIGNED } from './selfSigned';

const REGION = 'cn-north-4';
let harness: Harness;
before(async () => {
  harness = await startHarness();
});
after(() => harness.close());

const obs = (): ObsService => harness.services.obs;

describe('OBS adapter: listings', () => {
  it('lists the buckets of a region only, with their region', async () => {
    assert.deepEqual((await obs().listBuckets(REGION)).map((bucket) => [bucket.name, bucket.location]), [
      ['modelarts-demo-data', REGION],
      ['modelarts-demo-outputs', REGION],
    ]);
    assert.deepEqual((await obs().listBuckets('cn-east-3')).map((bucket) => bucket.name), ['modelarts-demo-archive']);
  });

  it('lists a folder as folders and objects, a page at a time by marker', async () => {
    const root = await obs().listEntries(REGION, 'modelarts-demo-data', { prefix: '' }, undefined);
    assert.deepEqual(root.items.map((entry) => [entry.kind, entry.key]), [
      ['folder', 'code/'],
      ['folder', 'datasets/'],
      ['object', 'README.md'],
    ]);
    const daisy = 'datasets/flowers/train/daisy/';
    const first = await obs().listEntries(REGION, 'modelarts-demo-data', { prefix: daisy }, undefined);
    assert.equal(first.items.length, 100);
    assert.equal(first.nextPageToken, `${daisy}img_0100.jpg`);
    const second = await obs().listEntries(REGION, 'modelarts-demo-data', { prefix: daisy }, first.nextPageToken);
    assert.deepEqual([second.items.length, second.items[0].key, second.nextPageToken], [50, `${daisy}img_0101.jpg`, undefined]);
  });

  it('lists every object below a folder across pages without NextMarker (the last key is the marker)', async () => {
    const all = await obs().listAllObjects(REGION, 'modelarts-demo-data', 'datasets/');
    assert.equal(all.length, 157);
    assert.equal(new Set(all.map((object) => object.key)).size, 157, 'no object twice');
    const pages = harness.emulator.obs.requests.list((entry) => entry.query.prefix === 'datasets/' && entry.query.delimiter === undefined);
    assert.deepEqual(pages.map((entry) => entry.query.marker), [undefined], 'one page of 1,000 holds them all');
    const paged = await obs().listEntries(REGION, 'modelarts-demo-data', { prefix: 'datasets/', recursive: true, pageSize: 100 }, undefined);
    assert.equal(paged.nextPageToken, paged.items.at(-1)?.key);
  });

  it('reads a text object whole', async () => {
    assert.match(await obs().readWhole(REGION, 'modelarts-demo-data', 'code/train.py'), /^import argparse/);
  });
});

describe('OBS adapter: buckets and deletes', () => {
  it('creates a bucket in the region with a storage class, knows when it is empty, deletes it', async () => {
    await obs().createBucket(REGION, 'unit-new-bucket', 'WARM');
    assert.equal(harness.emulator.obs.store.bucket('unit-new-bucket')?.storageClass, 'WARM');
    assert.equal(harness.emulator.obs.store.bucket('unit-new-bucket')?.location, REGION);
    assert.equal(await obs().isEmpty(REGION, 'unit-new-bucket'), true);
    assert.equal(await obs().isEmpty(REGION, 'modelarts-demo-outputs'), false);
    await obs().deleteBucket(REGION, 'unit-new-bucket');
    assert.equal(harness.emulator.obs.store.bucket('unit-new-bucket'), undefined);
  });

  it('deletes many objects in one request', async () => {
    const keys = (await obs().listAllObjects(REGION, 'modelarts-demo-outputs', 'training/')).map((object) => object.key);
    harness.emulator.obs.requests.clear();
    assert.deepEqual(await obs().deleteObjects(REGION, 'modelarts-demo-outputs', keys), []);
    assert.equal(harness.emulator.obs.store.bucket('modelarts-demo-outputs')?.objects.size, 0);
    assert.equal(harness.emulator.obs.requests.count({ method: 'POST' }), 1);
  });
});

describe('OBS adapter: failures', () => {
  it('turns a resolved error status into a ModelArtsError with code, status and request id', async () => {
    await assert.rejects(obs().listEntries(REGION, 'no-such-bucket-here', { prefix: '' }, undefined), (error: unknown) => {
      const failure = error as { errorCode: string; httpStatus: number; requestId?: string; isNotFound: boolean; name: string };
      assert.equal(failure.name, 'ModelArtsError');
      assert.deepEqual([failure.errorCode, failure.httpStatus, failure.isNotFound], ['NoSuchBucket', 404, true]);
      assert.match(failure.requestId ?? '', /^[0-9a-f]{32}$/);
      return true;
    });
  });

  it('never retries a wrong key (403 SignatureDoesNotMatch) and never shows the key', async () => {
    const wrong = harness.servicesFor({ accessKey: harness.emulator.demo.ak, secretKey: 'WrongSecretKeyWrongSecretKey000000000001' }).obs;
    harness.emulator.obs.requests.clear();
    await assert.rejects(wrong.listBuckets(REGION), (error: { errorCode: string; kind: string; message: string }) => {
      assert.deepEqual([error.errorCode, error.kind], ['SignatureDoesNotMatch', 'auth']);
      return true;
    });
    assert.equal(harness.emulator.obs.requests.count(), 1);
    assert.ok(harness.logLines.every((line) => !line.includes('WrongSecretKeyWrongSecretKey') && !line.includes(harness.emulator.demo.sk)));
  });

  it('retries a 5xx on a read and succeeds; a rejected (network) call is a network error', async () => {
    harness.emulator.obs.faults.add({ kind: 'status', status: 503, method: 'GET', path: '/' });
    harness.emulator.obs.requests.clear();
    assert.equal((await obs().listBuckets(REGION)).length, 2);
    assert.deepEqual(harness.emulator.obs.requests.list().map((entry) => entry.status), [503, 200]);

    const nowhere = new ObsService({ credentials: { accessKey: 'AKAKAKAKAKAKAKAKAKAK', secretKey: 'SKSKSKSKSKSKSKSKSKSK' }, endpointOverrides: { obs: 'http://127.0.0.1:9' }, userAgent: 'tests', retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    await assert.rejects(nowhere.listBuckets(REGION), (error: { kind: string; errorCode: string }) => {
      assert.deepEqual([error.kind, error.errorCode], ['network', 'NetworkError']);
      return true;
    });
  });

  it('checks certificates of https endpoints', async () => {
    const server = createServer(SELF_SIGNED, (_req, res) => res.end('<ListAllMyBucketsResult/>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const strict = new ObsService({ credentials: { accessKey: 'AKAKAKAKAKAKAKAKAKAK', secretKey: 'SKSKSKSKSKSKSKSKSKSK' }, endpointOverrides: { obs: endpoint }, userAgent: 'tests', retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
      await assert.rejects(strict.listBuckets(REGION), /network error: .*self[- ]signed/i);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('cancels a call whose signal is aborted, during the request too', async () => {
    harness.emulator.obs.faults.add({ kind: 'slow', method: 'GET', path: '/modelarts-demo-data/code/train.py', bytesPerSecond: 100 });
    const controller = new AbortController();
    const reading = obs().readWhole(REGION, 'modelarts-demo-data', 'code/train.py', controller.signal);
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(reading, (error: { kind: string }) => error.kind === 'cancelled');
  });

  it('prints nothing: neither the SDK nor the adapter writes to stdout or stderr, even on failures', async () => {
    // In a process of its own, as the test runner shares this one's output.
    const script = `
      const { ObsService } = require(${JSON.stringify(require.resolve('../../../src/services/obs'))});
      const options = { endpointOverrides: { obs: process.env.OBS_URL }, userAgent: 'tests', retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } };
      const good = new ObsService({ ...options, credentials: { accessKey: process.env.OBS_AK, secretKey: process.env.OBS_SK } });
      const wrong = new ObsService({ ...options, credentials: { accessKey: process.env.OBS_AK, secretKey: 'AnotherWrongSecretKey0000000000000000001' } });
      (async () => {
        await good.listBuckets('cn-north-4');
        await good.headObject('cn-north-4', 'modelarts-demo-data', 'missing.txt').catch(() => undefined);
        await wrong.listBuckets('cn-north-4').then(() => process.exit(3), () => undefined);
      })().then(() => process.exit(0), () => process.exit(2));`;
    const env = { ...process.env, OBS_URL: harness.emulator.url, OBS_AK: harness.emulator.demo.ak, OBS_SK: harness.emulator.demo.sk };
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-e', script], { env });
    assert.deepEqual([stdout, stderr], ['', '']);
    assert.equal(harness.emulator.obs.requests.count({ status: 403 }) > 0, true, 'the wrong key reached the stand-in');
  });
});

describe('OBS adapter: whole objects from bytes, and copies', () => {
  it('writes bytes as they are (the SDK would send a non-stream body as text), reads them back with the ETag of that version, and copies inside OBS', async () => {
    const bytes = Uint8Array.from([0, 0xff, 0xc3, 0x28, 10, 0]);
    const etag = await obs().putObject(REGION, 'modelarts-demo-outputs', 'bytes/raw.bin', bytes);
    const read = await obs().readObject(REGION, 'modelarts-demo-outputs', 'bytes/raw.bin');
    assert.deepEqual([[...read.body], read.etag], [[...bytes], etag]);
    assert.equal(await obs().putObject(REGION, 'modelarts-demo-outputs', 'bytes/empty.bin', new Uint8Array()), '"d41d8cd98f00b204e9800998ecf8427e"', 'an empty body is the MD5 of nothing');

    await obs().copyObject(REGION, { bucket: 'modelarts-demo-outputs', key: 'bytes/raw.bin' }, { bucket: 'modelarts-demo-data', key: 'copied/raw ü.bin' });
    assert.deepEqual([...(await obs().readObject(REGION, 'modelarts-demo-data', 'copied/raw ü.bin')).body], [...bytes]);
    await assert.rejects(obs().copyObject(REGION, { bucket: 'modelarts-demo-outputs', key: 'bytes/none' }, { bucket: 'modelarts-demo-data', key: 'x' }), (error: ModelArtsError) => error.errorCode === 'NoSuchKey' && error.isNotFound);
  });
});
