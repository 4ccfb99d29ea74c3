import * as vscode from 'vscode';
import type { DevServer } from '../services/devServers';
import { PICKER_LIMIT } from '../services/paging';
import { pricedFlavorTexts } from '../views/flavorPrices';
import { devServerFlavorFacts, uniqueFlavors } from '../views/flavorText';
import { devServerKind, hyperinstanceKind } from '../views/kinds/liteServerKinds';
import type { ResourceKind } from '../views/resourceKind';
import type { CreateForm } from './createResourcePanel';
import { loadCompanionLists } from './companionChoices';
import { devServerChoiceLists, toCreateDevServerBody, validateDevServerForm } from './devServerFormRules';
import type { DevServerFormValues } from './protocol';

export const createDevServerForm: CreateForm<DevServerFormValues, DevServer> = {
  app: 'createDevServer',
  kind: devServerKind,
  title: vscode.l10n.t('Create Lite Server'),
  formMessage: (scope, values) => ({ type: 'devServerForm', scope, values }),
  submittedValues: (message) => (message.type === 'submitDevServer' ? message.values : undefined),
  loadOptions: async (services, region, signal) => {
    // Hyperinstances join HPS clusters (`hps_cluster_id`).
    const [flavors, clusters] = await Promise.all([services.devServers.listFlavors(region, {}, signal), services.hyperClusters.listOfType(region, 'HPS', signal)]);
    const names = await pricedFlavorTexts(services, region, uniqueFlavors(flavors.map(devServerFlavorFacts), (facts) => facts.id), signal);
    return {
      type: 'devServerOptions',
      flavors: flavors.map((flavor) => ({
        flavor: flavor.flavor,
        name: names.get(flavor.flavor) ?? flavor.flavor,
        serverType: flavor.server_type,
        arch: flavor.arch,
        // (uncertain) Each entry names one zone; a flavor sold in several zones is assumed to be listed once per zone.
        availabilityZone: flavor.availability_zone ?? '',
        flavorType: flavor.flavor_type ?? '',
        specification: flavor.specification ?? '',
        soldOut: flavor.is_sold_out === true,
      })),
      hyperClusters: clusters.slice(0, PICKER_LIMIT).map((cluster) => ({ id: cluster.id, name: cluster.name })),
    };
  },
  answer: (services, region, message, describe) => {
    if (message.type !== 'loadDevServerImages') {
      return undefined;
    }
    const { flavor } = message;
    return services.devServers.listImages(region, { serverType: message.serverType, flavorName: flavor }).then(
      (images) => ({
        type: 'devServerImages',
        flavor,
        images: images.map((image) => ({ id: image.image_id, name: image.name, usable: image.status === undefined || image.status === 'ACTIVE' })),
      }),
      (error: unknown) => ({ type: 'devServerImagesFailed', flavor, error: describe(error) }),
    );
  },
  validate: (values) => validateDevServerForm(values),
  // The lists may have changed since the form showed them (a VPC deleted, a key pair frozen).
  check: async (services, region, values, signal) => validateDevServerForm(values, await loadCompanionLists(services, region, devServerChoiceLists(values), values.vpcId, signal)),
  create: (services, scope, values, signal) => services.devServers.create(scope.region, toCreateDevServerBody(values), signal),
  secrets: (values) => [values.adminPass],
  // An HPS flavor makes a hyperinstance, and its servers are listed only inside it.
  revealed: (server) =>
    server.server_hps?.id ? { kind: hyperinstanceKind as ResourceKind<unknown>, id: server.server_hps.id, name: server.server_hps.name ?? server.name } : undefined,
};
