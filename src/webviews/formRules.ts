/**
 * The rules of the create forms, shared by the browser (live messages at each
 * field) and the host (checked again before any request). Field errors are keyed
 * by the form field's name. No `vscode` import: bundled into the browser apps too.
 */
import { resourceNameProblem } from '../services/naming';
import { LEASE_MAX_MS, NEVER_STOP, OBS_FOLDER } from '../services/notebookRules';
import type { CreateNotebookRequest, Notebook } from '../services/notebooks';
import { jobEnvironment, type TrainingJob, type TrainingJobEnvironments } from '../services/trainingJobs';
import { choiceProblem, type CompanionLists } from './companionRules';
import type { NameValue, NotebookFormValues, TrainingJobFormValues } from './protocol';
import * as l10n from '@vscode/l10n';

export type FieldErrors = Record<string, string>;

const OBS_FILE = /^obs:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/[^\s]*[^/\s]$/;
const ENVIRONMENT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const EVS_MIN_GB = 5;
export const EVS_MAX_GB = 4096;
const HOUR_MS = 3_600_000;
/** The lease API takes 1 to 72 hours (§1.3). */
export const AUTO_STOP_MAX_HOURS = LEASE_MAX_MS / HOUR_MS;

/** `lists.keyPairs`: the region's key pairs, where known. */
export function validateNotebookForm(values: NotebookFormValues, lists: CompanionLists = {}): FieldErrors {
  const errors: FieldErrors = {};
  const name = resourceNameProblem(values.name);
  if (name) {
    errors.name = name;
  }
  if (!values.flavorId) {
    errors.flavorId = l10n.t('Choose a flavor.');
  }
  if (!values.imageId) {
    errors.imageId = l10n.t('Choose an image.');
  }
  if (values.storage === 'EVS' && !(Number.isInteger(values.evsSizeGb) && values.evsSizeGb >= EVS_MIN_GB && values.evsSizeGb <= EVS_MAX_GB)) {
    errors.evsSizeGb = l10n.t('Enter a whole number of GB from {0} to {1}.', EVS_MIN_GB, EVS_MAX_GB);
  }
  if (values.storage === 'OBS' && !OBS_FOLDER.test(values.obsPath)) {
    errors.obsPath = l10n.t('Enter a folder such as obs://my-bucket/notebooks/ (ending with /).');
  }
  // No key pair: no SSH access.
  const keyPairProblem = values.keyPairName ? choiceProblem(values.keyPairName, lists.keyPairs, l10n.t('key pair')) : undefined;
  if (keyPairProblem) {
    errors.keyPairName = keyPairProblem;
  }
  if (!(Number.isInteger(values.autoStopHours) && values.autoStopHours >= 0 && values.autoStopHours <= AUTO_STOP_MAX_HOURS)) {
    errors.autoStopHours = l10n.t('Enter 0 (never) or 1 to {0} hours.', AUTO_STOP_MAX_HOURS);
  }
  return errors;
}

export function toCreateNotebookRequest(values: NotebookFormValues): CreateNotebookRequest {
  return {
    name: values.name,
    description: values.description || undefined,
    flavor: values.flavorId,
    image_id: values.imageId,
    volume:
      values.storage === 'EVS'
        ? { category: 'EVS', ownership: 'MANAGED', capacity: values.evsSizeGb }
        : { category: 'OBSFS', ownership: 'DEDICATED', uri: values.obsPath },
    endpoints: values.keyPairName ? [{ service: 'SSH', key_pair_names: [values.keyPairName] }] : undefined,
    // Sent either way: without one the service stops the notebook after 1 hour.
    ...(values.autoStopHours > 0 ? { lease: { duration: values.autoStopHours * HOUR_MS, type: 'TIMING' } } : { duration: NEVER_STOP }),
  };
}

export function emptyNotebookForm(workspaceId: string): NotebookFormValues {
  return { name: '', description: '', workspaceId, flavorId: '', imageId: '', storage: 'EVS', evsSizeGb: 50, obsPath: '', keyPairName: '', autoStopHours: 4 };
}

/** "Create similar…": the form filled from an existing notebook, with a name that does not clash. */
export function notebookToFormValues(notebook: Notebook, workspaceId: string): NotebookFormValues {
  const sshKey = notebook.endpoints?.find((endpoint) => endpoint.service === 'SSH')?.key_pair_names?.[0];
  const leaseHours = notebook.lease?.enable && notebook.lease.duration ? Math.round(notebook.lease.duration / HOUR_MS) : 0;
  const isObs = notebook.volume?.category === 'OBS' || notebook.volume?.category === 'OBSFS';
  return {
    ...emptyNotebookForm(workspaceId),
    name: copyName(notebook.name),
    description: notebook.description ?? '',
    flavorId: notebook.flavor,
    imageId: notebook.image?.id ?? '',
    storage: isObs ? 'OBS' : 'EVS',
    evsSizeGb: !isObs && notebook.volume?.capacity ? notebook.volume.capacity : 50,
    obsPath: isObs ? (notebook.volume?.uri ?? '') : '',
    keyPairName: sshKey ?? '',
    autoStopHours: Math.min(leaseHours, AUTO_STOP_MAX_HOURS),
  };
}

export function validateTrainingJobForm(values: TrainingJobFormValues, maxNodes?: number): FieldErrors {
  const errors: FieldErrors = {};
  const name = resourceNameProblem(values.name);
  if (name) {
    errors.name = name;
  }
  if (values.source === 'engine') {
    if (!values.engineId) {
      errors.engineId = l10n.t('Choose an engine.');
    }
    if (!OBS_FOLDER.test(values.codeDir)) {
      errors.codeDir = l10n.t('Enter the code folder, e.g. obs://my-bucket/code/ (ending with /).');
    }
    if (!OBS_FILE.test(values.bootFile)) {
      errors.bootFile = l10n.t('Enter the boot file, e.g. obs://my-bucket/code/train.py.');
    } else if (OBS_FOLDER.test(values.codeDir) && !values.bootFile.startsWith(values.codeDir)) {
      errors.bootFile = l10n.t('The boot file must be inside the code folder.');
    }
  } else {
    if (!values.imageUrl.trim()) {
      errors.imageUrl = l10n.t('Enter the image, e.g. swr.cn-north-4.myhuaweicloud.com/org/train:1.0.');
    }
    if (!values.command.trim()) {
      errors.command = l10n.t('Enter the command that starts training.');
    }
  }
  if (!values.flavorId) {
    errors.flavorId = l10n.t('Choose a flavor.');
  }
  const limit = maxNodes ?? Number.MAX_SAFE_INTEGER;
  if (!(Number.isInteger(values.nodeCount) && values.nodeCount >= 1 && values.nodeCount <= limit)) {
    errors.nodeCount = maxNodes ? l10n.t('Enter 1 to {0} nodes.', maxNodes) : l10n.t('Enter a whole number of nodes, 1 or more.');
  }
  tableErrors(errors, 'inputs', values.inputs, (row) => (OBS_FOLDER.test(row.value) || OBS_FILE.test(row.value) ? undefined : l10n.t('an obs:// path')));
  tableErrors(errors, 'outputs', values.outputs, (row) => (OBS_FOLDER.test(row.value) ? undefined : l10n.t('an obs:// folder ending with /')));
  tableErrors(errors, 'hyperparameters', values.hyperparameters, () => undefined);
  environmentErrors(errors, 'environment', values.environment);
  if (values.logPath && !OBS_FOLDER.test(values.logPath)) {
    errors.logPath = l10n.t('Enter a folder such as obs://my-bucket/logs/ (ending with /), or leave it empty.');
  }
  return errors;
}

/** Environment variables: unique names of letters, digits and _, not starting with a digit. */
export function environmentErrors(errors: FieldErrors, field: string, rows: readonly NameValue[]): void {
  tableErrors(errors, field, rows, (row) => (ENVIRONMENT_NAME.test(row.name) ? undefined : l10n.t('a variable name of letters, digits and _')));
}

/** A table's rows need unique, non-empty names; `rowProblem` says what a valid row needs. */
function tableErrors(errors: FieldErrors, field: string, rows: readonly NameValue[], rowProblem: (row: NameValue) => string | undefined): void {
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const problem = !row.name.trim() ? l10n.t('a name') : seen.has(row.name) ? l10n.t('a name used once') : rowProblem(row);
    if (problem) {
      errors[field] = l10n.t('Row {0} needs {1}.', index + 1, problem);
      return;
    }
    seen.add(row.name);
  }
}

/** The API takes OBS locations as /bucket/path (§2.3). */
function obsUrl(path: string): string {
  return path.replace(/^obs:\//, '');
}

export function toCreateTrainingJobBody(values: TrainingJobFormValues): { kind: string; metadata: object; algorithm: object; spec: object } {
  const source =
    values.source === 'engine'
      ? { engine: { engine_id: values.engineId }, code_dir: obsUrl(values.codeDir), boot_file: obsUrl(values.bootFile) }
      : { engine: { image_url: values.imageUrl.trim() }, command: values.command };
  const remote = (rows: readonly NameValue[]) => rows.map((row) => ({ name: row.name, remote: { obs: { obs_url: obsUrl(row.value) } } }));
  return {
    kind: 'job',
    metadata: { name: values.name, description: values.description || undefined },
    algorithm: {
      ...source,
      parameters: values.hyperparameters.map((row) => ({ name: row.name, value: row.value })),
      inputs: remote(values.inputs),
      outputs: remote(values.outputs),
      environments: Object.fromEntries(values.environment.map((row) => [row.name, row.value])),
    },
    spec: {
      resource: { flavor_id: values.flavorId, node_count: values.nodeCount },
      log_export_path: values.logPath ? { obs_url: obsUrl(values.logPath) } : undefined,
    },
  };
}

export function emptyTrainingJobForm(workspaceId: string): TrainingJobFormValues {
  return {
    name: '',
    description: '',
    workspaceId,
    source: 'engine',
    engineId: '',
    codeDir: '',
    bootFile: '',
    imageUrl: '',
    command: '',
    flavorId: '',
    nodeCount: 1,
    inputs: [],
    outputs: [],
    hyperparameters: [],
    environment: [],
    logPath: '',
  };
}

interface JobAlgorithmDetails {
  readonly engine?: { readonly engine_id?: string; readonly image_url?: string };
  readonly code_dir?: string;
  readonly boot_file?: string;
  readonly command?: string;
  readonly parameters?: readonly { readonly name: string; readonly value: string }[];
  readonly inputs?: readonly { readonly name: string; readonly remote?: { readonly obs?: { readonly obs_url?: string } } }[];
  readonly outputs?: readonly { readonly name: string; readonly remote?: { readonly obs?: { readonly obs_url?: string } } }[];
  readonly environments?: TrainingJobEnvironments;
}

/** "Create similar…": the form filled from an existing job. */
export function trainingJobToFormValues(job: TrainingJob, workspaceId: string): TrainingJobFormValues {
  const algorithm = (job.algorithm ?? {}) as JobAlgorithmDetails;
  const obsPath = (url: string | undefined) => (url ? `obs:/${url.startsWith('/') ? url : `/${url}`}` : '');
  const rows = (items: JobAlgorithmDetails['inputs']) => (items ?? []).map((item) => ({ name: item.name, value: obsPath(item.remote?.obs?.obs_url) }));
  const usesImage = !algorithm.engine?.engine_id && Boolean(algorithm.engine?.image_url);
  return {
    ...emptyTrainingJobForm(workspaceId),
    name: copyName(job.metadata.name),
    description: job.metadata.description ?? '',
    source: usesImage ? 'image' : 'engine',
    engineId: algorithm.engine?.engine_id ?? '',
    codeDir: obsPath(algorithm.code_dir),
    bootFile: obsPath(algorithm.boot_file),
    imageUrl: usesImage ? (algorithm.engine?.image_url ?? '') : '',
    command: algorithm.command ?? '',
    flavorId: job.spec?.resource?.flavor_id ?? '',
    nodeCount: job.spec?.resource?.node_count ?? 1,
    inputs: rows(algorithm.inputs),
    outputs: rows(algorithm.outputs),
    hyperparameters: (algorithm.parameters ?? []).map((parameter) => ({ name: parameter.name, value: String(parameter.value) })),
    environment: Object.entries(jobEnvironment(algorithm.environments)).map(([name, value]) => ({ name, value })),
  };
}

/** "bert-finetune" → "bert-finetune-copy", kept within the 64-character limit. */
export function copyName(name: string): string {
  return `${name.slice(0, 59)}-copy`;
}
