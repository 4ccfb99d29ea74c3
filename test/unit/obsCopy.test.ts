// The OBS stand-in's CopyObject (PUT with x-obs-copy-source / x-amz-copy-source), driven by esdk-obs-nodejs.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import ObsClient from 'esdk-obs-nodejs';
import { signObsRequest } from '../../emulator/obs/signature';
import { useEmulator } from './emulatorSession';

const session = useEmulator(60_000, { seed: 'empty' });

async function client(): Promise<ObsClient> {
  const obs = new ObsClient({ access_key_id: session.emulator.demo.ak, secret_access_key: session.emulator.demo.sk, server: session.emulator.url, is_signature_negotiation: false, max_retry_count: 0, timeout: 10 });
  // The SDK finishes its set-up asynchronously after the constructor.
  await new Promise((resolve) => setImmediate(resolve));
  return obs;
}

/**
 * A copy signed with the OBS signature (`x-obs-` headers), which the SDK sends only to a virtual-hosted bucket
 * name this test cannot resolve: built here, with the source as `/bucket/key`, the OBS reference's form.
 */
function obsSignedCopy(path: string, source: string): Promise<{ status: number; body: string }> {
  const headers = { date: new Date().toUTCString(), 'x-obs-copy-source': source, 'content-length': '0' };
  const signature = signObsRequest({ method: 'PUT', path, rawQuery: '', headers }, 'OBS', session.emulator.demo.sk);
  return new Promise((resolve, reject) => {
    const req = request(`${session.emulator.url}${path}`, { method: 'PUT', headers: { ...headers, authorization: `OBS ${session.emulator.demo.ak}:${signature}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function body(obs: ObsClient, bucket: string, key: string): Promise<string> {
  const answer = await obs.getObject({ Bucket: bucket, Key: key, SaveAsStream: true });
  assert.equal(answer.CommonMsg.Status, 200, `${bucket}/${key} is there`);
  const chunks: Buffer[] = [];
  for await (const chunk of answer.InterfaceResult?.Content ?? []) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('OBS stand-in: copying objects', () => {
  it('copies within and between buckets of a region with either signature (v2 from the SDK, OBS by hand); the copy keeps the type and answers its ETag in the body', async () => {
    const obs = await client();
    for (const [bucket, location] of [['copy-from', 'cn-north-4'], ['copy-to', 'cn-north-4'], ['copy-far', 'cn-east-3']]) {
      assert.equal((await obs.createBucket({ Bucket: bucket, Location: location })).CommonMsg.Status, 200);
    }
    // Straight into the store: the SDK sends any string Body as application/json, whatever ContentType says.
    const { store } = session.emulator.obs;
    store.putObject(store.bucket('copy-from') ?? assert.fail('created'), 'dir/a b+ü.txt', Buffer.from('hello'), 'text/plain');

    const sameBucket = await obs.copyObject({ Bucket: 'copy-from', Key: 'same/copy.txt', CopySource: 'copy-from/dir/a b+ü.txt' });
    assert.equal(sameBucket.CommonMsg.Status, 200);
    assert.equal(sameBucket.InterfaceResult?.ETag, '"5d41402abc4b2a76b9719d911017c592"', 'the MD5 of "hello", in the CopyObjectResult');
    const otherBucket = await obsSignedCopy('/copy-to/other/copy.txt', `/copy-from/${encodeURIComponent('dir/a b+ü.txt')}`);
    assert.equal(otherBucket.status, 200, otherBucket.body);
    assert.match(otherBucket.body, /<CopyObjectResult><LastModified>[^<]+<\/LastModified><ETag>&quot;5d41402abc4b2a76b9719d911017c592&quot;<\/ETag><\/CopyObjectResult>/);
    assert.equal(await body(obs, 'copy-from', 'same/copy.txt'), 'hello');
    assert.equal(await body(obs, 'copy-to', 'other/copy.txt'), 'hello');
    assert.equal(store.bucket('copy-to')?.objects.get('other/copy.txt')?.contentType, 'text/plain');
    assert.equal(await body(obs, 'copy-from', 'dir/a b+ü.txt'), 'hello', 'the source stays');

    const missingKey = await obs.copyObject({ Bucket: 'copy-to', Key: 'x', CopySource: 'copy-from/nothing-here' });
    assert.deepEqual([missingKey.CommonMsg.Status, missingKey.CommonMsg.Code], [404, 'NoSuchKey']);
    const missingBucket = await obs.copyObject({ Bucket: 'copy-to', Key: 'x', CopySource: 'no-such-bucket/a' });
    assert.deepEqual([missingBucket.CommonMsg.Status, missingBucket.CommonMsg.Code], [404, 'NoSuchBucket']);
    const farAway = await obs.copyObject({ Bucket: 'copy-far', Key: 'x', CopySource: 'copy-from/dir/a b+ü.txt' });
    assert.deepEqual([farAway.CommonMsg.Status, farAway.CommonMsg.Code], [400, 'InvalidRequest']);
    assert.equal(store.bucket('copy-to')?.objects.has('x'), false, 'a failed copy writes nothing');
    assert.equal(store.bucket('copy-far')?.objects.has('x'), false);
  });
});
