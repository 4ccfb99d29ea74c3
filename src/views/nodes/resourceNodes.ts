import * as vscode from 'vscode';
import type { ModelArtsServices } from '../../services';
import { asModelArtsError, type ModelArtsError } from '../../services/errors';
import type { ListScope, ResourceKind } from '../resourceKind';
import { statusIcon } from '../statusIcons';
import type { ExplorerNode, PollableNode, PollResult } from './explorerNode';
import { ErrorNode, LoadMoreNode, type PagedNode, PlaceholderNode } from './messageNodes';

/** A category of one workspace ("Notebooks", "Training Jobs"), loaded a page at a time. */
export class ResourceGroupNode<T> implements PagedNode {
  private children: ResourceNode<T>[] = [];
  private nextPageToken: string | undefined;
  private loaded = false;
  private failure: { readonly error: ModelArtsError; readonly duringLoadMore: boolean } | undefined;
  private loading: Promise<void> | undefined;
  private activeFilter: string | undefined;

  constructor(
    readonly parent: ExplorerNode,
    readonly kind: ResourceKind<T>,
    readonly services: ModelArtsServices,
    readonly scope: ListScope,
  ) {}

  get id(): string {
    return `${this.parent.id}/${this.kind.contextValue}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.kind.groupLabel, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.kind.groupIcon);
    item.contextValue = `group ${this.kind.contextValue}Group refreshable`;
    item.description = this.activeFilter === undefined ? undefined : vscode.l10n.t('only {0}', this.activeFilter);
    // No count here: showing one after loading would mean refreshing this row, and a refresh briefly
    // detaches its children, so a context-menu command on a child in that moment would lose its target.
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    if (!this.loaded) {
      await this.load(undefined);
    }
    const nodes: ExplorerNode[] = [...this.children];
    if (this.failure) {
      nodes.push(new ErrorNode(this, this.failure.error, this.kind.groupLabel.toLocaleLowerCase()));
    } else if (this.nextPageToken !== undefined) {
      nodes.push(new LoadMoreNode(this));
    } else if (nodes.length === 0) {
      nodes.push(new PlaceholderNode(this, this.kind.emptyLabel));
    }
    return nodes;
  }

  loadedChildren(): readonly ExplorerNode[] {
    return this.children;
  }

  /** What the listing is narrowed to (shown as the category's description); undefined lists everything. */
  get filter(): string | undefined {
    return this.activeFilter;
  }

  setFilter(filter: string | undefined): void {
    this.activeFilter = filter;
    this.reset();
  }

  loadMore(): Promise<void> {
    return this.load(this.nextPageToken);
  }

  /** After a failure: a failed "load more" is tried again, a failed first load starts over. */
  retry(): Promise<void> {
    if (this.failure?.duringLoadMore) {
      return this.loadMore();
    }
    this.reset();
    return Promise.resolve();
  }

  reset(): void {
    this.children = [];
    this.nextPageToken = undefined;
    this.loaded = false;
    this.failure = undefined;
  }

  removeChild(child: ResourceNode<T>): void {
    this.children = this.children.filter((node) => node !== child);
  }

  private load(pageToken: string | undefined): Promise<void> {
    // One request at a time: VS Code may ask for children again while a page is loading.
    this.loading ??= this.fetch(pageToken).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async fetch(pageToken: string | undefined): Promise<void> {
    try {
      const scope = this.activeFilter === undefined ? this.scope : { ...this.scope, filter: this.activeFilter };
      const page = await this.kind.listPage(this.services, scope, pageToken);
      const known = new Set(this.children.map((node) => node.resourceId));
      // A resource created between two pages shifts the offsets: skip what is already shown.
      const fresh = page.items.filter((item) => !known.has(this.kind.id(item)));
      this.children.push(...fresh.map((item) => new ResourceNode(this, item)));
      this.nextPageToken = page.nextPageToken;
      this.failure = undefined;
    } catch (error) {
      this.failure = { error: asModelArtsError(error), duringLoadMore: pageToken !== undefined };
    }
    this.loaded = true;
  }
}

/** One notebook, training job, pool…: its latest known state, what can be done with it, and its sub-resources. */
export class ResourceNode<T> implements PollableNode {
  private groups: ResourceGroupNode<unknown>[] | undefined;

  constructor(
    readonly parent: ResourceGroupNode<T>,
    private item: T,
  ) {}

  get kind(): ResourceKind<T> {
    return this.parent.kind;
  }

  get region(): string {
    return this.parent.scope.region;
  }

  get resource(): T {
    return this.item;
  }

  get resourceId(): string {
    return this.kind.id(this.item);
  }

  get name(): string {
    return this.kind.name(this.item);
  }

  get id(): string {
    return `${this.parent.id}/${this.resourceId}`;
  }

  update(item: T): void {
    this.item = item;
  }

  isTransitional(): boolean {
    return this.kind.category(this.item) === 'transitional';
  }

  getTreeItem(): vscode.TreeItem {
    const expandable = this.kind.childKinds !== undefined;
    const item = new vscode.TreeItem(this.name, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.kind.description(this.item);
    // A tooltip that needs a request is left to resolveTreeItem, which VS Code calls on hover.
    item.tooltip = this.kind.resolveTooltip ? undefined : this.kind.tooltip(this.item);
    const category = this.kind.category(this.item);
    item.iconPath = this.kind.itemIcon && category === 'running' ? new vscode.ThemeIcon(this.kind.itemIcon) : statusIcon(category);
    item.contextValue = [this.kind.contextValue, ...this.kind.capabilities(this.item), 'refreshable'].join(' ');
    return item;
  }

  async resolveTreeItem(item: vscode.TreeItem, signal: AbortSignal): Promise<vscode.TreeItem> {
    if (this.kind.resolveTooltip && item.tooltip === undefined) {
      item.tooltip = await this.kind.resolveTooltip(this.parent.services, this.parent.scope, this.item, signal);
    }
    return item;
  }

  /** A pool's Nodes, Node Pools and Plugins: one category per child kind, scoped to this resource. */
  getChildren(): Promise<ExplorerNode[]> {
    const { services, scope } = this.parent;
    this.groups ??= (this.kind.childKinds ?? []).map((kind) => new ResourceGroupNode(this, kind, services, { ...scope, parentId: this.resourceId }));
    return Promise.resolve(this.groups);
  }

  loadedChildren(): readonly ExplorerNode[] {
    return this.groups ?? [];
  }

  reset(): void {
    this.groups?.forEach((group) => group.reset());
  }

  async poll(signal: AbortSignal): Promise<PollResult> {
    try {
      const latest = await this.kind.fetch(this.parent.services, this.parent.scope, this.resourceId, signal);
      const changed = JSON.stringify(latest) !== JSON.stringify(this.item);
      this.item = latest;
      return changed ? 'changed' : 'unchanged';
    } catch (error) {
      if (asModelArtsError(error).isNotFound) {
        this.parent.removeChild(this);
        return 'gone';
      }
      throw error;
    }
  }
}
