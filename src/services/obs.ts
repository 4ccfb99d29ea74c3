/**
 * OBS buckets and listings (API reference §10) over esdk-obs-nodejs: listings as folders by prefix and
 * delimiter, paged by marker; the object operations are ObsObjects' (obsObjects.ts).
 */
import * as l10n from '@vscode/l10n';
import { LocalErrorCode, ModelArtsError } from './errors';
import { ObsObjects } from './obsObjects';
import { collectFromCursor, collectPages, markerPage, type Page } from './paging';
import { findListed } from './responses';

export type { FileSlice, ObjectHead, ObjectPlace, SentBytes } from './obsObjects';

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

export class ObsService extends ObsObjects {
  /**
   * The buckets in `region`. ListBuckets answers every bucket of the account with its location; the
   * reference does not say whether a regional endpoint narrows that, so the list is narrowed here.
   */
  async listBuckets(region: string, signal?: AbortSignal): Promise<ObsBucket[]> {
    return (await this.listAccountBuckets(region, signal)).filter((bucket) => bucket.location === region);
  }

  /** Every bucket of the account, whichever region it is in, asked of `region`'s endpoint. */
  async listAccountBuckets(region: string, signal?: AbortSignal): Promise<ObsBucket[]> {
    const result = await this.clients.call({ region, what: 'GET obs buckets', idempotent: true, signal }, (client, hooks) => client.listBuckets({ ...hooks, QueryLocation: true }));
    return (result.Buckets ?? []).map((bucket) => ({ name: bucket.BucketName, location: bucket.Location, created: bucket.CreationDate || undefined }));
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
