import * as vscode from 'vscode';
import type { Notebook } from '../services/notebooks';
import { type Pool, POOL_NAME_LABEL } from '../services/pools';
import type { TrainingJob } from '../services/trainingJobs';
import { notebookKind } from '../views/kinds/notebookKind';
import { poolKind } from '../views/kinds/poolKinds';
import { trainingJobKind } from '../views/kinds/trainingJobKind';
import { loadCompanionLists } from './companionChoices';
import type { CreateForm } from './createResourcePanel';
import { toCreateNotebookRequest, toCreateTrainingJobBody, validateNotebookForm, validateTrainingJobForm } from './formRules';
import { toCreatePoolBody, validatePoolForm } from './poolFormRules';
import type { NotebookFormValues, PoolFormValues, TrainingJobFormValues } from './protocol';

export const createNotebookForm: CreateForm<NotebookFormValues, Notebook> = {
  app: 'createNotebook',
  kind: notebookKind,
  title: vscode.l10n.t('Create Notebook'),
  formMessage: (scope, values) => ({ type: 'notebookForm', scope, values }),
  submittedValues: (message) => (message.type === 'submitNotebook' ? message.values : undefined),
  loadOptions: async (services, region, signal) => {
    const [flavors, images] = await Promise.all([
      services.notebooks.listFlavors(region, signal),
      services.notebooks.listImages({ region, workspaceId: '0' }, signal),
    ]);
    return {
      type: 'notebookOptions',
      flavors: flavors.map((flavor) => ({
        id: flavor.id,
        name: flavor.name,
        category: flavor.category,
        description: flavor.description ?? '',
        soldOut: flavor.sold_out === true,
      })),
      images: images.map((image) => ({
        id: image.id,
        name: image.tag ? `${image.name}:${image.tag}` : image.name,
        description: image.description ?? '',
        categories: image.resource_categories ?? [],
      })),
    };
  },
  validate: (values) => validateNotebookForm(values),
  check: async (services, region, values, signal) => validateNotebookForm(values, values.keyPairName ? await loadCompanionLists(services, region, ['keyPairs'], '', signal) : {}),
  create: (services, scope, values, signal) => services.notebooks.create(scope, toCreateNotebookRequest(values), signal),
};

export const createPoolForm: CreateForm<PoolFormValues, Pool> = {
  app: 'createPool',
  kind: poolKind,
  title: vscode.l10n.t('Create Resource Pool'),
  formMessage: (scope, values) => ({ type: 'poolForm', scope, values }),
  submittedValues: (message) => (message.type === 'submitPool' ? message.values : undefined),
  loadOptions: async (services, region, signal) => {
    const [flavors, networks] = await Promise.all([services.pools.listResourceFlavors(region, signal), services.pools.listNetworks(region, signal)]);
    return {
      type: 'poolOptions',
      flavors: flavors.map((flavor) => ({
        id: flavor.metadata.name,
        category: flavor.spec?.gpu ? 'GPU' : flavor.spec?.npu ? 'NPU' : 'CPU',
        description: [flavor.spec?.cpu && `${flavor.spec.cpu} vCPUs`, flavor.spec?.memory, flavor.spec?.cpuArch].filter(Boolean).join(', '),
      })),
      networks: networks.map((network) => ({ name: network.metadata.name, description: [network.metadata.labels?.[POOL_NAME_LABEL], network.spec?.cidr].filter(Boolean).join(' · ') })),
    };
  },
  validate: validatePoolForm,
  create: (services, scope, values, signal) => services.pools.create(scope.region, toCreatePoolBody(values), signal),
};

export const createTrainingJobForm: CreateForm<TrainingJobFormValues, TrainingJob> = {
  app: 'createTrainingJob',
  kind: trainingJobKind,
  title: vscode.l10n.t('Create Training Job'),
  formMessage: (scope, values) => ({ type: 'trainingJobForm', scope, values }),
  submittedValues: (message) => (message.type === 'submitTrainingJob' ? message.values : undefined),
  loadOptions: async (services, region, signal) => {
    const [flavors, engines] = await Promise.all([services.trainingJobs.listFlavors(region, signal), services.trainingJobs.listEngines(region, signal)]);
    return {
      type: 'trainingJobOptions',
      flavors: flavors.map((flavor) => ({ id: flavor.flavor_id, name: flavor.flavor_name, category: flavor.flavor_type, maxNodes: flavor.max_num ?? 1 })),
      engines: engines.map((engine) => ({ id: engine.engine_id, name: engine.engine_name, version: engine.engine_version })),
    };
  },
  validate: validateTrainingJobForm,
  create: (services, scope, values, signal) => services.trainingJobs.create(scope, toCreateTrainingJobBody(values), signal),
};
