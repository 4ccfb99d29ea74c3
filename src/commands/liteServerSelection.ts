import * as vscode from 'vscode';
import type { DevServer, DevServerBatchAction } from '../services/devServers';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { devServerKind } from '../views/kinds/liteServerKinds';
import { ResourceNode } from '../views/nodes/resourceNodes';
import { withCapability } from '../views/resourceKind';
import type { CommandContext } from './commandContext';
import { withProgress } from './progress';
import { requireServices } from './resourceTarget';

/** The Lite Servers of the tree's multi-selection that can do what `capability` names (none when the command came from elsewhere). */
export function selectedServers(selected: unknown, capability: string): ResourceNode<DevServer>[] {
  const servers = Array.isArray(selected)
    ? selected.filter((node): node is ResourceNode<DevServer> => node instanceof ResourceNode && node.kind === devServerKind && withCapability(devServerKind, capability)(node.resource))
    : [];
  if (new Set(servers.map((node) => node.region)).size > 1) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Select Lite Servers of one region at a time.'), 'config');
  }
  return servers;
}

/** Quoted names for confirmations and titles: "a", "b". */
export function quotedNames(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
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
