/**
 * Uploads and downloads of files and whole folders between the local disk and OBS: at most a few requests
 * at once, large files in parts, cancellable at any moment, and a report of what was and was not
 * transferred. A download is written to a temporary file beside its target and renamed into place only
 * when complete, so a cancelled or failed one leaves no half-written file.
 */
import * as l10n from '@vscode/l10n';
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { asModelArtsError, cancelledError, isCancellation, LocalErrorCode, ModelArtsError } from './errors';
import { Limiter } from './limiter';
import { baseName, type ObjectPlace, type ObsService } from './obs';
import { withRetry } from './retry';
import { type TransferItem, type TransferProgress, type TransferReport, TransferTracker } from './transferReport';

export interface TransferOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: TransferProgress) => void;
  /** Requests at once (default 8). */
  readonly concurrency?: number;
  /** Files larger than this go in parts of this size (default 16 MB; OBS takes parts of 100 KB to 5 GB). */
  readonly partSize?: number;
}

/** Where in OBS: a bucket, and a key or a prefix (`''` or ending with `/`). */
export interface ObsPlace {
  readonly region: string;
  readonly bucket: string;
  readonly key: string;
}

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_PART_SIZE = 16 * 1024 * 1024;
/** OBS allows at most 10,000 parts: very large files get larger parts. */
const MAX_PARTS = 10_000;

export interface LocalFile extends TransferItem {
  readonly path: string;
}

interface RemoteFile extends TransferItem {
  readonly key: string;
}

/** One object to copy inside OBS: `name` is what a report calls it (`folder/sub/file`). */
export interface CopyItem extends TransferItem {
  readonly source: ObjectPlace;
  readonly target: ObjectPlace;
}

/** The local files under the paths given: a file as itself, a folder as every file below it (`folder/sub/file`). */
export async function localFilesOf(paths: readonly string[]): Promise<LocalFile[]> {
  const files: LocalFile[] = [];
  const visit = async (file: string, name: string): Promise<void> => {
    const info = await stat(file);
    if (info.isFile()) {
      files.push({ path: file, name, size: info.size });
    } else if (info.isDirectory()) {
      const entries = (await readdir(file)).sort();
      for (const entry of entries) {
        await visit(path.join(file, entry), `${name}/${entry}`);
      }
    }
  };
  for (const given of paths) {
    await visit(given, path.basename(given));
  }
  return files;
}

export class ObsTransfers {
  constructor(private readonly obs: ObsService) {}

  /** Uploads files and folders into `destination` (a bucket's top or a folder), keeping the folders' structure. */
  async upload(destination: ObsPlace, localPaths: readonly string[], options: TransferOptions = {}): Promise<TransferReport> {
    return this.uploadFiles(destination, await localFilesOf(localPaths), options);
  }

  /** Uploads each file given to `destination.key` + its name (a folder sync's new and changed files). */
  async uploadFiles(destination: ObsPlace, files: readonly LocalFile[], options: TransferOptions = {}): Promise<TransferReport> {
    return this.transfer(files, options, (file, tracker, limiter, signal) => this.uploadFile(destination, file, options.partSize ?? DEFAULT_PART_SIZE, tracker, limiter, signal));
  }

  /** Downloads an object, or a folder with everything in it, into the local folder `targetFolder`. */
  async download(source: ObsPlace, targetFolder: string, options: TransferOptions = {}): Promise<TransferReport> {
    const files = await this.remoteFilesOf(source, options.signal);
    return this.transfer(files, options, (file, tracker, limiter, signal) => this.downloadFile(source, file, targetFolder, tracker, limiter, signal));
  }

  /** Copies each object to its target inside OBS (both buckets in `region`: OBS copies only within a region). */
  async copy(region: string, items: readonly CopyItem[], options: TransferOptions = {}): Promise<TransferReport> {
    return this.transfer(items, options, (item, _tracker, limiter, signal) => limiter.run(() => this.obs.copyObject(region, item.source, item.target, signal), signal));
  }

  /** The objects under a place, named from the folder's own name down (`folder/sub/file`); folder markers are left out. */
  private async remoteFilesOf(source: ObsPlace, signal: AbortSignal | undefined): Promise<RemoteFile[]> {
    const { region, bucket, key } = source;
    if (key !== '' && !key.endsWith('/')) {
      const head = await this.obs.headObject(region, bucket, key, signal);
      return [{ key, name: baseName(key), size: head.size }];
    }
    const top = key === '' ? bucket : baseName(key);
    const objects = await this.obs.listAllObjects(region, bucket, key, signal);
    return objects.filter((object) => !object.key.endsWith('/')).map((object) => ({ key: object.key, name: `${top}/${object.key.slice(key.length)}`, size: object.size }));
  }

  /**
   * Runs one task per file under a limit of requests at once. A failed file does not stop the others,
   * except an authentication failure, which every other request would meet too.
   */
  private async transfer<F extends TransferItem>(
    files: readonly F[],
    options: TransferOptions,
    transferOne: (file: F, tracker: TransferTracker, limiter: Limiter, signal: AbortSignal) => Promise<void>,
  ): Promise<TransferReport> {
    const tracker = new TransferTracker(files, options.onProgress);
    const limiter = new Limiter(options.concurrency ?? DEFAULT_CONCURRENCY);
    const stop = new AbortController();
    // Every file waiting for its turn listens to it: thousands of listeners are expected, not a leak.
    setMaxListeners(0, stop.signal);
    const onCancel = (): void => stop.abort();
    options.signal?.addEventListener('abort', onCancel, { once: true });
    tracker.emit();
    try {
      await Promise.all(
        files.map(async (file) => {
          try {
            await transferOne(file, tracker, limiter, stop.signal);
            tracker.succeeded(file);
          } catch (raw) {
            const error = stop.signal.aborted ? cancelledError() : asModelArtsError(raw);
            if (error.kind === 'auth') {
              stop.abort();
            }
            tracker.gaveUp(file, error);
          }
        }),
      );
    } finally {
      options.signal?.removeEventListener('abort', onCancel);
    }
    return tracker.report(options.signal?.aborted ?? false);
  }

  private async uploadFile(destination: ObsPlace, file: LocalFile, basePartSize: number, tracker: TransferTracker, limiter: Limiter, signal: AbortSignal): Promise<void> {
    const { region, bucket } = destination;
    const key = destination.key + file.name;
    if (file.size <= basePartSize) {
      await limiter.run(() => this.obs.putFile(region, bucket, key, { path: file.path, offset: 0, size: file.size }, (bytes) => tracker.moved(file, 0, bytes), signal), signal);
      return;
    }
    const partSize = Math.max(basePartSize, Math.ceil(file.size / MAX_PARTS));
    const uploadId = await limiter.run(() => this.obs.startMultipartUpload(region, bucket, key, signal), signal);
    const target = { bucket, key, uploadId };
    // One part failing stops the file's other parts; then the upload is dropped, leaving no parts behind.
    const partsStop = new AbortController();
    setMaxListeners(0, partsStop.signal);
    const onStop = (): void => partsStop.abort();
    signal.addEventListener('abort', onStop, { once: true });
    try {
      const offsets = Array.from({ length: Math.ceil(file.size / partSize) }, (_, index) => index * partSize);
      const parts = await Promise.allSettled(
        offsets.map((offset, index) =>
          limiter
            .run(() => this.obs.uploadPart(region, { ...target, partNumber: index + 1 }, { path: file.path, offset, size: Math.min(partSize, file.size - offset) }, (bytes) => tracker.moved(file, index, bytes), partsStop.signal), partsStop.signal)
            .catch((error: unknown) => {
              partsStop.abort();
              throw error;
            }),
        ),
      );
      // The part that failed first says why; the others were stopped because of it.
      const failures = parts.filter((part): part is PromiseRejectedResult => part.status === 'rejected').map((part) => asModelArtsError(part.reason));
      if (failures.length > 0) {
        throw signal.aborted ? cancelledError() : (failures.find((failure) => !isCancellation(failure)) ?? failures[0]);
      }
      const etags = parts.map((part) => (part as PromiseFulfilledResult<string>).value);
      await limiter.run(() => this.obs.completeMultipartUpload(region, target, etags, signal), signal);
    } catch (error) {
      await this.obs.abortMultipartUpload(region, target).catch(() => undefined);
      throw error;
    } finally {
      signal.removeEventListener('abort', onStop);
    }
  }

  /** Into a temporary file beside the target, resuming by Range after a break; renamed into place when whole. */
  private async downloadFile(source: ObsPlace, file: RemoteFile, targetFolder: string, tracker: TransferTracker, limiter: Limiter, signal: AbortSignal): Promise<void> {
    const target = safeTarget(targetFolder, file.name);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.download`);
    try {
      await withRetry(
        () =>
          limiter.run(async () => {
            // What reached the disk before a break is kept; the rest is asked for by Range.
            const written = await stat(temporary).then((info) => info.size, () => 0);
            let received = written;
            const counter = new Transform({
              transform: (chunk: Buffer, _encoding, done) => {
                received += chunk.length;
                tracker.moved(file, 0, received);
                done(null, chunk);
              },
            });
            if (file.size === 0) {
              await writeFile(temporary, '');
              return;
            }
            if (written >= file.size) {
              return;
            }
            const body = await this.obs.openObject(source.region, source.bucket, file.key, signal, written);
            const output = createWriteStream(temporary, { flags: written > 0 ? 'a' : 'w' });
            body.pipe(counter).pipe(output);
            // When the body breaks off, what arrived is still written out, for the next attempt to resume after it.
            const broken = await finished(body).then(() => undefined, (error: unknown) => error ?? new Error('the download broke off'));
            if (broken !== undefined) {
              body.unpipe(counter);
              counter.end();
            }
            await finished(output);
            if (broken !== undefined) {
              throw this.obs.streamError(broken, signal);
            }
          }, signal),
        { policy: this.obs.retryPolicy, idempotent: true, signal },
      );
      const { size } = await stat(temporary);
      if (size !== file.size) {
        throw new ModelArtsError(LocalErrorCode.malformed, l10n.t('received {0} of {1} bytes', size, file.size), 'malformed');
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}

/** The local path of an object, refused when its key would lead outside the target folder (`..`, empty segments). */
function safeTarget(targetFolder: string, name: string): string {
  const segments = name.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || /[\\\0]/.test(segment))) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, l10n.t('the object name "{0}" cannot be a local file name', name), 'config');
  }
  return path.join(targetFolder, ...segments);
}
