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
  readonly objects: Map<string, StoredObject>;
  readonly uploads: Map<string, MultipartUpload>;
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
    const bucket: Bucket = { name, owner, location, storageClass, created: this.now(), objects: new Map(), uploads: new Map() };
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
    const keys = [...bucket.objects.keys()].filter((key) => key.startsWith(options.prefix) && key > options.marker).sort();
    const contents: StoredObject[] = [];
    const commonPrefixes: string[] = [];
    let lastListed: string | undefined;
    for (const key of keys) {
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
