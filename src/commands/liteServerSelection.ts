import * as vscode from 'vscode';
import type { DevServer, DevServerBatchAction } from '../services/devServers';
import { devServerKind } from '../views/kinds/liteServerKinds';
import { ResourceNode } from '../views/nodes/resourceNodes';
import { withCapability } from '../views/resourceKind';
import type { CommandContext } from './commandContext';
import { withProgress } from './progress';
import { requireServices } from './resourceTarget';
import { selectedOfKind } from './treeSelection';

/** The Lite Servers of the tree's multi-selection that can do what `capability` names (none when the command came from elsewhere). */
export function selectedServers(selected: unknown, capability: string): ResourceNode<DevServer>[] {
  return selectedOfKind(devServerKind, selected, withCapability(devServerKind, capability), vscode.l10n.t('Select Lite Servers of one region at a time.'));
}

/**
 * One `POST …/dev-servers/action` for several servers of a region, then every server's new state (the tree
 * follows the transitional ones). The service acts on all of them or, when one refuses, on none: the
 * error says which, and the servers are read again.
 */
export async function runServerBatch(context: CommandContext, servers: readonly ResourceNode<DevServer>[], action: DevServerBatchAction, title: string, extendParam?: object): Promise<void> {
  const services = requireServices(context);
  try {
    const updated = await withProgress(title, (signal) => services.devServers.batch(servers[0].region, action, servers.map((node) => node.resourceId), signal, extendParam));
    for (const node of servers) {
      const latest = updated.find((server) => server.id === node.resourceId);
      if (latest) {
        node.update(latest);
        context.explorer.rerender(node);
      }
    }
  } catch (error) {
    await Promise.all(servers.map((node) => context.explorer.refresh(node)));
    throw error;
  }
}
