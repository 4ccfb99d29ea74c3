import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { adminPasswordProblem, liteNameProblem } from '../../../src/services/naming';
import type { DevServer } from '../../../src/services/devServers';
import { ModelArtsError } from '../../../src/services/errors';
import { collectPages } from '../../../src/services/paging';
import { jobTime } from '../../../src/services/devServerJobs';
import { devServerJobStatusCategory, devServerStatusCategory } from '../../../src/services/status';
import { eventually, type Harness, startHarness } from './emulatorHarness';

const REGION = 'cn-north-4';

describe('Lite Server operations', () => {
  let harness: Harness;
  let own: DevServer[];
  const byName = (name: string): DevServer => {
    const found = own.find((server) => server.name === name);
    assert.ok(found, `server ${name}`);
    return found;
  };
  const bodyOf = (method: string, path: string) => JSON.parse(harness.emulator.requests.list({ method, path }).at(-1)?.body ?? '{}');

  before(async () => {
    harness = await startHarness();
    own = await collectPages((token) => harness.services.devServers.list(REGION, token), 1000);
  });
  after(() => harness.close());
  beforeEach(() => harness.emulator.requests.clear());

  test('the tenant-wide list holds other users\' servers in one unpaged request, newest first; the own list only the caller\'s', async () => {
    const page = await harness.services.devServers.list(REGION, undefined, undefined, 'all');
    assert.ok(page.items.some((server) => server.name === 'lite-ops-shared'));
    assert.equal(page.nextPageToken, undefined);
    const created = page.items.map((server) => server.create_at ?? 0);
    assert.deepEqual(created, [...created].sort((a, b) => b - a));
    assert.ok(!own.some((server) => server.name === 'lite-ops-shared'));
    const [request] = harness.emulator.requests.list({ method: 'GET', path: /\/dev-servers\/all$/ });
    assert.deepEqual(request.query, {}, 'the list takes no query parameters');
  });

  test('start sends ServerStartRequest naming the server as it is; stop and reboot send no body', async () => {
    const server = byName('lite-910b-bench');
    const starting = await harness.services.devServers.changePower(REGION, server, 'start');
    assert.equal(starting.status, 'STARTING');
    assert.deepEqual(bodyOf('PUT', `${server.id}/start`), { arch: 'ARM', server_type: 'BMS', charging_mode: 'POST_PAID' });
    const running = await eventually(() => harness.services.devServers.get(REGION, server.id), (latest) => latest.status === 'RUNNING');
    await harness.services.devServers.changePower(REGION, running, 'reboot');
    assert.equal(harness.emulator.requests.list({ method: 'PUT', path: `${server.id}/reboot` })[0].body, undefined);
  });

  test('change OS sends the image and key pair, and the server is CHANGINGOS until RUNNING on the new image', async () => {
    const server = byName('lite-910b-dev');
    const images = await harness.services.devServers.listImages(REGION, { flavorName: server.flavor, arch: server.image?.arch });
    assert.ok(images.length > 0 && images.every((image) => image.arch === 'ARM' && image.server_type === 'BMS'), JSON.stringify(images));
    const changing = await harness.services.devServerOperations.changeOs(REGION, server.id, { image_id: images[0].image_id, key_pair_name: 'KeyPair-new' });
    assert.equal(changing.status, 'CHANGINGOS');
    assert.equal(devServerStatusCategory(changing.status), 'transitional');
    assert.deepEqual(bodyOf('POST', `${server.id}/changeos`), { image_id: images[0].image_id, key_pair_name: 'KeyPair-new' });
    const done = await eventually(() => harness.services.devServers.get(REGION, server.id), (latest) => latest.status === 'RUNNING');
    assert.deepEqual([done.status, done.key_pair_name], ['RUNNING', 'KeyPair-new']);
  });

  test('reinstall without a login keeps the server\'s; a password login is sent as admin_pass', async () => {
    const server = byName('lite-cpu-etl');
    assert.equal((await harness.services.devServerOperations.reinstallOs(REGION, server.id, {})).status, 'REINSTALLINGOS');
    assert.deepEqual(bodyOf('POST', `${server.id}/reinstallos`), {});
    const done = await eventually(() => harness.services.devServers.get(REGION, server.id), (latest) => latest.status === 'RUNNING');
    assert.equal(done.key_pair_name, server.key_pair_name);
    await assert.rejects(
      harness.services.devServerOperations.reinstallOs(REGION, server.id, { admin_pass: 'short' }),
      (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'ModelArts.0101',
    );
  });

  test('a batch changes every server, or fails naming the one that refused and changes none', async () => {
    const running = byName('lite-a800-train-01');
    const creating = byName('lite-kunpeng-build');
    harness.emulator.state.setDevServerStatus(creating.id, 'CREATING');
    await assert.rejects(
      harness.services.devServers.batch(REGION, 'REINSTALLOS', [running.id, creating.id], undefined, { key_pair_name: 'KeyPair-demo' }),
      (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'ModelArts.6357' && error.message.includes(creating.id),
    );
    assert.deepEqual(bodyOf('POST', '/dev-servers/action'), { type: 'REINSTALLOS', servers: [{ id: running.id }, { id: creating.id }], extend_param: { key_pair_name: 'KeyPair-demo' } });
    assert.equal((await harness.services.devServers.get(REGION, running.id)).status, 'RUNNING');
    harness.emulator.state.setDevServerStatus(creating.id, 'RUNNING');
    const servers = await harness.services.devServers.batch(REGION, 'REINSTALLOS', [running.id, creating.id], undefined, { key_pair_name: 'KeyPair-demo' });
    assert.deepEqual(
      servers.map((server) => [server.id, server.status]),
      [
        [running.id, 'REINSTALLINGOS'],
        [creating.id, 'REINSTALLINGOS'],
      ],
    );
    await eventually(() => harness.services.devServers.get(REGION, creating.id), (latest) => latest.status === 'RUNNING');
  });

  test('attach and detach answer an operation that is waited for, pending then running, until it succeeds', async () => {
    const server = byName('lite-v100-notebook');
    const volumeId = '0b0e8d7c-1111-4222-8333-444455556666';
    const attaching = await harness.services.devServerOperations.attachVolume(REGION, server.id, volumeId);
    assert.equal(attaching.operation_status, 'pending');
    assert.deepEqual(bodyOf('POST', `${server.id}/attachvolume`), { volume_id: volumeId });
    const attached = await harness.services.devServerOperations.waitForOperation(REGION, server.id, attaching, 20);
    assert.equal(attached.operation_status, 'success');
    assert.ok(harness.emulator.requests.count({ method: 'GET', path: `/operation/${attaching.operation_id}` }) >= 1);
    assert.ok((await harness.services.devServers.get(REGION, server.id)).volumes?.some((volume) => volume.evs_id === volumeId && volume.type === 'DATA'));

    const detaching = await harness.services.devServerOperations.detachVolume(REGION, server.id, volumeId);
    await harness.services.devServerOperations.waitForOperation(REGION, server.id, detaching, 20);
    assert.equal(harness.emulator.requests.count({ method: 'DELETE', path: `${server.id}/detachvolume/${volumeId}` }), 1);
    assert.ok(!(await harness.services.devServers.get(REGION, server.id)).volumes?.some((volume) => volume.evs_id === volumeId));
  });

  test('a waited operation that ends other than success is an error', async () => {
    const server = byName('lite-v100-notebook');
    for (const operation_status of ['pending', 'running']) {
      await assert.rejects(
        harness.services.devServerOperations.waitForOperation(REGION, server.id, { operation_id: 'op-1', operation_status }, 5),
        (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'ModelArts.6404',
        `${operation_status}: the operation is read again`,
      );
    }
    await assert.rejects(
      harness.services.devServerOperations.waitForOperation(REGION, server.id, { operation_id: 'op-1', operation_status: 'failed', operation_type: 'node_attach_volume' }, 5),
      (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'OperationFailed' && /failed/.test(error.message),
    );
    await assert.rejects(
      harness.services.devServerOperations.waitForOperation(
        REGION,
        server.id,
        { operation_id: 'op-2', operation_status: 'failed', operation_error: { code: 'ModelArts.6520', message: 'the disk is in another zone' } },
        5,
      ),
      (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'ModelArts.6520' && /another zone/.test(error.message),
    );
  });

  test('EIPs are listed and bound by id', async () => {
    const server = byName('lite-v100-notebook');
    assert.deepEqual(await harness.services.devServerOperations.listPublicIps(REGION, server.id), []);
    const bound = await harness.services.devServerOperations.bindPublicIp(REGION, server.id, 'eip-0001');
    assert.deepEqual(bodyOf('POST', `${server.id}/publicips`), { public_ip_id: 'eip-0001' });
    assert.equal(bound.length, 1);
    assert.match(bound[0].address ?? '', /^\d+\.\d+\.\d+\.\d+$/);
    assert.deepEqual(await harness.services.devServerOperations.listPublicIps(REGION, server.id), bound);
  });

  test('flavors and images filter by server type and architecture', async () => {
    const flavors = await harness.services.devServers.listFlavors(REGION, { serverType: 'ECS', arch: 'X86' });
    assert.ok(flavors.length > 0 && flavors.every((flavor) => flavor.server_type === 'ECS' && flavor.arch === 'X86'));
    assert.equal(harness.emulator.requests.list({ path: '/dev-servers/flavors' })[0].query.server_type, 'ECS');
    const images = await harness.services.devServers.listImages(REGION, { serverType: 'BMS', arch: 'X86' });
    assert.ok(images.length > 0 && images.every((image) => image.server_type === 'BMS' && image.arch === 'X86'));
    assert.ok((await harness.services.devServers.listImages(REGION)).some((image) => image.arch === 'ARM'));
  });
});

describe('Lite Server jobs', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness.close());

  test('create from a template\'s type and items, list newest first in one request, read its tasks, then delete several in one request', async () => {
    const { devServerJobs, devServers } = harness.services;
    const templates = await devServerJobs.listTemplates(REGION);
    const check = templates.find((template) => template.type === 'COMMON');
    assert.ok(check);
    const servers = await collectPages((token) => devServers.list(REGION, token), 1000);
    const running = servers.filter((server) => server.status === 'RUNNING').slice(0, 2);
    harness.emulator.requests.clear();
    const created = await devServerJobs.create(REGION, {
      name: 'check-test',
      server_ids: running.map((server) => server.id),
      type: 'COMMON',
      is_reboot: false,
      items: [{ type: 'COMMON', spec: { check_items: 'hbm' } }],
    });
    assert.deepEqual([created.status, created.type, created.template_id, created.tasks?.length], ['PROCESSING', 'COMMON', check.id, 2]);
    assert.equal(devServerJobStatusCategory(created.status, 0), 'transitional');
    const finished = await eventually(() => devServerJobs.get(REGION, created.id), (job) => job.status === 'FINISHED');
    assert.deepEqual(finished.tasks?.map((task) => task.status), ['SUCCESS', 'SUCCESS']);
    assert.equal(devServerJobStatusCategory(finished.status, finished.abnormal_count ?? 0), 'succeeded');

    const listed = await devServerJobs.list(REGION);
    assert.equal(listed[0].id, created.id, 'newest first');
    assert.deepEqual(harness.emulator.requests.list({ method: 'GET', path: /\/dev-servers\/jobs$/ })[0].query, {}, 'the list takes no paging parameters');
    const failed = listed.find((job) => job.name === 'npu-health-check-0312');
    assert.ok(failed);
    assert.equal(devServerJobStatusCategory(failed.status, failed.abnormal_count ?? 0), 'failed', 'a finished job with a failed task');
    assert.equal(jobTime(failed.create_at), Date.parse(failed.create_at ?? ''));
    assert.equal(jobTime('1710000000000'), 1710000000000);

    harness.emulator.requests.clear();
    const deleted = await devServerJobs.delete(REGION, [created.id, failed.id]);
    assert.deepEqual(
      deleted.map((job) => [job.id, job.status]),
      [
        [created.id, 'DELETED'],
        [failed.id, 'DELETED'],
      ],
    );
    const requests = harness.emulator.requests.list({ method: 'DELETE' });
    assert.deepEqual(requests.map((request) => [request.path.endsWith('/dev-servers/jobs'), JSON.parse(request.body ?? '{}')]), [[true, { job_ids: [created.id, failed.id] }]]);
    const after = await devServerJobs.list(REGION);
    assert.ok(!after.some((job) => job.id === created.id || job.id === failed.id));
  });
});

describe('Lite Server input rules', () => {
  test('names follow the SDK pattern', () => {
    assert.equal(liteNameProblem('KeyPair-demo_1.a'), undefined);
    assert.ok(liteNameProblem(''));
    assert.ok(liteNameProblem('has space'));
    assert.ok(liteNameProblem('x'.repeat(65)));
  });

  test('passwords: 8 to 26 characters of three kinds, no root or administrator either way', () => {
    assert.equal(adminPasswordProblem('Secret-2024'), undefined);
    assert.ok(adminPasswordProblem('Sh0rt!'));
    assert.ok(adminPasswordProblem('alllowercaseletters'));
    assert.ok(adminPasswordProblem('Has space 123'));
    assert.ok(adminPasswordProblem('MyRoot-2024'));
    assert.ok(adminPasswordProblem('Toor-2024x'), 'root backwards');
    assert.ok(adminPasswordProblem('A1-' + 'x'.repeat(24)));
  });

  test('the OS transitions are followed like the other *ING states', () => {
    assert.deepEqual(['CHANGINGOS', 'REINSTALLINGOS', 'REBOOTING'].map(devServerStatusCategory), ['transitional', 'transitional', 'transitional']);
    assert.deepEqual(['CHANGINGOS_FAILED', 'REINSTALLINGOS_FAILED'].map(devServerStatusCategory), ['failed', 'failed']);
  });
});
