/**
 * Every message between the extension and its webviews, both ways, in one place.
 * Imported by the host controllers (src/webviews) and the browser apps (webview/),
 * so neither side can send what the other does not understand. No `vscode` import:
 * this file is bundled into the browser apps too.
 */
import { type Check, checkArray, checkBoolean, checkLiteral, checkNumber, checkObject, checkOneOf, checkString } from './checks';

/** Which browser app a panel runs; also the name of its bundle in dist/webview/. */
export type WebviewApp = 'createNotebook' | 'createTrainingJob' | 'createPool' | 'createDevServer' | 'createServiceV1' | 'details';

/** An error as a form shows it next to itself; never carries credentials (they never reach it). */
export interface ErrorInfo {
  readonly errorCode: string;
  readonly message: string;
  readonly requestId?: string;
}

export interface WorkspaceChoice {
  readonly id: string;
  readonly name: string;
}

/** Where a new resource goes. */
export interface FormScope {
  readonly region: string;
  readonly workspaces: readonly WorkspaceChoice[];
}

// ---------------------------------------------------------------------------------------------
// Create Notebook

export interface NotebookFormValues {
  readonly name: string;
  readonly description: string;
  readonly workspaceId: string;
  readonly flavorId: string;
  readonly imageId: string;
  readonly storage: 'EVS' | 'OBS';
  /** GB, for EVS. */
  readonly evsSizeGb: number;
  /** obs://bucket/path/, for OBS. */
  readonly obsPath: string;
  /** Empty: no SSH access. */
  readonly keyPairName: string;
  /** 0: never stop automatically. */
  readonly autoStopHours: number;
}

export interface FlavorChoice {
  readonly id: string;
  readonly name: string;
  /** CPU, GPU or ASCEND. */
  readonly category: string;
  readonly description: string;
  readonly soldOut: boolean;
}

export interface ImageChoice {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** CPU, GPU, ASCEND: the flavors this image runs on. */
  readonly categories: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Create Training Job

export interface NameValue {
  readonly name: string;
  readonly value: string;
}

export interface TrainingJobFormValues {
  readonly name: string;
  readonly description: string;
  readonly workspaceId: string;
  readonly source: 'engine' | 'image';
  /** For source "engine": a preset engine and the code to run with it. */
  readonly engineId: string;
  readonly codeDir: string;
  readonly bootFile: string;
  /** For source "image": a custom image and its command. */
  readonly imageUrl: string;
  readonly command: string;
  readonly flavorId: string;
  readonly nodeCount: number;
  /** Name → OBS path. */
  readonly inputs: readonly NameValue[];
  readonly outputs: readonly NameValue[];
  readonly hyperparameters: readonly NameValue[];
  readonly environment: readonly NameValue[];
  readonly logPath: string;
}

export interface TrainingFlavorChoice {
  readonly id: string;
  readonly name: string;
  /** CPU, GPU or Ascend. */
  readonly category: string;
  readonly maxNodes: number;
}

export interface EngineChoice {
  readonly id: string;
  readonly name: string;
  readonly version: string;
}

// ---------------------------------------------------------------------------------------------
// Create Resource Pool

/** What a pool is used for (§5.2 spec.scope). */
export type PoolUse = 'Train' | 'Infer' | 'Notebook';

export interface PoolFormValues {
  /** The display name (label os.modelarts/name); the pool's id is generated from it. */
  readonly name: string;
  readonly description: string;
  readonly workspaceId: string;
  readonly flavorId: string;
  readonly nodeCount: number;
  readonly networkName: string;
  readonly uses: readonly PoolUse[];
}

export interface PoolFlavorChoice {
  readonly id: string;
  /** CPU, GPU or NPU (or what the flavor list says). */
  readonly category: string;
  readonly description: string;
}

export interface NetworkChoice {
  readonly name: string;
  readonly description: string;
}

// ---------------------------------------------------------------------------------------------
// Create Lite Server

export type DevServerTypeChoice = 'BMS' | 'ECS' | 'HPS';
export type DevServerArchChoice = 'X86' | 'ARM';

export interface DevServerFormValues {
  readonly name: string;
  /** Lite Servers belong to the region; this only says where the tree lists them (the default workspace's scope). */
  readonly workspaceId: string;
  readonly serverType: DevServerTypeChoice;
  readonly arch: DevServerArchChoice;
  readonly flavor: string;
  readonly availabilityZone: string;
  readonly imageId: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly securityGroupId: string;
  readonly login: 'keyPair' | 'password';
  readonly keyPairName: string;
  /** Goes to the host with the submit only; the host never sends it back, and the app does not keep it in its saved state. */
  readonly adminPass: string;
  readonly adminPassConfirm: string;
  readonly rootVolumeType: string;
  readonly rootVolumeSizeGb: number;
  /** 0: no data disks. */
  readonly dataVolumeCount: number;
  readonly dataVolumeType: string;
  readonly dataVolumeSizeGb: number;
  /** HPS only; empty: none. */
  readonly hpsClusterId: string;
  /** Not HPS: how many servers alike. */
  readonly count: number;
}

export interface DevServerFlavorChoice {
  readonly flavor: string;
  readonly serverType: DevServerTypeChoice;
  readonly arch: DevServerArchChoice;
  readonly availabilityZone: string;
  /** GPU, NPU or CPU. */
  readonly flavorType: string;
  readonly specification: string;
  readonly soldOut: boolean;
}

export interface DevServerImageChoice {
  readonly id: string;
  readonly name: string;
  /** Only ACTIVE images can be used. */
  readonly usable: boolean;
}

export interface HyperClusterChoice {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly usable: boolean;
}

// Edit Resource Pool (the Create Resource Pool app in its edit mode)

/** One node pool of the pool being edited: its size is what may change. */
export interface PoolResourceRow {
  /** Empty when the pool does not name its node pools. */
  readonly nodePool: string;
  readonly flavor: string;
  readonly count: number;
  /** The most nodes it may have: its maxCount, else the form's limit. */
  readonly max: number;
}

/** The create form's fields but flavor and size; the name, workspace and network are shown, not changed. */
export interface PoolEditValues extends Pick<PoolFormValues, 'name' | 'workspaceId' | 'networkName' | 'description' | 'uses'> {
  readonly resources: readonly PoolResourceRow[];
}

// Create Real-Time Service (v1)

export interface ServiceV1FormValues {
  readonly name: string;
  readonly description: string;
  readonly workspaceId: string;
  /** The model's name; its published versions are the choices of `modelId`. */
  readonly modelName: string;
  /** The chosen version: a model id. */
  readonly modelId: string;
  readonly specification: string;
  readonly instanceCount: number;
  readonly environment: readonly NameValue[];
  /** 0: runs until stopped. */
  readonly autoStopHours: number;
}

/** A published model version, and what a specification must offer to run it. */
export interface ServiceModelChoice {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly workspaceId: string;
  readonly description: string;
  readonly minCpu?: number;
  readonly minMemoryMb?: number;
  readonly minGpu?: number;
  readonly minAscend?: number;
}

export interface ServiceSpecChoice {
  readonly id: string;
  /** CPU, GPU or ASCEND. */
  readonly category: string;
  readonly description: string;
  readonly cpu?: number;
  readonly memoryMb?: number;
  readonly gpu?: number;
  readonly npu?: number;
}

// ---------------------------------------------------------------------------------------------
// The account's networks and key pairs, as the create forms offer them

/** Lists a form asks for one at a time (subnets and security groups of one VPC), so that one failing leaves the others usable. */
export const COMPANION_LISTS = ['vpcs', 'subnets', 'securityGroups', 'keyPairs'] as const;
export type CompanionList = (typeof COMPANION_LISTS)[number];

/** A VPC, subnet, security group or key pair in a form's list. */
export interface CompanionChoice {
  /** A key pair's id is its name (KPS). */
  readonly id: string;
  readonly name: string;
  /** A VPC's or subnet's CIDR, a security group's description, a key pair's scope. */
  readonly detail: string;
  /** A subnet's availability zone, when it has one. */
  readonly availabilityZone?: string;
  /** Why it cannot be chosen (a frozen key pair, a subnet that is not ACTIVE); absent when it can. */
  readonly unusable?: string;
}

// ---------------------------------------------------------------------------------------------
// Details

export type DetailsAction =
  | 'refresh'
  | 'start'
  | 'stop'
  | 'delete'
  | 'openJupyter'
  | 'viewLogs'
  | 'copyId'
  | 'createSimilar'
  | 'edit'
  | 'manageTags'
  | 'update'
  | 'viewEvents'
  | 'copyAccessAddress'
  | 'deployV1';

export interface DetailsField {
  readonly label: string;
  readonly value: string;
}

export interface DetailsStep {
  readonly label: string;
  readonly state: 'done' | 'active' | 'waiting' | 'failed';
}

export interface DetailsView {
  readonly kindLabel: string;
  readonly name: string;
  readonly status: string;
  /** running, stopped, transitional, succeeded, failed, unknown: the same categories as the tree's icons. */
  readonly statusCategory: string;
  readonly fields: readonly DetailsField[];
  readonly steps: readonly DetailsStep[];
  readonly actions: readonly DetailsAction[];
  /** Whether the panel refreshes itself (the resource is in a transitional state). */
  readonly live: boolean;
  /** The tail of the log, for resources that have one. */
  readonly log?: { readonly text: string; readonly following: boolean; readonly truncated: boolean };
}

// ---------------------------------------------------------------------------------------------
// OBS paths, browsed for a form's fields

export const OBS_BROWSE_SELECTS = ['folder', 'object', 'any'] as const;
export type ObsBrowseSelect = (typeof OBS_BROWSE_SELECTS)[number];

// ---------------------------------------------------------------------------------------------
// Messages

export type HostMessage =
  | { readonly type: 'notebookForm'; readonly scope: FormScope; readonly values: NotebookFormValues }
  | { readonly type: 'notebookOptions'; readonly flavors: readonly FlavorChoice[]; readonly images: readonly ImageChoice[] }
  | { readonly type: 'trainingJobForm'; readonly scope: FormScope; readonly values: TrainingJobFormValues }
  | { readonly type: 'trainingJobOptions'; readonly flavors: readonly TrainingFlavorChoice[]; readonly engines: readonly EngineChoice[] }
  | { readonly type: 'poolForm'; readonly scope: FormScope; readonly values: PoolFormValues }
  | { readonly type: 'poolOptions'; readonly flavors: readonly PoolFlavorChoice[]; readonly networks: readonly NetworkChoice[] }
  | { readonly type: 'devServerForm'; readonly scope: FormScope; readonly values: DevServerFormValues }
  | { readonly type: 'devServerOptions'; readonly flavors: readonly DevServerFlavorChoice[]; readonly hyperClusters: readonly HyperClusterChoice[] }
  | { readonly type: 'devServerImages'; readonly flavor: string; readonly images: readonly DevServerImageChoice[] }
  | { readonly type: 'devServerImagesFailed'; readonly flavor: string; readonly error: ErrorInfo }
  | { readonly type: 'poolEditForm'; readonly scope: FormScope; readonly values: PoolEditValues }
  | { readonly type: 'serviceV1Form'; readonly scope: FormScope; readonly values: ServiceV1FormValues }
  | { readonly type: 'serviceV1Options'; readonly models: readonly ServiceModelChoice[]; readonly specifications: readonly ServiceSpecChoice[] }
  /** `vpcId` is the VPC of subnets and security groups, empty for the other lists. */
  | { readonly type: 'companionChoices'; readonly list: CompanionList; readonly vpcId: string; readonly choices: readonly CompanionChoice[] }
  | { readonly type: 'companionChoicesFailed'; readonly list: CompanionList; readonly vpcId: string; readonly error: ErrorInfo }
  /** The image picked in VS Code's quick pick; neither path nor error when the pick was dismissed. */
  | { readonly type: 'swrImageBrowsed'; readonly path?: string; readonly error?: ErrorInfo }
  /** The obs:// path picked for `field` in VS Code's quick pick; neither uri nor error when the pick was dismissed. */
  | { readonly type: 'obsBrowsed'; readonly field: string; readonly uri?: string; readonly error?: ErrorInfo }
  | { readonly type: 'optionsFailed'; readonly error: ErrorInfo }
  | { readonly type: 'submitting' }
  /** The user declined the confirmation a submit asked for: the form is as it was, nothing was sent. */
  | { readonly type: 'submitCancelled' }
  | { readonly type: 'submitFailed'; readonly error: ErrorInfo; readonly fieldErrors: Readonly<Record<string, string>> }
  | { readonly type: 'details'; readonly view: DetailsView }
  | { readonly type: 'detailsFailed'; readonly error: ErrorInfo };

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'reloadOptions' }
  | { readonly type: 'submitNotebook'; readonly values: NotebookFormValues }
  | { readonly type: 'submitTrainingJob'; readonly values: TrainingJobFormValues }
  | { readonly type: 'submitPool'; readonly values: PoolFormValues }
  | { readonly type: 'submitDevServer'; readonly values: DevServerFormValues }
  | { readonly type: 'loadDevServerImages'; readonly serverType: DevServerTypeChoice; readonly flavor: string }
  | { readonly type: 'submitPoolEdit'; readonly values: PoolEditValues }
  | { readonly type: 'submitServiceV1'; readonly values: ServiceV1FormValues }
  | { readonly type: 'loadCompanionChoices'; readonly list: CompanionList; readonly vpcId: string }
  | { readonly type: 'browseSwrImage' }
  /** Browse the region's buckets for a form field (`codeDir`, `inputs.0`): a folder, an object, or either. */
  | { readonly type: 'browseObs'; readonly field: string; readonly select: ObsBrowseSelect }
  | { readonly type: 'cancel' }
  | { readonly type: 'runAction'; readonly action: DetailsAction }
  | { readonly type: 'followLog'; readonly follow: boolean };

const nameValues = checkArray(checkObject({ name: checkString, value: checkString }));

const notebookFormValues: Check<NotebookFormValues> = checkObject({
  name: checkString,
  description: checkString,
  workspaceId: checkString,
  flavorId: checkString,
  imageId: checkString,
  storage: checkOneOf(['EVS', 'OBS'] as const),
  evsSizeGb: checkNumber,
  obsPath: checkString,
  keyPairName: checkString,
  autoStopHours: checkNumber,
});

const trainingJobFormValues: Check<TrainingJobFormValues> = checkObject({
  name: checkString,
  description: checkString,
  workspaceId: checkString,
  source: checkOneOf(['engine', 'image'] as const),
  engineId: checkString,
  codeDir: checkString,
  bootFile: checkString,
  imageUrl: checkString,
  command: checkString,
  flavorId: checkString,
  nodeCount: checkNumber,
  inputs: nameValues,
  outputs: nameValues,
  hyperparameters: nameValues,
  environment: nameValues,
  logPath: checkString,
});

const poolFormValues: Check<PoolFormValues> = checkObject({
  name: checkString,
  description: checkString,
  workspaceId: checkString,
  flavorId: checkString,
  nodeCount: checkNumber,
  networkName: checkString,
  uses: checkArray(checkOneOf(['Train', 'Infer', 'Notebook'] as const)),
});

const DEV_SERVER_TYPES = ['BMS', 'ECS', 'HPS'] as const;

const devServerFormValues: Check<DevServerFormValues> = checkObject({
  name: checkString,
  workspaceId: checkString,
  serverType: checkOneOf(DEV_SERVER_TYPES),
  arch: checkOneOf(['X86', 'ARM'] as const),
  flavor: checkString,
  availabilityZone: checkString,
  imageId: checkString,
  vpcId: checkString,
  subnetId: checkString,
  securityGroupId: checkString,
  login: checkOneOf(['keyPair', 'password'] as const),
  keyPairName: checkString,
  adminPass: checkString,
  adminPassConfirm: checkString,
  rootVolumeType: checkString,
  rootVolumeSizeGb: checkNumber,
  dataVolumeCount: checkNumber,
  dataVolumeType: checkString,
  dataVolumeSizeGb: checkNumber,
  hpsClusterId: checkString,
  count: checkNumber,
});

const poolEditValues: Check<PoolEditValues> = checkObject({
  name: checkString,
  workspaceId: checkString,
  networkName: checkString,
  description: checkString,
  uses: checkArray(checkOneOf(['Train', 'Infer', 'Notebook'] as const)),
  resources: checkArray(checkObject({ nodePool: checkString, flavor: checkString, count: checkNumber, max: checkNumber })),
});

const serviceV1FormValues: Check<ServiceV1FormValues> = checkObject({
  name: checkString,
  description: checkString,
  workspaceId: checkString,
  modelName: checkString,
  modelId: checkString,
  specification: checkString,
  instanceCount: checkNumber,
  environment: nameValues,
  autoStopHours: checkNumber,
});

const DETAILS_ACTIONS: readonly DetailsAction[] = ['refresh', 'start', 'stop', 'delete', 'openJupyter', 'viewLogs', 'copyId', 'createSimilar', 'edit', 'manageTags', 'update', 'viewEvents', 'copyAccessAddress', 'deployV1'];

const webviewMessageChecks: { readonly [K in WebviewMessage['type']]: Check<Extract<WebviewMessage, { type: K }>> } = {
  ready: checkObject({ type: checkLiteral('ready') }),
  reloadOptions: checkObject({ type: checkLiteral('reloadOptions') }),
  submitNotebook: checkObject({ type: checkLiteral('submitNotebook'), values: notebookFormValues }),
  submitTrainingJob: checkObject({ type: checkLiteral('submitTrainingJob'), values: trainingJobFormValues }),
  submitPool: checkObject({ type: checkLiteral('submitPool'), values: poolFormValues }),
  submitDevServer: checkObject({ type: checkLiteral('submitDevServer'), values: devServerFormValues }),
  loadDevServerImages: checkObject({ type: checkLiteral('loadDevServerImages'), serverType: checkOneOf(DEV_SERVER_TYPES), flavor: checkString }),
  submitPoolEdit: checkObject({ type: checkLiteral('submitPoolEdit'), values: poolEditValues }),
  submitServiceV1: checkObject({ type: checkLiteral('submitServiceV1'), values: serviceV1FormValues }),
  loadCompanionChoices: checkObject({ type: checkLiteral('loadCompanionChoices'), list: checkOneOf(COMPANION_LISTS), vpcId: checkString }),
  browseSwrImage: checkObject({ type: checkLiteral('browseSwrImage') }),
  browseObs: checkObject({ type: checkLiteral('browseObs'), field: checkString, select: checkOneOf(OBS_BROWSE_SELECTS) }),
  cancel: checkObject({ type: checkLiteral('cancel') }),
  runAction: checkObject({ type: checkLiteral('runAction'), action: checkOneOf(DETAILS_ACTIONS) }),
  followLog: checkObject({ type: checkLiteral('followLog'), follow: checkBoolean }),
};

/**
 * What the host accepts from a webview: a known message whose every field has the
 * right type. Anything else yields the reason it was rejected.
 */
export function parseWebviewMessage(raw: unknown): { message: WebviewMessage } | { problem: string } {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !(type in webviewMessageChecks)) {
    return { problem: `unknown message type ${JSON.stringify(type)}` };
  }
  const problem = webviewMessageChecks[type as WebviewMessage['type']](raw);
  return problem === undefined ? { message: raw as WebviewMessage } : { problem: `${type}: ${problem}` };
}
