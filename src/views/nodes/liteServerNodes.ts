import * as vscode from 'vscode';
import type { ModelArtsServices } from '../../services';
import type { DevServer } from '../../services/devServers';
import { DEFAULT_WORKSPACE_ID } from '../../services/workspaces';
import { joinParts } from '../format';
import { devServerKind, type LiteServerListScope } from '../kinds/liteServerKinds';
import type { LiteServerListMode } from '../liteServerListMode';
import type { StatusFilters } from '../statusFilter';
import type { ExplorerNode } from './explorerNode';
import { ResourceGroupNode } from './resourceNodes';

/** The Lite Servers category of a region; says whose servers it lists, which its menu switches. */
export class LiteServerGroupNode extends ResourceGroupNode<DevServer> {
  constructor(
    parent: ExplorerNode,
    services: ModelArtsServices,
    region: string,
    private readonly mode: LiteServerListMode,
    statusFilters: StatusFilters,
  ) {
    // Read at every load, so switching takes effect at the next one.
    const scope: LiteServerListScope = {
      region,
      workspaceId: DEFAULT_WORKSPACE_ID,
      get allUsers() {
        return mode.listsAllUsers(region);
      },
    };
    super(parent, devServerKind, services, scope, statusFilters);
  }

  get listsAllUsers(): boolean {
    return this.mode.listsAllUsers(this.scope.region);
  }

  override getTreeItem(): vscode.TreeItem {
    const item = super.getTreeItem();
    item.description = joinParts(this.listsAllUsers ? vscode.l10n.t('all users') : undefined, typeof item.description === 'string' ? item.description : undefined) || undefined;
    item.contextValue = `${item.contextValue ?? ''} ${this.listsAllUsers ? 'listsAllUsers' : 'listsOwn'}`;
    return item;
  }
}
