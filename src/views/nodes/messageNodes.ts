import * as vscode from 'vscode';
import type { ModelArtsError } from '../../services/errors';
import type { ExplorerNode } from './explorerNode';

/** A node that can load another page of children. */
export interface PagedNode extends ExplorerNode {
  loadMore(): Promise<void>;
}

/** "Load more…" at the end of a paged listing. */
export class LoadMoreNode implements ExplorerNode {
  constructor(readonly parent: PagedNode) {}

  get id(): string {
    return `${this.parent.id}/loadMore`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'));
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'loadMore';
    item.command = { command: 'modelarts.loadMore', title: vscode.l10n.t('Load More'), arguments: [this.parent] };
    return item;
  }
}

/** A failed load, shown in place of the children it could not load; clicking it tries again. */
export class ErrorNode implements ExplorerNode {
  constructor(
    readonly parent: ExplorerNode,
    private readonly error: ModelArtsError,
    private readonly what: string,
  ) {}

  get id(): string {
    return `${this.parent.id}/error`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Could not load {0} — click to retry', this.what));
    item.id = this.id;
    item.description = this.error.toDisplayString();
    item.tooltip = this.error.toDisplayString();
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.contextValue = 'error';
    item.command = { command: 'modelarts.retry', title: vscode.l10n.t('Retry'), arguments: [this.parent] };
    return item;
  }
}

/** A line of text with no children, e.g. "No notebooks". */
export class PlaceholderNode implements ExplorerNode {
  constructor(
    readonly parent: ExplorerNode,
    private readonly label: string,
  ) {}

  get id(): string {
    return `${this.parent.id}/placeholder`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label);
    item.id = this.id;
    item.contextValue = 'placeholder';
    return item;
  }
}
