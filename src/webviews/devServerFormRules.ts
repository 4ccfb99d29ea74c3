/**
 * The rules of the Create Lite Server form, shared by the browser (live) and
 * the host (again before any request), and the §7.2 body built from it.
 * No `vscode` import: bundled into the browser app.
 */
import type { CreateDevServerRequest } from '../services/devServers';
import { adminPasswordProblem, liteNameProblem } from '../services/naming';
import { choiceProblem, type CompanionLists, subnetServesZone } from './companionRules';
import type { FieldErrors } from './formRules';
import type { CompanionList, DevServerFormValues } from './protocol';

/** EVS disk types; the reference's example uses GPSSD (§7.2). */
export const EVS_TYPES = ['GPSSD', 'ESSD', 'SSD', 'SAS', 'SATA'] as const;
/** The SDK's ranges: EvsVolume (system disk) and ServerDataVolume (each data disk, and how many). */
export const ROOT_VOLUME_GB = { min: 100, max: 1024 } as const;
export const DATA_VOLUME_GB = { min: 100, max: 32768 } as const;
export const MAX_DATA_VOLUMES = 8;
/** `count` is 1–10, and HPS servers come one hyperinstance at a time (§7.2). */
export const MAX_SERVERS = 10;

function wholeNumberIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

export function logsInWithKeyPair(values: DevServerFormValues): boolean {
  return values.login === 'keyPair' || values.serverType === 'HPS';
}

/** The lists the form's choices come from: subnets and security groups are those of the chosen VPC. */
export function devServerChoiceLists(values: DevServerFormValues): CompanionList[] {
  return ['vpcs', 'subnets', 'securityGroups', ...(logsInWithKeyPair(values) ? (['keyPairs'] as const) : [])];
}

/** The VPC, subnet (of the server's zone) and security group, each from its list. */
function networkErrors(values: DevServerFormValues, lists: CompanionLists, errors: FieldErrors): void {
  const problems = {
    vpcId: choiceProblem(values.vpcId, lists.vpcs, 'VPC'),
    subnetId: choiceProblem(values.subnetId, lists.subnets, 'subnet'),
    securityGroupId: choiceProblem(values.securityGroupId, lists.securityGroups, 'security group'),
  };
  const subnet = lists.subnets?.find((candidate) => candidate.id === values.subnetId);
  if (!problems.subnetId && subnet && !subnetServesZone(subnet, values.availabilityZone)) {
    problems.subnetId = `${subnet.name} is in ${subnet.availabilityZone}: choose a subnet of ${values.availabilityZone}.`;
  }
  for (const [field, problem] of Object.entries(problems)) {
    if (problem) {
      errors[field] = problem;
    }
  }
}

function loginErrors(values: DevServerFormValues, lists: CompanionLists, errors: FieldErrors): void {
  if (logsInWithKeyPair(values)) {
    if (values.serverType === 'HPS' && values.login === 'password') {
      errors.login = 'HPS servers log in with a key pair only.';
    }
    const keyPairProblem = choiceProblem(values.keyPairName, lists.keyPairs, 'key pair');
    if (keyPairProblem) {
      errors.keyPairName = keyPairProblem;
    }
    return;
  }
  const problem = adminPasswordProblem(values.adminPass);
  if (problem) {
    errors.adminPass = problem;
  } else if (values.adminPassConfirm !== values.adminPass) {
    errors.adminPassConfirm = 'The passwords do not match.';
  }
}

/** `lists`: the VPCs, the chosen VPC's subnets and security groups, and the key pairs, where known. */
export function validateDevServerForm(values: DevServerFormValues, lists: CompanionLists = {}): FieldErrors {
  const errors: FieldErrors = {};
  const nameProblem = liteNameProblem(values.name);
  if (nameProblem) {
    errors.name = nameProblem;
  }
  if (!values.flavor) {
    errors.flavor = 'Choose a flavor.';
  }
  if (!values.availabilityZone) {
    errors.availabilityZone = 'Choose an availability zone.';
  }
  if (!values.imageId) {
    errors.imageId = 'Choose an image.';
  }
  networkErrors(values, lists, errors);
  loginErrors(values, lists, errors);
  if (!(EVS_TYPES as readonly string[]).includes(values.rootVolumeType)) {
    errors.rootVolumeType = 'Choose a disk type.';
  }
  if (!wholeNumberIn(values.rootVolumeSizeGb, ROOT_VOLUME_GB.min, ROOT_VOLUME_GB.max)) {
    errors.rootVolumeSizeGb = `Enter a whole number of GB from ${ROOT_VOLUME_GB.min} to ${ROOT_VOLUME_GB.max}.`;
  }
  if (!wholeNumberIn(values.dataVolumeCount, 0, MAX_DATA_VOLUMES)) {
    errors.dataVolumeCount = `Enter 0 (none) to ${MAX_DATA_VOLUMES} data disks.`;
  } else if (values.dataVolumeCount > 0) {
    if (!(EVS_TYPES as readonly string[]).includes(values.dataVolumeType)) {
      errors.dataVolumeType = 'Choose a disk type.';
    }
    if (!wholeNumberIn(values.dataVolumeSizeGb, DATA_VOLUME_GB.min, DATA_VOLUME_GB.max)) {
      errors.dataVolumeSizeGb = `Enter a whole number of GB from ${DATA_VOLUME_GB.min} to ${DATA_VOLUME_GB.max}.`;
    }
  }
  if (values.serverType !== 'HPS' && !wholeNumberIn(values.count, 1, MAX_SERVERS)) {
    errors.count = `Enter 1 to ${MAX_SERVERS} servers.`;
  }
  return errors;
}

export function emptyDevServerForm(workspaceId: string): DevServerFormValues {
  return {
    name: '',
    workspaceId,
    serverType: 'BMS',
    arch: 'X86',
    flavor: '',
    availabilityZone: '',
    imageId: '',
    vpcId: '',
    subnetId: '',
    securityGroupId: '',
    login: 'keyPair',
    keyPairName: '',
    adminPass: '',
    adminPassConfirm: '',
    rootVolumeType: 'GPSSD',
    rootVolumeSizeGb: ROOT_VOLUME_GB.min,
    dataVolumeCount: 0,
    dataVolumeType: 'GPSSD',
    dataVolumeSizeGb: 500,
    hpsClusterId: '',
    count: 1,
  };
}

/**
 * The ServerCreateRequest body. Pay-per-use only, so without `charging_info` (whose period fields are for
 * prepaid servers): a prepaid create answers with an order to pay in the console, and the server exists
 * only once it is paid (§7.1).
 */
export function toCreateDevServerBody(values: DevServerFormValues): CreateDevServerRequest {
  const hps = values.serverType === 'HPS';
  return {
    name: values.name,
    flavor: values.flavor,
    server_type: values.serverType,
    arch: values.arch,
    image_id: values.imageId,
    availability_zone: values.availabilityZone,
    network: { vpc_id: values.vpcId, subnet_id: values.subnetId, security_group_id: values.securityGroupId },
    ...(logsInWithKeyPair(values) ? { key_pair_name: values.keyPairName } : { admin_pass: values.adminPass }),
    root_volume: { type: values.rootVolumeType, size: values.rootVolumeSizeGb },
    ...(values.dataVolumeCount > 0 ? { data_volume: { type: values.dataVolumeType, size: values.dataVolumeSizeGb, count: values.dataVolumeCount } } : {}),
    ...(hps ? (values.hpsClusterId ? { hps_cluster_id: values.hpsClusterId } : {}) : { count: values.count }),
  };
}
