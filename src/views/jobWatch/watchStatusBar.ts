import * as vscode from 'vscode';
import type { WatchedJobs } from './watchedJobs';

/** The command the status bar item runs: the watched jobs in a quick pick. */
export const SHOW_WATCHED_JOBS = 'modelarts.watchedJobs.show';

/**
 * "$(eye) N": how many watched training jobs have not ended yet (ended ones leave the list once announced);
 * hidden while none is watched. A click lists them.
 */
export class WatchStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('modelarts.watchedJobs', vscode.StatusBarAlignment.Left, 0);

  constructor(private readonly watched: WatchedJobs) {
    this.item.name = vscode.l10n.t('ModelArts Watched Jobs');
    this.item.command = SHOW_WATCHED_JOBS;
    this.update();
  }

  /** What the item shows now: undefined while it is hidden. */
  get shown(): { readonly text: string; readonly tooltip: string } | undefined {
    const count = this.watched.list().length;
    if (count === 0) {
      return undefined;
    }
    const tooltip = count === 1 ? vscode.l10n.t('1 watched training job is running or queued. Click to list it.') : vscode.l10n.t('{0} watched training jobs are running or queued. Click to list them.', count);
    return { text: `$(eye) ${count}`, tooltip };
  }

  update(): void {
    const shown = this.shown;
    if (!shown) {
      this.item.hide();
      return;
    }
    this.item.text = shown.text;
    this.item.tooltip = shown.tooltip;
    this.item.accessibilityInformation = { label: shown.tooltip };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
