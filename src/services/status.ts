/**
 * What a resource's status means, independent of how each API spells it
 * (UPPERCASE notebooks, CamelCase training phases, lowercase v1 services…).
 * The tree picks icons from the category and polls only `transitional` ones.
 * `degraded`: running, but some of it is unhealthy (a concerning service).
 */
export type StatusCategory = 'running' | 'degraded' | 'stopped' | 'transitional' | 'waiting' | 'succeeded' | 'failed' | 'unknown';

const NOTEBOOK_STATUS: Record<string, StatusCategory> = {
  INIT: 'transitional',
  CREATING: 'transitional',
  STARTING: 'transitional',
  STOPPING: 'transitional',
  DELETING: 'transitional',
  SNAPSHOTTING: 'transitional',
  RUNNING: 'running',
  STOPPED: 'stopped',
  DELETED: 'stopped',
  FROZEN: 'stopped',
  CREATE_FAILED: 'failed',
  START_FAILED: 'failed',
  DELETE_FAILED: 'failed',
  ERROR: 'failed',
};

const TRAINING_PHASE: Record<string, StatusCategory> = {
  Creating: 'transitional',
  Pending: 'transitional',
  Terminating: 'transitional',
  Running: 'running',
  Completed: 'succeeded',
  Terminated: 'stopped',
  Failed: 'failed',
  Abnormal: 'failed',
};

/** Pools (§5.3); Waiting means an unpaid order or an approval, which ends by itself. */
const POOL_PHASE: Record<string, StatusCategory> = {
  Creating: 'transitional',
  Deleting: 'transitional',
  Waiting: 'transitional',
  Running: 'running',
  Abnormal: 'failed',
  Error: 'failed',
  CreationFailed: 'failed',
  ScalingFailed: 'failed',
};

/** What a pool is used for (§5.3 status.scope): Enabling and Disabling are on their way. */
const SCOPE_STATE: Record<string, StatusCategory> = {
  Enabling: 'transitional',
  Disabling: 'transitional',
  Enabled: 'running',
  Disabled: 'stopped',
};

/** Nodes of a pool (§5.3). */
const NODE_PHASE: Record<string, StatusCategory> = {
  Creating: 'transitional',
  Deleting: 'transitional',
  Checking: 'transitional',
  Available: 'running',
  Abnormal: 'failed',
};

/** Plugins of a pool (§5.3). */
const PLUGIN_PHASE: Record<string, StatusCategory> = {
  Pending: 'transitional',
  Updating: 'transitional',
  Deleting: 'transitional',
  Running: 'running',
  Abnormal: 'failed',
};

/** Lite Servers (§7.3): every *ING state is on its way somewhere, every *_FAILED a failure. */
export function devServerStatusCategory(status: string): StatusCategory {
  if (status === 'RUNNING') {
    return 'running';
  }
  if (status === 'STOPPED' || status === 'DELETED') {
    return 'stopped';
  }
  if (status.endsWith('_FAILED') || status === 'ERROR') {
    return 'failed';
  }
  // CHANGINGOS and REINSTALLINGOS are on their way too, without the suffix.
  return status.endsWith('ING') || status === 'CHANGINGOS' || status === 'REINSTALLINGOS' ? 'transitional' : 'unknown';
}

const HYPERINSTANCE_STATUS: Record<string, StatusCategory> = {
  PROVISIONING: 'transitional',
  REIMAGING: 'transitional',
  TERMINATING: 'transitional',
  ACTIVE: 'running',
  TERMINATED: 'stopped',
  ERROR: 'failed',
};

/**
 * Jobs on Lite Servers: PROCESSING until every task has ended, then FINISHED; ACTIVE is the one status the
 * SDK documents for a job read on its own (uncertain meaning: taken as under way, not followed).
 */
const DEV_SERVER_JOB_STATUS: Record<string, StatusCategory> = {
  PROCESSING: 'transitional',
  ACTIVE: 'running',
  FINISHED: 'succeeded',
  DELETED: 'stopped',
};

/** A finished job with a failed task has failed (its tasks say where). */
export function devServerJobStatusCategory(status: string, failedTasks: number): StatusCategory {
  const category = DEV_SERVER_JOB_STATUS[status] ?? 'unknown';
  return category === 'succeeded' && failedTasks > 0 ? 'failed' : category;
}

/** A job's task on one server. */
const DEV_SERVER_TASK_STATUS: Record<string, StatusCategory> = {
  PROCESSING: 'transitional',
  SUCCESS: 'succeeded',
  FAILED: 'failed',
  SKIPPED: 'stopped',
};

export function devServerTaskStatusCategory(status: string): StatusCategory {
  return DEV_SERVER_TASK_STATUS[status] ?? 'unknown';
}

export function hyperinstanceStatusCategory(status: string): StatusCategory {
  return HYPERINSTANCE_STATUS[status] ?? 'unknown';
}

/**
 * Scheduled maintenance events (§6.4). Waiting for the user's go-ahead or for
 * their time is "waiting", not transitional: nothing changes until then, so
 * there is nothing to poll.
 */
const EVENT_STATE: Record<string, StatusCategory> = {
  inquiring: 'waiting',
  scheduled: 'waiting',
  executing: 'transitional',
  completed: 'succeeded',
  failed: 'failed',
  canceled: 'stopped',
};

/** Workspaces (§6.1): deletion is asynchronous, and a failed create or delete leaves the workspace listed. */
const WORKSPACE_STATUS: Record<string, StatusCategory> = {
  NORMAL: 'running',
  DELETING: 'transitional',
  CREATE_FAILED: 'failed',
  DELETE_FAILED: 'failed',
};

export function workspaceStatusCategory(status: string): StatusCategory {
  return WORKSPACE_STATUS[status] ?? 'unknown';
}

export function scheduledEventCategory(state: string): StatusCategory {
  return EVENT_STATE[state] ?? 'unknown';
}

function poolPhaseCategory(phase: string): StatusCategory {
  return POOL_PHASE[phase] ?? 'unknown';
}

/**
 * A Running pool is still changing while nodes are being created or deleted (a scale)
 * or a use is being enabled or disabled: §5.3 has no phase for either, so the tree
 * reads them from status.resources and status.scope and follows the pool until they settle.
 */
export function poolStatusCategory(phase: string, nodesChanging: boolean, scopeStates: readonly string[]): StatusCategory {
  const category = poolPhaseCategory(phase);
  const changing = nodesChanging || scopeStates.some((state) => SCOPE_STATE[state] === 'transitional');
  return category === 'running' && changing ? 'transitional' : category;
}

export function nodePhaseCategory(phase: string): StatusCategory {
  return NODE_PHASE[phase] ?? 'unknown';
}

export function pluginPhaseCategory(phase: string): StatusCategory {
  return PLUGIN_PHASE[phase] ?? 'unknown';
}

export function notebookStatusCategory(status: string): StatusCategory {
  return NOTEBOOK_STATUS[status] ?? 'unknown';
}

export function trainingPhaseCategory(phase: string): StatusCategory {
  return TRAINING_PHASE[phase] ?? 'unknown';
}

/** The statuses each API names (§1.4, §2.4, §3.4, §4.3, §7.3), for the status filter. */
export const NOTEBOOK_STATUSES: readonly string[] = Object.keys(NOTEBOOK_STATUS);
export const TRAINING_PHASES: readonly string[] = Object.keys(TRAINING_PHASE);
export const DEV_SERVER_STATUSES: readonly string[] = [
  'CREATING', 'CREATE_FAILED', 'RUNNING', 'STARTING', 'START_FAILED', 'STOPPING', 'STOPPED', 'STOP_FAILED', 'REBOOTING', 'REBOOT_FAILED',
  'CHANGINGOS', 'CHANGINGOS_FAILED', 'REINSTALLINGOS', 'REINSTALLINGOS_FAILED', 'DELETING', 'DELETE_FAILED', 'ERROR',
];

/** VPCs (CREATING, OK) and subnets (ACTIVE, UNKNOWN, ERROR), §8. */
const NETWORK_STATUS: Record<string, StatusCategory> = {
  CREATING: 'transitional',
  OK: 'running',
  ACTIVE: 'running',
  ERROR: 'failed',
};

export function networkStatusCategory(status: string): StatusCategory {
  return NETWORK_STATUS[status] ?? 'unknown';
}

/** KPS `frozen_state` as a number (`keyPairFrozenState`): 0 is usable, anything else frozen. */
export function keyPairCategory(frozenState: number): StatusCategory {
  return frozenState ? 'stopped' : 'running';
}

/**
 * Real-time services of the v1 API (§3.4), lowercase. Pending and waiting (queued for
 * resources) end by themselves, so they are polled like deploying.
 */
const SERVICE_V1_STATUS: Record<string, StatusCategory> = {
  deploying: 'transitional',
  stopping: 'transitional',
  deleting: 'transitional',
  pending: 'transitional',
  waiting: 'transitional',
  running: 'running',
  concerning: 'degraded',
  stopped: 'stopped',
  finished: 'succeeded',
  failed: 'failed',
};

export function serviceV1StatusCategory(status: string): StatusCategory {
  return SERVICE_V1_STATUS[status] ?? 'unknown';
}

export const SERVICE_V1_STATUSES: readonly string[] = Object.keys(SERVICE_V1_STATUS);

/**
 * Real-time services of the v2 API (§4.3) and their deployments, UPPERCASE. INIT (created without a
 * deployment) waits for the user to add one, so it is not polled; CONCERNING still serves, in part.
 */
const SERVICE_V2_STATUS: Record<string, StatusCategory> = {
  INIT: 'waiting',
  DEPLOYING: 'transitional',
  UPGRADING: 'transitional',
  STOPPING: 'transitional',
  INTERRUPTING: 'transitional',
  DELETING: 'transitional',
  RUNNING: 'running',
  CONCERNING: 'degraded',
  STOPPED: 'stopped',
  FAILED: 'failed',
  ERROR: 'failed',
};

export function serviceV2StatusCategory(status: string): StatusCategory {
  return SERVICE_V2_STATUS[status] ?? 'unknown';
}

export const SERVICE_V2_STATUSES: readonly string[] = Object.keys(SERVICE_V2_STATUS);

/** Models (§3.4): published is their usable end state. */
const MODEL_STATUS: Record<string, StatusCategory> = {
  publishing: 'transitional',
  building: 'transitional',
  published: 'succeeded',
  failed: 'failed',
  building_failed: 'failed',
};

export function modelStatusCategory(status: string): StatusCategory {
  return MODEL_STATUS[status] ?? 'unknown';
}

/** Storage mounted on a notebook (§1.5): being mounted or unmounted is on its way. */
const NOTEBOOK_STORAGE_STATUS: Record<string, StatusCategory> = {
  MOUNTING: 'transitional',
  UNMOUNTING: 'transitional',
  MOUNTED: 'running',
  UNMOUNTED: 'stopped',
  MOUNT_FAILED: 'failed',
  UNMOUNT_FAILED: 'failed',
};

export function notebookStorageStatusCategory(status: string): StatusCategory {
  return NOTEBOOK_STORAGE_STATUS[status] ?? 'unknown';
}

/** Notebook images (§1.5): INIT and CREATING while a save is under way; ACTIVE is usable. */
const NOTEBOOK_IMAGE_STATUS: Record<string, StatusCategory> = {
  INIT: 'transitional',
  CREATING: 'transitional',
  ACTIVE: 'running',
  DELETED: 'stopped',
  CREATE_FAILED: 'failed',
  ERROR: 'failed',
};

export function notebookImageStatusCategory(status: string): StatusCategory {
  return NOTEBOOK_IMAGE_STATUS[status] ?? 'unknown';
}

/** Every status value the product knows (and §2.4's secondary phases): what readableStatus (views/format.ts) is proven against. */
export const KNOWN_STATUSES: readonly string[] = [
  ...[NOTEBOOK_STATUS, TRAINING_PHASE, POOL_PHASE, SCOPE_STATE, NODE_PHASE, PLUGIN_PHASE, HYPERINSTANCE_STATUS, DEV_SERVER_JOB_STATUS, DEV_SERVER_TASK_STATUS, EVENT_STATE, WORKSPACE_STATUS, NETWORK_STATUS, SERVICE_V1_STATUS, SERVICE_V2_STATUS, MODEL_STATUS, NOTEBOOK_STORAGE_STATUS, NOTEBOOK_IMAGE_STATUS].flatMap(Object.keys),
  ...DEV_SERVER_STATUSES,
  ...['Creating', 'Queuing', 'Running', 'Failed', 'Completed', 'Terminating', 'Terminated', 'CreateFailed', 'TerminatedFailed', 'Unknown', 'Lost'],
];
