import * as vscode from 'vscode';
import { isUsableKeyPair, type KeyPair } from '../services/keyPairs';
import { imagePath, type SwrImage, type SwrRepository } from '../services/swr';
import type { SecurityGroup, Subnet, Vpc } from '../services/vpc';
import { keyPairKind } from '../views/kinds/keyPairKind';
import { repositoryId, swrRepositoryKind, swrTagKind } from '../views/kinds/swrKinds';
import { securityGroupKind, subnetKind, vpcKind } from '../views/kinds/vpcKinds';
import type { CommandContext } from './commandContext';
import { pickResource, requireServices } from './resourceTarget';

/*
 * Pickers for what a Lite Server, notebook, training job or service is created with: the account's
 * networks, key pairs and images in one region. They ask through `context.ui` (so tests answer them),
 * offer at most PICKER_LIMIT items, and cancel the calling command when dismissed.
 */

export function pickVpc(context: CommandContext, region: string, title?: string): Promise<Vpc> {
  const services = requireServices(context);
  return pickResource(context, vpcKind, () => services.vpc.listAllVpcs(region), vscode.l10n.t('There is no VPC in {0}.', region), { title });
}

export function pickSubnet(context: CommandContext, region: string, vpcId: string, title?: string): Promise<Subnet> {
  const services = requireServices(context);
  return pickResource(context, subnetKind, () => services.vpc.listAllSubnets(region, vpcId), vscode.l10n.t('The VPC has no subnet.'), { title });
}

export function pickSecurityGroup(context: CommandContext, region: string, vpcId: string, title?: string): Promise<SecurityGroup> {
  const services = requireServices(context);
  return pickResource(context, securityGroupKind, () => services.vpc.listAllSecurityGroups(region, vpcId), vscode.l10n.t('The VPC has no security group.'), { title });
}

/**
 * A key pair of the region. `forLogin`: one to log in with, so frozen ones are left out; `current` (the one
 * in use) comes first.
 */
export function pickKeyPair(
  context: CommandContext,
  region: string,
  options: { readonly title?: string; readonly forLogin?: boolean; readonly current?: string } = {},
): Promise<KeyPair> {
  const services = requireServices(context);
  const load = async (): Promise<KeyPair[]> => {
    const keyPairs = (await services.keyPairs.listAll(region)).filter((keyPair) => !options.forLogin || isUsableKeyPair(keyPair));
    return [...keyPairs.filter((keyPair) => keyPair.name === options.current), ...keyPairs.filter((keyPair) => keyPair.name !== options.current)];
  };
  const empty = options.forLogin ? vscode.l10n.t('There is no key pair in {0} that is not frozen.', region) : vscode.l10n.t('There is no key pair in {0}.', region);
  return pickResource(context, keyPairKind, load, empty, { title: options.title });
}

/** A repository, labelled `<namespace>/<repository>` (names repeat across namespaces); of one namespace when given. */
export function pickSwrRepository(context: CommandContext, region: string, options: { readonly namespace?: string; readonly title?: string } = {}): Promise<SwrRepository> {
  const services = requireServices(context);
  return pickResource(
    context,
    swrRepositoryKind,
    () => services.swr.listAllRepositories(region, { namespace: options.namespace }),
    options.namespace ? vscode.l10n.t('There is no repository in namespace {0}.', options.namespace) : vscode.l10n.t('There is no SWR repository in {0}.', region),
    { title: options.title, label: repositoryId },
  );
}

/** An image to run: a repository (unless given), then one of its tags, newest first. */
export async function pickSwrImage(context: CommandContext, region: string, options: { readonly repository?: SwrRepository; readonly title?: string } = {}): Promise<SwrImage> {
  const services = requireServices(context);
  const repository = options.repository ?? (await pickSwrRepository(context, region, { title: options.title }));
  const tag = await pickResource(
    context,
    swrTagKind,
    () => services.swr.listAllTags(region, repository.namespace, repository.name),
    vscode.l10n.t('Repository {0} has no tags.', repositoryId(repository)),
    { title: vscode.l10n.t('Select a tag of {0}', repositoryId(repository)) },
  );
  return { repository, tag, path: imagePath(region, repository, tag) };
}
