import * as vscode from 'vscode';
import type { StatusCategory } from '../services/status';
import { formatDuration, formatTimestamp } from '../views/format';
import { statusIcon } from '../views/statusIcons';
import type { ActivityEntry, ActivityLog, ActivityState } from './activityLog';

/** How each state shows, through the one status→icon map. */
const CATEGORIES: Record<ActivityState, StatusCategory> = {
  running: 'transitional',
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'stopped',
  interrupted: 'unknown',
};

/** The ModelArts Activity view: the log's operations, newest first. */
export class ActivityTree implements vscode.TreeDataProvider<ActivityEntry>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly log: ActivityLog) {
    this.subscription = log.onDidChange(() => this.changed.fire());
  }

  getChildren(element?: ActivityEntry): ActivityEntry[] {
    return element ? [] : [...this.log.all];
  }

  getTreeItem(entry: ActivityEntry): vscode.TreeItem {
    return activityItem(entry);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** What a row says: the operation, its state (the latest progress while it runs) and how long it took. */
export function activityItem(entry: ActivityEntry): vscode.TreeItem {
  const item = new vscode.TreeItem(entry.label.replace(/…$/, ''), vscode.TreeItemCollapsibleState.None);
  item.id = entry.id;
  item.description = describeState(entry);
  item.iconPath = statusIcon(CATEGORIES[entry.state]);
  item.contextValue = entry.state === 'running' ? 'activity.running' : entry.report ? 'activity.report' : 'activity.done';
  // Plain strings: labels and messages quote cloud names, never markup.
  item.tooltip = [
    entry.label,
    vscode.l10n.t('Started: {0}', formatTimestamp(entry.startedAt)),
    entry.endedAt === undefined ? undefined : vscode.l10n.t('Duration: {0}', formatDuration(entry.endedAt - entry.startedAt)),
    describeState(entry),
  ]
    .filter((line) => line !== undefined)
    .join('\n');
  return item;
}

function describeState(entry: ActivityEntry): string {
  const took = entry.endedAt === undefined ? '' : formatDuration(entry.endedAt - entry.startedAt);
  switch (entry.state) {
    case 'running':
      return entry.message ?? vscode.l10n.t('Running');
    case 'succeeded':
      return vscode.l10n.t('Succeeded in {0}', took);
    case 'failed':
      return vscode.l10n.t('Failed ({0}) after {1}', entry.errorCode ?? '', took);
    case 'cancelled':
      return vscode.l10n.t('Cancelled after {0}', took);
    case 'interrupted':
      return vscode.l10n.t('Interrupted: the window was closed or reloaded');
  }
}
