/**
 * Copies and moves inside OBS, for the explorer's drag and drop and the obs:// file system's rename. OBS copies
 * each object itself, a few at a time through the transfers' runner (progress, cancel, report); a move then
 * deletes the originals of what was copied, and only those, so a partial failure loses nothing.
 */
import * as l10n from '@vscode/l10n';
import { asModelArtsError } from './errors';
import { OBS_MAX_KEYS, type ObsService } from './obs';
import { type CopyItem, ObsTransfers, type TransferOptions } from './obsTransfers';
import type { TransferReport } from './transferReport';

/** Copies each item to its target in `region` (OBS copies only within a region); with `move`, then deletes the originals copied. */
export async function copyObjects(obs: ObsService, region: string, items: readonly CopyItem[], move: boolean, options: TransferOptions = {}): Promise<TransferReport> {
  const copied = await new ObsTransfers(obs).copy(region, items, options);
  return move ? deleteOriginals(obs, region, items, copied) : copied;
}

/**
 * The move's second half: deletes the originals of the objects copied, and only those. It runs even after a
 * cancel, so what the report calls moved is no longer in its old place; an original that stays is a failure.
 */
async function deleteOriginals(obs: ObsService, region: string, items: readonly CopyItem[], copied: TransferReport): Promise<TransferReport> {
  const byName = new Map(items.map((item) => [item.name, item]));
  const moved = copied.transferred.map((name) => byName.get(name)).filter((item): item is CopyItem => item !== undefined);
  const kept = new Map<string, string>();
  for (const bucket of new Set(moved.map((item) => item.source.bucket))) {
    const keys = moved.filter((item) => item.source.bucket === bucket).map((item) => item.source.key);
    for (let start = 0; start < keys.length; start += OBS_MAX_KEYS) {
      const batch = keys.slice(start, start + OBS_MAX_KEYS);
      const refused = await obs.deleteObjects(region, bucket, batch).catch((error: unknown) => batch.map((key) => ({ key, reason: asModelArtsError(error).toDisplayString() })));
      refused.forEach((entry) => kept.set(`${bucket}/${entry.key}`, entry.reason));
    }
  }
  const keptReason = (item: CopyItem): string | undefined => kept.get(`${item.source.bucket}/${item.source.key}`);
  const notDeleted = moved.filter((item) => keptReason(item) !== undefined);
  return {
    ...copied,
    transferred: moved.filter((item) => keptReason(item) === undefined).map((item) => item.name),
    failed: [...copied.failed, ...notDeleted.map((item) => ({ name: item.name, reason: l10n.t('copied, but the original was not deleted: {0}', keptReason(item) ?? '') }))],
    bytes: moved.filter((item) => keptReason(item) === undefined).reduce((sum, item) => sum + item.size, 0),
  };
}
