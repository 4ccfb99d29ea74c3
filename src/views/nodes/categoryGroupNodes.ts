import * as vscode from 'vscode';
import type { ModelArtsServices } from '../../services';
import { DEFAULT_WORKSPACE_ID } from '../../services/workspaces';
import { hyperClusterKind } from '../kinds/hyperClusterKind';
import { keyPairKind } from '../kinds/keyPairKind';
import { hyperinstanceKind } from '../kinds/liteServerKinds';
import { devServerJobKind } from '../kinds/liteServerJobKind';
import { scheduledEventKind } from '../kinds/scheduledEventKind';
import { swrRepositoryKind } from '../kinds/swrKinds';
import { vpcKind } from '../kinds/vpcKinds';
import type { ResourceKind } from '../resourceKind';
import type { StatusFilters } from '../statusFilter';
import type { ExplorerNode } from './explorerNode';
import type { LiteServerListMode } from '../liteServerListMode';
import { LiteServerGroupNode } from './liteServerNodes';
import { ObsBucketGroupNode } from './obsNodes';
import { ResourceGroupNode } from './resourceNodes';

/** Which of a region's groups: part of its id and of its contextValue, so never translated. */
export type CategoryGroupKey = 'liteServer' | 'storage' | 'network';

/**
 * A group of a region's categories that belong to the account rather than to a workspace ("Lite Server",
 * "Storage and Images", "Network and Keys"), so that the region's workspaces stand out above them. Its
 * categories are built once with it: a refresh keeps their nodes (and so their filters and expansion).
 */
export class CategoryGroupNode implements ExplorerNode {
  readonly categories: readonly ExplorerNode[];

  constructor(
    readonly parent: ExplorerNode,
    readonly region: string,
    readonly key: CategoryGroupKey,
    private readonly label: string,
    private readonly icon: string,
    categories: (group: CategoryGroupNode) => readonly ExplorerNode[],
  ) {
    this.categories = categories(this);
  }

  get id(): string {
    return `${this.parent.id}/group/${this.key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.tooltip = vscode.l10n.t('The account\'s {0} in {1}, outside any workspace', this.categories.map(categoryLabel).join(', '), this.region);
    item.contextValue = `categoryGroup ${this.key}CategoryGroup refreshable`;
    return item;
  }

  getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([...this.categories]);
  }

  loadedChildren(): readonly ExplorerNode[] {
    return this.categories;
  }

  reset(): void {
    this.categories.forEach((category) => category.reset?.());
  }
}

/**
 * The groups of a region's account-wide categories. Lite Servers, maintenance events, SWR images, VPCs, key pairs
 * and OBS buckets belong to the account, not to a workspace; they are listed in the default one's scope.
 */
export function regionCategoryGroups(
  region: ExplorerNode,
  regionId: string,
  services: ModelArtsServices,
  liteServerListMode: LiteServerListMode,
  statusFilters: StatusFilters,
): CategoryGroupNode[] {
  const scope = { region: regionId, workspaceId: DEFAULT_WORKSPACE_ID };
  const categories = (group: CategoryGroupNode, kinds: readonly ResourceKind<unknown>[]) => kinds.map((kind) => new ResourceGroupNode(group, kind, services, scope));
  const liteServerKinds = [hyperinstanceKind, hyperClusterKind, devServerJobKind, scheduledEventKind] as ResourceKind<unknown>[];
  return [
    new CategoryGroupNode(region, regionId, 'liteServer', vscode.l10n.t('Lite Server'), 'vm', (group) => [
      new LiteServerGroupNode(group, services, regionId, liteServerListMode, statusFilters),
      ...categories(group, liteServerKinds),
    ]),
    new CategoryGroupNode(region, regionId, 'storage', vscode.l10n.t('Storage and Images'), 'archive', (group) => [
      new ObsBucketGroupNode(group, services, regionId),
      ...categories(group, [swrRepositoryKind] as ResourceKind<unknown>[]),
    ]),
    new CategoryGroupNode(region, regionId, 'network', vscode.l10n.t('Network and Keys'), 'plug', (group) => categories(group, [vpcKind, keyPairKind] as ResourceKind<unknown>[])),
  ];
}

function categoryLabel(category: ExplorerNode): string {
  const { label } = category.getTreeItem();
  return typeof label === 'string' ? label : (label?.label ?? '');
}
