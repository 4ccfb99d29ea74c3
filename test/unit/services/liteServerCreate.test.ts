import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CreateDevServerRequest } from '../../../src/services/devServers';
import { ModelArtsError } from '../../../src/services/errors';
import { collectPages } from '../../../src/services/paging';
import { eventually, type Harness, startHarness } from './emulatorHarness';

const REGION = 'cn-north-4';

describe('Lite Server create, flavors and images', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness.close());

  /** The default VPC of the region, its first subnet and security group. */
  async function network(): Promise<CreateDevServerRequest['network']> {
    const { vpc } = harness.services;
    const [defaultVpc] = await vpc.listAllVpcs(REGION);
    const [[subnet], [group]] = await Promise.all([vpc.listAllSubnets(REGION, defaultVpc.id), vpc.listAllSecurityGroups(REGION, defaultVpc.id)]);
    return { vpc_id: defaultVpc.id, subnet_id: subnet.id, security_group_id: group.id };
  }

  async function ecsRequest(patch: Partial<CreateDevServerRequest> = {}): Promise<CreateDevServerRequest> {
    const { devServers } = harness.services;
    const flavor = (await devServers.listFlavors(REGION)).find((candidate) => candidate.server_type === 'ECS' && candidate.arch === 'X86' && !candidate.is_sold_out);
    assert.ok(flavor, 'an ECS x86 flavor for sale');
    const [image] = await devServers.listImages(REGION, { serverType: 'ECS', flavorName: flavor.flavor });
    return {
      name: 'unit-lite',
      flavor: flavor.flavor,
      server_type: 'ECS',
      arch: 'X86',
      image_id: image.image_id,
      availability_zone: flavor.availability_zone ?? '',
      network: await network(),
      key_pair_name: 'kp-unit',
      root_volume: { type: 'GPSSD', size: 100 },
      ...patch,
    };
  }

  test('flavors come with their type, architecture, zone and stock; sold-out ones are marked', async () => {
    const flavors = await harness.services.devServers.listFlavors(REGION);
    assert.deepEqual([...new Set(flavors.map((flavor) => flavor.server_type))].sort(), ['BMS', 'ECS', 'HPS']);
    assert.ok(flavors.every((flavor) => flavor.availability_zone?.startsWith(REGION)));
    assert.ok(flavors.some((flavor) => flavor.is_sold_out));
  });

  test('images are asked for by server type and flavor, and fit the flavor', async () => {
    harness.emulator.requests.clear();
    const images = await harness.services.devServers.listImages(REGION, { serverType: 'BMS', flavorName: 'physical.kat2ne.48xlarge.8.313t' });
    assert.ok(images.length > 0);
    assert.ok(images.every((image) => image.server_type === 'BMS' && image.arch === 'ARM'));
    const [sent] = harness.emulator.requests.list({ method: 'GET', path: '/dev-servers/images' });
    assert.deepEqual(sent.query, { server_type: 'BMS', flavor_name: 'physical.kat2ne.48xlarge.8.313t' });
  });

  test('create sends the ServerCreateRequest body (pay-per-use: no charging_info) and answers the server, CREATING, then RUNNING', async () => {
    const { devServers } = harness.services;
    const request = await ecsRequest({ data_volume: { type: 'SSD', size: 200, count: 2 } });
    harness.emulator.requests.clear();
    const created = await devServers.create(REGION, request);
    assert.equal(created.name, 'unit-lite');
    assert.equal(created.status, 'CREATING');
    const [post] = harness.emulator.requests.list({ method: 'POST', path: /\/dev-servers$/ });
    assert.deepEqual(JSON.parse(post.body ?? '{}'), request);
    assert.equal(created.charging_mode, 'POST_PAID');
    assert.deepEqual(created.volumes?.map((volume) => `${volume.type} ${volume.evs_type} ${volume.size}`), ['ROOT GPSSD 100', 'DATA SSD 200', 'DATA SSD 200']);
    const running = await eventually(() => devServers.get(REGION, created.id), (server) => server.status === 'RUNNING');
    assert.equal(running.status, 'RUNNING');
  });

  test('count creates servers alike, numbered, all listed', async () => {
    const created = await harness.services.devServers.create(REGION, await ecsRequest({ name: 'unit-batch', count: 3 }));
    assert.equal(created.name, 'unit-batch-0001');
    const listed = await collectPages((token) => harness.services.devServers.list(REGION, token), 1000);
    assert.deepEqual(listed.map((server) => server.name).filter((name) => name.startsWith('unit-batch')).sort(), ['unit-batch-0001', 'unit-batch-0002', 'unit-batch-0003']);
  });

  test('an HPS flavor makes a hyperinstance; the server answered names it', async () => {
    const { devServers, hyperClusters } = harness.services;
    const [cluster] = await hyperClusters.listOfType(REGION, 'HPS');
    const [image] = await devServers.listImages(REGION, { serverType: 'HPS', flavorName: 'physical.kat2ne.hps.48xlarge.8' });
    const created = await devServers.create(REGION, {
      ...(await ecsRequest()),
      name: 'unit-hps',
      flavor: 'physical.kat2ne.hps.48xlarge.8',
      server_type: 'HPS',
      arch: 'ARM',
      image_id: image.image_id,
      hps_cluster_id: cluster.id,
    });
    assert.equal(created.server_hps?.name, 'unit-hps');
    const hyperinstance = await devServers.getHyperinstance(REGION, created.server_hps?.id ?? '');
    assert.equal(hyperinstance.hps_cluster_id, cluster.id);
    assert.ok((hyperinstance.servers ?? []).some((server) => server.id === created.id));
  });

  test('a refused password is never in the log, and the refusal is a ModelArtsError', async () => {
    const password = 'adminadminadmin';
    harness.logLines.length = 0;
    const request = await ecsRequest({ name: 'unit-password', key_pair_name: undefined, admin_pass: password });
    await assert.rejects(harness.services.devServers.create(REGION, request), (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'ModelArts.0101');
    assert.ok(harness.logLines.length > 0, 'the request is logged');
    assert.deepEqual(harness.logLines.filter((line) => line.includes(password)), []);
    const accepted = 'Str0ng-Passw0rd';
    await harness.services.devServers.create(REGION, { ...request, admin_pass: accepted });
    assert.deepEqual(harness.logLines.filter((line) => line.includes(accepted)), []);
  });
});
