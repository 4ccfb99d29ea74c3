import * as vscode from 'vscode';
import type { DevServer, Hyperinstance } from '../services/devServers';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { liteNameProblem } from '../services/naming';
import type { CreateHyperClusterRequest } from '../services/hyperClusters';
import { DEFAULT_WORKSPACE_ID } from '../services/workspaces';
import { flavorPickItems } from '../views/flavorPrices';
import { devServerFlavorFacts } from '../views/flavorText';
import { hyperClusterKind } from '../views/kinds/hyperClusterKind';
import { hyperinstanceKind, hyperinstanceServerKind } from '../views/kinds/liteServerKinds';
import { ResourceGroupNode, ResourceNode } from '../views/nodes/resourceNodes';
import { withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { pickKeyPair, pickSubnet, pickVpc } from './companionPickers';
import { confirmAction, confirmByTypingName } from './confirm';
import { withProgress } from './progress';
import { changeResourceState, registerCommonResourceCommands, removeFromTree } from './resourceCommands';
import { requireServices, resolveRegion, resolveTarget, type ResourceTarget } from './resourceTarget';
import { ask, pick, pickMany } from './userInput';

export function registerHyperClusterCommands(context: CommandContext): vscode.Disposable[] {
  return [
    ...registerCommonResourceCommands(context, hyperClusterKind, 'modelarts.hyperCluster'),
    ...registerCommonResourceCommands(context, hyperinstanceServerKind, 'modelarts.hyperinstanceServer'),
    registerCommand(context, 'modelarts.hyperCluster.create', (node) => createHyperCluster(context, node)),
    registerCommand(context, 'modelarts.hyperCluster.delete', async (node) => {
      const target = await resolveTarget(context, hyperClusterKind, node, withCapability(hyperClusterKind, 'canDelete'));
      const { name } = target.item;
      if (!(await confirmByTypingName(context.ui, vscode.l10n.t('Delete hyper cluster "{0}"?', name), name))) {
        return;
      }
      const services = requireServices(context);
      await withProgress(vscode.l10n.t('Deleting hyper cluster "{0}"…', name), (signal) => services.hyperClusters.delete(target.scope.region, target.item, signal));
      // A cluster has no deleting state: it is gone once the request answers.
      removeFromTree(context, target);
    }),
    registerCommand(context, 'modelarts.hyperinstance.scaleUp', async (node) => scaleUp(context, await resolveTarget(context, hyperinstanceKind, node, withCapability(hyperinstanceKind, 'canScale')))),
    registerCommand(context, 'modelarts.hyperinstance.scaleDown', (clicked, selected) => scaleDown(context, clicked, selected)),
    registerCommand(context, 'modelarts.hyperinstanceServer.remove', (clicked, selected) => scaleDown(context, clicked, selected)),
  ];
}

/** A few questions in a row, rather than a panel: a name, a type, and the subnet (of a VPC) of the cluster's network. */
async function createHyperCluster(context: CommandContext, node: unknown): Promise<void> {
  const region = await resolveRegion(context, node, vscode.l10n.t('Create a hyper cluster in which region?'));
  const services = requireServices(context);
  const step = (index: number): string => vscode.l10n.t('Create Hyper Cluster ({0}/4)', index);
  const name = await ask(context.ui, { title: step(1), prompt: vscode.l10n.t('Name of the hyper cluster'), ignoreFocusOut: true, validateInput: liteNameProblem });
  const { type } = await pick(
    context.ui,
    [
      { label: 'HPS', description: vscode.l10n.t('for hyperinstances (super nodes)'), type: 'HPS' as const },
      { label: 'ECS', description: vscode.l10n.t('for elastic cloud servers'), type: 'ECS' as const },
    ],
    { title: step(2), placeHolder: vscode.l10n.t('Type of the hyper cluster'), ignoreFocusOut: true },
  );
  const vpc = await pickVpc(context, region, step(3));
  const subnet = await pickSubnet(context, region, vpc.id, step(4));
  const request: CreateHyperClusterRequest = { name, hyper_cluster_subnet_id: subnet.id, type };
  const created = await withProgress(vscode.l10n.t('Creating hyper cluster "{0}"…', name), (signal) => services.hyperClusters.create(region, request, signal));
  const createdNode = await context.explorer.findNewResource(region, DEFAULT_WORKSPACE_ID, hyperClusterKind.contextValue, created.id);
  if (createdNode) {
    await context.treeView.reveal(createdNode, { select: true, focus: false });
  }
  void context.ui.showInformationMessage(vscode.l10n.t('Created hyper cluster "{0}".', name));
}

/** One more server of an HPS flavor, with an image for it and the key pair to log in with. */
async function scaleUp(context: CommandContext, target: ResourceTarget<Hyperinstance>): Promise<void> {
  const services = requireServices(context);
  const { region } = target.scope;
  const { name } = target.item;
  const title = vscode.l10n.t('Add a server to hyperinstance "{0}"', name);
  const current = target.item.servers?.[0];
  // Sold-out flavors cannot be chosen: they are left out, and the placeholder says so.
  const forSale = await withProgress(vscode.l10n.t('Loading HPS flavors…'), async (signal) => {
    const flavors = await services.devServers.listFlavors(region, { serverType: 'HPS' }, signal);
    const open = flavors.filter((flavor) => flavor.server_type === 'HPS' && !flavor.is_sold_out);
    return flavorPickItems(services, region, open, devServerFlavorFacts, signal);
  });
  if (forSale.length === 0) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('No HPS flavor is for sale in {0} now.', region), 'config');
  }
  const { id: flavor } = await pick(
    context.ui,
    forSale.map((item) => (item.id === current?.flavor ? { ...item, description: vscode.l10n.t('{0} · the flavor of its servers', item.id) } : item)),
    { title, placeHolder: vscode.l10n.t('Flavor of the new server (sold-out flavors are not listed)'), ignoreFocusOut: true, matchOnDescription: true },
  );
  const images = await withProgress(vscode.l10n.t('Loading the images for {0}…', flavor), (signal) => services.devServers.listImages(region, { serverType: 'HPS', flavorName: flavor }, signal));
  const usable = images.filter((candidate) => candidate.status === undefined || candidate.status === 'ACTIVE');
  if (usable.length === 0) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('No image can be used with {0}.', flavor), 'config');
  }
  const image = await pick(
    context.ui,
    usable.map((candidate) => ({ label: candidate.name, description: candidate.image_id, id: candidate.image_id })),
    { title, placeHolder: vscode.l10n.t('Image of the new server'), ignoreFocusOut: true },
  );
  // HPS servers log in with a key pair only; the one its servers use is offered first.
  const keyPair = await pickKeyPair(context, region, { title: vscode.l10n.t('Key pair of the new server of "{0}"', name), forLogin: true, current: current?.key_pair_name });
  await changeResourceState(context, target, vscode.l10n.t('Adding a server to hyperinstance "{0}"…', name), (_services, signal) =>
    services.hyperClusters.scaleUp(region, target.item.id, { flavor, image_id: image.id, key_pair_name: keyPair.name }, signal),
  );
  await refreshServersOf(context, target.node);
}

/**
 * Removes servers from a hyperinstance: the ones selected under it in the tree, or
 * picked from its servers. Asks first, naming them: they are deleted.
 */
async function scaleDown(context: CommandContext, clicked: unknown, selected: unknown): Promise<void> {
  const chosenNodes = (Array.isArray(selected) && selected.length > 0 ? selected : [clicked]).filter(
    (node): node is ResourceNode<DevServer> => node instanceof ResourceNode && node.kind === hyperinstanceServerKind,
  );
  const hyperinstanceNode = chosenNodes[0]?.parent.parent;
  const target = await resolveTarget(context, hyperinstanceKind, hyperinstanceNode ?? clicked, withCapability(hyperinstanceKind, 'canScale'));
  const { name } = target.item;
  const inTarget = chosenNodes.filter((node) => node.parent.parent === hyperinstanceNode && withCapability(hyperinstanceServerKind, 'canRemove')(node.resource));
  const servers: readonly DevServer[] =
    inTarget.length > 0
      ? inTarget.map((node) => node.resource)
      : (await pickServers(context, target)).map((item) => item.server);
  const names = servers.map((server) => server.name);
  const question = vscode.l10n.t('Remove {0} server(s) from hyperinstance "{1}"?', servers.length, name);
  const detail = vscode.l10n.t('These servers and their disks are deleted: {0}. This cannot be undone.', names.join(', '));
  if (!(await confirmAction(context.ui, question, detail, vscode.l10n.t('Remove')))) {
    return;
  }
  await changeResourceState(context, target, vscode.l10n.t('Removing {0} from hyperinstance "{1}"…', names.join(', '), name), (services, signal) =>
    services.hyperClusters.scaleDown(target.scope.region, target.item.id, servers.map((server) => server.id), signal),
  );
  await refreshServersOf(context, target.node);
}

async function pickServers(context: CommandContext, target: ResourceTarget<Hyperinstance>): Promise<readonly { server: DevServer }[]> {
  const services = requireServices(context);
  const latest = await withProgress(vscode.l10n.t('Loading the servers of "{0}"…', target.item.name), (signal) =>
    services.devServers.getHyperinstance(target.scope.region, target.item.id, signal),
  );
  const removable = (latest.servers ?? []).filter(withCapability(hyperinstanceServerKind, 'canRemove'));
  if (removable.length === 0) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('No server of hyperinstance "{0}" can be removed now.', target.item.name), 'config');
  }
  return pickMany(
    context.ui,
    removable.map((server) => ({ label: server.name, description: hyperinstanceServerKind.description(server), detail: server.id, server })),
    { title: vscode.l10n.t('Select the servers to remove from hyperinstance "{0}"', target.item.name), ignoreFocusOut: true },
  );
}

/** The hyperinstance's Servers category, loaded again if it was open: new servers show and are followed while they change. */
async function refreshServersOf(context: CommandContext, node: ResourceNode<Hyperinstance> | undefined): Promise<void> {
  const servers = node?.loadedChildren().find((child) => child instanceof ResourceGroupNode && child.kind === hyperinstanceServerKind);
  if (servers) {
    await context.explorer.refresh(servers);
  }
}
