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
import * as l10n from '@vscode/l10n';

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
    subnetId: choiceProblem(values.subnetId, lists.subnets, l10n.t('subnet')),
    securityGroupId: choiceProblem(values.securityGroupId, lists.securityGroups, l10n.t('security group')),
  };
  const subnet = lists.subnets?.find((candidate) => candidate.id === values.subnetId);
  if (!problems.subnetId && subnet && !subnetServesZone(subnet, values.availabilityZone)) {
    problems.subnetId = l10n.t('{0} is in {1}: choose a subnet of {2}.', subnet.name, subnet.availabilityZone ?? '', values.availabilityZone);
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
      errors.login = l10n.t('HPS servers log in with a key pair only.');
    }
    const keyPairProblem = choiceProblem(values.keyPairName, lists.keyPairs, l10n.t('key pair'));
    if (keyPairProblem) {
      errors.keyPairName = keyPairProblem;
    }
    return;
  }
  const problem = adminPasswordProblem(values.adminPass);
  if (problem) {
    errors.adminPass = problem;
  } else if (values.adminPassConfirm !== values.adminPass) {
    errors.adminPassConfirm = l10n.t('The passwords do not match.');
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
    errors.flavor = l10n.t('Choose a flavor.');
  }
  if (!values.availabilityZone) {
    errors.availabilityZone = l10n.t('Choose an availability zone.');
  }
  if (!values.imageId) {
    errors.imageId = l10n.t('Choose an image.');
  }
  networkErrors(values, lists, errors);
  loginErrors(values, lists, errors);
  if (!(EVS_TYPES as readonly string[]).includes(values.rootVolumeType)) {
    errors.rootVolumeType = l10n.t('Choose a disk type.');
  }
  if (!wholeNumberIn(values.rootVolumeSizeGb, ROOT_VOLUME_GB.min, ROOT_VOLUME_GB.max)) {
    errors.rootVolumeSizeGb = l10n.t('Enter a whole number of GB from {0} to {1}.', ROOT_VOLUME_GB.min, ROOT_VOLUME_GB.max);
  }
  if (!wholeNumberIn(values.dataVolumeCount, 0, MAX_DATA_VOLUMES)) {
    errors.dataVolumeCount = l10n.t('Enter 0 (none) to {0} data disks.', MAX_DATA_VOLUMES);
  } else if (values.dataVolumeCount > 0) {
    if (!(EVS_TYPES as readonly string[]).includes(values.dataVolumeType)) {
      errors.dataVolumeType = l10n.t('Choose a disk type.');
    }
    if (!wholeNumberIn(values.dataVolumeSizeGb, DATA_VOLUME_GB.min, DATA_VOLUME_GB.max)) {
      errors.dataVolumeSizeGb = l10n.t('Enter a whole number of GB from {0} to {1}.', DATA_VOLUME_GB.min, DATA_VOLUME_GB.max);
    }
  }
  if (values.serverType !== 'HPS' && !wholeNumberIn(values.count, 1, MAX_SERVERS)) {
    errors.count = l10n.t('Enter 1 to {0} servers.', MAX_SERVERS);
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
