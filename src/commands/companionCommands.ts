import * as vscode from 'vscode';
import { imagePath, type SwrRepository, type SwrTag } from '../services/swr';
import { DEFAULT_WORKSPACE_ID } from '../services/workspaces';
import { keyPairKind } from '../views/kinds/keyPairKind';
import { namespaceAccess, repositoryId, repositoryOf, swrRepositoryKind, swrTagKind } from '../views/kinds/swrKinds';
import { securityGroupKind, subnetKind, vpcKind } from '../views/kinds/vpcKinds';
import { RegionNode } from '../views/nodes/regionNodes';
import { ResourceGroupNode, ResourceNode } from '../views/nodes/resourceNodes';
import { type CommandContext, registerCommand } from './commandContext';
import { pickKeyPair, pickSecurityGroup, pickSubnet, pickSwrImage, pickSwrRepository, pickVpc } from './companionPickers';
import { registerCommonResourceCommands, registerViewDetailsCommand } from './resourceCommands';
import { pickRegion, requireServices } from './resourceTarget';
import { pick, vscodeUserInput } from './userInput';

/** SWR images, VPCs and key pairs are only read: copy what forms and jobs need, view as JSON, filter. */
export function registerCompanionCommands(context: CommandContext): vscode.Disposable[] {
  const askRegion = (): Promise<string> => pickRegion(context, vscode.l10n.t('Select a region'));
  const accountScope = (region: string, parentId?: string) => ({ region, workspaceId: DEFAULT_WORKSPACE_ID, parentId });
  return [
    ...registerCommonResourceCommands(context, vpcKind, 'modelarts.vpc', async () => {
      const region = await askRegion();
      return { scope: accountScope(region), item: await pickVpc(context, region) };
    }),
    ...registerCommonResourceCommands(context, subnetKind, 'modelarts.subnet', async () => {
      const region = await askRegion();
      const vpc = await pickVpc(context, region);
      return { scope: accountScope(region, vpc.id), item: await pickSubnet(context, region, vpc.id) };
    }),
    ...registerCommonResourceCommands(context, securityGroupKind, 'modelarts.securityGroup', async () => {
      const region = await askRegion();
      const vpc = await pickVpc(context, region);
      return { scope: accountScope(region, vpc.id), item: await pickSecurityGroup(context, region, vpc.id) };
    }),
    ...registerCommonResourceCommands(context, keyPairKind, 'modelarts.keyPair', async () => {
      const region = await askRegion();
      return { scope: accountScope(region), item: await pickKeyPair(context, region) };
    }),
    registerViewDetailsCommand(context, swrRepositoryKind, 'modelarts.swrRepository', async () => {
      const region = await askRegion();
      return { scope: accountScope(region), item: await pickSwrRepository(context, region) };
    }),
    registerViewDetailsCommand(context, swrTagKind, 'modelarts.swrTag', async () => {
      const region = await askRegion();
      const image = await pickSwrImage(context, region);
      return { scope: accountScope(region, repositoryId(image.repository)), item: image.tag };
    }),
    registerCommand(context, 'modelarts.swr.copyImagePath', async (node) => {
      const path = await imagePathOf(context, node);
      await vscode.env.clipboard.writeText(path);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', path), 3000);
    }),
    registerCommand(context, 'modelarts.swr.filterNamespace', (node) => filterByNamespace(context, node)),
  ];
}

/** A tag's image path as it is; for a repository, one of its tags is asked for; without either, both are. */
async function imagePathOf(context: CommandContext, node: unknown): Promise<string> {
  if (node instanceof ResourceNode && node.kind === swrTagKind) {
    const tag = node as ResourceNode<SwrTag>;
    return imagePath(tag.region, repositoryOf(tag.parent.scope), tag.resource);
  }
  if (node instanceof ResourceNode && node.kind === swrRepositoryKind) {
    const repository = node as ResourceNode<SwrRepository>;
    return (await pickSwrImage(context, repository.region, { repository: repository.resource })).path;
  }
  return (await pickSwrImage(context, await pickRegion(context, vscode.l10n.t('Select a region')))).path;
}

/** Narrows a region's SWR Images to one namespace, or shows all again. */
async function filterByNamespace(context: CommandContext, node: unknown): Promise<void> {
  const services = requireServices(context);
  const group = node instanceof ResourceGroupNode && node.kind === swrRepositoryKind ? node : await swrGroupOf(context, await pickRegion(context, vscode.l10n.t('Select a region')));
  const region = group.scope.region;
  const namespaces = await vscodeUserInput.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading SWR namespaces…') }, () =>
    services.swr.listNamespaces(region),
  );
  const all = { label: vscode.l10n.t('All namespaces'), description: group.filter === undefined ? vscode.l10n.t('shown now') : undefined, namespace: undefined };
  const picked = await pick(
    context.ui,
    [
      all,
      ...namespaces.map((namespace) => ({
        label: namespace.name,
        description: [namespaceAccess(namespace.auth), namespace.name === group.filter ? vscode.l10n.t('shown now') : undefined].filter(Boolean).join(' · '),
        namespace: namespace.name,
      })),
    ],
    { title: vscode.l10n.t('Show the SWR images of one namespace ({0})', region) },
  );
  group.setFilter(picked.namespace);
  context.explorer.rerender(group);
  await context.treeView.reveal(group, { expand: true, focus: false, select: false });
}

/** The region's SWR Images category; every region offered by `pickRegion` is in the explorer. */
async function swrGroupOf(context: CommandContext, region: string): Promise<ResourceGroupNode<unknown>> {
  const regionNode = (await context.explorer.getChildren()).find((node): node is RegionNode => node instanceof RegionNode && node.region === region);
  const group = regionNode?.categories.find((node): node is ResourceGroupNode<unknown> => node instanceof ResourceGroupNode && node.kind === swrRepositoryKind);
  if (!group) {
    throw new Error(`region ${region} is not in the explorer`);
  }
  return group;
}
