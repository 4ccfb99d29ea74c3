import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import type { DevServer } from '../services/devServers';
import type { ServiceV1 } from '../services/inferenceV1';
import type { ServiceV2 } from '../services/inferenceV2Objects';
import type { Notebook } from '../services/notebooks';
import { collectPages, type PageFetcher } from '../services/paging';
import type { Pool } from '../services/poolObjects';
import { TRAINING_PHASES, trainingPhaseCategory } from '../services/status';
import type { TrainingJob } from '../services/trainingJobs';
import type { WorkspaceScope } from '../services/workspaces';
import { type FlavorFacts, trainingJobFlavorFacts, trainingJobFlavorText } from '../views/flavorText';
import { devServerKind } from '../views/kinds/liteServerKinds';
import { notebookKind } from '../views/kinds/notebookKind';
import { autoStopAt } from '../views/kinds/notebookLease';
import { composition, poolKind } from '../views/kinds/poolKinds';
import { serviceV1Kind } from '../views/kinds/serviceV1Kind';
import { serviceV2Kind } from '../views/kinds/serviceV2Kind';
import { trainingJobKind } from '../views/kinds/trainingJobKind';
import type { ResourceKind } from '../views/resourceKind';

/** The kinds that bill while they run, in the order Running now lists them. */
export type BillingKindKey = 'notebook' | 'liteServer' | 'serviceV1' | 'serviceV2' | 'trainingJob' | 'pool';

/** A listing has no bound here: what bills is counted whole (never more than this many of a kind in one scope). */
const MAX_COUNTED = 10_000;

/**
 * One kind that bills while it runs: how its running resources are listed (one list per scope, narrowed on the server
 * where the API can), and what Running now shows of each. Its Stop is in billingStops.ts, with the commands' code.
 */
export interface BillingKind<T> {
  readonly key: BillingKindKey;
  readonly resourceKind: ResourceKind<T>;
  /** "Notebooks": the group's title in the tooltip and Running now. */
  readonly title: string;
  readonly icon: string;
  /** Listed per region, not per workspace (Lite Servers). */
  readonly perRegion?: boolean;
  listRunning(services: ModelArtsServices, scope: WorkspaceScope, signal: AbortSignal): Promise<readonly T[]>;
  /** When it began to run, on the cloud's clock (epoch ms), where the listing says. */
  runningSince(item: T): number | undefined;
  /**
   * What it runs on, where the item itself says: a training job's flavor_detail, a pool's composition. A kind whose
   * items name their flavor by id only is described by its resource kind's flavorListing instead.
   */
  flavor(item: T): BilledFlavor;
}

/** A flavor as a billing item carries it: its facts (priced by their billing code) or only a text, and how many instances bill at its price. */
export interface BilledFlavor {
  readonly facts?: FlavorFacts;
  readonly text?: string;
  readonly instances?: number;
}

/** A resource billing now, as one count found it. */
export interface BillingItem {
  readonly kind: BillingKind<unknown>;
  readonly scope: WorkspaceScope;
  /** The workspace's name, as Running now shows it (the scope holds its id). */
  readonly workspaceName?: string;
  readonly resource: unknown;
}

const running = <T>(fetchPage: PageFetcher<T>, signal: AbortSignal) => collectPages(fetchPage, MAX_COUNTED, signal);
/** The running phases of training jobs, for the search's server-side filter. */
const RUNNING_PHASES = TRAINING_PHASES.filter((phase) => trainingPhaseCategory(phase) === 'running');

const notebooks: BillingKind<Notebook> = {
  key: 'notebook',
  resourceKind: notebookKind,
  title: vscode.l10n.t('Notebooks'),
  icon: 'notebook',
  listRunning: (services, scope, signal) => running((token, pageSignal) => services.notebooks.list(scope, token, { status: 'RUNNING' }, pageSignal), signal),
  // (uncertain) The notebook object has no start time; a start begins a new lease, so the lease's create_at is the
  // start while auto-stop is on (the SDK's Lease docs); without it, the last update is the best the listing says.
  runningSince: (notebook) => (autoStopAt(notebook) !== undefined ? notebook.lease?.create_at : notebook.update_at),
  flavor: () => ({}),
};

const liteServers: BillingKind<DevServer> = {
  key: 'liteServer',
  resourceKind: devServerKind,
  title: vscode.l10n.t('Lite Servers'),
  icon: 'server',
  perRegion: true,
  // The caller's own servers, as the explorer lists them by default (another IAM user's are theirs to stop). The list
  // takes no status parameter (§7.1): its pages are filtered here.
  listRunning: async (services, scope, signal) =>
    (await running((token, pageSignal) => services.devServers.list(scope.region, token, pageSignal), signal)).filter((server) => devServerKind.category(server) === 'running'),
  // (uncertain) The server object has no start time: its last update is when it last changed state.
  runningSince: (server) => server.update_at ?? server.create_at,
  flavor: () => ({}),
};

const servicesV1: BillingKind<ServiceV1> = {
  key: 'serviceV1',
  resourceKind: serviceV1Kind,
  title: vscode.l10n.t('Real-time services (v1)'),
  icon: 'cloud',
  listRunning: (services, scope, signal) => running((token, pageSignal) => services.inferenceV1.list(scope, token, pageSignal, 'running'), signal),
  // transition_at: when the service last changed status (§3.4), for a running one when it began to run.
  runningSince: (service) => service.transition_at ?? service.publish_at,
  // A list item carries no config, so no flavor (§3.4).
  flavor: () => ({}),
};

const servicesV2: BillingKind<ServiceV2> = {
  key: 'serviceV2',
  resourceKind: serviceV2Kind,
  title: vscode.l10n.t('Real-time services (v2)'),
  icon: 'cloud',
  listRunning: (services, scope, signal) => running((token, pageSignal) => services.inferenceV2.list(scope, token, pageSignal, 'RUNNING'), signal),
  // (uncertain) The service has no start time; its last update is the closest the listing says.
  runningSince: (service) => service.update_at ?? service.create_at,
  // The flavor is its deployments' (another request each): not read for a count.
  flavor: () => ({}),
};

const trainingJobs: BillingKind<TrainingJob> = {
  key: 'trainingJob',
  resourceKind: trainingJobKind,
  title: vscode.l10n.t('Training jobs'),
  icon: 'beaker',
  listRunning: (services, scope, signal) => running((token, pageSignal) => services.trainingJobs.search(scope, token, { phases: RUNNING_PHASES }, pageSignal), signal),
  runningSince: (job) => job.status.start_time ?? job.metadata.create_time,
  flavor: (job) => ({ facts: trainingJobFlavorFacts(job), text: trainingJobFlavorText(job), instances: job.spec?.resource?.node_count }),
};

const pools: BillingKind<Pool> = {
  key: 'pool',
  resourceKind: poolKind,
  title: vscode.l10n.t('Dedicated resource pools'),
  icon: 'server-environment',
  // Not paged (§5.1); its status filter (`created`) also keeps pools that are scaling, so the phase is read here.
  listRunning: async (services, scope, signal) => (await services.pools.list(scope.region, scope.workspaceId, signal)).filter((pool) => pool.status?.phase === 'Running'),
  runningSince: (pool) => (pool.metadata.creationTimestamp ? Date.parse(pool.metadata.creationTimestamp) : undefined),
  flavor: (pool) => ({ text: composition(pool.spec?.resources) || undefined }),
};

/** Method-typed members make each kind a BillingKind<unknown>, which the items share. */
export const BILLING_KINDS: readonly BillingKind<unknown>[] = [notebooks, liteServers, servicesV1, servicesV2, trainingJobs, pools] as readonly BillingKind<unknown>[];
