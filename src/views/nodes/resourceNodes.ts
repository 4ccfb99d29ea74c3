import * as vscode from 'vscode';
import type { ModelArtsServices } from '../../services';
import type { Page } from '../../services/paging';
import { asModelArtsError } from '../../services/errors';
import type { StatusCategory } from '../../services/status';
import { failureReasonOf } from '../failureReason';
import { listedFlavorOf } from '../flavorCatalog';
import { appendHourlyPrice } from '../flavorPrices';
import { flavorWithId } from '../flavorText';
import type { ListScope, ResourceKind } from '../resourceKind';
import { type StatusFilters, statusesIn, statusFilterDescription } from '../statusFilter';
import { statusIcon } from '../statusIcons';
import type { ChildPollResult, ExplorerNode, PollableGroup, PollableNode, PollResult } from './explorerNode';
import { PagedListNode } from './pagedChildren';

/** What a click (or Enter) on a resource row runs: its details in the preview panel (see previewCommands). */
export const OPEN_RESOURCE_COMMAND = 'modelarts.resource.open';

/** A category of one workspace ("Notebooks", "Training Jobs"), loaded a page at a time. */
export class ResourceGroupNode<T> extends PagedListNode<T, ResourceNode<T>> implements PollableGroup {
  readonly role = 'resourceGroup';

  constructor(
    readonly parent: ExplorerNode,
    readonly kind: ResourceKind<T>,
    readonly services: ModelArtsServices,
    readonly scope: ListScope,
    /** Where the category's status filter is kept; absent, it offers none. */
    private readonly statusFilters?: StatusFilters,
  ) {
    super();
  }

  get id(): string {
    return `${this.parent.id}/${this.kind.contextValue}`;
  }

  /** The status categories the category is narrowed to; undefined lists every status. */
  get statusFilter(): readonly StatusCategory[] | undefined {
    return this.kind.statusFilter && this.statusFilters?.get(this.id);
  }

  /** Narrows the category to these status categories (none: every status) and lists it again. */
  setStatusFilter(categories: readonly StatusCategory[]): void {
    this.statusFilters?.set(this.id, categories);
    this.reset();
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.kind.groupLabel, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.kind.groupIcon);
    item.tooltip = this.kind.groupTooltip;
    const statusFilter = this.statusFilter;
    const filterable = this.kind.statusFilter && this.statusFilters ? ` statusFilterable${statusFilter ? ' statusFiltered' : ''}` : '';
    item.contextValue = `group ${this.kind.contextValue}Group refreshable${filterable}`;
    item.description = this.filter !== undefined ? vscode.l10n.t('only {0}', this.filter) : statusFilter && statusFilterDescription(statusFilter);
    // No count here: showing one after loading would mean refreshing this row, and a refresh briefly
    // detaches its children, so a context-menu command on a child in that moment would lose its target.
    return item;
  }

  getChildren(): Promise<ExplorerNode[]> {
    return this.listing.nodes(this.kind.groupLabel.toLocaleLowerCase(), this.kind.emptyLabel);
  }

  async fetchPage(pageToken: string | undefined, signal?: AbortSignal): Promise<Page<T>> {
    const scope = this.filter === undefined ? this.scope : { ...this.scope, filter: this.filter };
    const spec = this.kind.statusFilter;
    const categories = this.statusFilter;
    if (!spec || !categories) {
      return this.kind.listPage(this.services, scope, pageToken, signal);
    }
    if (spec.onServer) {
      return this.kind.listPage(this.services, { ...scope, statuses: statusesIn(spec, categories) }, pageToken, signal);
    }
    // Filtered here, a page at a time: a page may keep few items, or none, before its Load more.
    const page = await this.kind.listPage(this.services, scope, pageToken, signal);
    return { items: page.items.filter((item) => categories.includes(this.kind.category(item))), nextPageToken: page.nextPageToken };
  }

  async pollChildren(children: readonly PollableNode[], signal: AbortSignal): Promise<ReadonlyMap<PollableNode, ChildPollResult>> {
    const page = await this.fetchPage(undefined, signal);
    const latest = new Map(page.items.map((item) => [this.idOf(item), item]));
    const watched = new Set(children);
    const results = new Map<PollableNode, ChildPollResult>();
    for (const node of this.listing.loadedNodes.filter((child) => watched.has(child))) {
      const item = latest.get(node.resourceId);
      if (item !== undefined) {
        results.set(node, node.update(item));
      } else if (page.nextPageToken === undefined) {
        this.removeChild(node);
        results.set(node, 'gone');
      } else {
        results.set(node, 'unlisted');
      }
    }
    return results;
  }

  idOf(item: T): string {
    return this.kind.id(item);
  }

  nodeFor(item: T): ResourceNode<T> {
    return new ResourceNode(this, item);
  }

  removeChild(child: ResourceNode<T>): void {
    this.listing.remove(child);
  }
}

/** One notebook, training job, pool…: its latest known state, what can be done with it, and its sub-resources. */
export class ResourceNode<T> implements PollableNode {
  readonly role = 'resource';
  private groups: ResourceGroupNode<unknown>[] | undefined;
  /** The description last rendered: a relative time in it ("5 min ago") ages while the data stays the same. */
  private shownDescription: string | undefined;

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

  /**
   * Takes the resource's latest state, and says whether its row reads differently. Fields only its tooltip shows
   * (a running job's duration) are kept without a new render: running rows would otherwise be rendered anew at
   * every poll.
   */
  update(latest: T): PollResult {
    const changed = this.row(latest) !== this.row(this.item);
    this.item = latest;
    return changed ? 'changed' : 'unchanged';
  }

  private row(item: T): string {
    const { kind } = this;
    return JSON.stringify([kind.name(item), kind.description(item), kind.category(item), kind.capabilities(item)]);
  }

  isTransitional(): boolean {
    return this.kind.category(this.item) === 'transitional';
  }

  isRunning(): boolean {
    return this.kind.refreshedWhileRunning === true && this.kind.category(this.item) === 'running';
  }

  getTreeItem(): vscode.TreeItem {
    const expandable = this.kind.childKinds !== undefined;
    const item = new vscode.TreeItem(this.name, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.shownDescription = this.kind.description(this.item);
    // No tooltip: resolveTreeItem builds it on hover, so thousands of listed rows do not each hold one.
    const category = this.kind.category(this.item);
    item.iconPath = this.kind.itemIcon && category === 'running' ? new vscode.ThemeIcon(this.kind.itemIcon) : statusIcon(category);
    item.contextValue = [this.kind.contextValue, ...this.kind.capabilities(this.item), 'refreshable'].join(' ');
    // A row with children then expands on its twistie only, as in VS Code's other trees whose rows open something.
    item.command = { command: OPEN_RESOURCE_COMMAND, title: vscode.l10n.t('Show Details'), arguments: [this] };
    return item;
  }

  /** Whether the row, rendered again now, would read differently (its relative time moved on). */
  descriptionOutdated(): boolean {
    return this.shownDescription !== undefined && this.shownDescription !== this.kind.description(this.item);
  }

  /** The tooltip, built when VS Code is about to show it; some parts need a request (a pool's tags, a failed job's reason, a flavor's figures). */
  async resolveTreeItem(item: vscode.TreeItem, signal: AbortSignal): Promise<vscode.TreeItem> {
    const { services, scope } = this.parent;
    const { kind } = this;
    const shown = kind.hoverReadsItem ? await kind.fetch(services, scope, this.resourceId, signal) : this.item;
    const flavor = await listedFlavorOf(kind, services, scope.region, shown);
    const tooltip = kind.resolveTooltip
      ? await kind.resolveTooltip(services, scope, shown, signal)
      : kind.tooltip(shown, await failureReasonOf(kind, services, scope, shown, signal), flavor && flavorWithId(flavor));
    const billed = kind.category(shown) === 'running' ? kind.billedFlavor?.(shown) : undefined;
    if (billed) {
      // A listed flavor's own billing code; a kind without a listing (training jobs) is priced by its flavor id.
      await appendHourlyPrice(tooltip, vscode.l10n.t('Flavor price'), services, scope.region, kind.flavorListing ? flavor : { id: billed, billingCode: billed }, signal);
    }
    item.tooltip = tooltip;
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
      return this.update(await this.kind.fetch(this.parent.services, this.parent.scope, this.resourceId, signal));
    } catch (error) {
      if (asModelArtsError(error).isNotFound) {
        this.parent.removeChild(this);
        return 'gone';
      }
      throw error;
    }
  }
}
