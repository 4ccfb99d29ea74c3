import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { adminPasswordProblem } from '../../src/services/naming';
import type { CompanionLists } from '../../src/webviews/companionRules';
import { DATA_VOLUME_GB, devServerChoiceLists, emptyDevServerForm, MAX_DATA_VOLUMES, MAX_SERVERS, ROOT_VOLUME_GB, toCreateDevServerBody, validateDevServerForm } from '../../src/webviews/devServerFormRules';
import { emptyNotebookForm, validateNotebookForm } from '../../src/webviews/formRules';
import type { DevServerFormValues } from '../../src/webviews/protocol';

const VPC = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const SUBNET = '1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const GROUP = '2a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const PASSWORD = 'Str0ng-Passw0rd';

/** The lists the form offered: the VPC with a subnet in zone a, one in zone b and one without a zone. */
const LISTS: CompanionLists = {
  vpcs: [{ id: VPC, name: 'vpc-main', detail: '10.0.0.0/16' }],
  subnets: [
    { id: SUBNET, name: 'subnet-a', detail: '10.0.0.0/24', availabilityZone: 'cn-north-4a' },
    { id: 'subnet-b', name: 'subnet-b', detail: '10.0.1.0/24', availabilityZone: 'cn-north-4b' },
    { id: 'subnet-any', name: 'subnet-any', detail: '10.0.2.0/24' },
    { id: 'subnet-broken', name: 'subnet-broken', detail: '10.0.3.0/24', unusable: 'not active' },
  ],
  securityGroups: [{ id: GROUP, name: 'sg-ssh', detail: 'SSH' }],
  keyPairs: [
    { id: 'kp-dev', name: 'kp-dev', detail: 'ssh · personal' },
    { id: 'kp-old', name: 'kp-old', detail: 'ssh · personal · frozen', unusable: 'frozen' },
  ],
};

/** A form a person could send: an ECS x86 server logging in with a key pair. */
function filled(patch: Partial<DevServerFormValues> = {}): DevServerFormValues {
  return {
    ...emptyDevServerForm('0'),
    name: 'lite-dev.01',
    serverType: 'ECS',
    arch: 'X86',
    flavor: 'c7.4xlarge.2',
    availabilityZone: 'cn-north-4a',
    imageId: 'image-1',
    vpcId: VPC,
    subnetId: SUBNET,
    securityGroupId: GROUP,
    keyPairName: 'kp-dev',
    ...patch,
  };
}

describe('Create Lite Server form rules', () => {
  test('a filled form has no errors; an empty one names every required field', () => {
    assert.deepEqual(validateDevServerForm(filled()), {});
    assert.deepEqual(Object.keys(validateDevServerForm(emptyDevServerForm('0'))).sort(), [
      'availabilityZone',
      'flavor',
      'imageId',
      'keyPairName',
      'name',
      'securityGroupId',
      'subnetId',
      'vpcId',
    ]);
  });

  test('names follow the SDK pattern', () => {
    assert.ok(validateDevServerForm(filled({ name: 'bad name!' })).name);
    assert.ok(validateDevServerForm(filled({ name: 'x'.repeat(65) })).name);
    assert.equal(validateDevServerForm(filled({ name: 'A_b-c.9' })).name, undefined);
  });

  test('the VPC, subnet, security group and key pair must be chosen from the lists, where the lists are known', () => {
    assert.deepEqual(validateDevServerForm(filled(), LISTS), {});
    assert.deepEqual(validateDevServerForm(filled({ subnetId: 'subnet-any' }), LISTS), {}, 'a subnet without a zone serves every zone');
    const unlisted = validateDevServerForm(filled({ vpcId: 'vpc-gone', subnetId: 'subnet-gone', securityGroupId: 'sg-gone', keyPairName: 'kp-elsewhere' }), LISTS);
    assert.deepEqual(unlisted, {
      vpcId: 'Choose a VPC from the list.',
      subnetId: 'Choose a subnet from the list.',
      securityGroupId: 'Choose a security group from the list.',
      keyPairName: 'Choose a key pair from the list.',
    });
    assert.deepEqual(validateDevServerForm(filled({ vpcId: 'vpc-gone' })), {}, 'without the lists (not loaded yet) a chosen id is not judged');
    assert.equal(validateDevServerForm(filled({ subnetId: 'subnet-b' }), LISTS).subnetId, 'subnet-b is in cn-north-4b: choose a subnet of cn-north-4a.');
    assert.equal(validateDevServerForm(filled({ subnetId: 'subnet-broken' }), LISTS).subnetId, 'subnet-broken is not active: choose another subnet.');
    assert.equal(validateDevServerForm(filled({ keyPairName: 'kp-old' }), LISTS).keyPairName, 'kp-old is frozen: choose another key pair.');
    assert.equal(validateDevServerForm(filled({ subnetId: '' }), LISTS).subnetId, 'Choose a subnet.');
    assert.deepEqual(validateDevServerForm(filled({ login: 'password', keyPairName: 'kp-old', adminPass: PASSWORD, adminPassConfirm: PASSWORD }), LISTS), {}, 'a password login needs no key pair');
  });

  test('the host loads again the lists the choices come from: key pairs only for a key pair login', () => {
    assert.deepEqual(devServerChoiceLists(filled()), ['vpcs', 'subnets', 'securityGroups', 'keyPairs']);
    assert.deepEqual(devServerChoiceLists(filled({ login: 'password' })), ['vpcs', 'subnets', 'securityGroups']);
    assert.deepEqual(devServerChoiceLists(filled({ login: 'password', serverType: 'HPS' })), ['vpcs', 'subnets', 'securityGroups', 'keyPairs']);
  });

  test('a notebook needs no key pair; one that is chosen must be listed and not frozen', () => {
    const notebook = { ...emptyNotebookForm('0'), name: 'nb', flavorId: 'flavor', imageId: 'image' };
    assert.deepEqual(validateNotebookForm(notebook, LISTS), {});
    assert.deepEqual(validateNotebookForm({ ...notebook, keyPairName: 'kp-dev' }, LISTS), {});
    assert.equal(validateNotebookForm({ ...notebook, keyPairName: 'kp-old' }, LISTS).keyPairName, 'kp-old is frozen: choose another key pair.');
    assert.equal(validateNotebookForm({ ...notebook, keyPairName: 'kp-elsewhere' }, LISTS).keyPairName, 'Choose a key pair from the list.');
  });

  test('passwords need 8 to 26 characters of three kinds, without root or administrator, typed twice alike', () => {
    assert.equal(adminPasswordProblem(PASSWORD), undefined);
    assert.match(adminPasswordProblem('Sh0rt!') ?? '', /8 to 26/);
    assert.match(adminPasswordProblem('alllowercaseletters') ?? '', /three of/);
    assert.match(adminPasswordProblem('MyRoot-Passw0rd') ?? '', /root/);
    const password = (adminPass: string, adminPassConfirm: string) => validateDevServerForm(filled({ login: 'password', keyPairName: '', adminPass, adminPassConfirm }));
    assert.deepEqual(password(PASSWORD, PASSWORD), {});
    assert.match(password(PASSWORD, `${PASSWORD}x`).adminPassConfirm, /do not match/);
    assert.ok(password('weak', 'weak').adminPass);
  });

  test('HPS servers log in with a key pair only and come one hyperinstance at a time', () => {
    const hps = filled({ serverType: 'HPS', arch: 'ARM', login: 'password', adminPass: PASSWORD, adminPassConfirm: PASSWORD, count: 0 });
    const errors = validateDevServerForm(hps);
    assert.match(errors.login, /key pair only/);
    assert.equal(errors.count, undefined, 'the count is not asked for HPS');
  });

  test('disk sizes and counts are checked within their ranges', () => {
    const errors = validateDevServerForm(filled({ rootVolumeSizeGb: 40, dataVolumeCount: 2, dataVolumeSizeGb: Number.NaN, dataVolumeType: 'TAPE' }));
    assert.match(errors.rootVolumeSizeGb, /100 to 1024/);
    assert.ok(errors.dataVolumeSizeGb);
    assert.ok(errors.dataVolumeType);
    assert.deepEqual(validateDevServerForm(filled({ dataVolumeCount: 0, dataVolumeSizeGb: Number.NaN })), {}, 'no data disks: their size does not matter');
    assert.ok(validateDevServerForm(filled({ dataVolumeCount: 9 })).dataVolumeCount, 'at most 8 data disks');
    assert.deepEqual(validateDevServerForm(filled({ dataVolumeCount: 8, dataVolumeSizeGb: 100 })), {});
    assert.match(validateDevServerForm(filled({ dataVolumeCount: 1, dataVolumeSizeGb: 99 })).dataVolumeSizeGb, /100 to 32768/);
    assert.ok(validateDevServerForm(filled({ dataVolumeCount: 1, dataVolumeSizeGb: 32769 })).dataVolumeSizeGb);
    assert.ok(validateDevServerForm(filled({ count: 11 })).count);
    assert.ok(validateDevServerForm(filled({ count: 1.5 })).count);
  });

  test('the Copilot create tool declares the form\'s disk and server ranges (the SDK\'s)', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { languageModelTools: { name: string; inputSchema: { properties: Record<string, { minimum?: number; maximum?: number }> } }[] };
    };
    const tool = manifest.contributes.languageModelTools.find((candidate) => candidate.name === 'modelarts_create_lite_server');
    assert.ok(tool);
    const range = (field: string) => [tool.inputSchema.properties[field].minimum, tool.inputSchema.properties[field].maximum];
    assert.deepEqual(range('rootVolumeSizeGb'), [ROOT_VOLUME_GB.min, ROOT_VOLUME_GB.max]);
    assert.deepEqual(range('dataVolumeSizeGb'), [DATA_VOLUME_GB.min, DATA_VOLUME_GB.max]);
    assert.deepEqual(range('dataVolumeCount'), [0, MAX_DATA_VOLUMES]);
    assert.deepEqual(range('count'), [1, MAX_SERVERS]);
    assert.deepEqual([DATA_VOLUME_GB.min, DATA_VOLUME_GB.max, MAX_DATA_VOLUMES], [100, 32768, 8], 'ServerDataVolume: 100-32768 GB, 1-8 disks');
  });

  test('the body is ServerCreateRequest, pay-per-use (no charging_info), with the key pair or the password but not both', () => {
    assert.deepEqual(toCreateDevServerBody(filled({ count: 3, dataVolumeCount: 2, dataVolumeSizeGb: 200, dataVolumeType: 'SSD', hpsClusterId: 'ignored' })), {
      name: 'lite-dev.01',
      flavor: 'c7.4xlarge.2',
      server_type: 'ECS',
      arch: 'X86',
      image_id: 'image-1',
      availability_zone: 'cn-north-4a',
      network: { vpc_id: VPC, subnet_id: SUBNET, security_group_id: GROUP },
      key_pair_name: 'kp-dev',
      root_volume: { type: 'GPSSD', size: 100 },
      data_volume: { type: 'SSD', size: 200, count: 2 },
      count: 3,
    });
    const withPassword = toCreateDevServerBody(filled({ login: 'password', adminPass: PASSWORD, adminPassConfirm: PASSWORD }));
    assert.equal(withPassword.admin_pass, PASSWORD);
    assert.equal(withPassword.key_pair_name, undefined);
    assert.equal('adminPassConfirm' in withPassword, false);
    assert.equal(withPassword.data_volume, undefined);
  });

  test('an HPS body names its hyper cluster and no count', () => {
    const body = toCreateDevServerBody(filled({ serverType: 'HPS', arch: 'ARM', hpsClusterId: 'cluster-1', count: 4 }));
    assert.equal(body.hps_cluster_id, 'cluster-1');
    assert.equal(body.count, undefined);
    assert.equal(body.key_pair_name, 'kp-dev');
    assert.equal(toCreateDevServerBody(filled({ serverType: 'HPS', arch: 'ARM' })).hps_cluster_id, undefined);
  });
});
