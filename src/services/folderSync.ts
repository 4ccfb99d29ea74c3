/**
 * A local folder kept in step with an OBS prefix: the files the ignore rules let through are compared with
 * the objects under the prefix (one listing) and only new or changed ones go up, through the OBS transfers.
 * Objects that no longer exist locally are left alone: a sync never deletes. A sync interrupted by a
 * fault resumes by itself: files that went up whole compare as unchanged the next time.
 */
import * as l10n from '@vscode/l10n';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { cancelledError, LocalErrorCode, ModelArtsError } from './errors';
import { type IgnoreFile, isIgnored, parseIgnoreRules } from './ignoreRules';
import type { ObsObject, ObsService } from './obs';
import { type LocalFile, ObsTransfers, type TransferOptions } from './obsTransfers';
import type { TransferReport } from './transferReport';

export interface SyncTarget {
  readonly region: string;
  readonly bucket: string;
  /** `''` (the bucket's top) or ending with `/`. */
  readonly prefix: string;
}

export type SyncOutcome =
  /** `ignored` counts ignored entries: an ignored folder counts once, whatever it holds. */
  | { readonly complete: true; readonly uploaded: readonly string[]; readonly unchanged: number; readonly ignored: number }
  /**
   * `notSent`: folder-relative names of the files not known to have gone up (a request cancelled after its body
   * was through may still have landed: the next sync's comparison skips it); `reason`: the first failure's.
   */
  | { readonly complete: false; readonly cancelled: boolean; readonly notSent: readonly string[]; readonly reason?: string };

/** A file the sync sends when it is new or changed; `name` is folder-relative, `/`-separated. */
export interface SyncedFile extends LocalFile {
  readonly modifiedMs: number;
}

export interface SyncPlan {
  readonly toSend: readonly SyncedFile[];
  readonly unchanged: number;
  readonly ignored: number;
}

/** Same syntax as `.gitignore`, at the synced folder's root; its rules come last, so they win. */
const SYNC_IGNORE_FILE = '.modelartsignore';

/** The folder-relative paths that would go up (ignore rules applied), for checks such as "has a .py file". */
export async function listSyncedFiles(folder: string): Promise<readonly string[]> {
  return (await listFolder(folder)).files.map((file) => file.name);
}

/** The files below `folder` that its ignore rules let through, in name order, and how many entries were ignored. */
export async function listFolder(given: string): Promise<{ readonly files: readonly SyncedFile[]; readonly ignored: number }> {
  const folder = path.resolve(given);
  const { above, files: ancestors } = await repositoryIgnoreFiles(folder);
  const own = await readIgnoreFile(path.join(folder, SYNC_IGNORE_FILE), above);
  const files: SyncedFile[] = [];
  let ignored = 0;
  const walk = async (directory: string, relative: string, gitignores: readonly IgnoreFile[]): Promise<void> => {
    const entries = (await readdir(directory, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const here = await readIgnoreFile(path.join(directory, '.gitignore'), above + relative);
    const inherited = here ? [...gitignores, here] : gitignores;
    const rules = own ? [...inherited, own] : inherited;
    for (const entry of entries) {
      const name = relative + entry.name;
      const full = path.join(directory, entry.name);
      // A linked file is sent as its target; a linked folder is not followed (it may lead back up).
      const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(full).then((info) => info.isFile(), () => false)));
      const isDirectory = entry.isDirectory();
      if (!isFile && !isDirectory) {
        continue;
      }
      if (entry.name === '.git' || isIgnored(rules, above + name, isDirectory)) {
        ignored++;
      } else if (isDirectory) {
        await walk(full, `${name}/`, inherited);
      } else {
        const info = await stat(full);
        files.push({ path: full, name, size: info.size, modifiedMs: info.mtimeMs });
      }
    }
  };
  await walk(folder, '', ancestors);
  return { files, ignored };
}

/** Which files differ from the objects under the target's prefix (read in one paged listing). */
export async function planSync(obs: ObsService, folder: string, target: SyncTarget, signal?: AbortSignal): Promise<SyncPlan> {
  if (target.prefix !== '' && !target.prefix.endsWith('/')) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, l10n.t('the OBS prefix "{0}" must end with "/"', target.prefix), 'config');
  }
  const { files, ignored } = await listFolder(folder);
  const objects = new Map((await obs.listAllObjects(target.region, target.bucket, target.prefix, signal)).map((object) => [object.key, object]));
  const toSend: SyncedFile[] = [];
  for (const file of files) {
    if (signal?.aborted) {
      throw cancelledError();
    }
    if (!(await isUnchanged(file, objects.get(target.prefix + file.name)))) {
      toSend.push(file);
    }
  }
  return { toSend, unchanged: files.length - toSend.length, ignored };
}

/** Uploads what the plan says differs; undefined when nothing does. */
export async function sendChanges(obs: ObsService, target: SyncTarget, plan: SyncPlan, options: TransferOptions): Promise<TransferReport | undefined> {
  if (plan.toSend.length === 0) {
    return undefined;
  }
  return new ObsTransfers(obs).uploadFiles({ region: target.region, bucket: target.bucket, key: target.prefix }, plan.toSend, options);
}

/** Complete only when every changed file went up and nobody cancelled. */
export function syncOutcome(plan: SyncPlan, report: TransferReport | undefined): SyncOutcome {
  if (!report) {
    return { complete: true, uploaded: [], unchanged: plan.unchanged, ignored: plan.ignored };
  }
  const notSent = [...report.failed.map((failure) => failure.name), ...report.notTransferred].sort();
  if (notSent.length === 0 && !report.cancelled) {
    return { complete: true, uploaded: report.transferred, unchanged: plan.unchanged, ignored: plan.ignored };
  }
  const first = report.failed[0];
  return { complete: false, cancelled: report.cancelled, notSent, reason: first ? `${first.name}: ${first.reason}` : undefined };
}

/**
 * Whether the object already holds the file. OBS answers an object's ETag as the quoted MD5 of its content
 * when it was put in one request; after a multipart upload it is `"<hex>-<parts>"` (the OBS API reference
 * and esdk-obs-nodejs docs say only "the object's ETag"; the multipart form is S3's and the stand-in's).
 * Unsure: a server-side encrypted object (SSE-KMS, SSE-C) may carry a 32-hex ETag that is no MD5; such a
 * file then looks changed and is sent again, never wrongly skipped. Without a plain MD5, the object is
 * taken as current when it was last modified no earlier than the file (clocks assumed roughly in step).
 */
export async function isUnchanged(file: SyncedFile, object: ObsObject | undefined): Promise<boolean> {
  if (!object || object.size !== file.size) {
    return false;
  }
  const md5 = /^"?([0-9a-f]{32})"?$/i.exec(object.etag ?? '')?.[1]?.toLowerCase();
  if (md5 !== undefined) {
    return (await fileMd5(file.path)) === md5;
  }
  const modified = Date.parse(object.lastModified ?? '');
  return Number.isFinite(modified) && modified >= file.modifiedMs;
}

async function fileMd5(file: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/**
 * When the folder is inside a git repository, the `.gitignore` files of the folders above it up to the
 * repository's root apply too, as they do for git. Paths are then matched relative to that root: `above`
 * is the synced folder's place in it (`''` when the folder is the root or in no repository).
 */
async function repositoryIgnoreFiles(folder: string): Promise<{ readonly above: string; readonly files: readonly IgnoreFile[] }> {
  const root = repositoryRoot(folder);
  if (root === undefined || root === folder) {
    return { above: '', files: [] };
  }
  const ancestors: string[] = [];
  for (let directory = path.dirname(folder); ; directory = path.dirname(directory)) {
    ancestors.unshift(directory);
    if (directory === root) {
      break;
    }
  }
  const baseOf = (directory: string): string => (directory === root ? '' : `${slashed(path.relative(root, directory))}/`);
  const files = await Promise.all(ancestors.map((ancestor) => readIgnoreFile(path.join(ancestor, '.gitignore'), baseOf(ancestor))));
  return { above: baseOf(folder), files: files.filter((file): file is IgnoreFile => file !== undefined) };
}

/** The nearest folder at or above `folder` that holds `.git` (a folder, or a file in a worktree). */
function repositoryRoot(folder: string): string | undefined {
  for (let directory = folder; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, '.git'))) {
      return directory;
    }
    if (path.dirname(directory) === directory) {
      return undefined;
    }
  }
}

function slashed(relative: string): string {
  return relative.split(path.sep).join('/');
}

async function readIgnoreFile(file: string, base: string): Promise<IgnoreFile | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : { base, rules: parseIgnoreRules(text) };
}
