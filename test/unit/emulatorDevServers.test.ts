import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertError, REFUSAL, useEmulator } from './emulatorSession';

const session = useEmulator(60_000);
const { api, advance } = session;

interface Server {
  id: string;
  name: string;
  status: string;
  flavor: string;
  category: string;
  charging_mode: string;
  key_pair_name?: string;
  order_id?: string;
  image: { image_id: string; name: string; arch: string; server_type: string };
  cloud_server: { id: string; type: string; hps_id?: string };
  volumes: { size: number; type: string; evs_type: string; evs_id: string }[];
  server_hps?: { id: string; name: string };
  create_at: number;
  update_at: number;
}
interface Page<T> {
  current: number;
  data: T[];
  pages: number;
  size: number;
  total: number;
}
interface Hyperinstance {
  id: string;
  name: string;
  status: string;
  hps_cluster_id?: string;
  servers: Server[];
}
interface Flavor {
  flavor: string;
  arch: string;
  server_type: string;
  is_sold_out: boolean;
}
interface Image {
  image_id: string;
  name: string;
  arch: string;
  server_type: string;
  status: string;
}

const BASE = '/v1/{project_id}/dev-servers';
const show = (id: string) => api<Server>('GET', `${BASE}/${id}`);
const statusOf = async (id: string) => (await show(id)).body.status;
const allServers = async () => (await api<Page<Server>>('GET', `${BASE}/all`)).body.data;
const byName = async (name: string): Promise<Server> => {
  const found = (await allServers()).find((server) => server.name === name);
  assert.ok(found, `server ${name} is listed`);
  return found;
};

let images: Image[] = [];
/** The project's default VPC, subnet and security group (ServerNetwork). */
let network: Record<string, string> = {};
const imageId = (name: string) => {
  const found = images.find((candidate) => candidate.name === name);
  assert.ok(found, `image ${name}`);
  return found.image_id;
};
const ecsBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  flavor: 'c7.4xlarge.2',
  server_type: 'ECS',
  arch: 'X86',
  image_id: imageId('Ubuntu-22.04-x86-CUDA-12.2-ECS'),
  key_pair_name: 'KeyPair-test',
  network,
  ...extra,
});
async function createRunning(name: string, extra: Record<string, unknown> = {}): Promise<Server> {
  const created = await api<Server>('POST', BASE, { body: ecsBody(name, extra) });
  assert.equal(created.status, 200, created.text);
  assert.equal(created.body.status, 'CREATING');
  advance();
  assert.equal(await statusOf(created.body.id), 'RUNNING');
  return created.body;
}

async function defaultNetwork(): Promise<Record<string, string>> {
  const first = async (path: string, field: string, query: Record<string, string> = {}): Promise<string> => {
    const answer = await api<Record<string, { id: string }[]>>('GET', `/v1/{project_id}/${path}`, { query });
    return answer.body[field][0].id;
  };
  const vpcId = await first('vpcs', 'vpcs');
  return { vpc_id: vpcId, subnet_id: await first('subnets', 'subnets', { vpc_id: vpcId }), security_group_id: await first('security-groups', 'security_groups', { vpc_id: vpcId }) };
}

test('seed: six own servers, one of another user, one hyperinstance of four in a cluster', async () => {
  const catalog = await api<Page<Image>>('GET', `${BASE}/images`);
  images = catalog.body.data;
  network = await defaultNetwork();
  const own = await api<Page<Server>>('GET', BASE, { query: { limit: 100 } });
  assert.equal(own.status, 200, own.text);
  assert.equal(own.body.total, 6);
  const statuses = Object.fromEntries(own.body.data.map((server) => [server.name, server.status]));
  assert.deepEqual(statuses, {
    'lite-a800-train-01': 'RUNNING',
    'lite-910b-dev': 'RUNNING',
    'lite-v100-notebook': 'STOPPED',
    'lite-kunpeng-build': 'CREATING',
    'lite-910b-bench': 'START_FAILED',
    'lite-cpu-etl': 'RUNNING',
  });
  assert.ok(own.body.data.every((server) => server.category === 'SERVER' && /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(server.id)));
  const a800 = own.body.data.find((server) => server.name === 'lite-a800-train-01');
  assert.equal(a800?.cloud_server.type, 'BMS');
  assert.ok(a800?.order_id, 'prepaid server has an order id');
  assert.deepEqual(
    a800?.volumes.map((volume) => volume.type),
    ['ROOT', 'DATA', 'DATA'],
  );
  const all = await api<Page<Server>>('GET', `${BASE}/all`);
  assert.deepEqual([all.body.total, all.body.data.length, all.body.pages], [7, 7, 1], 'every user\'s servers in one page');
  assert.ok(all.body.data.some((server) => server.name === 'lite-ops-shared'));

  const hypers = await api<Page<Hyperinstance>>('GET', `${BASE}/hyperinstance`);
  assert.equal(hypers.body.total, 1);
  const [hyper] = hypers.body.data;
  assert.deepEqual([hyper.name, hyper.status, hyper.servers.length], ['hps-cloudmatrix-01', 'ACTIVE', 4]);
  assert.ok(hyper.servers.every((server) => server.status === 'RUNNING' && server.category === 'HPS' && server.server_hps?.id === hyper.id));
  const clusters = await api<{ hyper_clusters: { id: string; name: string }[] }>('GET', `${BASE}/hyper-clusters`);
  assert.deepEqual(
    clusters.body.hyper_clusters.map((cluster) => [cluster.name, cluster.id === hyper.hps_cluster_id]),
    [['hpc-cluster-a', true]],
  );

  advance();
  assert.equal((await byName('lite-kunpeng-build')).status, 'RUNNING', 'the CREATING seed is RUNNING one transition later');
});

test('lists page by record offset and limit, sort by time and filter by owner', async () => {
  const first = await api<Page<Server>>('GET', BASE, { query: { limit: 4 } });
  assert.deepEqual([first.body.current, first.body.pages, first.body.size, first.body.total, first.body.data.length], [1, 2, 4, 6, 4]);
  const second = await api<Page<Server>>('GET', BASE, { query: { limit: 4, offset: 4 } });
  assert.deepEqual([second.body.current, second.body.data.length], [2, 2]);
  const ids = [...first.body.data, ...second.body.data].map((server) => server.id);
  assert.equal(new Set(ids).size, 6, 'no server twice');
  const ascending = [...first.body.data, ...second.body.data].map((server) => server.create_at);
  assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b), 'ASC by createTime by default');

  const defaults = await api<Page<Server>>('GET', BASE);
  assert.deepEqual([defaults.body.size, defaults.body.data.length], [10, 6]);
  const zero = await api<Page<Server>>('GET', BASE, { query: { limit: 0 } });
  assert.equal(zero.body.size, 10, 'limit 0 means the default');
  const desc = await api<Page<Server>>('GET', BASE, { query: { sort_dir: 'DESC', sort_key: 'createTime', limit: 1 } });
  assert.equal(desc.body.data[0].name, 'lite-kunpeng-build', 'newest first');
  const byUpdate = await api<Page<Server>>('GET', BASE, { query: { sort_key: 'updateTime', sort_dir: 'DESC' } });
  assert.equal(byUpdate.status, 200);

  assertError(await api('GET', BASE, { query: { limit: 1025 } }), 400, 'ModelArts.0101', /limit/);
  assertError(await api('GET', BASE, { query: { sort_key: 'name' } }), 400, 'ModelArts.0101', /sort_key/);
  assertError(await api('GET', BASE, { query: { sort_dir: 'UP' } }), 400, 'ModelArts.0101', /sort_dir/);
  assertError(await api('GET', `${BASE}/hyperinstance`, { query: { limit: 0 } }), 400, 'ModelArts.0101', /limit/);

  const ops = await api<Page<Server>>('GET', BASE, { query: { owner: 'ops-admin' } });
  assert.deepEqual(
    ops.body.data.map((server) => server.name),
    ['lite-ops-shared'],
  );
  const synced = await api<Page<Server>>('PUT', `${BASE}/sync`, { query: { limit: 2 } });
  assert.deepEqual([synced.status, synced.body.total, synced.body.data.length], [200, 6, 2]);
});

test('flavors and images follow their filters', async () => {
  const flavors = await api<Page<Flavor>>('GET', `${BASE}/flavors`);
  assert.deepEqual(new Set(flavors.body.data.map((flavor) => flavor.server_type)), new Set(['BMS', 'ECS', 'HPS']));
  assert.equal(flavors.body.total, flavors.body.data.length);
  const armEcs = await api<Page<Flavor>>('GET', `${BASE}/flavors`, { query: { server_type: 'ECS', arch: 'ARM' } });
  assert.deepEqual(
    armEcs.body.data.map((flavor) => flavor.flavor),
    ['kc2.4xlarge.4'],
  );
  assertError(await api('GET', `${BASE}/flavors`, { query: { arch: 'RISCV' } }), 400, 'ModelArts.0101');
  const forFlavor = await api<Page<Image>>('GET', `${BASE}/images`, { query: { flavor_name: 'physical.kat2ne.48xlarge.8.313t' } });
  assert.ok(forFlavor.body.data.length > 0 && forFlavor.body.data.every((candidate) => candidate.arch === 'ARM' && candidate.server_type === 'BMS'));
  const one = await api<Image>('GET', `${BASE}/images/${forFlavor.body.data[0].image_id}`);
  assert.equal(one.body.name, forFlavor.body.data[0].name);
  assertError(await api('GET', `${BASE}/images/nope`), 400, 'ModelArts.6404');
});

test('create validates the body and creates count servers', async () => {
  const invalid: [Record<string, unknown>, RegExp][] = [
    [ecsBody('bad name!'), /name/],
    [ecsBody('x', { flavor: 'no.such.flavor' }), /flavor/],
    [ecsBody('x', { flavor: 'physical.pi-h800.32xlarge.8', server_type: 'BMS' }), /sold out/],
    [ecsBody('x', { server_type: 'BMS' }), /server_type/],
    [ecsBody('x', { arch: 'ARM' }), /server_type/],
    [ecsBody('x', { image_id: 'not-an-image' }), /image_id/],
    [ecsBody('x', { image_id: imageId('HCE-2.0-Arm-ECS') }), /image_id/],
    [ecsBody('x', { admin_pass: 'Secr3t-Pass' }), /admin_pass/],
    [ecsBody('x', { key_pair_name: undefined }), /key_pair_name/],
    [ecsBody('x', { key_pair_name: undefined, admin_pass: 'short' }), /admin_pass/],
    [ecsBody('x', { count: 11 }), /count/],
    [ecsBody('x', { count: 0 }), /count/],
    [ecsBody('x', { root_volume: { type: 'GPSSD', size: 20 } }), /root_volume\.size/],
    [ecsBody('x', { data_volume: { type: 'SSD', size: 50, count: 1 } }), /data_volume\.size/],
    [ecsBody('x', { data_volume: { type: 'SSD', size: 32769, count: 1 } }), /data_volume\.size/],
    [ecsBody('x', { data_volume: { type: 'SSD', size: 100, count: 9 } }), /data_volume\.count/],
    [ecsBody('x', { network: { ...network, subnet_id: '0f8d2c7a-1b2c-4d3e-8f90-123456789abc' } }), /network\.subnet_id/],
    [ecsBody('x', { network: { ...network, security_group_id: '0f8d2c7a-1b2c-4d3e-8f90-123456789abc' } }), /network\.security_group_id/],
    [ecsBody('x', { charging_info: { charging_mode: 'PRE_PAID', period_num: 12, period_type: 'MONTH' } }), /period_num/],
    [
      {
        name: 'x',
        flavor: 'physical.kat2ne.hps.48xlarge.8',
        server_type: 'HPS',
        arch: 'ARM',
        image_id: imageId('EulerOS-2.10-Arm-CANN-8.0-HPS'),
        admin_pass: 'Secr3t-Pass',
        network,
      },
      /admin_pass/,
    ],
  ];
  for (const [body, message] of invalid) {
    assertError(await api('POST', BASE, { body }), 400, 'ModelArts.0101', message);
  }
  // What the SDK's models refuse: no network; a charging_info without its period.
  assertError(await api('POST', BASE, { body: ecsBody('x', { network: undefined }), headers: REFUSAL }), 400, 'ModelArts.0101', /network/);
  assertError(await api('POST', BASE, { body: ecsBody('x', { charging_info: { charging_mode: 'PRE_PAID' } }), headers: REFUSAL }), 400, 'ModelArts.0101', /period_num/);
  const before = (await api<Page<Server>>('GET', BASE)).body.total;

  const password = await api<Server>('POST', BASE, { body: ecsBody('lite-test-password', { key_pair_name: undefined, admin_pass: 'Secr3t-Pass' }) });
  assert.equal(password.status, 200, password.text);
  assert.equal(password.body.key_pair_name, undefined);

  const trio = await api<Server>('POST', BASE, {
    body: ecsBody('lite-test-trio', { count: 3, charging_info: { charging_mode: 'PRE_PAID', period_num: 1, period_type: 'MONTH' }, data_volume: { type: 'SSD', size: 100, count: 8 } }),
  });
  assert.equal(trio.status, 200, trio.text);
  assert.deepEqual([trio.body.name, trio.body.status, trio.body.cloud_server.type, trio.body.charging_mode], ['lite-test-trio-0001', 'CREATING', 'ECS', 'PRE_PAID']);
  assert.ok(trio.body.order_id);
  assert.deepEqual(
    trio.body.volumes.map((volume) => `${volume.type}:${volume.size}`),
    ['ROOT:100', ...Array<string>(8).fill('DATA:100')],
  );
  assert.equal(password.body.charging_mode, 'POST_PAID', 'no charging_info: pay-per-use');
  const listed = (await api<Page<Server>>('GET', BASE, { query: { limit: 100 } })).body;
  assert.equal(listed.total, before + 4);
  assert.deepEqual(
    listed.data.filter((server) => server.name.startsWith('lite-test-trio')).map((server) => server.name),
    ['lite-test-trio-0001', 'lite-test-trio-0002', 'lite-test-trio-0003'],
  );

  const failing = await api<Server>('POST', BASE, { body: ecsBody('lite-will-fail') });
  advance();
  assert.equal(await statusOf(trio.body.id), 'RUNNING');
  assert.equal(await statusOf(failing.body.id), 'CREATE_FAILED');
});

test('start, stop and reboot run their transitions; wrong states are refused', async () => {
  const server = await createRunning('lite-test-power');
  const put = (action: string) => api<Server>('PUT', `${BASE}/${server.id}/${action}`);

  assertError(await put('start'), 400, 'ModelArts.6357', /RUNNING/);
  const start = (body: Record<string, string>) => api<Server>('PUT', `${BASE}/${server.id}/start`, { body });
  const stopping = await put('stop');
  assert.deepEqual([stopping.status, stopping.body.status], [200, 'STOPPING']);
  assertError(await put('stop'), 400, 'ModelArts.6357', /in progress/);
  assertError(await put('reboot'), 400, 'ModelArts.6357');
  advance();
  assert.equal(await statusOf(server.id), 'STOPPED');
  assertError(await put('reboot'), 400, 'ModelArts.6357', /STOPPED/);
  assertError(await put('stop'), 400, 'ModelArts.6357');

  assertError(await start({ arch: 'ARM' }), 400, 'ModelArts.0101', /arch/);
  assertError(await start({ server_type: 'BMS' }), 400, 'ModelArts.0101', /server_type/);
  assertError(await start({ charging_mode: 'PRE_PAID' }), 400, 'ModelArts.0101', /charging_mode/);
  assert.equal(await statusOf(server.id), 'STOPPED', 'a refused start changes nothing');
  assert.equal((await start({ arch: 'X86', server_type: 'ECS', charging_mode: 'POST_PAID' })).body.status, 'STARTING', 'ServerStartRequest naming the server as it is');
  advance();
  assert.equal(await statusOf(server.id), 'RUNNING');
  assert.equal((await put('reboot')).body.status, 'REBOOTING');
  advance();
  assert.equal(await statusOf(server.id), 'RUNNING');

  const failed = await byName('lite-910b-bench');
  assert.equal((await api<Server>('PUT', `${BASE}/${failed.id}/start`)).body.status, 'STARTING', 'START_FAILED may start again');
  advance();
  assert.equal(await statusOf(failed.id), 'RUNNING');

  const renamed = await api<Server>('PUT', `${BASE}/${server.id}`, { body: { name: 'lite-test-renamed' } });
  assert.deepEqual([renamed.status, renamed.body.name], [200, 'lite-test-renamed']);
  assertError(await api('PUT', `${BASE}/${server.id}`, { body: { name: '' } }), 400, 'ModelArts.0101');
});

test('the batch action acts on every server or, when one refuses, on none', async () => {
  const running = await createRunning('lite-test-batch-a');
  const other = await createRunning('lite-test-batch-b');
  await api('PUT', `${BASE}/${other.id}/stop`);
  advance();
  const batch = (type: string, ids: string[], extra: Record<string, unknown> = {}) => api<Page<Server>>('POST', `${BASE}/action`, { body: { type, servers: ids.map((id) => ({ id })), ...extra } });

  assertError(await batch('STOP', [running.id, other.id]), 400, 'ModelArts.6357', new RegExp(other.id));
  assertError(await batch('STOP', [running.id, 'no-such-server']), 400, 'ModelArts.6404', /no-such-server/);
  assert.equal(await statusOf(running.id), 'RUNNING', 'a refused batch stops none');

  const answer = await batch('STOP', [running.id, running.id]);
  assert.equal(answer.status, 200, answer.text);
  assert.deepEqual([answer.body.total, answer.body.size, answer.body.current, answer.body.pages], [1, 1, 1, 1]);
  assert.deepEqual(
    answer.body.data.map((server) => [server.id, server.status]),
    [[running.id, 'STOPPING']],
  );

  assertError(await batch('PAUSE', [running.id]), 400, 'ModelArts.0101', /type/);
  assertError(await batch('START', []), 400, 'ModelArts.0101', /servers/);
  assertError(await batch('CHANGEOS', [running.id]), 400, 'ModelArts.0101', /extend_param\.image_id/);

  advance();
  const started = await batch('START', [running.id, other.id]);
  assert.deepEqual(
    started.body.data.map((server) => server.status),
    ['STARTING', 'STARTING'],
  );
  advance();
  const deleted = await batch('DELETE', [running.id, other.id]);
  assert.deepEqual(
    deleted.body.data.map((server) => server.status),
    ['DELETING', 'DELETING'],
  );
  advance();
  assertError(await show(running.id), 400, 'ModelArts.6404');
});

test('change OS and reinstall OS run CHANGINGOS / REINSTALLINGOS, then RUNNING', async () => {
  const server = await createRunning('lite-test-os');
  const newImage = imageId('Ubuntu-22.04-x86-CUDA-12.2-ECS');
  assertError(await api('POST', `${BASE}/${server.id}/changeos`, { body: { image_id: imageId('HCE-2.0-Arm-ECS'), key_pair_name: 'kp' } }), 400, 'ModelArts.0101', /image/);
  assertError(await api('POST', `${BASE}/${server.id}/changeos`, { body: { image_id: newImage } }), 400, 'ModelArts.0101', /key_pair_name/);
  const changing = await api<Server>('POST', `${BASE}/${server.id}/changeos`, { body: { image_id: newImage, key_pair_name: 'KeyPair-new' } });
  assert.deepEqual([changing.status, changing.body.status, changing.body.key_pair_name], [200, 'CHANGINGOS', 'KeyPair-new']);
  assertError(await api('POST', `${BASE}/${server.id}/reinstallos`), 400, 'ModelArts.6357');
  advance();
  assert.equal(await statusOf(server.id), 'RUNNING');
  const reinstalling = await api<Server>('POST', `${BASE}/${server.id}/reinstallos`);
  assert.deepEqual([reinstalling.body.status, reinstalling.body.key_pair_name], ['REINSTALLINGOS', 'KeyPair-new']);
  advance();
  const done = await show(server.id);
  assert.deepEqual([done.body.status, done.body.image.image_id], ['RUNNING', newImage]);
});

test('delete runs DELETING, then the server is gone (ModelArts.6404)', async () => {
  const server = await createRunning('lite-test-delete');
  const deleting = await api<Server>('DELETE', `${BASE}/${server.id}`);
  assert.deepEqual([deleting.status, deleting.body.status], [200, 'DELETING']);
  assertError(await api('DELETE', `${BASE}/${server.id}`), 400, 'ModelArts.6357');
  assert.equal(await statusOf(server.id), 'DELETING');
  advance();
  for (const [method, path] of [
    ['GET', `${BASE}/${server.id}`],
    ['DELETE', `${BASE}/${server.id}`],
    ['PUT', `${BASE}/${server.id}/start`],
    ['GET', `${BASE}/${server.id}/publicips`],
  ]) {
    assertError(await api(method, path), 400, 'ModelArts.6404', /does not exist/);
  }
  assert.ok(!(await allServers()).some((listed) => listed.id === server.id));
  assert.equal(session.emulator.state.findDevServer(server.id), undefined);
});

test('volumes and EIPs attach to RUNNING or STOPPED servers', async () => {
  const server = await createRunning('lite-test-disks');
  const volumeId = '0f8d2c7a-1b2c-4d3e-8f90-123456789abc';
  const attach = await api<{ operation_id: string; operation_status: string; operation_type: string }>('POST', `${BASE}/${server.id}/attachvolume`, { body: { volume_id: volumeId } });
  assert.deepEqual([attach.status, attach.body.operation_status, attach.body.operation_type], [200, 'pending', 'node_attach_volume']);
  assert.ok((await show(server.id)).body.volumes.some((volume) => volume.evs_id === volumeId && volume.type === 'DATA'));
  assertError(await api('POST', `${BASE}/${server.id}/attachvolume`, { body: { volume_id: volumeId } }), 400, 'ModelArts.0101', /already attached/);
  const operationStatus = async () => (await api<{ operation_status: string }>('GET', `${BASE}/${server.id}/operation/${attach.body.operation_id}`)).body.operation_status;
  advance(0.6);
  assert.equal(await operationStatus(), 'running');
  advance(0.5);
  assert.equal(await operationStatus(), 'success');
  const root = (await show(server.id)).body.volumes.find((volume) => volume.type === 'ROOT');
  assertError(await api('DELETE', `${BASE}/${server.id}/detachvolume/${root?.evs_id}`), 400, 'ModelArts.0101', /system disk/);
  const detach = await api<{ operation_type: string }>('DELETE', `${BASE}/${server.id}/detachvolume/${volumeId}`);
  assert.equal(detach.body.operation_type, 'node_detach_volume');
  assertError(await api('DELETE', `${BASE}/${server.id}/detachvolume/${volumeId}`), 400, 'ModelArts.6404');

  assert.deepEqual((await api<{ public_ips: unknown[] }>('GET', `${BASE}/${server.id}/publicips`)).body, { public_ips: [] });
  const bound = await api<{ public_ips: { id: string; address: string }[] }>('POST', `${BASE}/${server.id}/publicips`, { body: { public_ip_id: 'eip-test-1' } });
  assert.equal(bound.status, 200, bound.text);
  assert.equal(bound.body.public_ips[0].id, 'eip-test-1');
  assert.match(bound.body.public_ips[0].address, /^\d+\.\d+\.\d+\.\d+$/);
  assertError(await api('POST', `${BASE}/${server.id}/publicips`, { body: { public_ip_id: 'eip-test-2' } }), 400, 'ModelArts.0101', /already has/);

  await api('DELETE', `${BASE}/${server.id}`);
  assertError(await api('POST', `${BASE}/${server.id}/attachvolume`, { body: { volume_id: 'v2' } }), 400, 'ModelArts.6357');
});

test('hyperinstances scale up and down, start, stop, and an HPS create makes one', async () => {
  const [hyper] = (await api<Page<Hyperinstance>>('GET', `${BASE}/hyperinstance`)).body.data;
  const path = `${BASE}/hyperinstance/${hyper.id}`;
  const hpsImage = imageId('EulerOS-2.10-Arm-CANN-8.0-HPS');
  assertError(await api('POST', `${path}/live-scale-up`, { body: { flavor: 'physical.kat2ne.hps.48xlarge.8', image_id: hpsImage } }), 400, 'ModelArts.0101', /key pair/);
  assertError(await api('POST', `${path}/live-scale-up`, { body: { flavor: 'c7.4xlarge.2', image_id: hpsImage, key_pair_name: 'kp' } }), 400, 'ModelArts.0101', /HPS/);
  const up = await api<Hyperinstance>('POST', `${path}/live-scale-up`, { body: { flavor: 'physical.kat2ne.hps.48xlarge.8', image_id: hpsImage, key_pair_name: 'KeyPair-demo' } });
  assert.equal(up.status, 200, up.text);
  assert.equal(up.body.servers.length, 5);
  const added = up.body.servers[4];
  assert.deepEqual([added.name, added.status, added.server_hps?.id], ['hps-cloudmatrix-01-0005', 'CREATING', hyper.id]);
  advance();
  assert.equal(await statusOf(added.id), 'RUNNING');

  assertError(await api('POST', `${path}/live-scale-down`, { body: { server_ids: ['not-a-member'] } }), 400, 'ModelArts.6404');
  assertError(await api('POST', `${path}/live-scale-down`, { body: { server_ids: up.body.servers.map((server) => server.id) } }), 400, 'ModelArts.0101', /at least one/);
  assertError(await api('DELETE', `${BASE}/${added.id}`), 400, 'ModelArts.0101', /scale/);
  const down = await api<Hyperinstance>('POST', `${path}/live-scale-down`, { body: { server_ids: [added.id, up.body.servers[0].id] } });
  assert.equal(down.status, 200, down.text);
  assert.deepEqual(
    down.body.servers.filter((server) => server.status === 'DELETING').map((server) => server.id),
    [up.body.servers[0].id, added.id],
  );
  advance();
  const after = (await api<Hyperinstance>('GET', path)).body;
  assert.equal(after.servers.length, 3);
  assertError(await show(added.id), 400, 'ModelArts.6404');

  const stopping = await api<Hyperinstance>('PUT', `${path}/stop`);
  assert.ok(stopping.body.servers.every((server) => server.status === 'STOPPING'));
  advance();
  assertError(await api('PUT', `${path}/stop`), 400, 'ModelArts.6357');
  assert.ok((await api<Hyperinstance>('PUT', `${path}/start`)).body.servers.every((server) => server.status === 'STARTING'));
  advance();

  const hpsBody = { name: 'hps-test', flavor: 'physical.kat2ne.hps.48xlarge.8', server_type: 'HPS', arch: 'ARM', image_id: hpsImage, key_pair_name: 'KeyPair-demo', network };
  const ecsCluster = (await api<{ hyper_clusters: { id: string }[] }>('GET', `${BASE}/hyper-clusters`, { query: { type: 'ECS' } })).body.hyper_clusters[0];
  assertError(await api('POST', BASE, { body: { ...hpsBody, hps_cluster_id: ecsCluster.id } }), 400, 'ModelArts.6404', /HPS hyper cluster/);
  const created = await api<Server>('POST', BASE, { body: { ...hpsBody, hps_cluster_id: hyper.hps_cluster_id } });
  assert.equal(created.status, 200, created.text);
  assert.equal(created.body.category, 'HPS');
  const createdHyper = await api<Hyperinstance>('GET', `${BASE}/hyperinstance/${created.body.server_hps?.id}`);
  assert.deepEqual([createdHyper.body.status, createdHyper.body.servers.length], ['PROVISIONING', 4]);
  assertError(await api('PUT', `${BASE}/hyperinstance/${createdHyper.body.id}/start`), 400, 'ModelArts.6357', /in progress/);
  advance();
  const active = await api<Hyperinstance>('GET', `${BASE}/hyperinstance/${createdHyper.body.id}`);
  assert.equal(active.body.status, 'ACTIVE');
  assert.ok(active.body.servers.every((server) => server.status === 'RUNNING'));
  assert.equal((await allServers()).filter((server) => server.category === 'HPS').length, 0, 'members are not in the server lists');

  const terminating = await api<Hyperinstance>('DELETE', `${BASE}/hyperinstance/${createdHyper.body.id}`);
  assert.equal(terminating.body.status, 'TERMINATING');
  advance();
  assert.deepEqual(
    [(await api<Hyperinstance>('GET', `${BASE}/hyperinstance/${createdHyper.body.id}`)).body.status, (await api<Hyperinstance>('GET', `${BASE}/hyperinstance/${createdHyper.body.id}`)).body.servers.length],
    ['TERMINATED', 0],
  );
  advance();
  assertError(await api('GET', `${BASE}/hyperinstance/${createdHyper.body.id}`), 400, 'ModelArts.6404');
  assertError(await api('GET', `${BASE}/hyperinstance/no-such`), 400, 'ModelArts.6404');
});

test('literal sub-paths win over server ids', async () => {
  const lists: [string, string][] = [
    ['GET', 'all'],
    ['GET', 'flavors'],
    ['GET', 'images'],
    ['PUT', 'sync'],
    ['GET', 'hyperinstance'],
    ['GET', 'hyperinstance/all'],
    ['GET', 'jobs'],
    ['GET', 'jobs/templates'],
  ];
  for (const [method, literal] of lists) {
    const answer = await api<Page<unknown>>(method, `${BASE}/${literal}`);
    assert.equal(answer.status, 200, `${method} ${literal}: ${answer.text}`);
    assert.ok(Array.isArray(answer.body.data) && typeof answer.body.total === 'number', `${method} ${literal} is a list`);
  }
  const clusters = await api<{ hyper_clusters: unknown[] }>('GET', `${BASE}/hyper-clusters`);
  assert.ok(Array.isArray(clusters.body.hyper_clusters), clusters.text);
  for (const [method, literal] of [
    ['GET', 'networks'],
    ['GET', 'action'],
    ['DELETE', 'flavors'],
    ['PUT', 'all'],
    ['GET', 'instance-physical-topologies'],
  ]) {
    const answer = await api(method, `${BASE}/${literal}`);
    assert.deepEqual([answer.status, answer.body.error_code], [404, 'APIG.0101'], `${method} ${literal}`);
  }
  assertError(await api('GET', `${BASE}/not-a-server`), 400, 'ModelArts.6404', /not-a-server/);
  assertError(await api('PUT', `${BASE}/not-a-server/start`), 400, 'ModelArts.6404');
});

test('the control route and state methods force a status', async () => {
  const { emulator } = session;
  const server = await byName('lite-v100-notebook');
  const forced = await fetch(`${emulator.url}/__emulator/state/dev-servers/${server.id}`, { method: 'PUT', body: JSON.stringify({ status: 'ERROR' }) });
  assert.equal(forced.status, 200);
  assert.equal(((await forced.json()) as Server).status, 'ERROR');
  assert.equal(emulator.state.devServerStatus(server.id), 'ERROR');
  assert.equal(await statusOf(server.id), 'ERROR');
  const bad = await fetch(`${emulator.url}/__emulator/state/dev-servers/${server.id}`, { method: 'PUT', body: JSON.stringify({ status: 'SLEEPING' }) });
  assert.equal(bad.status, 400);
  assert.equal((await fetch(`${emulator.url}/__emulator/state/dev-servers/nope`)).status, 404);
  emulator.state.setDevServerStatus(server.id, 'STOPPED');
  assert.equal((await api<Server>('PUT', `${BASE}/${server.id}/start`)).body.status, 'STARTING');
  assert.throws(() => emulator.state.setDevServerStatus('nope', 'RUNNING'));
});
