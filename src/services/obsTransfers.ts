/**
 * Uploads and downloads of files and whole folders between the local disk and OBS: at most a few requests
 * at once, large files in parts, cancellable at any moment, and a report of what was and was not
 * transferred. A cancelled or failed download leaves no half-written file (obsDownloads).
 */
import * as l10n from '@vscode/l10n';
import { setMaxListeners } from 'node:events';
import { mkdir, readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { asModelArtsError, cancelledError, isCancellation, LocalErrorCode, ModelArtsError } from './errors';
import { Limiter } from './limiter';
import { baseName, type ObjectPlace, type ObsService } from './obs';
import { downloadObject, type RemoteFile } from './obsDownloads';
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

export const DEFAULT_CONCURRENCY = 8;
const DEFAULT_PART_SIZE = 16 * 1024 * 1024;
/** OBS allows at most 10,000 parts: very large files get larger parts. */
const MAX_PARTS = 10_000;

export interface LocalFile extends TransferItem {
  readonly path: string;
}

/** One object to copy inside OBS: `name` is what a report calls it (`folder/sub/file`). */
export interface CopyItem extends TransferItem {
  readonly source: ObjectPlace;
  readonly target: ObjectPlace;
}

/** The local files under the paths given: a file as itself, a folder as every file below it (`folder/sub/file`). */
export async function localFilesOf(paths: readonly string[]): Promise<LocalFile[]> {
  // The entries of a folder are looked at all at once (one at a time, a large folder took a round trip each), kept in order.
  const visit = async (file: string, name: string): Promise<LocalFile[]> => {
    const info = await stat(file);
    if (info.isFile()) {
      return [{ path: file, name, size: info.size }];
    }
    if (!info.isDirectory()) {
      return [];
    }
    const entries = (await readdir(file)).sort();
    return (await Promise.all(entries.map((entry) => visit(path.join(file, entry), `${name}/${entry}`)))).flat();
  };
  return (await Promise.all(paths.map((given) => visit(given, path.basename(given))))).flat();
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
    // Each local folder is made once, not once per file in it.
    const folders = new Map<string, Promise<unknown>>();
    const makeFolder = (folder: string): Promise<unknown> => {
      let made = folders.get(folder);
      if (!made) {
        made = mkdir(folder, { recursive: true });
        folders.set(folder, made);
      }
      return made;
    };
    return this.transfer(files, options, async (file, tracker, limiter, signal) => {
      const target = safeTarget(targetFolder, file.name);
      await makeFolder(path.dirname(target));
      await downloadObject(this.obs, { region: source.region, bucket: source.bucket, file, target, tracker, limiter, signal });
    });
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
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    const limiter = new Limiter(concurrency);
    const stop = new AbortController();
    // Each file under way and each of its requests listens to it: many listeners are expected, not a leak.
    setMaxListeners(0, stop.signal);
    const onCancel = (): void => stop.abort();
    options.signal?.addEventListener('abort', onCancel, { once: true });
    tracker.emit();
    // Files are taken up only as requests may run: a thousand files waiting at once each listened to the stop
    // signal, and adding a listener walks all the others (tens of ms of CPU in a download of 1,000 small files).
    let next = 0;
    const takeFiles = async (): Promise<void> => {
      while (next < files.length) {
        const file = files[next++];
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
      }
    };
    try {
      await Promise.all(Array.from({ length: concurrency }, takeFiles));
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
}

/** The local path of an object, refused when its key would lead outside the target folder (`..`, empty segments). */
function safeTarget(targetFolder: string, name: string): string {
  const segments = name.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || /[\\\0]/.test(segment))) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, l10n.t('the object name "{0}" cannot be a local file name', name), 'config');
  }
  return path.join(targetFolder, ...segments);
}
