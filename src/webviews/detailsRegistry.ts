import { devServerTaskKind, devServerJobKind } from '../views/kinds/liteServerJobKind';
import { devServerKind, hyperinstanceKind, hyperinstanceServerKind } from '../views/kinds/liteServerKinds';
import { devServerPublicIpKind, devServerVolumeKind } from '../views/kinds/liteServerAttachmentKinds';
import { hyperClusterKind } from '../views/kinds/hyperClusterKind';
import { keyPairKind } from '../views/kinds/keyPairKind';
import { modelKind } from '../views/kinds/modelKind';
import { notebookKind } from '../views/kinds/notebookKind';
import { notebookStorageKind } from '../views/kinds/notebookStorageKind';
import { nodePoolKind, pluginKind, poolKind, poolNodeKind } from '../views/kinds/poolKinds';
import { scheduledEventKind } from '../views/kinds/scheduledEventKind';
import { serviceV1Kind } from '../views/kinds/serviceV1Kind';
import { deploymentV2Kind, serviceV2Kind } from '../views/kinds/serviceV2Kind';
import { swrRepositoryKind, swrTagKind } from '../views/kinds/swrKinds';
import { trainingJobKind } from '../views/kinds/trainingJobKind';
import { securityGroupKind, subnetKind, vpcKind } from '../views/kinds/vpcKinds';
import type { ResourceKind } from '../views/resourceKind';
import { type DetailsPresenter, modelDetails, notebookDetails, poolDetails, serviceV1Details, trainingJobDetails } from './detailsPresenters';
import type { DetailsField } from './protocol';
import { serviceV2Details } from './serviceV2Details';

/** Every kind the tree shows a row of, by contextValue: a restored panel names its kind so. */
const KINDS: readonly ResourceKind<unknown>[] = [
  notebookKind, notebookStorageKind, trainingJobKind, poolKind, poolNodeKind, nodePoolKind, pluginKind, serviceV1Kind, modelKind,
  serviceV2Kind, deploymentV2Kind, devServerKind, hyperinstanceServerKind, hyperinstanceKind, devServerTaskKind, devServerJobKind,
  devServerVolumeKind, devServerPublicIpKind, hyperClusterKind, scheduledEventKind, swrRepositoryKind, swrTagKind, vpcKind, subnetKind,
  securityGroupKind, keyPairKind,
] as readonly ResourceKind<unknown>[];

/** The kinds with a panel of their own; every other kind gets the plain one (its fields as the API answers them). */
const PRESENTERS: readonly DetailsPresenter<unknown>[] = [notebookDetails, trainingJobDetails, poolDetails, serviceV1Details, modelDetails, serviceV2Details] as readonly DetailsPresenter<unknown>[];

export function kindNamed(contextValue: string): ResourceKind<unknown> | undefined {
  return KINDS.find((kind) => kind.contextValue === contextValue);
}

export function detailsPresenterFor<T>(kind: ResourceKind<T>): DetailsPresenter<T> {
  const own = PRESENTERS.find((presenter) => presenter.kind === (kind as ResourceKind<unknown>)) as DetailsPresenter<T> | undefined;
  return own ?? plainDetails(kind);
}

/** At most this many fields: a long answer (a pool's whole spec) stays readable; the JSON view has the rest. */
const MAX_PLAIN_FIELDS = 60;

/** A kind without a panel of its own: the answer's values, one level deep, Refresh and Open in Console (`modelarts.openInConsole`). */
function plainDetails<T>(kind: ResourceKind<T>): DetailsPresenter<T> {
  return {
    kind,
    commandPrefix: 'modelarts',
    fields: (item) => plainFields(item).slice(0, MAX_PLAIN_FIELDS),
    steps: () => [],
    actions: () => ['refresh', 'openInConsole'],
  };
}

function plainFields(item: unknown, prefix = ''): DetailsField[] {
  if (typeof item !== 'object' || item === null) {
    return [];
  }
  return Object.entries(item).flatMap(([key, value]): DetailsField[] => {
    const label = `${prefix}${key}`;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      return value === '' ? [] : [{ label, value: String(value) }];
    }
    if (Array.isArray(value)) {
      return value.length > 0 && value.every((entry) => typeof entry === 'string' || typeof entry === 'number') ? [{ label, value: value.join(', ') }] : [];
    }
    return prefix === '' ? plainFields(value, `${label}.`) : [];
  });
}
