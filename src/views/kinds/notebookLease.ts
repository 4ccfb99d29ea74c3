import * as vscode from 'vscode';
import { type Notebook, restartLease } from '../../services/notebooks';
import { NEVER_STOP } from '../../services/notebookRules';

/** When a running notebook stops by itself: `lease.create_at + lease.duration` (§1.1 lease), if auto-stop is on. */
export function autoStopAt(notebook: Notebook): number | undefined {
  const { lease } = notebook;
  if (notebook.status !== 'RUNNING' || !lease?.enable || lease.create_at === undefined || lease.duration === undefined) {
    return undefined;
  }
  return lease.create_at + lease.duration;
}

/** "1 h 20 min", "45 min", "under a minute". */
export function timeLeftText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) {
    return vscode.l10n.t('under a minute');
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) {
    return vscode.l10n.t('{0} min', rest);
  }
  return rest === 0 ? vscode.l10n.t('{0} h', hours) : vscode.l10n.t('{0} h {1} min', hours, rest);
}

/** "17:40", or "Tue 09:15" beyond today: when something happens, for a time that does not go stale. */
export function clockTime(epochMs: number, now = Date.now()): string {
  const sameDay = new Date(epochMs).toDateString() === new Date(now).toDateString();
  return new Date(epochMs).toLocaleString(vscode.env.language, sameDay ? { hour: '2-digit', minute: '2-digit' } : { weekday: 'short', hour: '2-digit', minute: '2-digit' });
}

/** "stops in 1 h 20 min", for the tree; undefined while the notebook does not stop by itself. */
export function autoStopDescription(notebook: Notebook, now = Date.now()): string | undefined {
  const at = autoStopAt(notebook);
  if (at === undefined) {
    return undefined;
  }
  return at <= now ? vscode.l10n.t('stopping') : vscode.l10n.t('stops in {0}', timeLeftText(at - now));
}

/**
 * "at 17:40 (in 1 h 20 min)", "8 h after a start" (not running: what a start keeps) or "off": the auto-stop of a
 * notebook in the tooltip and details.
 */
export function leaseText(notebook: Notebook, now = Date.now()): string {
  const at = autoStopAt(notebook);
  if (at !== undefined) {
    return at <= now ? vscode.l10n.t('now') : vscode.l10n.t('at {0} (in {1})', clockTime(at, now), timeLeftText(at - now));
  }
  const restart = restartLease(notebook.lease);
  return restart && restart.duration !== NEVER_STOP ? vscode.l10n.t('{0} after a start', timeLeftText(restart.duration)) : vscode.l10n.t('off');
}
