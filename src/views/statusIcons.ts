import * as vscode from 'vscode';
import type { StatusCategory } from '../services/status';

/** The one place that turns a status into an icon and a colour. */
const ICONS: Record<StatusCategory, { readonly icon: string; readonly color?: string }> = {
  running: { icon: 'vm-running', color: 'charts.green' },
  degraded: { icon: 'warning', color: 'problemsWarningIcon.foreground' },
  stopped: { icon: 'circle-slash', color: 'disabledForeground' },
  transitional: { icon: 'loading~spin' },
  waiting: { icon: 'watch', color: 'charts.yellow' },
  succeeded: { icon: 'pass', color: 'testing.iconPassed' },
  failed: { icon: 'error', color: 'testing.iconFailed' },
  unknown: { icon: 'question', color: 'disabledForeground' },
};

/** One icon per category, shared by every row: VS Code keeps each row's TreeItem, and a long list has thousands. */
const shared = new Map<StatusCategory, vscode.ThemeIcon>();

export function statusIcon(category: StatusCategory): vscode.ThemeIcon {
  let themeIcon = shared.get(category);
  if (!themeIcon) {
    const { icon, color } = ICONS[category];
    themeIcon = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    shared.set(category, themeIcon);
  }
  return themeIcon;
}
