import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ModelArtsError } from '../../../src/services/errors';
import { isUsableKeyPair, KEY_PAIR_PAGE_SIZE, keyPairFrozenState } from '../../../src/services/keyPairs';
import { collectPages } from '../../../src/services/paging';
import { imagePath, SWR_PAGE_SIZE } from '../../../src/services/swr';
import { VPC_PAGE_SIZE } from '../../../src/services/vpc';
import { type Harness, startHarness } from './emulatorHarness';

const REGION = 'cn-north-4';

describe('SWR adapter', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness.close());

  test('repositories page by string offset/limit with the Content-Range total, each listed once, the most recently updated first', async () => {
    harness.emulator.requests.clear();
    const first = await harness.services.swr.listRepositories(REGION, {});
    assert.deepEqual([first.items.length, first.total, first.nextPageToken], [SWR_PAGE_SIZE, 124, String(SWR_PAGE_SIZE)]);
    const [sent] = harness.emulator.requests.list({ path: '/v2/manage/repos' });
    assert.deepEqual(sent.query, { offset: '0', limit: String(SWR_PAGE_SIZE), order_column: 'updated_at', order_type: 'desc' }, 'the sort column the SDK documents');
    const updated = first.items.map((repository) => Date.parse(repository.updated_at ?? ''));
    assert.deepEqual(updated, [...updated].sort((a, b) => b - a));

    const all = await collectPages((token) => harness.services.swr.listRepositories(REGION, {}, token), 10_000);
    assert.equal(all.length, 124);
    assert.equal(new Set(all.map((repository) => `${repository.namespace}/${repository.name}`)).size, 124);
    assert.equal(harness.emulator.requests.count({ path: '/v2/manage/repos' }), 1 + 3, 'three pages of 50, 50 and 24');
  });

  test('a namespace filter narrows the list; namespaces come with their access', async () => {
    const page = await harness.services.swr.listRepositories(REGION, { namespace: 'ml-experiments' });
    assert.equal(page.total, 110);
    assert.ok(page.items.every((repository) => repository.namespace === 'ml-experiments'));
    const namespaces = await harness.services.swr.listNamespaces(REGION);
    assert.deepEqual(namespaces.map((namespace) => [namespace.name, namespace.auth]), [
      ['modelarts-demo', 7],
      ['nlp-research', 7],
      ['cv-team', 3],
      ['ml-experiments', 7],
      ['shared-base', 1],
    ]);
  });

  test('tags page newest first; an image path names registry, namespace, repository and tag', async () => {
    const tags = await harness.services.swr.listAllTags(REGION, 'shared-base', 'base-nightly');
    assert.equal(tags.length, 60);
    const updated = tags.map((tag) => Date.parse(tag.updated ?? ''));
    assert.deepEqual(updated, [...updated].sort((a, b) => b - a));

    const repository = await harness.services.swr.getRepository(REGION, 'modelarts-demo', 'pytorch-train');
    const tag = await harness.services.swr.getTag(REGION, 'modelarts-demo', 'pytorch-train', 'latest');
    assert.equal(imagePath(REGION, repository, tag), 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/pytorch-train:latest');
    assert.equal(imagePath(REGION, repository, { Tag: 'v9' }), 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/pytorch-train:v9');
  });

  test('an unknown repository is a not-found error with the service\'s code', async () => {
    await assert.rejects(harness.services.swr.listTags(REGION, 'modelarts-demo', 'nope'), (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'SVCSTG.SWR.4040010' && error.isNotFound);
    await assert.rejects(harness.services.swr.getRepository(REGION, 'modelarts-demo', 'pytorch'), (error: unknown) => error instanceof ModelArtsError && error.isNotFound);
  });
});

describe('VPC and key pair adapters', () => {
  let harness: Harness;
  const fresh = { ak: 'PAGINGAK000000000001', sk: 'paging-secret' };
  before(async () => {
    harness = await startHarness();
    harness.emulator.addAccount(fresh.ak, fresh.sk);
  });
  after(() => harness.close());

  test('VPCs, subnets and security groups of the demo account, consistent with each other', async () => {
    const { vpc } = harness.services;
    const vpcs = await vpc.listAllVpcs(REGION);
    assert.deepEqual(vpcs.map((item) => item.name), ['vpc-default', 'vpc-training', 'vpc-inference']);
    const training = vpcs[1];
    const subnets = await vpc.listAllSubnets(REGION, training.id);
    assert.deepEqual(subnets.map((subnet) => subnet.name), ['subnet-train-a', 'subnet-train-b']);
    assert.ok(subnets.every((subnet) => subnet.vpc_id === training.id));
    assert.deepEqual((await vpc.listAllSecurityGroups(REGION, training.id)).map((group) => group.name), ['sg-training']);
    assert.equal((await vpc.getVpc(REGION, training.id)).name, 'vpc-training');
    assert.equal((await vpc.getSubnet(REGION, training.id, subnets[1].id)).name, 'subnet-train-b');
    await assert.rejects(vpc.getVpc(REGION, '00000000-0000-4000-8000-000000000000'), (error: unknown) => error instanceof ModelArtsError && error.isNotFound);
  });

  test('marker paging: the next marker is the last id of a full page, and every VPC comes once', async () => {
    const project = harness.emulator.state.projectFor(fresh.ak, REGION);
    assert.ok(project);
    for (let i = 1; i <= 2 * VPC_PAGE_SIZE; i++) {
      project.companion.vpcs.push({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `vpc-${i}`, cidr: '10.0.0.0/16', description: '', createdAt: 0 });
    }
    const services = harness.servicesFor({ accessKey: fresh.ak, secretKey: fresh.sk });
    harness.emulator.requests.clear();
    const first = await services.vpc.listVpcs(REGION);
    assert.equal(first.nextPageToken, first.items[VPC_PAGE_SIZE - 1].id);
    const all = await collectPages((token) => services.vpc.listVpcs(REGION, token), 10_000);
    assert.equal(all.length, 2 * VPC_PAGE_SIZE + 1, 'the default VPC and the added ones');
    assert.equal(new Set(all.map((item) => item.id)).size, all.length);
    const markers = harness.emulator.requests.list({ path: '/vpcs' }).map((request) => request.query.marker);
    assert.deepEqual(markers.slice(1), [undefined, all[VPC_PAGE_SIZE - 1].id, all[2 * VPC_PAGE_SIZE - 1].id]);
  });

  test('key pairs page by the next_marker the service names', async () => {
    const project = harness.emulator.state.projectFor(fresh.ak, REGION);
    assert.ok(project);
    for (let i = 1; i <= KEY_PAIR_PAGE_SIZE + 5; i++) {
      project.companion.keyPairs.push({ name: `KeyPair-${String(i).padStart(3, '0')}`, scope: 'user', keptByKps: false, frozenState: 0 });
    }
    const services = harness.servicesFor({ accessKey: fresh.ak, secretKey: fresh.sk });
    const first = await services.keyPairs.list(REGION);
    assert.deepEqual([first.items.length, first.nextPageToken], [KEY_PAIR_PAGE_SIZE, `KeyPair-${String(KEY_PAIR_PAGE_SIZE).padStart(3, '0')}`]);
    const second = await services.keyPairs.list(REGION, first.nextPageToken);
    assert.deepEqual([second.items.length, second.nextPageToken], [5, undefined]);
    assert.equal((await services.keyPairs.listAll(REGION)).length, KEY_PAIR_PAGE_SIZE + 5);
    assert.equal((await services.keyPairs.get(REGION, 'KeyPair-055')).name, 'KeyPair-055');
  });

  test('the demo key pairs, and a refused list surfaces with the service\'s code', async () => {
    const keyPairs = await harness.services.keyPairs.listAll(REGION);
    assert.deepEqual(keyPairs.map((keyPair) => keyPair.name), ['KeyPair-demo', 'KeyPair-ops', 'KeyPair-ci-runner', 'KeyPair-old-laptop']);
    assert.deepEqual(keyPairs.map(isUsableKeyPair), [true, true, true, false], 'frozen_state is text: "0" is usable, "1" frozen');
    assert.deepEqual([keyPairFrozenState({ name: 'k', frozen_state: '5' }), keyPairFrozenState({ name: 'k' }), keyPairFrozenState({ name: 'k', frozen_state: 'odd' })], [5, 0, 0]);
    harness.emulator.faults.add({ kind: 'status', status: 403, errorCode: 'KPS.0403', errorMsg: 'not allowed', path: '/keypairs' });
    await assert.rejects(harness.services.keyPairs.list(REGION), (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'KPS.0403' && error.kind === 'auth');
  });
});
