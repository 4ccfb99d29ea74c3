// The OBS stand-in, driven by esdk-obs-nodejs itself (an independent signer) over real HTTP.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import ObsClient from 'esdk-obs-nodejs';
import { signObsRequest, stringToSign } from '../../emulator/obs/signature';
import { useEmulator } from './emulatorSession';

const session = useEmulator(60_000, { seed: 'empty' });

async function client(options: { ak?: string; sk?: string; server?: string; signature?: 'obs' | 'v2' } = {}): Promise<ObsClient> {
  const obs = new ObsClient({
    access_key_id: options.ak ?? session.emulator.demo.ak,
    secret_access_key: options.sk ?? session.emulator.demo.sk,
    server: options.server ?? session.emulator.url,
    signature: options.signature,
    is_signature_negotiation: false,
    max_retry_count: 0,
    timeout: 10,
  });
  // The SDK finishes its set-up asynchronously after the constructor.
  await new Promise((resolve) => setImmediate(resolve));
  return obs;
}

async function bucketWith(name: string, objects: Record<string, string>): Promise<ObsClient> {
  const obs = await client();
  assert.equal((await obs.createBucket({ Bucket: name, Location: 'cn-north-4' })).CommonMsg.Status, 200);
  for (const [key, body] of Object.entries(objects)) {
    assert.equal((await obs.putObject({ Bucket: name, Key: key, Body: body })).CommonMsg.Status, 200);
  }
  return obs;
}

/** A raw request, for what the SDK cannot send (no signature, a stale date). */
function rawRequest(method: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${session.emulator.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('OBS stand-in: signatures', () => {
  it('signs the documented string: method, MD5, type, date, sorted prefixed headers, resource with sub-resources only', () => {
    const signable = {
      method: 'PUT',
      path: '/bucket/dir/a%20b.bin',
      rawQuery: 'uploadId=U1&partNumber=2&prefix=ignored',
      headers: { date: 'Wed, 25 Nov 2026 04:11:29 GMT', 'content-type': 'application/octet-stream', 'x-amz-meta-b': ' two ', 'x-amz-acl': 'private', host: '127.0.0.1' },
    };
    assert.equal(
      stringToSign(signable, 'AWS'),
      'PUT\n\napplication/octet-stream\nWed, 25 Nov 2026 04:11:29 GMT\nx-amz-acl:private\nx-amz-meta-b:two\n/bucket/dir/a%20b.bin?partNumber=2&uploadId=U1',
    );
    // HMAC-SHA1 of that string with the key "secret", base64 (computed independently with openssl).
    assert.equal(signObsRequest(signable, 'AWS', 'secret'), 'FR7OvCspeY5AU7ENdZS02i4HeJE=');
  });

  it('accepts the SDK\'s v2 and OBS signatures and refuses a wrong key with 403 SignatureDoesNotMatch', async () => {
    await bucketWith('sig-check', { 'a.txt': 'a' });
    const v2 = await (await client()).listBuckets({});
    assert.equal(v2.CommonMsg.Status, 200);
    // A host name instead of an IP keeps the SDK on the OBS signature (`Authorization: OBS …`).
    const obsScheme = await (await client({ server: session.emulator.url.replace('127.0.0.1', 'localhost'), signature: 'obs' })).listBuckets({});
    assert.equal(obsScheme.CommonMsg.Status, 200);
    const wrong = await (await client({ sk: 'not-the-secret-key' })).listObjects({ Bucket: 'sig-check' });
    assert.deepEqual([wrong.CommonMsg.Status, wrong.CommonMsg.Code], [403, 'SignatureDoesNotMatch']);
    assert.ok(wrong.CommonMsg.RequestId, 'the error carries a request id');
    const unknown = await (await client({ ak: 'UNKNOWNACCESSKEY0001' })).listBuckets({});
    assert.deepEqual([unknown.CommonMsg.Status, unknown.CommonMsg.Code], [403, 'InvalidAccessKeyId']);
    assert.deepEqual(
      session.emulator.obs.requests.list({ status: 403 }).map((entry) => entry.path),
      ['/sig-check', '/'],
    );
  });

  it('refuses unsigned requests and requests dated more than 15 minutes away', async () => {
    const unsigned = await rawRequest('GET', '/', {});
    assert.equal(unsigned.status, 403);
    assert.match(unsigned.body, /<Code>AccessDenied<\/Code>/);
    const date = new Date(Date.now() - 20 * 60_000).toUTCString();
    const signature = signObsRequest({ method: 'GET', path: '/', rawQuery: '', headers: { date } }, 'AWS', session.emulator.demo.sk);
    const stale = await rawRequest('GET', '/', { date, authorization: `AWS ${session.emulator.demo.ak}:${signature}` });
    assert.equal(stale.status, 403);
    assert.match(stale.body, /<Code>RequestTimeTooSkewed<\/Code>/);
  });
});

describe('OBS stand-in: buckets', () => {
  it('creates buckets with a region and a storage class, lists them with their region, deletes only empty ones', async () => {
    const obs = await client();
    assert.equal((await obs.createBucket({ Bucket: 'cold-archive', Location: 'cn-east-3', StorageClass: 'COLD' })).CommonMsg.Status, 200);
    assert.equal(session.emulator.obs.store.bucket('cold-archive')?.storageClass, 'COLD');
    const listed = await obs.listBuckets({ QueryLocation: true });
    assert.deepEqual(listed.InterfaceResult?.Buckets.find((bucket) => bucket.BucketName === 'cold-archive')?.Location, 'cn-east-3');
    assert.equal((await obs.createBucket({ Bucket: 'cold-archive', Location: 'cn-east-3' })).CommonMsg.Code, 'BucketAlreadyOwnedByYou');
    assert.equal((await obs.createBucket({ Bucket: 'Bad_Name', Location: 'cn-east-3' })).CommonMsg.Code, 'InvalidBucketName');

    await obs.putObject({ Bucket: 'cold-archive', Key: 'keep.txt', Body: 'x' });
    const notEmpty = await obs.deleteBucket({ Bucket: 'cold-archive' });
    assert.deepEqual([notEmpty.CommonMsg.Status, notEmpty.CommonMsg.Code], [409, 'BucketNotEmpty']);
    await obs.deleteObject({ Bucket: 'cold-archive', Key: 'keep.txt' });
    assert.equal((await obs.deleteBucket({ Bucket: 'cold-archive' })).CommonMsg.Status, 204);
    assert.equal(session.emulator.obs.store.bucket('cold-archive'), undefined);
  });

  it('keeps one account\'s buckets from another', async () => {
    await bucketWith('private-data', { 'secret.txt': 's' });
    session.emulator.addAccount('OTHERACCOUNTAK000001', 'OtherAccountSecretKey0000000000000000001');
    const other = await client({ ak: 'OTHERACCOUNTAK000001', sk: 'OtherAccountSecretKey0000000000000000001' });
    assert.deepEqual((await other.listBuckets({})).InterfaceResult?.Buckets, []);
    assert.equal((await other.listObjects({ Bucket: 'private-data' })).CommonMsg.Code, 'AccessDenied');
  });
});

describe('OBS stand-in: objects', () => {
  it('lists by prefix and delimiter as folders, and pages by marker (NextMarker only with a delimiter)', async () => {
    const obs = await bucketWith('listing', { 'a.txt': '1', 'dir/x.txt': '2', 'dir/y.txt': '3', 'dir/sub/z.txt': '4', 'e.txt': '5' });
    const top = (await obs.listObjects({ Bucket: 'listing', Delimiter: '/' })).InterfaceResult;
    assert.deepEqual(top?.Contents.map((object) => object.Key), ['a.txt', 'e.txt']);
    assert.deepEqual(top?.CommonPrefixes.map((folder) => folder.Prefix), ['dir/']);
    const dir = (await obs.listObjects({ Bucket: 'listing', Prefix: 'dir/', Delimiter: '/' })).InterfaceResult;
    assert.deepEqual(dir?.Contents.map((object) => [object.Key, object.Size]), [['dir/x.txt', '1'], ['dir/y.txt', '1']]);
    assert.deepEqual(dir?.CommonPrefixes.map((folder) => folder.Prefix), ['dir/sub/']);

    const keys: string[] = [];
    let marker: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = (await obs.listObjects({ Bucket: 'listing', MaxKeys: 2, Marker: marker })).InterfaceResult;
      assert.equal(result?.NextMarker, '', 'no NextMarker without a delimiter');
      keys.push(...(result?.Contents ?? []).map((object) => object.Key));
      if (result?.IsTruncated !== 'true') break;
      marker = keys.at(-1);
    }
    assert.deepEqual(keys, ['a.txt', 'dir/sub/z.txt', 'dir/x.txt', 'dir/y.txt', 'e.txt']);
    const firstFolderPage = (await obs.listObjects({ Bucket: 'listing', Delimiter: '/', MaxKeys: 2 })).InterfaceResult;
    assert.deepEqual([firstFolderPage?.IsTruncated, firstFolderPage?.NextMarker], ['true', 'dir/']);
    const nextFolderPage = (await obs.listObjects({ Bucket: 'listing', Delimiter: '/', MaxKeys: 2, Marker: 'dir/' })).InterfaceResult;
    assert.deepEqual(nextFolderPage?.Contents.map((object) => object.Key), ['e.txt'], 'a folder passed as marker is not listed again');
  });

  it('lists what was put and deleted since the last listing, from any marker, under any prefix', async () => {
    const obs = await bucketWith('changing', { 'a.txt': '1', 'dir/x.txt': '2', 'e.txt': '3' });
    const keysOf = async (options: { Prefix?: string; Marker?: string }): Promise<string[] | undefined> =>
      (await obs.listObjects({ Bucket: 'changing', ...options })).InterfaceResult?.Contents.map((object) => object.Key);
    assert.deepEqual(await keysOf({}), ['a.txt', 'dir/x.txt', 'e.txt']);
    await obs.deleteObject({ Bucket: 'changing', Key: 'e.txt' });
    assert.deepEqual(await keysOf({}), ['a.txt', 'dir/x.txt']);
    await obs.putObject({ Bucket: 'changing', Key: 'b.txt', Body: '4' });
    await obs.putObject({ Bucket: 'changing', Key: 'dir/w.txt', Body: '5' });
    assert.deepEqual(await keysOf({}), ['a.txt', 'b.txt', 'dir/w.txt', 'dir/x.txt']);
    assert.deepEqual(await keysOf({ Marker: 'a.txt' }), ['b.txt', 'dir/w.txt', 'dir/x.txt'], 'a marker that is a key starts after it');
    assert.deepEqual(await keysOf({ Marker: 'c' }), ['dir/w.txt', 'dir/x.txt'], 'a marker that is no key starts after its place');
    assert.deepEqual(await keysOf({ Prefix: 'dir/', Marker: 'a.txt' }), ['dir/w.txt', 'dir/x.txt'], 'a marker before the prefix');
    assert.deepEqual(await keysOf({ Prefix: 'dir/', Marker: 'dir/w.txt' }), ['dir/x.txt'], 'a marker under the prefix');
    assert.deepEqual(await keysOf({ Prefix: 'dir/', Marker: 'e' }), [], 'a marker past the prefix');
  });

  it('answers GET with a Range (206), HEAD with the size, 416 for a range past the end, and DELETE', async () => {
    const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
    const obs = await bucketWith('ranges', {});
    await obs.putObject({ Bucket: 'ranges', Key: 'bin/data.bin', Body: Readable.from([data]), ContentLength: data.length });
    const slice = await obs.getObject({ Bucket: 'ranges', Key: 'bin/data.bin', Range: 'bytes=10-19', SaveAsStream: true });
    assert.equal(slice.CommonMsg.Status, 206);
    assert.deepEqual(await readAll(slice.InterfaceResult?.Content), data.subarray(10, 20));
    const tail = await obs.getObject({ Bucket: 'ranges', Key: 'bin/data.bin', Range: 'bytes=-5', SaveAsStream: true });
    assert.deepEqual(await readAll(tail.InterfaceResult?.Content), data.subarray(995));
    const past = await obs.getObject({ Bucket: 'ranges', Key: 'bin/data.bin', Range: 'bytes=2000-', SaveAsStream: true });
    assert.deepEqual([past.CommonMsg.Status, past.CommonMsg.Code], [416, 'InvalidRange']);
    const head = await obs.getObjectMetadata({ Bucket: 'ranges', Key: 'bin/data.bin' });
    assert.equal(head.InterfaceResult?.ContentLength, '1000');
    assert.equal((await obs.deleteObject({ Bucket: 'ranges', Key: 'bin/data.bin' })).CommonMsg.Status, 204);
    const gone = await obs.getObjectMetadata({ Bucket: 'ranges', Key: 'bin/data.bin' });
    assert.deepEqual([gone.CommonMsg.Status, gone.CommonMsg.Code], [404, 'NoSuchKey'], 'a HEAD error names its code in a header');
  });

  it('assembles multipart uploads, refuses parts below 100 KB but the last, and forgets aborted ones', async () => {
    const obs = await bucketWith('multipart', {});
    const parts = [Buffer.alloc(100 * 1024, 1), Buffer.alloc(10, 2)];
    const upload = await startUpload(obs, 'big.bin', parts);
    const done = await obs.completeMultipartUpload({ Bucket: 'multipart', Key: 'big.bin', UploadId: upload.uploadId, Parts: upload.parts });
    assert.equal(done.CommonMsg.Status, 200);
    assert.deepEqual(session.emulator.obs.store.bucket('multipart')?.objects.get('big.bin')?.data, Buffer.concat(parts));
    assert.match(session.emulator.obs.store.bucket('multipart')?.objects.get('big.bin')?.etag ?? '', /^"[0-9a-f]{32}-2"$/);

    const small = await startUpload(obs, 'small.bin', [Buffer.alloc(10, 1), Buffer.alloc(10, 2)]);
    const refused = await obs.completeMultipartUpload({ Bucket: 'multipart', Key: 'small.bin', UploadId: small.uploadId, Parts: small.parts });
    assert.deepEqual([refused.CommonMsg.Status, refused.CommonMsg.Code], [400, 'EntityTooSmall']);
    assert.equal((await obs.abortMultipartUpload({ Bucket: 'multipart', Key: 'small.bin', UploadId: small.uploadId })).CommonMsg.Status, 204);
    assert.deepEqual(session.emulator.obs.store.openUploads(), []);
  });
});

describe('OBS stand-in: faults', () => {
  it('injects 5xx answers, resets mid-upload and mid-download, and slow bodies', async () => {
    const obs = await bucketWith('faulty', { 'small.txt': 'hello' });
    session.emulator.obs.faults.add({ kind: 'status', status: 503, method: 'GET' });
    const unavailable = await obs.listObjects({ Bucket: 'faulty' });
    assert.deepEqual([unavailable.CommonMsg.Status, unavailable.CommonMsg.Code], [503, 'ServiceUnavailable']);

    session.emulator.obs.faults.add({ kind: 'reset', method: 'PUT', path: '/faulty/big.bin' });
    const body = Buffer.alloc(256 * 1024, 7);
    await assert.rejects(obs.putObject({ Bucket: 'faulty', Key: 'big.bin', Body: Readable.from([body]), ContentLength: body.length }));
    assert.equal(session.emulator.obs.store.bucket('faulty')?.objects.has('big.bin'), false, 'a reset upload stores nothing');
    assert.deepEqual(session.emulator.obs.requests.list({ path: '/faulty/big.bin' }).map((entry) => [entry.status, entry.fault]), [[0, 'reset']]);

    await obs.putObject({ Bucket: 'faulty', Key: 'big.bin', Body: Readable.from([body]), ContentLength: body.length });
    session.emulator.obs.faults.add({ kind: 'reset', method: 'GET', path: '/faulty/big.bin', afterBytes: 1000 });
    const cut = await obs.getObject({ Bucket: 'faulty', Key: 'big.bin', SaveAsStream: true });
    await assert.rejects(readAll(cut.InterfaceResult?.Content));

    session.emulator.obs.faults.add({ kind: 'slow', method: 'GET', path: '/faulty/big.bin', bytesPerSecond: 64 * 1024 });
    const slow = await obs.getObject({ Bucket: 'faulty', Key: 'big.bin', SaveAsStream: true });
    const first = await new Promise<Buffer>((resolve) => slow.InterfaceResult?.Content.once('data', resolve));
    slow.InterfaceResult?.Content.destroy();
    assert.ok(first.length < body.length, 'a slow body arrives a slice at a time');
  });
});

async function startUpload(obs: ObsClient, key: string, parts: Buffer[]): Promise<{ uploadId: string; parts: { PartNumber: number; ETag: string }[] }> {
  const initiated = await obs.initiateMultipartUpload({ Bucket: 'multipart', Key: key });
  const uploadId = initiated.InterfaceResult?.UploadId ?? '';
  const sent: { PartNumber: number; ETag: string }[] = [];
  for (const [index, part] of parts.entries()) {
    // uploadPart sends files only; a one-part PUT with the query does the same for a buffer.
    const answer = await putPart(obs, key, uploadId, index + 1, part);
    sent.push({ PartNumber: index + 1, ETag: answer });
  }
  return { uploadId, parts: sent };
}

async function putPart(obs: ObsClient, key: string, uploadId: string, partNumber: number, data: Buffer): Promise<string> {
  const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const folder = await mkdtemp(join(tmpdir(), 'obs-part-'));
  try {
    const file = join(folder, 'part');
    await writeFile(file, data);
    const answer = await obs.uploadPart({ Bucket: 'multipart', Key: key, UploadId: uploadId, PartNumber: partNumber, SourceFile: file, Offset: 0, PartSize: data.length });
    assert.equal(answer.CommonMsg.Status, 200);
    return answer.InterfaceResult?.ETag ?? '';
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function readAll(stream: Readable | undefined): Promise<Buffer> {
  assert.ok(stream, 'the answer has a body');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    stream.on('aborted', () => reject(new Error('aborted')));
  });
}
