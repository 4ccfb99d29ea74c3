/** The OBS stand-in's state: buckets per owner, their objects, and multipart uploads in progress. */
import { createHash, randomBytes } from 'node:crypto';

export const STORAGE_CLASSES = ['STANDARD', 'WARM', 'COLD'] as const;
export type StorageClass = (typeof STORAGE_CLASSES)[number];

export interface StoredObject {
  readonly key: string;
  readonly data: Buffer;
  /** Quoted, as OBS sends it: `"<md5 hex>"`, or `"<md5 of the parts' md5s>-<parts>"` for a multipart upload. */
  readonly etag: string;
  readonly contentType: string;
  readonly lastModified: number;
}

export interface StoredPart {
  readonly data: Buffer;
  readonly etag: string;
}

export interface MultipartUpload {
  readonly uploadId: string;
  readonly key: string;
  readonly contentType: string;
  readonly parts: Map<number, StoredPart>;
  readonly initiated: number;
}

export interface Bucket {
  readonly name: string;
  /** The owning account's domain id. */
  readonly owner: string;
  readonly location: string;
  readonly storageClass: StorageClass;
  readonly created: number;
  readonly objects: ObjectsByKey;
  readonly uploads: Map<string, MultipartUpload>;
}

/**
 * A bucket's objects by key, with its keys kept in order until they change: OBS lists from an index, and sorting
 * every key of a 10,000-object folder at each listing made the stand-in's answer slower by milliseconds.
 */
export class ObjectsByKey extends Map<string, StoredObject> {
  private ordered: string[] | undefined;

  override set(key: string, object: StoredObject): this {
    if (!this.has(key)) {
      this.ordered = undefined;
    }
    return super.set(key, object);
  }

  override delete(key: string): boolean {
    const deleted = super.delete(key);
    if (deleted) {
      this.ordered = undefined;
    }
    return deleted;
  }

  override clear(): void {
    this.ordered = undefined;
    super.clear();
  }

  /** The keys in UTF-16 order. */
  orderedKeys(): readonly string[] {
    this.ordered ??= [...this.keys()].sort();
    return this.ordered;
  }
}

/** The index of the first of the ordered `keys` that is not below `key`. */
function firstNotBelow(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle] < key) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

export interface ListedObjects {
  readonly contents: readonly StoredObject[];
  readonly commonPrefixes: readonly string[];
  readonly truncated: boolean;
  /** The last key or folder listed, for the next page's marker. */
  readonly lastListed?: string;
}

export interface ListOptions {
  readonly prefix: string;
  readonly delimiter: string;
  readonly marker: string;
  readonly maxKeys: number;
}

export function quotedMd5(data: Buffer): string {
  return `"${createHash('md5').update(data).digest('hex')}"`;
}

export class ObsStore {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number) {}

  bucket(name: string): Bucket | undefined {
    return this.buckets.get(name);
  }

  bucketsOf(owner: string): Bucket[] {
    return [...this.buckets.values()].filter((bucket) => bucket.owner === owner).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  createBucket(name: string, owner: string, location: string, storageClass: StorageClass): Bucket {
    const bucket: Bucket = { name, owner, location, storageClass, created: this.now(), objects: new ObjectsByKey(), uploads: new Map() };
    this.buckets.set(name, bucket);
    return bucket;
  }

  deleteBucket(name: string): void {
    this.buckets.delete(name);
  }

  putObject(bucket: Bucket, key: string, data: Buffer, contentType: string, etag = quotedMd5(data)): StoredObject {
    const stored: StoredObject = { key, data, etag, contentType, lastModified: this.now() };
    bucket.objects.set(key, stored);
    return stored;
  }

  startUpload(bucket: Bucket, key: string, contentType: string): MultipartUpload {
    const upload: MultipartUpload = { uploadId: randomBytes(16).toString('hex').toUpperCase(), key, contentType, parts: new Map(), initiated: this.now() };
    bucket.uploads.set(upload.uploadId, upload);
    return upload;
  }

  /** Every multipart upload not yet completed or aborted, for tests that check nothing was left behind. */
  openUploads(): { readonly bucket: string; readonly key: string; readonly uploadId: string }[] {
    return [...this.buckets.values()].flatMap((bucket) => [...bucket.uploads.values()].map(({ key, uploadId }) => ({ bucket: bucket.name, key, uploadId })));
  }

  /**
   * Keys after `marker` under `prefix`, in key order (UTF-16 order, which matches OBS's byte order for
   * the keys used here). With a delimiter, keys with it after the prefix are rolled up into one folder
   * (common prefix), which counts once towards `maxKeys`.
   */
  list(bucket: Bucket, options: ListOptions): ListedObjects {
    const keys = bucket.objects.orderedKeys();
    // Keys under the prefix are one run of the ordered keys; the listing starts after the marker.
    let index = options.marker < options.prefix ? firstNotBelow(keys, options.prefix) : firstNotBelow(keys, options.marker);
    if (keys[index] === options.marker) {
      index++;
    }
    const contents: StoredObject[] = [];
    const commonPrefixes: string[] = [];
    let lastListed: string | undefined;
    for (; index < keys.length && keys[index].startsWith(options.prefix); index++) {
      const key = keys[index];
      const cut = options.delimiter ? key.indexOf(options.delimiter, options.prefix.length) : -1;
      const folder = cut >= 0 ? key.slice(0, cut + options.delimiter.length) : undefined;
      if (folder !== undefined && (folder <= options.marker || folder === lastListed)) {
        continue;
      }
      if (contents.length + commonPrefixes.length === options.maxKeys) {
        return { contents, commonPrefixes, truncated: true, lastListed };
      }
      if (folder !== undefined) {
        commonPrefixes.push(folder);
        lastListed = folder;
      } else {
        contents.push(bucket.objects.get(key) as StoredObject);
        lastListed = key;
      }
    }
    return { contents, commonPrefixes, truncated: false, lastListed };
  }
}
