import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import type { ServerOperation } from '../services/devServerOperations';
import type { DevServer } from '../services/devServers';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { readableStatus } from '../views/format';
import { devServerPublicIpKind, type DevServerVolume, devServerVolumeKind, isSystemDisk } from '../views/kinds/liteServerAttachmentKinds';
import { devServerKind } from '../views/kinds/liteServerKinds';
import type { ExplorerNode } from '../views/nodes/explorerNode';
import { ResourceGroupNode, ResourceNode } from '../views/nodes/resourceNodes';
import { type ResourceKind, withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction } from './confirm';
import { withProgress } from './progress';
import { requireServices, resolveTarget, type ResourceTarget } from './resourceTarget';
import { ask, pick } from './userInput';

/** EVS disk and EIP ids: the API's ids are UUIDs; anything URL-safe up to 64 characters is let through. */
const CLOUD_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Data disks and elastic IPs of a Lite Server (§7.1). */
export function registerLiteServerAttachmentCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.devServer.attachVolume', async (node) => {
      const server = await resolveServerAtRest(context, node);
      const volumeId = await ask(context.ui, {
        title: vscode.l10n.t('Attach a volume to "{0}"', server.item.name),
        prompt: vscode.l10n.t('ID of an EVS disk in the same availability zone, not attached elsewhere'),
        validateInput: (value) => (CLOUD_ID.test(value.trim()) ? undefined : vscode.l10n.t('An EVS disk ID is a UUID such as 2f8c…-….')),
      });
      await changeDisks(context, server, vscode.l10n.t('Attaching volume {0} to "{1}"…', volumeId.trim(), server.item.name), (services, signal) =>
        services.devServerOperations.attachVolume(server.scope.region, server.item.id, volumeId.trim(), signal),
      );
    }),
    registerCommand(context, 'modelarts.devServer.detachVolume', async (node) => {
      const { server, volume } = await resolveDataDisk(context, node);
      const confirmed = await confirmAction(
        context.ui,
        vscode.l10n.t('Detach volume {0} from Lite Server "{1}"?', volume.evs_id ?? '', server.item.name),
        vscode.l10n.t('Programs on the server lose the volume at once; the volume and its data are kept in EVS.'),
        vscode.l10n.t('Detach'),
      );
      if (!confirmed) {
        return;
      }
      await changeDisks(context, server, vscode.l10n.t('Detaching volume {0} from "{1}"…', volume.evs_id ?? '', server.item.name), (services, signal) =>
        services.devServerOperations.detachVolume(server.scope.region, server.item.id, volume.evs_id ?? '', signal),
      );
    }),
    registerCommand(context, 'modelarts.devServer.bindPublicIp', async (node) => {
      const server = await resolveServerAtRest(context, node);
      const eipId = (
        await ask(context.ui, {
          title: vscode.l10n.t('Bind an elastic IP to "{0}"', server.item.name),
          prompt: vscode.l10n.t('ID of an unbound EIP of this region'),
          validateInput: (value) => (CLOUD_ID.test(value.trim()) ? undefined : vscode.l10n.t('An EIP ID is a UUID such as 2f8c…-….')),
        })
      ).trim();
      const services = requireServices(context);
      try {
        const bound = await withProgress(vscode.l10n.t('Binding EIP {0} to "{1}"…', eipId, server.item.name), (signal) =>
          services.devServerOperations.bindPublicIp(server.scope.region, server.item.id, eipId, signal),
        );
        const address = bound.find((eip) => eip.id === eipId)?.address;
        vscode.window.setStatusBarMessage(vscode.l10n.t('"{0}" is reachable at {1}', server.item.name, address ?? eipId), 5000);
      } finally {
        refreshChildGroup(context, server.node, devServerPublicIpKind);
      }
    }),
    registerCommand(context, 'modelarts.devServer.copyPublicIp', async (node) => {
      const address = node instanceof ResourceNode && node.kind === devServerPublicIpKind ? node.name : await pickPublicIp(context, node);
      await vscode.env.clipboard.writeText(address);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', address), 3000);
    }),
  ];
}

/** The server above a clicked node (itself, its Volumes or Public IPs category, or a disk or EIP in them). */
function serverNodeOf(node: unknown): ResourceNode<DevServer> | undefined {
  let current = node instanceof ResourceNode || node instanceof ResourceGroupNode ? (node as ExplorerNode) : undefined;
  while (current) {
    if (current instanceof ResourceNode && current.kind === devServerKind) {
      return current as ResourceNode<DevServer>;
    }
    current = current.parent;
  }
  return undefined;
}

/** Disks and EIPs change only on a running or stopped server; the categories' buttons show whatever the server's state. */
async function resolveServerAtRest(context: CommandContext, node: unknown): Promise<ResourceTarget<DevServer>> {
  const server = await resolveTarget(context, devServerKind, serverNodeOf(node), withCapability(devServerKind, 'canAttach'));
  if (!withCapability(devServerKind, 'canAttach')(server.item)) {
    throw new ModelArtsError(
      LocalErrorCode.invalidInput,
      vscode.l10n.t('Lite Server "{0}" is {1}: its volumes and EIPs change only while it is running or stopped.', server.item.name, readableStatus(server.item.status)),
      'config',
    );
  }
  return server;
}

/** The clicked data disk, or one picked among the data disks of the clicked or picked server. */
async function resolveDataDisk(context: CommandContext, node: unknown): Promise<{ server: ResourceTarget<DevServer>; volume: DevServerVolume }> {
  const server = await resolveServerAtRest(context, node);
  if (node instanceof ResourceNode && node.kind === devServerVolumeKind) {
    return { server, volume: node.resource as DevServerVolume };
  }
  const services = requireServices(context);
  const latest = await withProgress(vscode.l10n.t('Loading the volumes of "{0}"…', server.item.name), (signal) => services.devServers.get(server.scope.region, server.item.id, signal));
  const dataDisks = (latest.volumes ?? []).filter((volume) => !isSystemDisk(volume) && volume.evs_id);
  if (dataDisks.length === 0) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Lite Server "{0}" has no data volume to detach.', server.item.name), 'config');
  }
  const picked = await pick(
    context.ui,
    dataDisks.map((volume) => ({ label: volume.evs_id ?? '', description: devServerVolumeKind.description(volume), volume })),
    { title: vscode.l10n.t('Detach which volume from "{0}"?', server.item.name) },
  );
  return { server, volume: picked.volume };
}

/** Starts an attach or detach and waits for its operation under the same progress; the server and its Volumes are shown again either way. */
async function changeDisks(
  context: CommandContext,
  server: ResourceTarget<DevServer>,
  title: string,
  start: (services: ModelArtsServices, signal: AbortSignal) => Promise<ServerOperation>,
): Promise<void> {
  const services = requireServices(context);
  try {
    await withProgress(title, async (signal) => {
      const operation = await start(services, signal);
      return services.devServerOperations.waitForOperation(server.scope.region, server.item.id, operation, context.session.settings.pollIntervalMs, signal);
    });
  } finally {
    refreshChildGroup(context, server.node, devServerVolumeKind);
    if (server.node) {
      void context.explorer.refresh(server.node);
    }
  }
}

/** Loads a server's Volumes or Public IPs again, if the tree shows them. */
function refreshChildGroup(context: CommandContext, server: ResourceNode<DevServer> | undefined, kind: ResourceKind<unknown>): void {
  const group = server?.loadedChildren().find((child) => child instanceof ResourceGroupNode && child.kind === kind);
  if (group) {
    void context.explorer.refresh(group);
  }
}

async function pickPublicIp(context: CommandContext, node: unknown): Promise<string> {
  const server = await resolveTarget(context, devServerKind, serverNodeOf(node));
  const services = requireServices(context);
  const eips = await withProgress(vscode.l10n.t('Loading the public IPs of "{0}"…', server.item.name), (signal) =>
    services.devServerOperations.listPublicIps(server.scope.region, server.item.id, signal),
  );
  const addresses = eips.map((eip) => eip.address).filter((address): address is string => Boolean(address));
  if (addresses.length === 0) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Lite Server "{0}" has no public IP. Bind an elastic IP first.', server.item.name), 'config');
  }
  return addresses.length === 1 ? addresses[0] : (await pick(context.ui, addresses.map((label) => ({ label })), { title: vscode.l10n.t('Copy which address?') })).label;
}
