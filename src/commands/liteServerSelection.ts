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
 * One `POST …/dev-servers/action` for several servers of a region; names the servers the service
 * refused, then shows every server's new state (the tree follows the transitional ones).
 */
export async function runServerBatch(context: CommandContext, servers: readonly ResourceNode<DevServer>[], action: DevServerBatchAction, title: string, extendParam?: object): Promise<void> {
  const services = requireServices(context);
  const entries = await withProgress(title, (signal) => services.devServers.batch(servers[0].region, action, servers.map((node) => node.resourceId), signal, extendParam));
  const refused = entries.filter((entry) => entry.error_code);
  if (refused.length > 0) {
    const nameOf = new Map(servers.map((node) => [node.resourceId, node.name]));
    const reasons = refused.map((entry) => `${nameOf.get(entry.id) ?? entry.id} (${entry.error_code}: ${entry.error_msg ?? ''})`);
    void context.ui.showErrorMessage(vscode.l10n.t('Not done for {0} Lite Server(s): {1}', refused.length, reasons.join(', ')));
  }
  await Promise.all(servers.map((node) => context.explorer.refresh(node)));
}
