/**
 * One object's download to a local file, resumed by Range after a break. A small object is held in memory until
 * whole and then written in one go; a larger one goes to a temporary file beside its target, renamed into place
 * when whole. Either way a cancelled or failed download leaves no half-written file.
 */
import * as l10n from '@vscode/l10n';
import { randomBytes } from 'node:crypto';
import { createWriteStream, writeFile } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { LocalErrorCode, ModelArtsError } from './errors';
import type { Limiter } from './limiter';
import type { ObsService } from './obs';
import { withRetry } from './retry';
import type { TransferItem, TransferTracker } from './transferReport';

/**
 * Objects up to this size are kept in memory until whole: for them a temporary file's extra open, close and rename
 * cost more than their bytes (a 1,000-file download of 8 KB files took a fifth longer), and a concurrency's worth of
 * them is a few MB at most.
 */
export const IN_MEMORY_BYTES = 1024 * 1024;
/** fs.writeFile: its promise form goes through a FileHandle, which costs a third more CPU a small file. */
const writeWhole = promisify(writeFile);

export interface RemoteFile extends TransferItem {
  readonly key: string;
}

/** What one file's download works with: where the object is, the local file, and the transfer it is part of. */
export interface FileDownload {
  readonly region: string;
  readonly bucket: string;
  readonly file: RemoteFile;
  /** The local file, its folder made already. */
  readonly target: string;
  readonly tracker: TransferTracker;
  readonly limiter: Limiter;
  readonly signal: AbortSignal;
}

export async function downloadObject(obs: ObsService, download: FileDownload): Promise<void> {
  return download.file.size <= IN_MEMORY_BYTES ? downloadToMemory(obs, download) : downloadToTemporaryFile(obs, download);
}

/**
 * Fetches the object from `resumeAt()` on, asking again by Range after a break; `keep` stores a body's bytes and
 * throws when it broke off, once what arrived is kept.
 */
function fetchResuming(obs: ObsService, download: FileDownload, resumeAt: () => Promise<number>, keep: (body: Readable) => Promise<void>): Promise<void> {
  const { region, bucket, file, limiter, signal } = download;
  const attempt = async (): Promise<void> => {
    const from = await resumeAt();
    if (from < file.size) {
      await keep(await obs.openObject(region, bucket, file.key, signal, from));
    }
  };
  return withRetry(() => limiter.run(attempt, signal), { policy: obs.retryPolicy, idempotent: true, signal });
}

function checkSize(file: RemoteFile, received: number): void {
  if (received !== file.size) {
    throw new ModelArtsError(LocalErrorCode.malformed, l10n.t('received {0} of {1} bytes', received, file.size), 'malformed');
  }
}

async function downloadToMemory(obs: ObsService, download: FileDownload): Promise<void> {
  const { file, target, tracker, signal } = download;
  const chunks: Buffer[] = [];
  let received = 0;
  await fetchResuming(obs, download, async () => received, async (body) => {
    body.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      tracker.moved(file, 0, received);
    });
    await finished(body).catch((error: unknown) => {
      throw obs.streamError(error ?? new Error('the download broke off'), signal);
    });
  });
  checkSize(file, received);
  try {
    await writeWhole(target, Buffer.concat(chunks, received));
  } catch (error) {
    // The local write failed (a full disk): no half-written file stays.
    await rm(target, { force: true });
    throw error;
  }
}

async function downloadToTemporaryFile(obs: ObsService, download: FileDownload): Promise<void> {
  const { file, target, tracker, signal } = download;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.download`);
  // Bytes in the temporary file: counted on their way to it, read from the disk only after a break.
  let onDisk = 0;
  let attempts = 0;
  // What reached the disk before a break is kept; the rest is asked for by Range. A first attempt has nothing yet.
  const resumeAt = async (): Promise<number> => (onDisk = attempts++ === 0 ? 0 : await stat(temporary).then((info) => info.size, () => 0));
  try {
    await fetchResuming(obs, download, resumeAt, async (body) => {
      const output = createWriteStream(temporary, { flags: onDisk > 0 ? 'a' : 'w' });
      body.on('data', (chunk: Buffer) => {
        onDisk += chunk.length;
        tracker.moved(file, 0, onDisk);
      });
      body.pipe(output);
      // When the body breaks off, what arrived is still written out, for the next attempt to resume after it.
      const broken = await finished(body).then(() => undefined, (error: unknown) => error ?? new Error('the download broke off'));
      if (broken !== undefined) {
        body.unpipe(output);
        output.end();
      }
      await finished(output);
      if (broken !== undefined) {
        throw obs.streamError(broken, signal);
      }
    });
    checkSize(file, onDisk);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
