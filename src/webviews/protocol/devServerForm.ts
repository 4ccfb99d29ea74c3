/** The Create Lite Server form. */
import { type Check, checkLiteral, checkNumber, checkObject, checkOneOf, checkString } from '../checks';
import type { ErrorInfo, FormScope, MessageChecks } from './common';

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
  /** "V100 32G ×1 · 8 vCPU · 64 GB · price unknown (id)": what the list shows; the value sent is `flavor`. */
  readonly name: string;
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

/** An HPS hyper cluster a hyperinstance can join (clusters have no status: every listed one can). */
export interface HyperClusterChoice {
  readonly id: string;
  readonly name: string;
}

export type DevServerHostMessage =
  | { readonly type: 'devServerForm'; readonly scope: FormScope; readonly values: DevServerFormValues }
  | { readonly type: 'devServerOptions'; readonly flavors: readonly DevServerFlavorChoice[]; readonly hyperClusters: readonly HyperClusterChoice[] }
  | { readonly type: 'devServerImages'; readonly flavor: string; readonly images: readonly DevServerImageChoice[] }
  | { readonly type: 'devServerImagesFailed'; readonly flavor: string; readonly error: ErrorInfo };

export type DevServerWebviewMessage =
  | { readonly type: 'submitDevServer'; readonly values: DevServerFormValues }
  | { readonly type: 'loadDevServerImages'; readonly serverType: DevServerTypeChoice; readonly flavor: string };

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

export const devServerMessageChecks: MessageChecks<DevServerWebviewMessage> = {
  submitDevServer: checkObject({ type: checkLiteral('submitDevServer'), values: devServerFormValues }),
  loadDevServerImages: checkObject({ type: checkLiteral('loadDevServerImages'), serverType: checkOneOf(DEV_SERVER_TYPES), flavor: checkString }),
};
