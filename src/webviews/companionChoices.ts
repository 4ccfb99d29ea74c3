import type { ModelArtsServices } from '../services';
import { isUsableKeyPair } from '../services/keyPairs';
import { keyPairKind } from '../views/kinds/keyPairKind';
import type { CompanionLists } from './companionRules';
import type { CompanionChoice, CompanionList, ErrorInfo, HostMessage, WebviewMessage } from './protocol';

type Loader = (services: ModelArtsServices, region: string, vpcId: string, signal?: AbortSignal) => Promise<CompanionChoice[]>;

/** The account's networks and key pairs of one region as forms offer them; at most PICKER_LIMIT of each, like the pickers. */
const loaders: Readonly<Record<CompanionList, Loader>> = {
  vpcs: async (services, region, _vpcId, signal) =>
    (await services.vpc.listAllVpcs(region, signal)).map((vpc) => ({
      id: vpc.id,
      name: vpc.name,
      detail: vpc.cidr ?? '',
      ...(vpc.status === 'CREATING' ? { unusable: 'still being created' } : {}),
    })),
  subnets: async (services, region, vpcId, signal) =>
    (await services.vpc.listAllSubnets(region, vpcId, signal)).map((subnet) => ({
      id: subnet.id,
      name: subnet.name,
      detail: subnet.cidr ?? '',
      ...(subnet.availability_zone ? { availabilityZone: subnet.availability_zone } : {}),
      ...(subnet.status === 'ACTIVE' ? {} : { unusable: 'not active' }),
    })),
  securityGroups: async (services, region, vpcId, signal) =>
    (await services.vpc.listAllSecurityGroups(region, vpcId, signal)).map((group) => ({ id: group.id, name: group.name, detail: group.description ?? '' })),
  keyPairs: async (services, region, _vpcId, signal) =>
    (await services.keyPairs.listAll(region, signal)).map((keyPair) => ({
      id: keyPair.name,
      name: keyPair.name,
      detail: keyPairKind.description(keyPair),
      ...(isUsableKeyPair(keyPair) ? {} : { unusable: 'frozen' }),
    })),
};

/** A form's request for one list, answered with the list or why it could not be loaded; undefined for other messages. */
export function answerCompanionChoices(services: ModelArtsServices, region: string, message: WebviewMessage, describe: (error: unknown) => ErrorInfo): Promise<HostMessage> | undefined {
  if (message.type !== 'loadCompanionChoices') {
    return undefined;
  }
  const { list, vpcId } = message;
  return loaders[list](services, region, vpcId).then(
    (choices): HostMessage => ({ type: 'companionChoices', list, vpcId, choices }),
    (error: unknown): HostMessage => ({ type: 'companionChoicesFailed', list, vpcId, error: describe(error) }),
  );
}

/** The lists again, as they are now, to judge a submitted form by (subnets and security groups of `vpcId`). */
export async function loadCompanionLists(services: ModelArtsServices, region: string, lists: readonly CompanionList[], vpcId: string, signal?: AbortSignal): Promise<CompanionLists> {
  const loaded = await Promise.all(lists.map((list) => loaders[list](services, region, vpcId, signal)));
  return Object.fromEntries(lists.map((list, index) => [list, loaded[index]]));
}
