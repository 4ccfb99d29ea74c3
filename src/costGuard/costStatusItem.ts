import * as vscode from 'vscode';
import { countOf, type CostSnapshot } from './costCount';

/** The command the item runs: Running now. */
export const SHOW_RUNNING_NOW = 'modelarts.costGuard.showRunning';

/** What the item shows: text, tooltip and whether it is coloured as a warning; undefined while hidden. */
export interface CostItemView {
  readonly text: string;
  readonly tooltip: string;
  readonly warning: boolean;
}

/**
 * "$(pulse) 3": how many resources bill now, right of the profile item; the tooltip counts them per kind. While a
 * count is under way for a new profile or region it shows "$(pulse) …", never the previous one's figure. At or above
 * `modelarts.costGuard.warnAtCount` it takes the warning colour.
 */
export class CostStatusItem implements vscode.Disposable {
  // The profile item (modelarts.profile) sits left of it with a higher priority.
  private readonly item = vscode.window.createStatusBarItem('modelarts.costGuard', vscode.StatusBarAlignment.Left, 99);
  private current: CostItemView | undefined;

  constructor() {
    this.item.name = vscode.l10n.t('ModelArts Cost Guard');
    this.item.command = SHOW_RUNNING_NOW;
  }

  get shown(): CostItemView | undefined {
    return this.current;
  }

  hide(): void {
    this.current = undefined;
    this.item.hide();
  }

  counting(): void {
    this.show({ text: '$(pulse) …', tooltip: vscode.l10n.t('ModelArts: counting what bills now…'), warning: false });
  }

  showCount(snapshot: CostSnapshot, warnAtCount: number): void {
    const total = snapshot.items.length;
    const lines = [
      total === 1 ? vscode.l10n.t('ModelArts: 1 resource bills now') : vscode.l10n.t('ModelArts: {0} resources bill now', total),
      ...snapshot.kinds.map((kind) => vscode.l10n.t('{0}: {1}', kind.title, countOf(snapshot, kind.key))),
      ...snapshot.failures.map((failure) =>
        vscode.l10n.t('Not counted in {0}: {1} ({2})', failure.region, failure.kind ? snapshot.kinds.find((kind) => kind.key === failure.kind)?.title ?? failure.kind : vscode.l10n.t('workspaces'), failure.error.errorCode),
      ),
      vscode.l10n.t('Click to see them and stop some.'),
    ];
    const text = snapshot.failures.length > 0 ? `$(pulse) ${total}+` : `$(pulse) ${total}`;
    this.show({ text, tooltip: lines.join('\n'), warning: warnAtCount > 0 && total >= warnAtCount });
  }

  dispose(): void {
    this.item.dispose();
  }

  private show(view: CostItemView): void {
    this.current = view;
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.accessibilityInformation = { label: view.tooltip };
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }
}
