/**
 * A folder's copy and move for the file system's copy and rename: every object below its prefix, through the
 * one copy of OBS objects (services/obsCopies), reported with what was left where when some failed.
 */
import * as vscode from 'vscode';
import { baseName, type ObsService } from '../services/obs';
import { copyObjects } from '../services/obsCopies';
import type { ObjectPlace } from '../services/obsObjects';
import type { TransferReport } from '../services/transferReport';

/** Failed keys named in the report; the rest are counted. */
const NAMED_FAILURES = 5;

export interface FolderCopy {
  readonly region: string;
  /** Folder prefixes, each ending with `/` (the bucket's root is `''`). */
  readonly from: ObjectPlace;
  readonly to: ObjectPlace;
  readonly move: boolean;
}

/** Copies (or moves) every object below `from.key` to the same place below `to.key`; throws a report when some failed. */
export async function copyFolder(obs: ObsService, copy: FolderCopy): Promise<void> {
  const { region, from, to } = copy;
  const items = (await obs.listAllObjects(region, from.bucket, from.key)).map((object) => {
    const name = object.key.slice(from.key.length);
    return { name, size: object.size, source: { bucket: from.bucket, key: object.key }, target: { bucket: to.bucket, key: to.key + name } };
  });
  const report = await copyObjects(obs, region, items, copy.move);
  if (report.failed.length > 0 || report.notTransferred.length > 0) {
    throw new vscode.FileSystemError(partialReport(copy, items.length, report));
  }
}

function partialReport(copy: FolderCopy, total: number, report: TransferReport): string {
  const left = [...report.failed, ...report.notTransferred.map((name) => ({ name, reason: vscode.l10n.t('not copied') }))];
  const named = left
    .slice(0, NAMED_FAILURES)
    .map((failure) => `${baseName(failure.name) || `${baseName(copy.from.key)}/`} (${failure.reason})`)
    .join('; ');
  const more = left.length > NAMED_FAILURES ? vscode.l10n.t(' and {0} more', left.length - NAMED_FAILURES) : '';
  const source = `obs://${copy.from.bucket}/${copy.from.key}`;
  return copy.move
    ? vscode.l10n.t('Moved {0} of {1} objects; these stay at {2}: {3}{4}', total - left.length, total, source, named, more)
    : vscode.l10n.t('Copied {0} of {1} objects; these were not copied: {2}{3}', total - left.length, total, named, more);
}
