import * as vscode from 'vscode';
import type { ModelArtsServices } from '../../services';
import { regionDisplayName } from '../../services/endpoints';
import { asModelArtsError, type ModelArtsError } from '../../services/errors';
import { workspaceStatusCategory } from '../../services/status';
import { DEFAULT_WORKSPACE_ID, type Workspace, type WorkspaceScope } from '../../services/workspaces';
import { notebookKind } from '../kinds/notebookKind';
import { modelKind } from '../kinds/modelKind';
import { poolKind } from '../kinds/poolKinds';
import { serviceV1Kind } from '../kinds/serviceV1Kind';
import { serviceV2Kind } from '../kinds/serviceV2Kind';
import { trainingJobKind } from '../kinds/trainingJobKind';
import { fieldTooltip, readableStatus } from '../format';
import type { ResourceKind } from '../resourceKind';
import type { StatusFilters } from '../statusFilter';
import { statusIcon } from '../statusIcons';
import { type CategoryGroupNode, regionCategoryGroups } from './categoryGroupNodes';
import type { ChildPollResult, ExplorerNode, PollableGroup, PollableNode, PollResult } from './explorerNode';
import type { LiteServerListMode } from '../liteServerListMode';
import { ErrorNode } from './messageNodes';
import { ResourceGroupNode } from './resourceNodes';

/** A region of the account; its children are the region's workspaces, then the groups of what belongs to no workspace. */
export class RegionNode implements PollableGroup {
  readonly parent = undefined;
  readonly role = 'region';
  private children: WorkspaceNode[] | undefined;
  /** Lite Server; Storage and Images; Network and Keys: the account's categories in this region. */
  private readonly groups: readonly CategoryGroupNode[];
  private failure: ModelArtsError | undefined;

  constructor(
    readonly region: string,
    private readonly services: ModelArtsServices,
    liteServerListMode: LiteServerListMode,
    private readonly statusFilters: StatusFilters,
  ) {
    this.groups = regionCategoryGroups(this, region, services, liteServerListMode, statusFilters);
  }

  /** The region's account-wide categories (Lite Servers, OBS Buckets…), whichever group shows them; nothing is loaded. */
  get categories(): readonly ExplorerNode[] {
    return this.groups.flatMap((group) => group.categories);
  }

  get id(): string {
    return `region/${this.region}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.region, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = regionDisplayName(this.region) !== this.region ? regionDisplayName(this.region) : undefined;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = 'region refreshable';
    return item;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    if (!this.children && !this.failure) {
      try {
        const workspaces = await this.services.workspaces.list(this.region);
        this.children = workspaces.map((workspace) => new WorkspaceNode(this, workspace, this.services, this.statusFilters));
      } catch (error) {
        this.failure = asModelArtsError(error);
      }
    }
    const workspaces = this.failure ? [new ErrorNode(this, this.failure, vscode.l10n.t('workspaces'))] : (this.children ?? []);
    return [...workspaces, ...this.groups];
  }

  loadedChildren(): readonly ExplorerNode[] {
    return [...(this.children ?? []), ...this.groups];
  }

  /** The workspaces being deleted, from one list of the region's workspaces (one page holds them all). */
  async pollChildren(children: readonly PollableNode[], signal: AbortSignal): Promise<ReadonlyMap<PollableNode, ChildPollResult>> {
    const latest = new Map((await this.services.workspaces.list(this.region, signal)).map((workspace) => [workspace.id, workspace]));
    const watched = new Set(children);
    const results = new Map<PollableNode, ChildPollResult>();
    for (const node of (this.children ?? []).filter((child) => watched.has(child))) {
      const workspace = latest.get(node.workspace.id);
      if (workspace) {
        results.set(node, node.update(workspace));
      } else {
        this.removeWorkspace(node);
        results.set(node, 'gone');
      }
    }
    return results;
  }

  /** A workspace whose deletion completed. */
  removeWorkspace(node: WorkspaceNode): void {
    this.children = this.children?.filter((child) => child !== node);
  }

  /** The workspaces are listed again when next shown; the region's account-wide categories stay as they are. */
  resetWorkspaces(): void {
    this.children = undefined;
    this.failure = undefined;
  }

  reset(): void {
    this.resetWorkspaces();
    this.groups.forEach((group) => group.reset());
  }
}

/** A workspace of a region; it scopes the categories under it. A deleting one is followed until it is gone. */
export class WorkspaceNode implements PollableNode {
  readonly role = 'workspace';
  readonly groups: readonly ExplorerNode[];
  readonly scope: WorkspaceScope;
  private current: Workspace;

  constructor(
    readonly parent: RegionNode,
    workspace: Workspace,
    private readonly services: ModelArtsServices,
    statusFilters: StatusFilters,
  ) {
    this.current = workspace;
    this.scope = { region: parent.region, workspaceId: workspace.id };
    const kinds = [notebookKind, trainingJobKind, poolKind, modelKind, serviceV1Kind, serviceV2Kind] as ResourceKind<unknown>[];
    this.groups = kinds.map((kind) => new ResourceGroupNode(this, kind, services, this.scope, statusFilters));
  }

  get id(): string {
    return `${this.parent.id}/workspace/${this.workspace.id}`;
  }

  get workspace(): Workspace {
    return this.current;
  }

  isTransitional(): boolean {
    return this.current.status !== undefined && workspaceStatusCategory(this.current.status) === 'transitional';
  }

  /** A usable workspace does not change by itself. */
  isRunning(): boolean {
    return false;
  }

  async poll(signal: AbortSignal): Promise<PollResult> {
    try {
      return this.update(await this.services.workspaces.get(this.scope.region, this.current.id, signal));
    } catch (error) {
      if (asModelArtsError(error).isNotFound) {
        this.parent.removeWorkspace(this);
        return 'gone';
      }
      throw error;
    }
  }

  /** Takes the workspace's latest state (from its read or the region's list), and says whether the tree shows a change. */
  update(latest: Workspace): PollResult {
    const changed = latest.status !== this.current.status || latest.name !== this.current.name || latest.description !== this.current.description;
    this.current = latest;
    return changed ? 'changed' : 'unchanged';
  }

  getTreeItem(): vscode.TreeItem {
    const isDefault = this.workspace.id === DEFAULT_WORKSPACE_ID;
    const item = new vscode.TreeItem(this.workspace.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    // NORMAL is every healthy workspace's status: only an unusual one is worth the space and an icon of its own.
    const unusualStatus = this.workspace.status && this.workspace.status !== 'NORMAL' ? this.workspace.status : undefined;
    item.description = isDefault ? vscode.l10n.t('default workspace') : unusualStatus && readableStatus(unusualStatus);
    // The list gives no grants (the SDK's WorkspaceResponse): who an Internal workspace is granted to is read on hover.
    item.tooltip = this.needsGrants() ? undefined : workspaceTooltip(this.workspace);
    item.iconPath = unusualStatus ? statusIcon(workspaceStatusCategory(unusualStatus)) : new vscode.ThemeIcon(isDefault ? 'home' : 'folder-library');
    item.contextValue = canChangeWorkspace(this.workspace) ? 'workspace canChange refreshable' : 'workspace refreshable';
    return item;
  }

  async resolveTreeItem(item: vscode.TreeItem, signal: AbortSignal): Promise<vscode.TreeItem> {
    if (item.tooltip === undefined) {
      try {
        this.current = await this.services.workspaces.get(this.scope.region, this.current.id, signal);
      } catch {
        // The tooltip then says who may use it without counting the users granted.
      }
      item.tooltip = workspaceTooltip(this.current);
    }
    return item;
  }

  private needsGrants(): boolean {
    return this.current.auth_type === 'INTERNAL' && this.current.grants === undefined;
  }

  getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([...this.groups]);
  }

  loadedChildren(): readonly ExplorerNode[] {
    return this.groups;
  }

  reset(): void {
    for (const group of this.groups) {
      group.reset?.();
    }
  }
}

/** Whether a workspace can be edited or deleted: not the default one, and not while it is being deleted. */
export function canChangeWorkspace(workspace: Workspace): boolean {
  return workspace.id !== DEFAULT_WORKSPACE_ID && !(workspace.status && workspaceStatusCategory(workspace.status) === 'transitional');
}

/** What a workspace is for, who may use it (§6.1 auth_type), whose it is and its status. */
function workspaceTooltip(workspace: Workspace): vscode.MarkdownString {
  return fieldTooltip(workspace.name, [
    [vscode.l10n.t('Description'), workspace.description],
    [vscode.l10n.t('Access'), accessText(workspace)],
    [vscode.l10n.t('Owner'), workspace.owner],
    [vscode.l10n.t('Status'), workspace.status && readableStatus(workspace.status)],
    [vscode.l10n.t('ID'), workspace.id],
  ]);
}

function accessText(workspace: Workspace): string | undefined {
  const granted = workspace.grants?.length;
  switch (workspace.auth_type) {
    case 'PUBLIC':
      return vscode.l10n.t('Public (everyone in the account)');
    case 'PRIVATE':
      return vscode.l10n.t('Private (its creator and the primary account)');
    case 'INTERNAL':
      if (granted === undefined) {
        return vscode.l10n.t('Internal (its creator, the primary account and the users granted)');
      }
      return granted === 1
        ? vscode.l10n.t('Internal (its creator, the primary account and 1 granted user)')
        : vscode.l10n.t('Internal (its creator, the primary account and {0} granted users)', granted);
    default:
      return workspace.auth_type;
  }
}
