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

export function statusIcon(category: StatusCategory): vscode.ThemeIcon {
  const { icon, color } = ICONS[category];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}
