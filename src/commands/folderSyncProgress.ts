import * as path from 'node:path';
import * as vscode from 'vscode';
import { asModelArtsError, isCancellation } from '../services/errors';
import { listSyncedFiles, planSync, sendChanges, type SyncOutcome, type SyncPlan, type SyncTarget, syncOutcome } from '../services/folderSync';
import { obsUri } from '../services/obs';
import type { CommandContext } from './commandContext';
import { ProgressReporter } from './obsTransferCommands';
import { withProgress } from './progress';
import { requireServices } from './resourceTarget';

export { listSyncedFiles, type SyncOutcome, type SyncTarget };

/**
 * Syncs a local folder to OBS with a cancellable progress notification (files and bytes). Never throws for a
 * per-file failure, nor when the comparison fails or is cancelled: then every file it could not rule out is
 * named as not sent. Throws only when it cannot start (not signed in).
 */
export async function syncFolder(context: CommandContext, folder: string, target: SyncTarget): Promise<SyncOutcome> {
  const { obs } = requireServices(context);
  const destination = obsUri(target.bucket, target.prefix);
  const settled: { plan?: SyncPlan; outcome?: SyncOutcome } = {};
  let failure: unknown;
  try {
    await withProgress(
      vscode.l10n.t('Syncing {0} to {1}', path.basename(folder), destination),
      async (signal, progress) => {
        progress.report({ message: vscode.l10n.t('Comparing with {0}…', destination) });
        const plan = (settled.plan = await planSync(obs, folder, target, signal));
        const reporter = new ProgressReporter(progress);
        try {
          const report = await sendChanges(obs, target, plan, { signal, onProgress: reporter.update });
          report?.failed.forEach((failed) => context.log.error(`sync ${destination}${failed.name}: ${failed.reason}`));
          settled.outcome = syncOutcome(plan, report);
        } finally {
          reporter.dispose();
        }
      },
      context.ui,
    );
  } catch (error) {
    failure = error;
  }
  // A cancel that came after every file went up changes nothing: the outcome stands.
  const outcome = settled.outcome ?? (await unfinished(folder, settled.plan, failure));
  context.log.info(
    outcome.complete
      ? `sync ${folder} → ${destination}: ${outcome.uploaded.length} uploaded, ${outcome.unchanged} unchanged, ${outcome.ignored} ignored`
      : `sync ${folder} → ${destination}: ${outcome.cancelled ? 'cancelled' : 'failed'}, ${outcome.notSent.length} not sent${outcome.reason ? ` (${outcome.reason})` : ''}`,
  );
  return outcome;
}

/** A sync that stopped before its uploads ended: every file it had not ruled out is named as not sent. */
async function unfinished(folder: string, plan: SyncPlan | undefined, failure: unknown): Promise<SyncOutcome> {
  const error = asModelArtsError(failure);
  const cancelled = isCancellation(error);
  const notSent = plan ? plan.toSend.map((file) => file.name) : await listSyncedFiles(folder).catch(() => []);
  return { complete: false, cancelled, notSent, reason: cancelled ? undefined : error.toDisplayString() };
}
