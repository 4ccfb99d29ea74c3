import { serviceV1Actions } from '../commands/inferenceV1Commands';
import { serviceV2Actions } from '../commands/inferenceV2Commands';
import { liteServerAction } from '../commands/liteServerCommands';
import { notebookActions } from '../commands/notebookCommands';
import type { ResourceAction } from '../commands/resourceCommands';
import { trainingJobActions } from '../commands/trainingJobCommands';
import type { DevServer } from '../services/devServers';
import type { ServiceV1 } from '../services/inferenceV1';
import type { ServiceV2 } from '../services/inferenceV2Objects';
import type { Notebook } from '../services/notebooks';
import type { TrainingJob } from '../services/trainingJobs';
import type { BillingKind } from './billingKinds';

/** The resource of each billing kind that has a Stop. */
interface StoppedResources {
  readonly notebook: Notebook;
  readonly liteServer: DevServer;
  readonly serviceV1: ServiceV1;
  readonly serviceV2: ServiceV2;
  readonly trainingJob: TrainingJob;
}

/**
 * Each billing kind's own Stop action, as the tree and the chat tools run it; a kind without one (pools) is listed
 * and never offered a Stop. Apart from the kinds, as the count runs in the background and needs none of the commands.
 */
const BILLING_STOPS: { readonly [Key in keyof StoppedResources]: ResourceAction<StoppedResources[Key]> } = {
  notebook: notebookActions.stop,
  liteServer: liteServerAction('STOP'),
  serviceV1: serviceV1Actions.stop,
  serviceV2: serviceV2Actions.stop,
  trainingJob: trainingJobActions.stop,
};

export function stopOf<T>(kind: BillingKind<T>): ResourceAction<T> | undefined {
  // The kind's key names its resource type, which BillingKind<T> does not tie to T.
  return kind.key in BILLING_STOPS ? (BILLING_STOPS[kind.key as keyof StoppedResources] as unknown as ResourceAction<T>) : undefined;
}
