/**
 * `obs://<bucket>/<key>` as a file system: objects are files, prefixes up to a `/` are folders (an empty folder
 * is its marker object `<key>/`, as the OBS console makes it). OBS tells no one of changes, so only this
 * provider's own writes are announced. Every failure is a FileSystemError carrying the service's code and
 * request id (fileSystemErrors.ts).
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { baseName, OBS_MAX_KEYS, type ObjectHead, type ObsService } from '../services/obs';
import { collectPages } from '../services/paging';
import { BucketRegions } from './bucketRegions';
import { asFileSystemCall, isNotFound } from './fileSystemErrors';
import { copyFolder } from './objectCopies';
import { obsPlaceOf } from './obsUris';
import { SaveConflicts } from './saveConflict';

const FOLDER: vscode.FileStat = { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };

interface Reached {
  readonly obs: ObsService;
  readonly region: string;
  readonly bucket: string;
  /** No leading or trailing `/`; `''` for the bucket's root. */
  readonly key: string;
}

/** The provider over the session's buckets, and what to dispose with it. */
export function createObsFileSystemProvider(context: CommandContext): { provider: ObsFileSystemProvider; disposables: vscode.Disposable[] } {
  const regions = new BucketRegions(context.session, context.accounts.loaded);
  const provider = new ObsFileSystemProvider(regions, new SaveConflicts(context));
  return { provider, disposables: [regions, provider] };
}

export class ObsFileSystemProvider implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  /** The ETag of each object as last read or written here, by URI: what a save compares against. */
  private readonly etags = new Map<string, string>();

  constructor(
    private readonly regions: BucketRegions,
    private readonly conflicts: SaveConflicts,
  ) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    return asFileSystemCall(async () => {
      const place = await this.reach(uri);
      const found = await this.find(place);
      if (!found) {
        throw vscode.FileSystemError.FileNotFound(uri);
      }
      return found;
    });
  }

  readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    return asFileSystemCall(async () => {
      const place = await this.reach(uri);
      const { obs, region, bucket } = place;
      const prefix = folderPrefix(place.key);
      const entries = await collectPages((token, signal) => obs.listEntries(region, bucket, { prefix, pageSize: OBS_MAX_KEYS }, token, signal), Number.POSITIVE_INFINITY);
      // OBS lists nothing under a prefix that does not exist: that is a missing folder, not an empty one.
      if (entries.length === 0 && place.key !== '' && !(await this.isFolder(place))) {
        throw vscode.FileSystemError.FileNotFound(uri);
      }
      return entries.map((entry): [string, vscode.FileType] => [baseName(entry.key), entry.kind === 'folder' ? vscode.FileType.Directory : vscode.FileType.File]).filter(([name]) => name !== '');
    });
  }

  readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return asFileSystemCall(async () => {
      const { obs, region, bucket, key } = await this.reach(uri);
      if (key === '') {
        throw vscode.FileSystemError.FileIsADirectory(uri);
      }
      const { body, etag } = await obs.readObject(region, bucket, key);
      this.remember(uri, etag);
      return body;
    });
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }): Promise<void> {
    return asFileSystemCall(async () => {
      const place = await this.reach(uri);
      const { obs, region, bucket, key } = place;
      const current = key === '' ? undefined : await this.head(place);
      if (!current && (key === '' || (await this.isFolder(place)))) {
        throw vscode.FileSystemError.FileIsADirectory(uri);
      }
      if (!current && !options.create) {
        throw vscode.FileSystemError.FileNotFound(uri);
      }
      if (current && !options.overwrite) {
        throw vscode.FileSystemError.FileExists(uri);
      }
      const read = this.etags.get(uri.toString());
      if (current && read !== undefined && current.etag !== read) {
        await this.conflicts.resolve(uri, (shown) => this.changes.fire([{ type: vscode.FileChangeType.Changed, uri: shown }]));
      }
      this.remember(uri, await obs.putObject(region, bucket, key, content));
      this.changes.fire([{ type: current ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
    });
  }

  createDirectory(uri: vscode.Uri): Promise<void> {
    return asFileSystemCall(async () => {
      const place = await this.reach(uri);
      if (place.key === '' || (await this.find(place))) {
        throw vscode.FileSystemError.FileExists(uri);
      }
      await place.obs.putObject(place.region, place.bucket, folderPrefix(place.key), new Uint8Array());
      this.changes.fire([{ type: vscode.FileChangeType.Created, uri }]);
    });
  }

  delete(uri: vscode.Uri, options: { readonly recursive: boolean }): Promise<void> {
    return asFileSystemCall(async () => {
      const place = await this.reach(uri);
      const { obs, region, bucket, key } = place;
      if (key === '') {
        throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('A bucket is deleted from the ModelArts explorer, not as a folder.'));
      }
      const found = await this.find(place);
      if (!found) {
        throw vscode.FileSystemError.FileNotFound(uri);
      }
      if (found.type === vscode.FileType.File) {
        await obs.deleteObject(region, bucket, key);
      } else {
        await this.deleteFolder(place, options.recursive);
      }
      this.etags.delete(uri.toString());
      this.changes.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
    });
  }

  rename(from: vscode.Uri, to: vscode.Uri, options: { readonly overwrite: boolean }): Promise<void> {
    return this.transfer(from, to, options, true);
  }

  copy(from: vscode.Uri, to: vscode.Uri, options: { readonly overwrite: boolean }): Promise<void> {
    return this.transfer(from, to, options, false);
  }

  dispose(): void {
    this.changes.dispose();
  }

  /** Copies, or moves (copy, then delete what was copied), an object or a folder within one region. */
  private transfer(fromUri: vscode.Uri, toUri: vscode.Uri, options: { readonly overwrite: boolean }, move: boolean): Promise<void> {
    return asFileSystemCall(async () => {
      const [from, to] = [await this.reach(fromUri), await this.reach(toUri)];
      if (from.key === '' || to.key === '') {
        throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('A bucket cannot be renamed, copied or replaced as a folder.'));
      }
      if (from.region !== to.region) {
        throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('OBS copies only within a region: {0} is in {1}, {2} in {3}.', from.bucket, from.region, to.bucket, to.region));
      }
      const source = await this.find(from);
      if (!source) {
        throw vscode.FileSystemError.FileNotFound(fromUri);
      }
      if (!options.overwrite && (await this.find(to))) {
        throw vscode.FileSystemError.FileExists(toUri);
      }
      if (source.type === vscode.FileType.File) {
        await to.obs.copyObject(to.region, from, to);
        if (move) {
          await from.obs.deleteObject(from.region, from.bucket, from.key);
          this.etags.delete(fromUri.toString());
        }
      } else {
        try {
          await copyFolder(from.obs, { region: from.region, from: { bucket: from.bucket, key: folderPrefix(from.key) }, to: { bucket: to.bucket, key: folderPrefix(to.key) }, move });
        } catch (error) {
          // What was copied before the failure is there, and what was not is still at the source: both are read again.
          this.changes.fire([fromUri, toUri].map((uri) => ({ type: vscode.FileChangeType.Changed, uri })));
          throw error;
        }
      }
      this.changes.fire([{ type: vscode.FileChangeType.Created, uri: toUri }, ...(move ? [{ type: vscode.FileChangeType.Deleted, uri: fromUri }] : [])]);
    });
  }

  private async deleteFolder(place: Reached, recursive: boolean): Promise<void> {
    const { obs, region, bucket } = place;
    const prefix = folderPrefix(place.key);
    const keys = (await obs.listAllObjects(region, bucket, prefix)).map((object) => object.key);
    if (!recursive && keys.some((key) => key !== prefix)) {
      throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('{0} is not empty.', `obs://${bucket}/${prefix}`));
    }
    const refused: { readonly key: string; readonly reason: string }[] = [];
    for (let start = 0; start < keys.length; start += OBS_MAX_KEYS) {
      refused.push(...(await obs.deleteObjects(region, bucket, keys.slice(start, start + OBS_MAX_KEYS))));
    }
    if (refused.length > 0) {
      const first = refused[0];
      throw new vscode.FileSystemError(vscode.l10n.t('Deleted {0} of {1} objects; {2} could not be deleted, e.g. {3} ({4})', keys.length - refused.length, keys.length, refused.length, first.key, first.reason));
    }
  }

  /** A file's or folder's stat, or undefined when neither exists. */
  private async find(place: Reached): Promise<vscode.FileStat | undefined> {
    const head = place.key === '' ? undefined : await this.head(place);
    if (head) {
      const mtime = head.lastModified ? Date.parse(head.lastModified) || 0 : 0;
      return { type: vscode.FileType.File, size: head.size, ctime: mtime, mtime };
    }
    return place.key === '' || (await this.isFolder(place)) ? FOLDER : undefined;
  }

  /** The object's head, or undefined when there is no object of that key. */
  private async head(place: Reached): Promise<ObjectHead | undefined> {
    try {
      return await place.obs.headObject(place.region, place.bucket, place.key);
    } catch (error) {
      if (error instanceof ModelArtsError && isNotFound(error)) {
        return undefined;
      }
      throw error;
    }
  }

  /** Whether any object (a folder's marker included) has a key below the place's. */
  private async isFolder(place: Reached): Promise<boolean> {
    const page = await place.obs.listEntries(place.region, place.bucket, { prefix: folderPrefix(place.key), recursive: true, pageSize: 1 }, undefined);
    return page.items.length > 0;
  }

  private async reach(uri: vscode.Uri): Promise<Reached> {
    const { bucket, key } = obsPlaceOf(uri);
    if (bucket === '') {
      throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('{0} names no bucket: OBS paths are obs://bucket/key.', uri.toString(true)), 'config');
    }
    const { obs } = await this.regions.services();
    return { obs, region: await this.regions.regionOf(bucket), bucket, key };
  }

  private remember(uri: vscode.Uri, etag: string | undefined): void {
    if (etag) {
      this.etags.set(uri.toString(), etag);
    } else {
      this.etags.delete(uri.toString());
    }
  }
}

function folderPrefix(key: string): string {
  return key === '' ? '' : `${key}/`;
}
