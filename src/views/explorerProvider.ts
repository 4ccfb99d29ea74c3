import * as vscode from 'vscode';
import type { ExtensionLog } from '../logging';
import type { SessionManager } from '../session';
import { LiteServerListMode } from './liteServerListMode';
import { type ExplorerNode, isPollable, isRegionNode, isResourceGroupNode, isResourceNode, isWorkspaceNode, type PollableNode, type PollResult } from './nodes/explorerNode';
import type { RegionNode } from './nodes/regionNodes';
import type { ResourceNode } from './nodes/resourceNodes';
import { StatusFilters } from './statusFilter';
import type { ResourceState, ResourceStates } from './resourceStates';
import { TransitionPoller } from './transitionPoller';

/** The ModelArts explorer: regions → workspaces → categories → resources. */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly poller: TransitionPoller;
  readonly liteServerListMode: LiteServerListMode;
  /** Each category's status filter, for the session. */
  readonly statusFilters = new StatusFilters();
  private roots: RegionNode[] | undefined;
  /**
   * The ids of the nodes the user expanded, for the session. The workbench keeps a row's expansion across a refresh
   * only while a row of that id stays in the tree; a row that comes back (a profile switched back, the tree emptied
   * while services are rebuilt, a region added again) is new to it and opens as its TreeItem says.
   */
  private readonly expandedIds = new Set<string>();
  /** Words another part adds to a resource row's contextValue (a watched job's), so its menus can tell. */
  private rowMarks: (row: ResourceNode<unknown>) => readonly string[] = () => [];
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly session: SessionManager,
    log: ExtensionLog,
    viewState: vscode.Memento,
    private readonly states: ResourceStates,
  ) {
    this.liteServerListMode = new LiteServerListMode(viewState);
    this.poller = new TransitionPoller(
      () => ({ changingMs: session.settings.pollIntervalMs, runningMs: session.settings.runningPollIntervalMs }),
      (node, result) => this.onPolled(node, result),
      () => this.rerenderAges(),
      log,
    );
    this.subscriptions = [this.changed, session.onDidChange(() => this.reload()), states.onDidChange((state) => this.showReported(state))];
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const item = node.getTreeItem();
    if (item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed && this.expandedIds.has(node.id)) {
      item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    }
    const marks = isResourceNode(node) ? this.rowMarks(node) : [];
    if (marks.length > 0) {
      item.contextValue = [item.contextValue, ...marks].join(' ');
    }
    return item;
  }

  /** Follows what the user expands and collapses in `treeView`, so rows built again open as they were left. */
  rememberExpansion(treeView: vscode.TreeView<ExplorerNode>): vscode.Disposable {
    return vscode.Disposable.from(
      treeView.onDidExpandElement(({ element }) => this.expandedIds.add(element.id)),
      treeView.onDidCollapseElement(({ element }) => this.expandedIds.delete(element.id)),
    );
  }

  /** Forgets what was expanded: rows built from now on open collapsed, as in a new window. */
  forgetExpansion(): void {
    this.expandedIds.clear();
  }

  /** Sets the words added to resource rows' contextValue; rows take them when rendered (again: see rerenderRows). */
  markRows(marks: (row: ResourceNode<unknown>) => readonly string[]): void {
    this.rowMarks = marks;
  }

  /** Renders again the loaded rows `which` selects, e.g. those whose marks changed; nothing is loaded. */
  rerenderRows(which: (row: ResourceNode<unknown>) => boolean): void {
    this.loadedNodes()
      .filter((node): node is ResourceNode<unknown> => isResourceNode(node) && which(node))
      .forEach((node) => this.changed.fire(node));
  }

  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    if (!node.resolveTreeItem) {
      return item;
    }
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    return node.resolveTreeItem(item, controller.signal).finally(() => subscription.dispose());
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) {
      const children = node.getChildren ? await node.getChildren() : [];
      children.forEach((child) => this.watchIfChanging(child));
      return children;
    }
    // Until the profiles are read, no account is known though one may be: the roots wait rather than say signed out.
    await this.session.loaded;
    const services = this.session.services;
    if (!services) {
      return []; // signed out: the view shows its welcome content
    }
    // The tree's rows load their code with the first of them, not at activation. The import is a require run in a
    // microtask: no change of session can come between.
    const { RegionNode } = await import('./treeCode');
    this.roots ??= this.session.regions.map((region) => new RegionNode(region, services, this.liteServerListMode, this.statusFilters));
    return this.roots;
  }

  /**
   * The node of a resource that was just created: its category (in the workspace, or
   * the region's account-wide one for Lite Servers) is loaded again (the new resource is on its
   * first page, newest first) and the node returned for revealing. Undefined when
   * its region is not shown.
   */
  async findNewResource(region: string, workspaceId: string, kindContextValue: string, id: string): Promise<ExplorerNode | undefined> {
    const isGroup = (node: ExplorerNode): boolean => isResourceGroupNode(node) && node.kind.contextValue === kindContextValue;
    const regionNode = (await this.getChildren()).find((node): node is RegionNode => isRegionNode(node) && node.region === region);
    const regionChildren = regionNode ? await this.getChildren(regionNode) : [];
    const workspace = regionChildren.find((node) => isWorkspaceNode(node) && node.workspace.id === workspaceId);
    const group = regionNode?.categories.find(isGroup) ?? (workspace && (await this.getChildren(workspace)).find(isGroup));
    if (!group) {
      return undefined;
    }
    group.reset?.();
    this.changed.fire(group);
    return (await this.getChildren(group)).find((node) => isResourceNode(node) && node.resourceId === id);
  }

  /**
   * The node of a workspace that was just created or changed: the region's workspaces
   * are listed again (their categories too, when shown) and the node returned for
   * revealing. Undefined when its region is not shown.
   */
  async findWorkspace(region: string, workspaceId: string): Promise<ExplorerNode | undefined> {
    const regionNode = (await this.getChildren()).find((node): node is RegionNode => isRegionNode(node) && node.region === region);
    if (!regionNode) {
      return undefined;
    }
    regionNode.resetWorkspaces();
    // Loaded before the tree asks, so the tree shows the very nodes that are revealed.
    const children = await this.getChildren(regionNode);
    this.changed.fire(regionNode);
    return children.find((node) => isWorkspaceNode(node) && node.workspace.id === workspaceId);
  }

  /** The region nodes built so far, without building any. */
  loadedRoots(): readonly ExplorerNode[] {
    return this.roots ?? [];
  }

  /** Every node built so far, depth first; nothing is loaded. */
  private loadedNodes(): ExplorerNode[] {
    const below = (nodes: readonly ExplorerNode[]): ExplorerNode[] => nodes.flatMap((node) => [node, ...below(node.loadedChildren?.() ?? [])]);
    return below(this.loadedRoots());
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  /** Everything again from the top, e.g. after signing in or changing regions. */
  reload(): void {
    this.roots = undefined;
    this.poller.clear();
    this.changed.fire(undefined);
  }

  /** Load a node again: a resource fetches its latest state, and what it contains is loaded again when shown. */
  async refresh(node?: ExplorerNode): Promise<void> {
    if (!node) {
      this.reload();
      return;
    }
    if (isPollable(node)) {
      const result = await node.poll(new AbortController().signal);
      if (result === 'gone') {
        this.onPolled(node, 'gone');
        return;
      }
      this.tell(node);
    }
    node.reset?.();
    this.rerender(node);
  }

  /** Show a node's current data without loading anything; a resource that entered a transitional or running state is watched, one that settled no longer. */
  rerender(node: ExplorerNode): void {
    this.watchIfChanging(node);
    this.changed.fire(node);
  }

  dispose(): void {
    this.poller.dispose();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  private watchIfChanging(node: ExplorerNode): void {
    if (!isPollable(node)) {
      return;
    }
    if (node.isTransitional() || node.isRunning()) {
      this.poller.track(node);
    } else {
      this.poller.untrack(node);
    }
  }

  /**
   * A resource's newer state, read elsewhere (a details panel, log following, a chat tool, an action's answer):
   * every loaded row of it takes it, is rendered again when it reads differently, and is watched while it changes or runs.
   */
  private showReported(state: ResourceState): void {
    const rows = this.loadedNodes().filter(
      (node): node is ResourceNode<unknown> => isResourceNode(node) && node.kind.contextValue === state.kind && node.region === state.region && node.resourceId === state.id,
    );
    for (const row of rows) {
      if (row.update(state.item) === 'changed') {
        this.rerender(row);
      } else {
        this.watchIfChanging(row);
      }
    }
  }

  /** What the explorer read of a resource, told to the details panels and next steps that wait for it. */
  private tell(node: ExplorerNode): void {
    if (isResourceNode(node)) {
      this.states.report(node.kind, node.region, node.resource);
    }
  }

  /** Rows whose relative time ("5 min ago") now reads differently are rendered again; nothing is loaded. */
  private rerenderAges(): void {
    this.loadedNodes()
      .filter((node) => isResourceNode(node) && node.descriptionOutdated())
      .forEach((node) => this.changed.fire(node));
  }

  private onPolled(node: PollableNode, result: PollResult): void {
    if (result === 'gone') {
      this.changed.fire(node.parent);
    } else if (result === 'changed') {
      this.rerender(node);
      this.tell(node);
    }
  }
}
