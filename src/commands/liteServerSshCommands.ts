import * as vscode from 'vscode';
import { DEV_SERVER_HOME, devServerSshEndpoint } from '../services/devServerSsh';
import type { DevServer } from '../services/devServers';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { readableStatus } from '../views/format';
import { devServerKind } from '../views/kinds/liteServerKinds';
import { type ListScope, withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { liteServerAction } from './liteServerCommands';
import { withProgress } from './progress';
import { requireServices, resolveTarget } from './resourceTarget';
import { connectViaSsh } from './sshConnect';
import { startAndConnect } from './startAndConnect';

/** Connect via SSH to a running Lite Server, and Start and Connect for a stopped one, as for notebooks. */
export function registerLiteServerSshCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.devServer.connectSsh', async (node) => {
      const target = await resolveTarget(context, devServerKind, node, withCapability(devServerKind, 'canSsh'));
      await connectServer(context, target.scope, target.item);
    }),
    registerCommand(context, 'modelarts.devServer.startAndConnect', async (node) => {
      const target = await resolveTarget(context, devServerKind, node, withCapability(devServerKind, 'canStartAndSsh'));
      await startAndConnect(context, target, liteServerAction('START'), (running) => connectServer(context, target.scope, running));
    }),
  ];
}

async function connectServer(context: CommandContext, scope: ListScope, server: DevServer): Promise<void> {
  if (server.status !== 'RUNNING') {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Lite Server "{0}" is {1}: start it to connect.', server.name, readableStatus(server.status)), 'config');
  }
  const services = requireServices(context);
  // The public address, when an EIP is bound, is what a connection from outside the VPC needs.
  const eips = await withProgress(
    vscode.l10n.t('Checking the addresses of Lite Server "{0}"…', server.name),
    (signal) => services.devServerOperations.listPublicIps(scope.region, server.id, signal),
    context.ui,
  );
  const endpoint = devServerSshEndpoint(
    server,
    eips.flatMap((eip) => (eip.address ? [eip.address] : [])),
  );
  if (!endpoint) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Lite Server "{0}" has no address to connect to: bind an EIP to it.', server.name), 'config');
  }
  await connectViaSsh(context, { kindLabel: vscode.l10n.t('Lite Server'), configLabel: 'Lite Server', id: server.id, name: server.name, endpoint, folder: DEV_SERVER_HOME });
}
