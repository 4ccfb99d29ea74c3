import * as vscode from 'vscode';
import type { ExtensionLog } from '../logging';
import type { ModelArtsServices } from '../services';
import type { ServiceV1 } from '../services/inferenceV1';
import { type Model, modelRequirements } from '../services/models';
import type { Notebook } from '../services/notebooks';
import { type Pool, POOL_DESCRIPTION_ANNOTATION, type ResourceStates } from '../services/pools';
import { type TrainingJob, type TrainingLog, trainingLogMayGrow } from '../services/trainingJobs';
import { trainingJobFlavorText } from '../views/flavorText';
import { formatDuration, formatSize, formatTimestamp, joinParts, readableStatus } from '../views/format';
import { modelKind, modelOrigin } from '../views/kinds/modelKind';
import { notebookKind, sshText } from '../views/kinds/notebookKind';
import { leaseText } from '../views/kinds/notebookLease';
import { notebookStorageKind } from '../views/kinds/notebookStorageKind';
import { composition, poolKind, poolUses, stateText, tagsText } from '../views/kinds/poolKinds';
import { serviceV1Kind } from '../views/kinds/serviceV1Kind';
import { trainingJobKind } from '../views/kinds/trainingJobKind';
import type { ResourceKind } from '../views/resourceKind';
import type { DetailsAction, DetailsCharts, DetailsField, DetailsStep } from './protocol';
import { TrainingCharts } from './trainingCharts';
import { trainingJobProgress } from './trainingStages';

/** A panel's charts of one resource, kept between its refreshes; `read` and `choose` answer whether the charts changed. */
export interface DetailsChartSource<T> {
  read(services: ModelArtsServices, region: string, item: T, logLines: readonly string[] | undefined, signal: AbortSignal): Promise<boolean>;
  /** Whether the charts still grow, so the panel keeps refreshing. */
  live(item: T): boolean;
  /** Shows or hides one series, remembered beyond the panel. */
  choose(key: string, shown: boolean): Promise<boolean>;
  view(): DetailsCharts;
}

/** What a details panel shows of one kind of resource, and which commands its buttons run. */
export interface DetailsPresenter<T> {
  readonly kind: ResourceKind<T>;
  /** Buttons run `${commandPrefix}.${action}` with the resource. */
  readonly commandPrefix: string;
  /** `flavor`: the flavor as its listing describes it, for kinds whose resource names it by id only. */
  fields(item: T, flavor?: string): DetailsField[];
  steps(item: T): DetailsStep[];
  actions(item: T): DetailsAction[];
  /** Fields from another request (a pool's tags), shown after the resource's own. */
  readonly moreFields?: (services: ModelArtsServices, region: string, item: T, signal?: AbortSignal) => Promise<DetailsField[]>;
  /** Progress from another request (a training job's stages): its steps, when any, replace `steps(item)`; its fields come last. */
  readonly progress?: (services: ModelArtsServices, region: string, item: T, signal?: AbortSignal) => Promise<{ steps: DetailsStep[]; fields: DetailsField[] }>;
  /** The log tail, for kinds that have one; `live` while it may still grow. */
  readonly log?: {
    fetch(services: ModelArtsServices, region: string, item: T, signal?: AbortSignal): Promise<TrainingLog>;
    live(item: T): boolean;
  };
  /** Charts, for kinds that have them; one source per panel, fed the log lines the panel read. */
  readonly charts?: (globalState: vscode.Memento, log: ExtensionLog) => DetailsChartSource<T>;
}

export const field = (label: string, value: string | number | undefined): DetailsField[] => (value === undefined || value === '' ? [] : [{ label, value: String(value) }]);

/** Actions every resource offers, after the kind's own. */
export function withCommonActions(kind: ResourceKind<unknown>, item: unknown, own: [DetailsAction, string | undefined][]): DetailsAction[] {
  const capabilities = kind.capabilities(item);
  const allowed = own.filter(([, capability]) => capability === undefined || capabilities.includes(capability)).map(([action]) => action);
  return ['refresh', ...allowed, 'copyId', 'openInConsole', 'createSimilar', ...(capabilities.includes('canDelete') ? (['delete'] as const) : [])];
}

const NOTEBOOK_STEP_STATE: Record<string, DetailsStep['state']> = { COMPLETED: 'done', PROCESSING: 'active', WAITING: 'waiting', FAILED: 'failed' };

export const notebookDetails: DetailsPresenter<Notebook> = {
  kind: notebookKind,
  commandPrefix: 'modelarts.notebook',
  fields: (notebook, flavor) => [
    ...field(vscode.l10n.t('ID'), notebook.id),
    ...field(vscode.l10n.t('Flavor'), flavor ?? notebook.flavor),
    ...field(vscode.l10n.t('Image'), notebook.image ? joinParts(notebook.image.name, notebook.image.tag) : undefined),
    ...field(vscode.l10n.t('Storage'), notebook.volume ? joinParts(notebook.volume.category, notebook.volume.capacity ? `${notebook.volume.capacity} GB` : notebook.volume.uri) : undefined),
    ...field(vscode.l10n.t('Auto-stop'), leaseText(notebook)),
    ...field(vscode.l10n.t('SSH'), sshText(notebook)),
    ...field(vscode.l10n.t('Created'), formatTimestamp(notebook.create_at)),
    ...field(vscode.l10n.t('Updated'), formatTimestamp(notebook.update_at)),
    ...field(vscode.l10n.t('Description'), notebook.description),
  ],
  steps: (notebook) => {
    const progress = notebook.action_progress ?? [];
    // Saving an image reports no steps of its own (§1.4 names them for creating and starting).
    if (progress.length === 0 && notebook.status === 'SNAPSHOTTING') {
      return [
        { label: vscode.l10n.t('Saving the image'), state: 'active' },
        { label: readableStatus('RUNNING'), state: 'waiting' },
      ];
    }
    return [...progress]
      .sort((a, b) => a.step - b.step)
      .map((step) => ({ label: step.description ?? vscode.l10n.t('Step {0}', step.step), state: NOTEBOOK_STEP_STATE[step.status] ?? 'waiting' }));
  },
  actions: (notebook) =>
    withCommonActions(notebookKind as ResourceKind<unknown>, notebook, [
      ['openJupyter', 'canOpen'],
      ['connectSsh', 'canSsh'],
      ['start', 'canStart'],
      ['stop', 'canStop'],
      ['renewLease', 'canRenewLease'],
      ['saveImage', 'canSaveImage'],
      ['attachStorage', 'canMount'],
      ['changeFlavor', 'canChangeFlavor'],
    ]),
  moreFields: async (services, region, notebook, signal) => {
    const storages = (await services.notebookStorage.list(region, notebook.id, signal)).items;
    if (storages.length === 0) {
      return field(vscode.l10n.t('Mounted storage'), vscode.l10n.t('none'));
    }
    return storages.flatMap((storage) => field(vscode.l10n.t('Mounted at {0}', storage.mount_path), notebookStorageKind.description(storage)));
  },
};

/** The road of a training job; a job leaves it at Failed, Abnormal or Terminated. */
const TRAINING_ROAD = ['Creating', 'Pending', 'Running', 'Completed'];

export const trainingJobDetails: DetailsPresenter<TrainingJob> = {
  kind: trainingJobKind,
  commandPrefix: 'modelarts.trainingJob',
  fields: (job) => {
    const algorithm = job.algorithm;
    return [
      ...field(vscode.l10n.t('ID'), job.metadata.id),
      ...field(vscode.l10n.t('Flavor'), trainingJobFlavorText(job)),
      ...field(vscode.l10n.t('Nodes'), job.spec?.resource?.node_count),
      ...field(vscode.l10n.t('Engine'), algorithm?.engine ? joinParts(algorithm.engine.engine_name, algorithm.engine.engine_version) || algorithm.engine.image_url : undefined),
      ...field(vscode.l10n.t('Code'), algorithm?.code_dir),
      ...field(vscode.l10n.t('Boot file'), algorithm?.boot_file),
      ...field(vscode.l10n.t('Command'), algorithm?.command),
      ...field(vscode.l10n.t('Created'), formatTimestamp(job.metadata.create_time)),
      ...field(vscode.l10n.t('Duration'), job.status.duration !== undefined ? formatDuration(job.status.duration) : undefined),
      ...field(vscode.l10n.t('Owner'), job.metadata.user_name),
      ...field(vscode.l10n.t('Description'), job.metadata.description),
    ];
  },
  steps: (job) => {
    const phase = job.status.phase;
    const reached = TRAINING_ROAD.indexOf(phase);
    if (reached >= 0) {
      return TRAINING_ROAD.map((label, index) => ({
        label,
        state: index < reached || phase === 'Completed' ? 'done' : index === reached ? 'active' : 'waiting',
      }));
    }
    // Left the road: what it went through (Running, if it ever ran), then the phase it ended in.
    const ran = (job.status.duration ?? 0) > 0 || job.status.start_time !== undefined;
    const passed = TRAINING_ROAD.slice(0, ran ? 3 : 2).map((label) => ({ label, state: 'done' as const }));
    return [...passed, { label: readableStatus(phase), state: phase === 'Terminating' ? 'active' : phase === 'Terminated' ? 'done' : 'failed' }];
  },
  actions: (job) => withCommonActions(trainingJobKind as ResourceKind<unknown>, job, [['stop', 'canStop'], ['viewLogs', undefined], ['viewEvents', undefined]]),
  progress: trainingJobProgress,
  log: {
    fetch: (services, region, job, signal) => services.trainingJobs.logPreview(region, job.metadata.id, job.status.tasks?.[0] ?? 'worker-0', signal),
    live: (job) => trainingLogMayGrow(job.status.phase),
  },
  charts: (globalState, log) => new TrainingCharts(globalState, log),
};

/** How many nodes are in each state, as the pool reports them. */
const NODE_STATES: readonly [keyof ResourceStates, () => string][] = [
  ['available', () => vscode.l10n.t('Available nodes')],
  ['creating', () => vscode.l10n.t('Nodes being created')],
  ['abnormal', () => vscode.l10n.t('Abnormal nodes')],
  ['deleting', () => vscode.l10n.t('Nodes being deleted')],
];

/** The default workspace's id is "0" (§0); others are shown by id. */
const workspaceText = (id: string | undefined): string | undefined => (id === '0' ? vscode.l10n.t('default ({0})', id) : id);

export const poolDetails: DetailsPresenter<Pool> = {
  kind: poolKind,
  commandPrefix: 'modelarts.pool',
  fields: (pool) => [
    ...field(vscode.l10n.t('ID'), pool.metadata.name),
    ...field(vscode.l10n.t('Message'), pool.status?.message),
    ...field(vscode.l10n.t('Used for'), poolUses(pool)),
    ...field(vscode.l10n.t('Nodes wanted'), composition(pool.spec?.resources)),
    ...NODE_STATES.flatMap(([state, label]) => field(label(), stateText(pool.status?.resources?.[state]))),
    ...field(vscode.l10n.t('Network'), pool.spec?.network?.name),
    ...field(vscode.l10n.t('Type'), pool.spec?.type),
    ...field(vscode.l10n.t('Workspace'), workspaceText(pool.metadata.labels?.['os.modelarts/workspace.id'])),
    ...field(vscode.l10n.t('Created'), pool.metadata.creationTimestamp ? formatTimestamp(Date.parse(pool.metadata.creationTimestamp)) : undefined),
    ...field(vscode.l10n.t('Description'), pool.metadata.annotations?.[POOL_DESCRIPTION_ANNOTATION]),
  ],
  steps: () => [],
  actions: (pool) => {
    const capabilities = poolKind.capabilities(pool);
    const own: [DetailsAction, string][] = [
      ['edit', 'canEdit'],
      ['manageTags', 'canTag'],
    ];
    return ['refresh', ...own.filter(([, capability]) => capabilities.includes(capability)).map(([action]) => action), 'copyId', 'openInConsole', ...(capabilities.includes('canDelete') ? (['delete'] as const) : [])];
  },
  moreFields: async (services, region, pool, signal) => field(vscode.l10n.t('Tags'), tagsText(await services.pools.listTags(region, pool.metadata.name, signal))),
};

/** "mnist-cnn 1.1.0 on modelarts.vm.cpu.2u × 2, 100% of requests": one model of a service. */
function serviceModelText(config: NonNullable<ServiceV1['config']>[number]): string {
  const model = config.model_name ? `${config.model_name} ${config.model_version ?? ''}`.trim() : config.model_id;
  const traffic = config.weight === undefined ? undefined : vscode.l10n.t('{0}% of requests', config.weight);
  return joinParts(vscode.l10n.t('{0} on {1} × {2}', model, config.specification, config.instance_count), traffic);
}

function autoStopText(service: ServiceV1): string {
  const stop = service.schedule?.find((entry) => entry.type.toLowerCase() === 'stop');
  if (!stop) {
    return vscode.l10n.t('off');
  }
  const after = vscode.l10n.t('after {0} {1}', stop.duration, stop.time_unit.toLowerCase());
  return service.due_time === undefined ? after : vscode.l10n.t('{0} (stops at {1})', after, formatTimestamp(service.due_time));
}

export const serviceV1Details: DetailsPresenter<ServiceV1> = {
  kind: serviceV1Kind,
  commandPrefix: 'modelarts.serviceV1',
  fields: (service) => {
    const configs = service.config ?? [];
    const label = (index: number): string => (configs.length === 1 ? vscode.l10n.t('Model') : vscode.l10n.t('Model {0}', index + 1));
    return [
      ...field(vscode.l10n.t('ID'), service.service_id),
      ...field(vscode.l10n.t('Access address'), service.access_address),
      ...configs.flatMap((config, index) => [
        ...field(label(index), serviceModelText(config)),
        // Names only: values may be secrets, and the JSON view shows them on purpose.
        ...field(vscode.l10n.t('Environment variables'), Object.keys(config.envs ?? {}).join(', ')),
      ]),
      ...field(vscode.l10n.t('Auto-stop'), autoStopText(service)),
      ...field(vscode.l10n.t('Calls'), service.invocation_times === undefined ? undefined : vscode.l10n.t('{0} ({1} failed)', service.invocation_times, service.failed_times ?? 0)),
      ...field(vscode.l10n.t('Type'), service.infer_type),
      ...field(vscode.l10n.t('Created'), formatTimestamp(service.publish_at)),
      ...field(vscode.l10n.t('Status since'), formatTimestamp(service.transition_at)),
      ...field(vscode.l10n.t('Configuration updated'), service.update_time === undefined ? undefined : formatTimestamp(service.update_time)),
      ...field(vscode.l10n.t('Owner'), service.owner),
      ...field(vscode.l10n.t('Description'), service.description),
    ];
  },
  // v1 reports only a percentage while deploying: the road to running, or the change under way.
  steps: (service) => {
    switch (service.status) {
      case 'deploying':
        return [
          { label: vscode.l10n.t('Deploying {0}%', service.progress ?? 0), state: 'active' },
          { label: readableStatus('running'), state: 'waiting' },
        ];
      case 'stopping':
        return [
          { label: readableStatus('stopping'), state: 'active' },
          { label: readableStatus('stopped'), state: 'waiting' },
        ];
      default:
        return [];
    }
  },
  actions: (service) =>
    withCommonActions(serviceV1Kind as ResourceKind<unknown>, service, [
      ['start', 'canStart'],
      ['stop', 'canStop'],
      ['copyAccessAddress', 'canCopyAddress'],
      ['update', 'canUpdate'],
      ['viewEvents', undefined],
    ]),
};

function minimumsText(model: Model): string | undefined {
  const needs = modelRequirements(model);
  return joinParts(
    needs.cpu ? vscode.l10n.t('{0} vCPUs', needs.cpu) : undefined,
    needs.memoryMb ? formatSize(needs.memoryMb * 1024 * 1024) : undefined,
    needs.gpu ? vscode.l10n.t('{0} GPU', needs.gpu) : undefined,
    needs.ascend ? vscode.l10n.t('{0} Ascend', needs.ascend) : undefined,
  );
}

export const modelDetails: DetailsPresenter<Model> = {
  kind: modelKind,
  commandPrefix: 'modelarts.model',
  fields: (model) => [
    ...field(vscode.l10n.t('ID'), model.model_id),
    ...field(vscode.l10n.t('Version'), model.model_version),
    ...field(vscode.l10n.t('Type'), model.model_type),
    ...field(vscode.l10n.t('Origin'), joinParts(modelOrigin(model), model.subscription_id)),
    ...field(vscode.l10n.t('Size'), formatSize(model.model_size)),
    ...field(vscode.l10n.t('Deploys as'), model.install_type?.join(', ')),
    ...field(vscode.l10n.t('Needs at least'), minimumsText(model)),
    ...field(vscode.l10n.t('Runtime'), model.runtime),
    ...field(vscode.l10n.t('Source'), model.source_location),
    ...field(vscode.l10n.t('Created'), formatTimestamp(model.create_at)),
    ...field(vscode.l10n.t('Owner'), model.owner),
    ...field(vscode.l10n.t('Description'), model.description),
  ],
  steps: () => [],
  // A model is not created similar or deleted from here; a published one can be deployed.
  actions: (model) => ['refresh', ...(modelKind.capabilities(model).includes('canDeploy') ? (['deployV1'] as const) : []), 'copyId', 'openInConsole'],
};
