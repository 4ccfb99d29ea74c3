import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import type { ServiceV2 } from '../services/inferenceV2';
import { PICKER_LIMIT } from '../services/paging';
import { type Pool, poolDisplayName } from '../services/pools';
import { repositoryPath } from '../services/swr';
import { pricedFlavorTexts } from '../views/flavorPrices';
import { serviceV2FlavorFacts, uniqueFlavors } from '../views/flavorText';
import { poolUses, stateText } from '../views/kinds/poolKinds';
import { serviceV2Kind } from '../views/kinds/serviceV2Kind';
import type { CreateForm } from './createResourcePanel';
import { toCreateServiceV2Request, validateServiceV2Form } from './serviceV2FormRules';
import type { ServiceV2FormValues, ServiceV2ImageChoice, ServiceV2PoolChoice } from './protocol';

/** The account's SWR images in the region, newest tag first in each repository: the form offers them beside free text. */
async function imageChoices(services: ModelArtsServices, region: string, signal?: AbortSignal): Promise<ServiceV2ImageChoice[]> {
  const repositories = await services.swr.listAllRepositories(region, {}, signal);
  const images = repositories.flatMap((repository) =>
    [...(repository.tags ?? [])].reverse().map((tag) => ({ path: `${repositoryPath(region, repository)}:${tag}`, description: repository.description ?? '' })),
  );
  return images.slice(0, PICKER_LIMIT);
}

/** "298 nodes available": a pool's available nodes (their flavors when the service counts them per flavor). */
function availableText(pool: Pool): string | undefined {
  const available = stateText(pool.status?.resources?.available);
  return available ? vscode.l10n.t('{0} nodes available', available) : undefined;
}

/** The running pools of every workspace of the region that are used for inference; the form offers the chosen workspace's. */
async function poolChoices(services: ModelArtsServices, region: string, signal?: AbortSignal): Promise<ServiceV2PoolChoice[]> {
  const workspaces = await services.workspaces.list(region, signal);
  const perWorkspace = await Promise.all(
    workspaces.map(async (workspace) =>
      (await services.pools.list(region, workspace.id, signal))
        .filter((pool) => pool.status?.phase === 'Running' && pool.spec?.scope?.includes('Infer'))
        .map((pool) => ({ id: pool.metadata.name, name: poolDisplayName(pool), workspaceId: workspace.id, description: [availableText(pool), poolUses(pool)].filter(Boolean).join(' · ') })),
    ),
  );
  return perWorkspace.flat();
}

export const createServiceV2Form: CreateForm<ServiceV2FormValues, ServiceV2> = {
  app: 'createServiceV2',
  kind: serviceV2Kind,
  title: vscode.l10n.t('Create Real-Time Service (v2)'),
  formMessage: (scope, values) => ({ type: 'serviceV2Form', scope, values }),
  submittedValues: (message) => (message.type === 'submitServiceV2' ? message.values : undefined),
  loadOptions: async (services, region, signal) => {
    const [listed, pools, images] = await Promise.all([services.inferenceV2.flavors(region, signal), poolChoices(services, region, signal), imageChoices(services, region, signal)]);
    const flavors = uniqueFlavors(listed, (flavor) => flavor.id);
    const names = await pricedFlavorTexts(services, region, flavors.map(serviceV2FlavorFacts), signal);
    return {
      type: 'serviceV2Options',
      region,
      flavors: flavors.map((flavor) => ({
        id: flavor.id,
        name: names.get(flavor.id) ?? flavor.id,
        category: flavor.category ?? '',
        description: flavor.description ?? flavor.id,
        soldOut: flavor.sold_out === true,
      })),
      pools,
      images,
    };
  },
  // The host has no options here; the adapter checks the image's region before sending.
  validate: (values) => validateServiceV2Form(values),
  create: (services, scope, values, signal) => services.inferenceV2.create(scope, toCreateServiceV2Request(values), signal),
};
