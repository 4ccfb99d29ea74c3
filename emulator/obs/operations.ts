/**
 * The OBS operations the stand-in answers (§10.2): buckets (list, create, head, delete), objects (list
 * with prefix/delimiter/marker, PUT, copy, GET with Range, HEAD, DELETE, batch delete) and multipart uploads.
 * Error codes are OBS's (the S3 ones); statuses and codes of the reference or the OBS docs.
 */
import { createHash } from 'node:crypto';
import { type Bucket, type ObsStore, quotedMd5, STORAGE_CLASSES, type StorageClass } from './store';
import { el, elementTexts, xmlDocument } from './xml';

export class ObsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ObsRequest {
  readonly method: string;
  /** Undefined for service-level requests (list buckets). */
  readonly bucketName?: string;
  /** Undefined for bucket-level requests. */
  readonly key?: string;
  readonly query: URLSearchParams;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  /** The signing account's domain id. */
  readonly owner: string;
  /** `x-obs-` or `x-amz-`, as the request was signed. */
  readonly prefix: string;
}

export interface ObsResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer | string;
}

const XML = { 'Content-Type': 'application/xml' };
const MAX_KEYS = 1000;
/** OBS refuses parts below 100 KB, except the last (OBS API reference, multipart uploads). */
export const MIN_PART_BYTES = 100 * 1024;
const MAX_PART_NUMBER = 10_000;
const BUCKET_NAME = /^(?=.{3,63}$)[a-z0-9][a-z0-9.-]*[a-z0-9]$/;
/** S3-v2 names of the storage classes (sent as `x-default-storage-class`). */
const V2_STORAGE_CLASSES: Readonly<Record<string, StorageClass>> = { STANDARD: 'STANDARD', STANDARD_IA: 'WARM', GLACIER: 'COLD' };

const httpDate = (ms: number): string => new Date(ms).toUTCString();
const isoDate = (ms: number): string => new Date(ms).toISOString();

export function handleObsOperation(store: ObsStore, request: ObsRequest): ObsResponse {
  const { method, bucketName, key, query } = request;
  if (bucketName === undefined) {
    if (method === 'GET') return listBuckets(store, request);
    throw new ObsError(405, 'MethodNotAllowed', `${method} is not allowed on the service`);
  }
  if (method === 'PUT' && key === undefined) return createBucket(store, request, bucketName);
  const bucket = ownedBucket(store, request, bucketName);
  if (key === undefined) {
    if (method === 'GET') return listObjects(bucket, store, query, request.prefix);
    if (method === 'HEAD') return { status: 200, headers: { [`${request.prefix}bucket-location`]: bucket.location } };
    if (method === 'DELETE') return deleteBucket(store, bucket);
    if (method === 'POST' && query.has('delete')) return deleteObjects(bucket, request);
    throw new ObsError(405, 'MethodNotAllowed', `${method} is not allowed on a bucket`);
  }
  if (query.has('uploadId')) return multipartStep(store, bucket, request, key, query.get('uploadId') ?? '');
  switch (method) {
    case 'PUT':
      if (request.headers[`${request.prefix}copy-source`] !== undefined) return copyObject(store, bucket, key, request);
      return { status: 200, headers: { ETag: store.putObject(bucket, key, request.body, contentTypeOf(request)).etag } };
    case 'GET':
      return getObject(bucket, key, request);
    case 'HEAD':
      return { status: 200, headers: objectHeaders(bucket, key, request.prefix) };
    case 'DELETE':
      // Deleting a key that is not there succeeds, as in OBS.
      bucket.objects.delete(key);
      return { status: 204 };
    case 'POST':
      if (query.has('uploads')) {
        const upload = store.startUpload(bucket, key, contentTypeOf(request));
        return { status: 200, headers: XML, body: xmlDocument(el('InitiateMultipartUploadResult', el('Bucket', bucket.name), el('Key', key), el('UploadId', upload.uploadId))) };
      }
      break;
  }
  throw new ObsError(405, 'MethodNotAllowed', `${method} is not allowed on an object`);
}

function ownedBucket(store: ObsStore, request: ObsRequest, name: string): Bucket {
  const bucket = store.bucket(name);
  if (!bucket) throw new ObsError(404, 'NoSuchBucket', 'The specified bucket does not exist');
  if (bucket.owner !== request.owner) throw new ObsError(403, 'AccessDenied', 'Access Denied');
  return bucket;
}

function contentTypeOf(request: ObsRequest): string {
  return request.headers['content-type'] ?? 'application/octet-stream';
}

function listBuckets(store: ObsStore, request: ObsRequest): ObsResponse {
  // No marker/max-keys paging: an account holds at most a few hundred buckets (OBS quota), all listed at once.
  const buckets = store.bucketsOf(request.owner).map((bucket) =>
    el('Bucket', el('Name', bucket.name), el('CreationDate', isoDate(bucket.created)), el('Location', bucket.location), el('BucketType', 'OBJECT')),
  );
  return { status: 200, headers: XML, body: xmlDocument(el('ListAllMyBucketsResult', el('Owner', el('ID', request.owner)), el('Buckets', buckets))) };
}

function createBucket(store: ObsStore, request: ObsRequest, name: string): ObsResponse {
  if (!BUCKET_NAME.test(name) || name.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(name)) {
    throw new ObsError(400, 'InvalidBucketName', 'The specified bucket is not valid.');
  }
  const existing = store.bucket(name);
  if (existing) {
    throw existing.owner === request.owner
      ? new ObsError(409, 'BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.')
      : new ObsError(409, 'BucketAlreadyExists', 'The requested bucket name is not available.');
  }
  const [location] = elementTexts(request.body.toString('utf8'), 'LocationConstraint');
  // The client always names the region; the stand-in insists, so a missing one is caught (OBS would pick a default).
  if (!location) throw new ObsError(400, 'InvalidLocationConstraint', 'The location constraint is missing.');
  const obsClass = request.headers['x-obs-storage-class'];
  const v2Class = request.headers['x-default-storage-class'];
  const storageClass = obsClass ?? (v2Class === undefined ? 'STANDARD' : (V2_STORAGE_CLASSES[v2Class] ?? v2Class));
  if (!(STORAGE_CLASSES as readonly string[]).includes(storageClass)) {
    throw new ObsError(400, 'InvalidStorageClass', `The storage class ${storageClass} is not valid.`);
  }
  store.createBucket(name, request.owner, location, storageClass as StorageClass);
  return { status: 200, headers: { Location: `/${name}` } };
}

function deleteBucket(store: ObsStore, bucket: Bucket): ObsResponse {
  if (bucket.objects.size > 0 || bucket.uploads.size > 0) {
    throw new ObsError(409, 'BucketNotEmpty', 'The bucket you tried to delete is not empty');
  }
  store.deleteBucket(bucket.name);
  return { status: 204 };
}

function listObjects(bucket: Bucket, store: ObsStore, query: URLSearchParams, prefix: string): ObsResponse {
  const maxKeysText = query.get('max-keys');
  const maxKeys = maxKeysText === null ? MAX_KEYS : Number(maxKeysText);
  if (!Number.isInteger(maxKeys) || maxKeys < 0) throw new ObsError(400, 'InvalidArgument', 'max-keys must be a non-negative integer');
  const options = { prefix: query.get('prefix') ?? '', delimiter: query.get('delimiter') ?? '', marker: query.get('marker') ?? '', maxKeys: Math.min(maxKeys, MAX_KEYS) };
  const listed = store.list(bucket, options);
  const contents = listed.contents.map((object) =>
    el('Contents', el('Key', object.key), el('LastModified', isoDate(object.lastModified)), el('ETag', object.etag), el('Size', object.data.length), el('Owner', el('ID', bucket.owner)), el('StorageClass', bucket.storageClass)),
  );
  const result = el(
    'ListBucketResult',
    el('Name', bucket.name),
    el('Prefix', options.prefix),
    el('Marker', options.marker),
    // Like S3, NextMarker only comes with a delimiter: clients must fall back to the last key (sdk-notes).
    listed.truncated && options.delimiter ? el('NextMarker', listed.lastListed) : undefined,
    el('MaxKeys', options.maxKeys),
    options.delimiter ? el('Delimiter', options.delimiter) : undefined,
    el('IsTruncated', listed.truncated),
    contents,
    listed.commonPrefixes.map((folder) => el('CommonPrefixes', el('Prefix', folder))),
  );
  return { status: 200, headers: { ...XML, [`${prefix}bucket-location`]: bucket.location }, body: xmlDocument(result) };
}

/**
 * PUT with `x-obs-copy-source` (`x-amz-` when v2-signed): `/bucket/key` or `bucket/key`, percent-encoded
 * (esdk-obs-nodejs encodes the whole of it). The copy keeps the source's Content-Type unless
 * `metadata-directive` is REPLACE, and answers 200 with a `CopyObjectResult` holding the new ETag: OBS says
 * a copy succeeded only when that body has an ETag (API reference, Copying an Object).
 */
function copyObject(store: ObsStore, target: Bucket, key: string, request: ObsRequest): ObsResponse {
  if (request.body.length > 0) throw new ObsError(400, 'InvalidRequest', 'A copy request carries no body.');
  const header = request.headers[`${request.prefix}copy-source`] ?? '';
  let source: string;
  try {
    source = decodeURIComponent(header).replace(/^\//, '');
  } catch {
    throw new ObsError(400, 'InvalidArgument', 'The copy source is not valid.');
  }
  const slash = source.indexOf('/');
  if (slash <= 0 || slash === source.length - 1 || source.includes('?versionId=')) {
    // Versions are not kept by the stand-in, so a versionId is refused rather than ignored.
    throw new ObsError(400, 'InvalidArgument', 'The copy source must be /bucket/key.');
  }
  const sourceBucket = ownedBucket(store, request, source.slice(0, slash));
  // OBS copies within a region only; the code for a cross-region copy is not documented (emulator choice).
  if (sourceBucket.location !== target.location) throw new ObsError(400, 'InvalidRequest', 'The source and target buckets are in different regions.');
  const original = sourceBucket.objects.get(source.slice(slash + 1));
  if (!original) throw new ObsError(404, 'NoSuchKey', 'The specified key does not exist.');
  const replace = request.headers[`${request.prefix}metadata-directive`] === 'REPLACE';
  const copy = store.putObject(target, key, original.data, replace ? contentTypeOf(request) : original.contentType);
  return { status: 200, headers: XML, body: xmlDocument(el('CopyObjectResult', el('LastModified', isoDate(copy.lastModified)), el('ETag', copy.etag))) };
}

function objectHeaders(bucket: Bucket, key: string, prefix: string): Record<string, string> {
  const object = bucket.objects.get(key);
  if (!object) throw new ObsError(404, 'NoSuchKey', 'The specified key does not exist.');
  return {
    'Content-Type': object.contentType,
    'Content-Length': String(object.data.length),
    ETag: object.etag,
    'Last-Modified': httpDate(object.lastModified),
    'Accept-Ranges': 'bytes',
    [`${prefix}storage-class`]: bucket.storageClass,
  };
}

function getObject(bucket: Bucket, key: string, request: ObsRequest): ObsResponse {
  const headers = objectHeaders(bucket, key, request.prefix);
  const range = request.headers.range;
  const data = (bucket.objects.get(key) as { data: Buffer }).data;
  if (range === undefined) return { status: 200, headers, body: data };
  const [start, end] = parseRange(range, data.length);
  return { status: 206, headers: { ...headers, 'Content-Length': String(end - start + 1), 'Content-Range': `bytes ${start}-${end}/${data.length}` }, body: data.subarray(start, end + 1) };
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range, clipped to the object; 416 when it selects nothing. */
function parseRange(header: string, size: number): [number, number] {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  const invalid = new ObsError(416, 'InvalidRange', 'The requested range cannot be satisfied.');
  if (!match || (match[1] === '' && match[2] === '')) throw invalid;
  const [start, end] = match[1] === '' ? [Math.max(0, size - Number(match[2])), size - 1] : [Number(match[1]), match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)];
  if (start > end || start >= size) throw invalid;
  return [start, end];
}

function multipartStep(store: ObsStore, bucket: Bucket, request: ObsRequest, key: string, uploadId: string): ObsResponse {
  const upload = bucket.uploads.get(uploadId);
  if (!upload || upload.key !== key) throw new ObsError(404, 'NoSuchUpload', 'The specified multipart upload does not exist.');
  if (request.method === 'PUT') {
    const partNumber = Number(request.query.get('partNumber'));
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PART_NUMBER) throw new ObsError(400, 'InvalidArgument', 'Part number must be an integer between 1 and 10000.');
    const etag = quotedMd5(request.body);
    upload.parts.set(partNumber, { data: request.body, etag });
    return { status: 200, headers: { ETag: etag } };
  }
  if (request.method === 'DELETE') {
    bucket.uploads.delete(uploadId);
    return { status: 204 };
  }
  if (request.method !== 'POST') throw new ObsError(405, 'MethodNotAllowed', `${request.method} is not allowed on an upload`);
  const xml = request.body.toString('utf8');
  const numbers = elementTexts(xml, 'PartNumber').map(Number);
  const etags = elementTexts(xml, 'ETag');
  if (numbers.length === 0 || numbers.length !== etags.length) throw new ObsError(400, 'MalformedXML', 'The XML you provided was not well-formed.');
  const parts = numbers.map((number, index) => {
    if (index > 0 && number <= numbers[index - 1]) throw new ObsError(400, 'InvalidPartOrder', 'The list of parts was not in ascending order.');
    const part = upload.parts.get(number);
    if (!part || part.etag.replace(/"/g, '') !== etags[index].replace(/"/g, '')) throw new ObsError(400, 'InvalidPart', `Part ${number} was not uploaded or its ETag does not match.`);
    if (index < numbers.length - 1 && part.data.length < MIN_PART_BYTES) throw new ObsError(400, 'EntityTooSmall', `Part ${number} is smaller than the minimum part size.`);
    return part;
  });
  const digests = Buffer.concat(parts.map((part) => Buffer.from(part.etag.replace(/"/g, ''), 'hex')));
  const etag = `"${createHash('md5').update(digests).digest('hex')}-${parts.length}"`;
  store.putObject(bucket, key, Buffer.concat(parts.map((part) => part.data)), upload.contentType, etag);
  bucket.uploads.delete(uploadId);
  return { status: 200, headers: XML, body: xmlDocument(el('CompleteMultipartUploadResult', el('Location', `/${bucket.name}/${key}`), el('Bucket', bucket.name), el('Key', key), el('ETag', etag))) };
}

function deleteObjects(bucket: Bucket, request: ObsRequest): ObsResponse {
  const xml = request.body.toString('utf8');
  const expectedMd5 = createHash('md5').update(request.body).digest('base64');
  if (request.headers['content-md5'] !== expectedMd5) throw new ObsError(400, 'InvalidDigest', 'The Content-MD5 you specified is not valid.');
  const keys = elementTexts(xml, 'Key');
  if (keys.length === 0 || keys.length > MAX_KEYS) throw new ObsError(400, 'MalformedXML', 'A batch delete names 1 to 1000 keys.');
  const quiet = elementTexts(xml, 'Quiet')[0] === 'true';
  keys.forEach((key) => bucket.objects.delete(key));
  const deleted = quiet ? [] : keys.map((key) => el('Deleted', el('Key', key)));
  return { status: 200, headers: XML, body: xmlDocument(el('DeleteResult', deleted)) };
}

export function errorDocument(error: ObsError, requestId: string): string {
  return xmlDocument(el('Error', el('Code', error.code), el('Message', error.message), el('RequestId', requestId), el('HostId', 'obs-stand-in')));
}
