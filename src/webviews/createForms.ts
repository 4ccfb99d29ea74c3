import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import type { ServiceV1 } from '../services/inferenceV1';
import type { Notebook } from '../services/notebooks';
import { collectPages } from '../services/paging';
import { type Pool, POOL_NAME_LABEL, poolDisplayName } from '../services/pools';
import type { TrainingJob } from '../services/trainingJobs';
import { notebookKind } from '../views/kinds/notebookKind';
import { describeFlavor, poolKind } from '../views/kinds/poolKinds';
import { serviceV1Kind } from '../views/kinds/serviceV1Kind';
import { pricedFlavorTexts } from '../views/flavorPrices';
import { notebookFlavorFacts, poolFlavorFacts, serviceV1SpecFacts, trainingFlavorFacts, uniqueFlavors } from '../views/flavorText';
import { trainingJobKind } from '../views/kinds/trainingJobKind';
import { loadCompanionLists } from './companionChoices';
import { archOf, notebookMismatches, softwareNamed, trainingJobMismatches } from './compatibilityRules';
import type { Caution, CreateForm } from './createResourcePanel';
import type { EditForm } from './editResourcePanel';
import { toCreateNotebookRequest, toCreateTrainingJobBody, validateNotebookForm, validateTrainingJobForm } from './formRules';
import { nodesRemoved, poolToEditValues, toCreatePoolBody, toPoolPatch, validatePoolEdit, validatePoolForm } from './poolFormRules';
import type { HostMessage, NotebookFormValues, PoolEditValues, PoolFormValues, ServiceModelChoice, ServiceV1FormValues, TrainingJobFormValues } from './protocol';
import { modelChoice, specChoice } from './serviceV1Choices';
import { toCreateServiceV1Request, validateServiceV1Form } from './serviceV1FormRules';

export const createNotebookForm: CreateForm<NotebookFormValues, Notebook> = {
  app: 'createNotebook',
  kind: notebookKind,
  title: vscode.l10n.t('Create Notebook'),
  formMessage: (scope, values) => ({ type: 'notebookForm', scope, values }),
  submittedValues: (message) => (message.type === 'submitNotebook' ? message.values : undefined),
  loadOptions: async (services, region, signal) => {
    const [flavors, builtIn, saved] = await Promise.all([
      services.notebooks.listFlavors(region, signal),
      services.notebooks.listImages({ region, workspaceId: '0' }, signal),
      services.notebooks.listSavedImages(region, signal),
    ]);
    const offered = uniqueFlavors(flavors, (flavor) => flavor.id);
    const labels = await pricedFlavorTexts(services, region, offered.map(notebookFlavorFacts), signal);
    return {
      type: 'notebookOptions',
      flavors: offered.map((flavor) => ({
        id: flavor.id,
        name: labels.get(flavor.id) ?? flavor.name,
        category: flavor.category,
        description: flavor.description ?? '',
        soldOut: flavor.sold_out === true,
        arch: archOf(flavor.arch),
      })),
      // The account's own images (saved from notebooks) first, once they are ready.
      images: [...saved.filter((image) => image.status === 'ACTIVE'), ...builtIn].map((image) => ({
        id: image.id,
        name: `${image.type === 'DEDICATED' && image.namespace ? `${image.namespace}/` : ''}${image.tag ? `${image.name}:${image.tag}` : image.name}`,
        description: image.description ?? '',
        categories: image.resource_categories ?? [],
        arch: archOf(image.arch),
      })),
    };
  },
  caution: (values, options) => {
    const warning = options?.type === 'notebookOptions' ? notebookMismatches(values, options).imageId : undefined;
    return warning ? mismatchQuestion(vscode.l10n.t('Create notebook "{0}" with an image that does not suit its flavor?', values.name), warning) : undefined;
  },
  validate: (values) => validateNotebookForm(values),
  check: async (services, region, values, signal) => validateNotebookForm(values, values.keyPairName ? await loadCompanionLists(services, region, ['keyPairs'], '', signal) : {}),
  create: (services, scope, values, signal) => services.notebooks.create(scope, toCreateNotebookRequest(values), signal),
};

/** The question asked before creating with an image or engine that the listings say does not suit the flavor. */
function mismatchQuestion(question: string, detail: string): Caution {
  return { question, detail, button: vscode.l10n.t('Create Anyway') };
}

/** The flavors and networks of the pool forms (the edit form describes its node pools' flavors with them). */
async function loadPoolOptions(services: ModelArtsServices, region: string, signal?: AbortSignal): Promise<HostMessage> {
  const [listed, networks] = await Promise.all([services.pools.listResourceFlavors(region, signal), services.pools.listNetworks(region, signal)]);
  const flavors = uniqueFlavors(listed, (flavor) => flavor.metadata.name);
  const names = await pricedFlavorTexts(services, region, flavors.map(poolFlavorFacts), signal);
  return {
    type: 'poolOptions',
    flavors: flavors.map((flavor) => ({ id: flavor.metadata.name, name: names.get(flavor.metadata.name) ?? flavor.metadata.name, ...describeFlavor(flavor) })),
    networks: networks.map((network) => ({ name: network.metadata.name, description: [network.metadata.labels?.[POOL_NAME_LABEL], network.spec?.cidr].filter(Boolean).join(' · ') })),
  };
}

export const createPoolForm: CreateForm<PoolFormValues, Pool> = {
  app: 'createPool',
  kind: poolKind,
  title: vscode.l10n.t('Create Resource Pool'),
  formMessage: (scope, values) => ({ type: 'poolForm', scope, values }),
  submittedValues: (message) => (message.type === 'submitPool' ? message.values : undefined),
  loadOptions: loadPoolOptions,
  validate: validatePoolForm,
  create: (services, scope, values, signal) => services.pools.create(scope.region, toCreatePoolBody(values), signal),
};

/** Edit Resource Pool: the Create Resource Pool app in its edit mode, sent as a merge patch of what changed. */
export const editPoolForm: EditForm<PoolEditValues, Pool> = {
  app: 'createPool',
  kind: poolKind,
  title: vscode.l10n.t('Edit Resource Pool'),
  formMessage: (scope, values) => ({ type: 'poolEditForm', scope, values }),
  submittedValues: (message) => (message.type === 'submitPoolEdit' ? message.values : undefined),
  loadOptions: loadPoolOptions,
  validate: validatePoolEdit,
  valuesOf: poolToEditValues,
  changed: (pool, values) => Object.keys(toPoolPatch(pool, values)).length > 0,
  // Fewer nodes means nodes are deleted and their workloads stop.
  confirmation: (pool, values) => {
    const removed = nodesRemoved(pool, values);
    if (removed === 0) {
      return undefined;
    }
    const name = poolDisplayName(pool);
    return {
      question: removed === 1 ? vscode.l10n.t('Remove 1 node from pool "{0}"?', name) : vscode.l10n.t('Remove {0} nodes from pool "{1}"?', removed, name),
      detail: vscode.l10n.t('The service chooses which nodes go; the workloads on them stop.'),
      button: vscode.l10n.t('Remove Nodes'),
    };
  },
  update: (services, region, pool, values, signal) => services.pools.update(region, pool.metadata.name, toPoolPatch(pool, values), signal),
};

export const createTrainingJobForm: CreateForm<TrainingJobFormValues, TrainingJob> = {
  app: 'createTrainingJob',
  kind: trainingJobKind,
  title: vscode.l10n.t('Create Training Job'),
  formMessage: (scope, values) => ({ type: 'trainingJobForm', scope, values }),
  submittedValues: (message) => (message.type === 'submitTrainingJob' ? message.values : undefined),
  loadOptions: async (services, region, signal) => {
    const [flavors, engines] = await Promise.all([services.trainingJobs.listFlavors(region, signal), services.trainingJobs.listEngines(region, signal)]);
    const offered = uniqueFlavors(flavors, (flavor) => flavor.flavor_id);
    const labels = await pricedFlavorTexts(services, region, offered.map(trainingFlavorFacts), signal);
    return {
      type: 'trainingJobOptions',
      flavors: offered.map((flavor) => ({
        id: flavor.flavor_id,
        name: labels.get(flavor.flavor_id) ?? flavor.flavor_name,
        category: flavor.flavor_type,
        maxNodes: flavor.max_num ?? 1,
        arch: archOf(flavor.flavor_info?.cpu?.arch),
      })),
      engines: engines.map((engine) => ({ id: engine.engine_id, name: engine.engine_name, version: engine.engine_version, ...softwareNamed(engine.engine_version) })),
    };
  },
  caution: (values, options) => {
    const warnings = options?.type === 'trainingJobOptions' ? trainingJobMismatches(values, options) : {};
    const warning = warnings.engineId ?? warnings.imageUrl;
    return warning ? mismatchQuestion(vscode.l10n.t('Create training job "{0}" with an engine or image that does not suit its flavor?', values.name), warning) : undefined;
  },
  validate: validateTrainingJobForm,
  create: (services, scope, values, signal) => services.trainingJobs.create(scope, toCreateTrainingJobBody(values), signal),
};

export const createServiceV1Form: CreateForm<ServiceV1FormValues, ServiceV1> = {
  app: 'createServiceV1',
  kind: serviceV1Kind,
  title: vscode.l10n.t('Create Real-Time Service (v1)'),
  formMessage: (scope, values) => ({ type: 'serviceV1Form', scope, values }),
  submittedValues: (message) => (message.type === 'submitServiceV1' ? message.values : undefined),
  loadOptions: async (services, region, signal) => {
    const [models, specifications] = await Promise.all([publishedModels(services, region, signal), services.inferenceV1.specifications(region, signal)]);
    const open = uniqueFlavors(
      specifications.filter((spec) => spec.is_open !== false),
      (spec) => spec.specification,
    );
    const names = await pricedFlavorTexts(services, region, open.map(serviceV1SpecFacts), signal);
    return { type: 'serviceV1Options', models, specifications: open.map((spec) => specChoice(spec, names.get(spec.specification))) };
  },
  validate: (values) => validateServiceV1Form(values),
  create: (services, scope, values, signal) => services.inferenceV1.create(scope, toCreateServiceV1Request(values), signal),
};

/** The published models of every workspace of the region: the form offers those of the workspace chosen. */
async function publishedModels(services: ModelArtsServices, region: string, signal?: AbortSignal): Promise<ServiceModelChoice[]> {
  const workspaces = await services.workspaces.list(region, signal);
  const perWorkspace = await Promise.all(
    workspaces.map(async ({ id: workspaceId }) => {
      const models = await collectPages((token) => services.models.list({ region, workspaceId }, token, { status: 'published' }, signal), 1000);
      return models.map((model) => modelChoice(model, workspaceId));
    }),
  );
  return perWorkspace.flat();
}
