/**
 * OBS buckets and objects (API reference §10) over esdk-obs-nodejs: listings as folders by prefix and
 * delimiter, paged by marker; object reads, writes and multipart uploads for the transfers.
 */
import * as l10n from '@vscode/l10n';
import { addAbortSignal, type Readable } from 'node:stream';
import { LocalErrorCode, ModelArtsError } from './errors';
import { ObsClients } from './obsClient';
import { collectFromCursor, collectPages, markerPage, type Page } from './paging';
import { findListed } from './responses';
import type { RetryPolicy } from './retry';
import type { SignedClientOptions } from './signedClient';

export const OBS_STORAGE_CLASSES = ['STANDARD', 'WARM', 'COLD'] as const;
export type ObsStorageClass = (typeof OBS_STORAGE_CLASSES)[number];

/** Entries per page of a folder in the explorer. */
export const OBS_PAGE_SIZE = 100;
/** OBS lists and deletes at most this many keys per request. */
export const OBS_MAX_KEYS = 1000;

export interface ObsBucket {
  readonly name: string;
  /** Its region. */
  readonly location: string;
  readonly created?: string;
}

export type ObsEntry =
  /** A folder: a common prefix ending with `/`. */
  | { readonly kind: 'folder'; readonly key: string }
  | { readonly kind: 'object'; readonly key: string; readonly size: number; readonly lastModified?: string; readonly etag?: string; readonly storageClass?: string };

export type ObsObject = Extract<ObsEntry, { kind: 'object' }>;

/** What a search of object names found, and whether it stopped at its limit with objects left unread. */
export interface ObjectSearch {
  readonly matches: readonly ObsObject[];
  readonly capped: boolean;
  /** Keys read. */
  readonly scanned: number;
}

export interface ObjectHead {
  readonly size: number;
  readonly contentType?: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

/** A part of a local file: what one PUT of an object or of a multipart part sends. */
export interface FileSlice {
  readonly path: string;
  readonly offset: number;
  readonly size: number;
}

/** Told the bytes sent so far by the attempt under way (a retried attempt starts again from 0). */
export type SentBytes = (bytes: number) => void;

/** `obs://bucket/key`, the form training jobs and notebooks take. */
export function obsUri(bucket: string, key = ''): string {
  return `obs://${bucket}/${key}`;
}

/** The bucket and key of an `obs://bucket/key` path; undefined when it is not one. */
export function parseObsUri(uri: string): { readonly bucket: string; readonly key: string } | undefined {
  const match = /^obs:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(uri.trim());
  return match ? { bucket: match[1], key: match[2] ?? '' } : undefined;
}

/** The last segment of a key, without the trailing `/` of a folder. */
export function baseName(key: string): string {
  const trimmed = key.endsWith('/') ? key.slice(0, -1) : key;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export class ObsService {
  private readonly clients: ObsClients;

  constructor(options: SignedClientOptions) {
    this.clients = new ObsClients(options);
  }

  /**
   * The buckets in `region`. ListBuckets answers every bucket of the account with its location; the
   * reference does not say whether a regional endpoint narrows that, so the list is narrowed here.
   */
  async listBuckets(region: string, signal?: AbortSignal): Promise<ObsBucket[]> {
    const result = await this.clients.call({ region, what: 'GET obs buckets', idempotent: true, signal }, (client, hooks) => client.listBuckets({ ...hooks, QueryLocation: true }));
    return (result.Buckets ?? [])
      .map((bucket) => ({ name: bucket.BucketName, location: bucket.Location, created: bucket.CreationDate || undefined }))
      .filter((bucket) => bucket.location === region);
  }

  async getBucket(region: string, name: string, signal?: AbortSignal): Promise<ObsBucket> {
    return findListed(await this.listBuckets(region, signal), (bucket) => bucket.name === name, `bucket ${name}`);
  }

  async createBucket(region: string, name: string, storageClass: ObsStorageClass, signal?: AbortSignal): Promise<void> {
    await this.clients.call({ region, what: `PUT obs ${name}`, idempotent: false, signal }, (client, hooks) => client.createBucket({ ...hooks, Bucket: name, Location: region, StorageClass: storageClass }));
  }

  async deleteBucket(region: string, name: string, signal?: AbortSignal): Promise<void> {
    await this.clients.call({ region, what: `DELETE obs ${name}`, idempotent: true, signal }, (client, hooks) => client.deleteBucket({ ...hooks, Bucket: name }));
  }

  /** Whether the bucket holds no object (a bucket must be empty to be deleted). */
  async isEmpty(region: string, bucket: string, signal?: AbortSignal): Promise<boolean> {
    return (await this.listEntries(region, bucket, { prefix: '', recursive: true, pageSize: 1 }, undefined, signal)).items.length === 0;
  }

  /**
   * One page of what is under `prefix`: its folders and objects, or with `recursive` every object below it.
   * A folder's own marker (an empty object named like the folder) is listed only with `recursive`; `prefix` may
   * end inside a name (a folder's filter).
   */
  async listEntries(
    region: string,
    bucket: string,
    options: { readonly prefix: string; readonly recursive?: boolean; readonly pageSize?: number },
    pageToken: string | undefined,
    signal?: AbortSignal,
  ): Promise<Page<ObsEntry>> {
    const result = await this.clients.call({ region, what: `GET obs ${bucket}/?prefix=${options.prefix}`, idempotent: true, signal }, (client, hooks) =>
      client.listObjects({ ...hooks, Bucket: bucket, Prefix: options.prefix || undefined, Delimiter: options.recursive ? undefined : '/', Marker: pageToken, MaxKeys: options.pageSize ?? OBS_PAGE_SIZE }),
    );
    const folders: ObsEntry[] = (result.CommonPrefixes ?? []).map((folder) => ({ kind: 'folder', key: folder.Prefix }));
    const objects: ObsEntry[] = (result.Contents ?? []).map((object) => ({
      kind: 'object',
      key: object.Key,
      size: Number(object.Size) || 0,
      lastModified: object.LastModified || undefined,
      etag: object.ETag || undefined,
      storageClass: object.StorageClass || undefined,
    }));
    // NextMarker is absent without a delimiter (and sometimes with one): the last key or folder listed is the marker then.
    const lastListed = [...folders, ...objects].map((entry) => entry.key).sort().at(-1);
    const next = result.IsTruncated === 'true' ? result.NextMarker || lastListed : undefined;
    const entries = [...folders, ...objects];
    // The folder's own marker is no child of it; an object named exactly as a filtered prefix is.
    const isOwnMarker = (entry: ObsEntry) => entry.key === options.prefix && entry.key.endsWith('/');
    return markerPage(options.recursive ? entries : entries.filter((entry) => !isOwnMarker(entry)), next);
  }

  /** Every object under `prefix` (a folder, recursively), for transfers and deletes. */
  async listAllObjects(region: string, bucket: string, prefix: string, signal?: AbortSignal): Promise<ObsObject[]> {
    const entries = await collectPages((token, pageSignal) => this.listEntries(region, bucket, { prefix, recursive: true, pageSize: OBS_MAX_KEYS }, token, pageSignal), Number.POSITIVE_INFINITY, signal);
    return entries.filter((entry): entry is ObsObject => entry.kind === 'object');
  }

  /**
   * Objects below `prefix` (at any depth) whose key below it contains `text`, in any case; folder markers
   * are no matches. Reads OBS_MAX_KEYS keys a request and stops at `maxMatches`; `onPage` is told after
   * each request how many keys were read and how many matched.
   */
  async findObjects(
    region: string,
    bucket: string,
    search: { readonly prefix: string; readonly text: string; readonly maxMatches: number },
    onPage: (scanned: number, matched: number) => void,
    signal?: AbortSignal,
  ): Promise<ObjectSearch> {
    const wanted = search.text.toLowerCase();
    const matches = (entry: ObsEntry): entry is ObsObject => entry.kind === 'object' && !entry.key.endsWith('/') && entry.key.slice(search.prefix.length).toLowerCase().includes(wanted);
    let scanned = 0;
    let matched = 0;
    const found = await collectFromCursor(
      async (token, pageSignal) => {
        const page = await this.listEntries(region, bucket, { prefix: search.prefix, recursive: true, pageSize: OBS_MAX_KEYS }, token, pageSignal);
        scanned += page.items.length;
        matched += page.items.filter(matches).length;
        onPage(scanned, Math.min(matched, search.maxMatches));
        return page;
      },
      { maxItems: search.maxMatches, maxPages: Number.POSITIVE_INFINITY, keep: matches },
      signal,
    );
    return { matches: found.items.filter(matches), capped: found.cursor !== undefined, scanned };
  }

  async headObject(region: string, bucket: string, key: string, signal?: AbortSignal): Promise<ObjectHead> {
    const head = await this.clients.call({ region, what: `HEAD obs ${bucket}/${key}`, idempotent: true, signal }, (client, hooks) => client.getObjectMetadata({ ...hooks, Bucket: bucket, Key: key }));
    return { size: Number(head.ContentLength) || 0, contentType: head.ContentType || undefined, etag: head.ETag || undefined, lastModified: head.LastModified || undefined };
  }

  /**
   * An object's body as a stream (from `start` on, when given), destroyed when `signal` aborts. A failure
   * while it flows (a reset, a cancellation) is a stream error: `streamError` makes it a ModelArtsError.
   */
  async openObject(region: string, bucket: string, key: string, signal?: AbortSignal, start?: number): Promise<Readable> {
    const result = await this.clients.call({ region, what: `GET obs ${bucket}/${key}`, idempotent: true, signal }, (client, hooks) =>
      client.getObject({ ...hooks, Bucket: bucket, Key: key, Range: start ? `bytes=${start}-` : undefined, SaveAsStream: true }),
    );
    // The request's own cancellation ends with the answer's headers; the body is cancelled here.
    return signal ? addAbortSignal(signal, result.Content) : result.Content;
  }

  /** How failed requests are retried; a download that breaks off resumes the same way. */
  get retryPolicy(): RetryPolicy {
    return this.clients.retryPolicy;
  }

  streamError(error: unknown, signal?: AbortSignal): ModelArtsError {
    return this.clients.toError(error, signal);
  }

  /** A text object, refused when larger than `maxBytes` (an editor is no place for a dataset). */
  async readText(region: string, bucket: string, key: string, maxBytes: number, signal?: AbortSignal): Promise<string> {
    const head = await this.headObject(region, bucket, key, signal);
    if (head.size > maxBytes) {
      throw new ModelArtsError(LocalErrorCode.invalidInput, l10n.t('{0} is {1} bytes; only objects up to {2} bytes open in an editor', key, head.size, maxBytes), 'config');
    }
    return this.readWhole(region, bucket, key, signal);
  }

  /** An object's whole body as UTF-8 text, for objects already known to be small. */
  async readWhole(region: string, bucket: string, key: string, signal?: AbortSignal): Promise<string> {
    const body = await this.openObject(region, bucket, key, signal);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of body) {
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      throw this.streamError(error, signal);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  /** Uploads a whole (small) file as one object; answers its ETag. */
  async putFile(region: string, bucket: string, key: string, file: FileSlice, sent: SentBytes, signal?: AbortSignal): Promise<string> {
    const result = await this.clients.call({ region, what: `PUT obs ${bucket}/${key}`, idempotent: true, signal }, (client, hooks) => {
      sent(0);
      // An empty file has nothing to read; the SDK's file path would still open one.
      const body = file.size === 0 ? { Body: '' } : { SourceFile: file.path, ContentLength: file.size };
      return client.putObject({ ...hooks, ...body, ProgressCallback: sent, Bucket: bucket, Key: key, ContentType: 'application/octet-stream' });
    });
    return result.ETag;
  }

  async startMultipartUpload(region: string, bucket: string, key: string, signal?: AbortSignal): Promise<string> {
    const result = await this.clients.call({ region, what: `POST obs ${bucket}/${key}?uploads`, idempotent: false, signal }, (client, hooks) =>
      client.initiateMultipartUpload({ ...hooks, Bucket: bucket, Key: key, ContentType: 'application/octet-stream' }),
    );
    return result.UploadId;
  }

  async uploadPart(region: string, target: { bucket: string; key: string; uploadId: string; partNumber: number }, file: FileSlice, sent: SentBytes, signal?: AbortSignal): Promise<string> {
    const { bucket, key, uploadId, partNumber } = target;
    const result = await this.clients.call({ region, what: `PUT obs ${bucket}/${key}?partNumber=${partNumber}`, idempotent: true, signal }, (client, hooks) => {
      sent(0);
      return client.uploadPart({ ...hooks, ProgressCallback: sent, Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: partNumber, SourceFile: file.path, Offset: file.offset, PartSize: file.size });
    });
    return result.ETag;
  }

  async completeMultipartUpload(region: string, target: { bucket: string; key: string; uploadId: string }, etags: readonly string[], signal?: AbortSignal): Promise<void> {
    const { bucket, key, uploadId } = target;
    const parts = etags.map((etag, index) => ({ PartNumber: index + 1, ETag: etag }));
    await this.clients.call({ region, what: `POST obs ${bucket}/${key}?uploadId`, idempotent: false, signal }, (client, hooks) =>
      client.completeMultipartUpload({ ...hooks, Bucket: bucket, Key: key, UploadId: uploadId, Parts: parts }),
    );
  }

  /** Drops the parts of an upload that will not be completed; never cancelled, so a cancelled upload leaves none behind. */
  async abortMultipartUpload(region: string, target: { bucket: string; key: string; uploadId: string }): Promise<void> {
    const { bucket, key, uploadId } = target;
    await this.clients.call({ region, what: `DELETE obs ${bucket}/${key}?uploadId`, idempotent: true }, (client, hooks) => client.abortMultipartUpload({ ...hooks, Bucket: bucket, Key: key, UploadId: uploadId }));
  }

  async deleteObject(region: string, bucket: string, key: string, signal?: AbortSignal): Promise<void> {
    await this.clients.call({ region, what: `DELETE obs ${bucket}/${key}`, idempotent: true, signal }, (client, hooks) => client.deleteObject({ ...hooks, Bucket: bucket, Key: key }));
  }

  /** Deletes up to 1,000 objects in one request; answers those OBS could not delete, with why. */
  async deleteObjects(region: string, bucket: string, keys: readonly string[], signal?: AbortSignal): Promise<{ readonly key: string; readonly reason: string }[]> {
    if (keys.length > OBS_MAX_KEYS) {
      throw new ModelArtsError(LocalErrorCode.invalidInput, l10n.t('at most {0} objects are deleted at once', OBS_MAX_KEYS), 'config');
    }
    const result = await this.clients.call({ region, what: `POST obs ${bucket}/?delete (${keys.length} keys)`, idempotent: true, signal }, (client, hooks) =>
      client.deleteObjects({ ...hooks, Bucket: bucket, Quiet: true, Objects: keys.map((key) => ({ Key: key })) }),
    );
    return (result.Errors ?? []).map((error) => ({ key: error.Key, reason: `${error.Code}: ${error.Message}` }));
  }
}
