import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SignedResponse } from '../../emulator/signedClient';
import { signHeaders } from '../../emulator/signature';
import { assertError, type ErrorAnswer, REFUSAL, useEmulator } from './emulatorSession';

const session = useEmulator(60_000);
const { api, advance } = session;

/** The SDK's PoolResourceFlavorCount: one object per state that has nodes. */
type Counts = Partial<Record<'creating' | 'available' | 'abnormal' | 'deleting', { flavor: string; count: number; maxCount: number; nodePool?: string }>>;
interface Pool {
  kind: string;
  metadata: { name: string; creationTimestamp: string; labels: Record<string, string>; annotations: Record<string, string> };
  spec: { type: string; scope: string[]; resources: { flavor: string; count: number; nodePool: string }[]; network: { name: string } };
  status: { phase: string; resources: Counts };
}
interface PoolList {
  apiVersion: string;
  kind: string;
  items: Pool[];
}
interface Node {
  kind: string;
  metadata: { name: string; labels: Record<string, string> };
  spec: { flavor: string };
  status: { phase: string; privateIp: string };
}
interface NodeList {
  apiVersion: string;
  kind: string;
  metadata: { continue: string; remainingItemCount: number };
  items: Node[];
}
interface NodePool {
  kind: string;
  metadata: { name: string };
  spec: { resources: { flavor: string; count: number; maxCount: number } };
  status?: { resources: Counts };
}
interface Plugin {
  kind: string;
  metadata: { name: string };
  spec: { template: { name: string; version: string } };
  status: { phase: string; version: string };
}
interface BatchAnswer {
  nodes: { name: string; status: 'success' | 'failed' }[];
}

const pools = () => api<PoolList>('GET', '/v2/{project_id}/pools');
const poolPath = (name: string) => `/v2/{project_id}/pools/${name}`;
const showPool = (name: string) => api<Pool>('GET', poolPath(name));
const byDisplayName = async (displayName: string): Promise<Pool> => {
  const found = (await pools()).body.items.find((pool) => pool.metadata.labels['os.modelarts/name'] === displayName);
  assert.ok(found, `pool ${displayName} is listed`);
  return found;
};
const total = (entries: { count: number }[]) => entries.reduce((sum, entry) => sum + entry.count, 0);
const nodes = (state: { count: number } | undefined) => state?.count ?? 0;

/** PATCH as the Python SDK sends merge-patch bodies: Content-Type merge-patch+json and an UNSIGNED-PAYLOAD content hash (§9.1). */
async function mergePatch<T>(path: string, patch: unknown, sk = session.client.sk, intent?: Record<string, string>): Promise<SignedResponse<T>> {
  const { client } = session;
  const fullPath = path.replace('{project_id}', client.projectId ?? '');
  const body = JSON.stringify(patch);
  const headers = signHeaders(
    {
      method: 'PATCH',
      path: fullPath,
      query: '',
      headers: {
        Host: new URL(client.url).host,
        'Content-Type': 'application/merge-patch+json',
        'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD',
        'X-Project-Id': client.projectId ?? '',
        ...intent,
      },
      body,
    },
    client.ak,
    sk,
  );
  delete headers.Host;
  const response = await fetch(`${client.url}${fullPath}`, { method: 'PATCH', headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: (text ? JSON.parse(text) : undefined) as T };
}

function createBody(displayName: string, resources: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'Pool',
    apiVersion: 'v2',
    metadata: { labels: { 'os.modelarts/name': displayName, 'os.modelarts/workspace.id': '0' }, annotations: { 'os.modelarts/description': 'test pool' } },
    spec: { type: 'Dedicate', scope: ['Train'], network: { name: networkName }, resources, ...extra },
  };
}
let networkName = '';

async function walkNodes(path: string, limit: number): Promise<{ names: string[]; remaining: number[]; pages: number }> {
  const names: string[] = [];
  const remaining: number[] = [];
  let token = '';
  let pages = 0;
  do {
    const query: Record<string, string | number> = token ? { limit, continue: token } : { limit };
    const page = await api<NodeList>('GET', path, { query });
    assert.equal(page.status, 200, page.text);
    assert.equal(page.body.kind, 'NodeList');
    assert.ok(page.body.items.length <= limit);
    names.push(...page.body.items.map((node) => node.metadata.name));
    remaining.push(page.body.metadata.remainingItemCount);
    token = page.body.metadata.continue;
    pages++;
  } while (token);
  return { names, remaining, pages };
}

test('the demo seed has three pools in two workspaces', async () => {
  const list = await pools();
  assert.equal(list.status, 200);
  assert.deepEqual([list.body.apiVersion, list.body.kind], ['v2', 'PoolList']);
  const phases = Object.fromEntries(list.body.items.map((pool) => [pool.metadata.labels['os.modelarts/name'], pool.status.phase]));
  assert.deepEqual(phases, { 'pool-gpu-v100': 'Running', 'pool-cpu-etl': 'Running', 'pool-npu-910b': 'Creating' });
  assert.equal(new Set(list.body.items.map((pool) => pool.metadata.labels['os.modelarts/workspace.id'])).size, 2);
  const gpu = await byDisplayName('pool-gpu-v100');
  assert.match(gpu.metadata.name, /^pool-gpu-v100-[0-9a-f]{32}$/);
  assert.equal(total(gpu.spec.resources), 300);
  assert.equal(nodes(gpu.status.resources.available) + nodes(gpu.status.resources.abnormal), 300);
  assert.deepEqual(gpu.status.resources.abnormal, { flavor: 'modelarts.bm.gpu.8v100', count: 2, maxCount: 2 });
  assert.equal(gpu.status.resources.creating, undefined, 'a state without nodes is left out');

  const inDefault = await api<PoolList>('GET', '/v2/{project_id}/pools', { query: { workspaceId: '0' } });
  assert.deepEqual(inDefault.body.items.map((pool) => pool.metadata.labels['os.modelarts/name']).sort(), ['pool-cpu-etl', 'pool-npu-910b']);
  const creating = await api<PoolList>('GET', '/v2/{project_id}/pools', { query: { status: 'creating' } });
  assert.deepEqual(creating.body.items.map((pool) => pool.metadata.labels['os.modelarts/name']), ['pool-npu-910b']);
  assertError(await api('GET', '/v2/{project_id}/pools', { query: { status: 'running' } }), 400, 'ModelArts.50004000');

  advance();
  const npu = await byDisplayName('pool-npu-910b');
  assert.equal(npu.status.phase, 'Running');
  assert.equal(nodes(npu.status.resources.available), 4);
});

test('unknown pools are 404 ModelArts.50015001', async () => {
  for (const [method, path] of [
    ['GET', poolPath('pool-nope')],
    ['DELETE', poolPath('pool-nope')],
    ['GET', `${poolPath('pool-nope')}/nodes`],
    ['GET', `${poolPath('pool-nope')}/nodepools`],
    ['GET', `${poolPath('pool-nope')}/plugins`],
  ]) {
    const answer = await api(method, path);
    assert.deepEqual([answer.status, answer.body.error_code], [404, 'ModelArts.50015001'], `${method} ${path}`);
  }
});

test('nodes page through all 300 with continue tokens', async () => {
  const gpu = await byDisplayName('pool-gpu-v100');
  const path = `${poolPath(gpu.metadata.name)}/nodes`;
  const walk = await walkNodes(path, 50);
  assert.equal(walk.pages, 6);
  assert.equal(walk.names.length, 300);
  assert.equal(new Set(walk.names).size, 300, 'no node twice');
  assert.deepEqual(walk.remaining, [250, 200, 150, 100, 50, 0]);

  const all = await api<NodeList>('GET', path);
  assert.equal(all.body.items.length, 300, 'default limit 500 returns everything');
  assert.deepEqual(all.body.metadata, { continue: '', remainingItemCount: 0 });
  assert.deepEqual(
    all.body.items.map((node) => node.metadata.name),
    walk.names,
  );
  const phases = all.body.items.map((node) => node.status.phase);
  assert.equal(phases.filter((phase) => phase === 'Abnormal').length, nodes(gpu.status.resources.abnormal));

  const one = await api<Node>('GET', `${path}/${walk.names[7]}`);
  assert.deepEqual([one.status, one.body.kind, one.body.spec.flavor], [200, 'Node', 'modelarts.bm.gpu.8v100']);
  assert.equal((await api('GET', `${path}/os-node-nope`)).status, 404);

  const badQueries: Record<string, string | number>[] = [
    { continue: 'not-a-token' },
    { continue: Buffer.from('{"l":"other","a":3}').toString('base64url') },
    { limit: 501 },
    { limit: -1 },
  ];
  for (const query of badQueries) {
    const bad = await api('GET', path, { query });
    assert.deepEqual([bad.status, bad.body.error_code], [400, 'ModelArts.50004000'], JSON.stringify(query));
  }
});

test('pools are created, refused when their name exists or the body is bad, and become Running', async () => {
  const networks = await api<{ kind: string; items: { metadata: { name: string } }[] }>('GET', '/v1/{project_id}/networks');
  assert.equal(networks.body.kind, 'NetworkList');
  networkName = networks.body.items[0].metadata.name;

  const created = await api<Pool>('POST', '/v2/{project_id}/pools', { body: createBody('pool-ae01', [{ flavor: 'modelarts.vm.cpu.4ud', count: 1 }]) });
  assert.equal(created.status, 200, created.text);
  assert.match(created.body.metadata.name, /^pool-ae01-[0-9a-f]{32}$/);
  assert.equal(created.body.metadata.labels['os.modelarts/name'], 'pool-ae01');
  assert.equal(created.body.status.phase, 'Creating');
  assert.deepEqual(created.body.status.resources.creating, { flavor: 'modelarts.vm.cpu.4ud', count: 1, maxCount: 1 });
  assert.deepEqual(created.body.spec.resources, [{ flavor: 'modelarts.vm.cpu.4ud', count: 1, maxCount: 1, nodePool: 'default' }]);

  assertError(await api('POST', '/v2/{project_id}/pools', { body: createBody('pool-ae01', [{ flavor: 'modelarts.vm.cpu.4ud', count: 1 }]) }), 409, 'ModelArts.50015000');
  // What the SDK's model refuses is refused before the service looks at it.
  assertError(await api('POST', '/v2/{project_id}/pools', { body: { kind: 'Pool', spec: {} }, headers: REFUSAL }), 400, 'ModelArts.0101', /body\.apiVersion: CreatePoolRequestBody requires apiVersion/);
  for (const body of [
    createBody('pool-ae02', []),
    createBody('pool-ae02', [{ flavor: 'modelarts.vm.cpu.4ud', count: 2, maxCount: 3 }]),
    createBody('pool-ae02', [{ flavor: 'modelarts.vm.cpu.4ud', count: 0 }]),
    createBody('pool-ae02', [{ flavor: 'modelarts.vm.cpu.4ud', count: 1 }], { scope: ['Everything'] }),
    createBody('Bad_Name', [{ flavor: 'modelarts.vm.cpu.4ud', count: 1 }]),
  ]) {
    const bad = await api('POST', '/v2/{project_id}/pools', { body });
    assert.deepEqual([bad.status, bad.body.error_code], [400, 'ModelArts.50004000'], JSON.stringify(body));
  }
  assertError(await api('POST', '/v2/{project_id}/pools', { body: createBody('pool-ae03', [{ flavor: 'modelarts.vm.nope', count: 1 }]) }), 404, 'ModelArts.50005101');

  advance();
  const running = await showPool(created.body.metadata.name);
  assert.equal(running.body.status.phase, 'Running');
  assert.deepEqual(running.body.status.resources.available, { flavor: 'modelarts.vm.cpu.4ud', count: 1, maxCount: 1 });
});

test('a signed merge-patch scales a pool up and down, and deletion ends in 404', async () => {
  const pool = await byDisplayName('pool-ae01');
  const path = poolPath(pool.metadata.name);
  const up = await mergePatch<Pool>(path, { spec: { resources: [{ flavor: 'modelarts.vm.cpu.4ud', count: 3 }] }, metadata: { annotations: { 'os.modelarts/description': 'scaled' } } });
  assert.equal(up.status, 200, up.text);
  assert.equal(up.body.spec.resources[0].count, 3);
  assert.equal(up.body.metadata.annotations['os.modelarts/description'], 'scaled');
  assert.deepEqual([nodes(up.body.status.resources.available), nodes(up.body.status.resources.creating)], [1, 2]);
  assert.deepEqual(up.body.spec.resources, [{ flavor: 'modelarts.vm.cpu.4ud', count: 3, maxCount: 3, nodePool: 'default' }], 'a physical pool\'s maxCount follows count');
  const nodesDuringScale = await api<NodeList>('GET', `${path}/nodes`);
  assert.deepEqual(nodesDuringScale.body.items.map((node) => node.status.phase), ['Available', 'Creating', 'Creating']);

  assertError(await mergePatch<ErrorAnswer>(path, { spec: { resources: [{ flavor: 'modelarts.vm.cpu.4ud', count: 9 }] } }, 'wrong-secret'), 401, 'APIG.0301');

  advance();
  assert.deepEqual((await showPool(pool.metadata.name)).body.status.resources.available, { flavor: 'modelarts.vm.cpu.4ud', count: 3, maxCount: 3 });

  const down = await mergePatch<Pool>(path, { spec: { resources: [{ flavor: 'modelarts.vm.cpu.4ud', count: 1 }] } });
  assert.equal(down.status, 200, down.text);
  assert.deepEqual([nodes(down.body.status.resources.available), nodes(down.body.status.resources.deleting)], [1, 2]);
  advance();
  assert.equal((await api<NodeList>('GET', `${path}/nodes`)).body.items.length, 1);

  assertError(await mergePatch<ErrorAnswer>(path, { spec: { type: 'Logical' } }, undefined, REFUSAL), 400, 'ModelArts.0101', /body\.spec\.type: PoolSpecUpdate has no field type/);

  const deleted = await api<Pool>('DELETE', path);
  assert.deepEqual([deleted.status, deleted.body.status.phase], [200, 'Deleting']);
  assert.equal((await showPool(pool.metadata.name)).body.status.phase, 'Deleting');
  advance();
  assertError(await showPool(pool.metadata.name), 404, 'ModelArts.50015001');
});

test('batch reboot, lock, unlock and delete nodes', async () => {
  const gpu = await byDisplayName('pool-gpu-v100');
  const nodesPath = `${poolPath(gpu.metadata.name)}/nodes`;
  const names = (await api<NodeList>('GET', nodesPath, { query: { limit: 3 } })).body.items.map((node) => node.metadata.name);

  const reboot = await api<{ nodeNames: string[]; job_id: string }>('POST', `${nodesPath}/batch-reboot`, { body: { nodeNames: names.slice(0, 2) } });
  assert.equal(reboot.status, 200, reboot.text);
  assert.deepEqual(reboot.body.nodeNames, names.slice(0, 2));
  assert.match(reboot.body.job_id, /^[0-9a-f-]{36}$/);
  assert.equal((await api<Node>('GET', `${nodesPath}/${names[0]}`)).body.status.phase, 'Checking');
  assert.equal(session.emulator.state.poolNodePhase(gpu.metadata.name, names[1]), 'Checking');
  advance();
  assert.equal((await api<Node>('GET', `${nodesPath}/${names[0]}`)).body.status.phase, 'Available');
  assertError(await api('POST', `${nodesPath}/batch-reboot`, { body: { nodeNames: ['os-node-nope'] } }), 400, 'ModelArts.50004000');

  const lock = await api<BatchAnswer>('POST', `${nodesPath}/batch-lock`, { body: { nodeNames: [names[0], 'os-node-nope'], actions: ['delete'] } });
  assert.deepEqual(lock.body.nodes, [
    { name: names[0], status: 'success' },
    { name: 'os-node-nope', status: 'failed' },
  ]);
  const locked = (await api<Node>('GET', `${nodesPath}/${names[0]}`)).body;
  assert.deepEqual(Object.keys(locked.metadata).sort(), ['creationTimestamp', 'labels', 'name'], 'no annotation the SDK lacks tells a lock');
  const refused = await api('POST', `${nodesPath}/batch-delete`, { body: { deleteNodeNames: [names[0], names[1]] } });
  assertError(refused, 400, 'ModelArts.50004000', /locked against deletion/);
  assert.equal((await api<Node>('GET', `${nodesPath}/${names[1]}`)).body.status.phase, 'Available', 'all or nothing');
  const deletedOne = await api('POST', `${nodesPath}/batch-delete`, { body: { deleteNodeNames: [names[1]] } });
  assert.deepEqual([deletedOne.status, deletedOne.body], [200, {}], 'the SDK\'s answer has no fields');
  assert.equal((await api<Node>('GET', `${nodesPath}/${names[1]}`)).body.status.phase, 'Deleting');
  const unlock = await api<BatchAnswer>('POST', `${nodesPath}/batch-unlock`, { body: { nodeNames: [names[0]], actions: ['delete'] } });
  assert.deepEqual(unlock.body.nodes, [{ name: names[0], status: 'success' }]);
  assert.equal((await api('POST', `${nodesPath}/batch-delete`, { body: { deleteNodeNames: [names[0]] } })).status, 200);
  const duringDelete = (await showPool(gpu.metadata.name)).body;
  assert.equal(duringDelete.spec.resources[0].count, 298);
  assert.equal(nodes(duringDelete.status.resources.deleting), 2);
  advance();
  const after = (await showPool(gpu.metadata.name)).body;
  assert.equal(nodes(after.status.resources.available) + nodes(after.status.resources.abnormal), 298);
  assert.equal((await walkNodes(nodesPath, 100)).names.length, 298);
  assert.equal((await api('POST', `${nodesPath}/batch-lock`, { body: { nodeNames: [names[2]], actions: ['explode'] } })).status, 400);
});

test('node pools are created, scaled with merge-patch and deleted', async () => {
  const cpu = await byDisplayName('pool-cpu-etl');
  const base = `${poolPath(cpu.metadata.name)}/nodepools`;
  const list = await api<{ kind: string; items: NodePool[] }>('GET', base);
  assert.deepEqual([list.body.kind, list.body.items.map((np) => np.metadata.name)], ['NodePoolList', ['default', 'highmem']]);
  assert.deepEqual(Object.keys(list.body.items[0].metadata), ['name'], 'the SDK\'s NodePoolMetadata has the name alone');

  const nodePoolBody = (name: string, resources: Record<string, unknown>) => ({ apiVersion: 'v2', kind: 'NodePool', metadata: { name }, spec: { resources } });
  const created = await api<NodePool>('POST', base, { body: nodePoolBody('gpu-t4', { flavor: 'modelarts.vm.gpu.t4u8', count: 2, maxCount: 2 }) });
  assert.equal(created.status, 200, created.text);
  assert.deepEqual(created.body.spec.resources, { flavor: 'modelarts.vm.gpu.t4u8', count: 2, maxCount: 2, nodePool: 'gpu-t4' });
  assert.equal(created.body.status, undefined, 'a create answers no status');
  assertError(await api('POST', base, { body: nodePoolBody('gpu-t4', { flavor: 'modelarts.vm.gpu.t4u8', count: 1, maxCount: 1 }) }), 409, 'ModelArts.50015000');
  assertError(await api('POST', base, { body: nodePoolBody('gpu-big', { flavor: 'modelarts.vm.gpu.t4u8', count: 1, maxCount: 5 }) }), 400, 'ModelArts.50004000');
  assertError(await api('POST', base, { body: nodePoolBody('my-default', { flavor: 'modelarts.vm.gpu.t4u8', count: 1, maxCount: 1 }) }), 400, 'ModelArts.50004000');
  const noMax = await api('POST', base, { body: nodePoolBody('gpu-x', { flavor: 'modelarts.vm.gpu.t4u8', count: 1 }), headers: REFUSAL });
  assertError(noMax, 400, 'ModelArts.0101', /body\.spec\.resources\.maxCount: PoolResource requires maxCount/);
  let pool = (await showPool(cpu.metadata.name)).body;
  assert.deepEqual(
    pool.spec.resources.map((r) => [r.nodePool, r.count]),
    [
      ['default', 3],
      ['highmem', 2],
      ['gpu-t4', 2],
    ],
  );
  const poolNodes = (await api<NodeList>('GET', `${poolPath(cpu.metadata.name)}/nodes`)).body.items;
  assert.equal(poolNodes.length, 7);
  const t4 = poolNodes.find((node) => node.metadata.labels['os.modelarts.node/nodepoolname'] === 'gpu-t4');
  assert.ok(t4, 'a node names its node pool in os.modelarts.node/nodepoolname');
  assert.notEqual(t4.metadata.labels['os.modelarts.node/nodepool'], 'gpu-t4', 'os.modelarts.node/nodepool is the node pool\'s id, not its name');
  advance();

  const scaled = await mergePatch<NodePool>(`${base}/gpu-t4`, { spec: { resources: { flavor: 'modelarts.vm.gpu.t4u8', count: 4, maxCount: 4 } } });
  assert.equal(scaled.status, 200, scaled.text);
  assert.deepEqual(Object.keys(scaled.body), ['spec'], 'a PATCH answers the spec alone');
  assert.equal(scaled.body.spec.resources.count, 4);
  const scaling = (await api<NodePool>('GET', `${base}/gpu-t4`)).body;
  assert.deepEqual([nodes(scaling.status?.resources.available), nodes(scaling.status?.resources.creating)], [2, 2]);
  assert.equal(scaling.status?.resources.available?.nodePool, t4.metadata.labels['os.modelarts.node/nodepool'], 'the counts name the node pool by id');
  const npNodes = await walkNodes(`${base}/gpu-t4/nodes`, 3);
  assert.deepEqual([npNodes.names.length, npNodes.pages, npNodes.remaining], [4, 2, [1, 0]]);
  assertError(await mergePatch<ErrorAnswer>(`${base}/gpu-t4`, { spec: { resources: { flavor: 'modelarts.vm.cpu.4ud', count: 4, maxCount: 4 } } }), 400, 'ModelArts.50004000');
  assertError(await mergePatch<ErrorAnswer>(`${base}/gpu-t4`, { spec: { resources: { flavor: 'modelarts.vm.gpu.t4u8', count: 5, maxCount: 4 } } }), 400, 'ModelArts.50004000');
  advance();

  const removed = await api<NodePool>('DELETE', `${base}/gpu-t4`);
  assert.equal(removed.status, 200, removed.text);
  assert.equal(nodes(removed.body.status?.resources.deleting), 4);
  pool = (await showPool(cpu.metadata.name)).body;
  assert.deepEqual(pool.spec.resources.map((r) => r.nodePool), ['default', 'highmem']);
  advance();
  assert.equal((await api('GET', `${base}/gpu-t4`)).status, 404);
  assert.equal((await api<NodeList>('GET', `${poolPath(cpu.metadata.name)}/nodes`)).body.items.length, 5);

  await api('DELETE', `${base}/highmem`);
  assertError(await api('DELETE', `${base}/default`), 400, 'ModelArts.50004000');
});

test('plugins install Pending → Running and uninstall', async () => {
  const cpu = await byDisplayName('pool-cpu-etl');
  const base = `${poolPath(cpu.metadata.name)}/plugins`;
  const seeded = await api<{ kind: string; items: Plugin[] }>('GET', base);
  assert.deepEqual([seeded.body.kind, seeded.body.items.map((p) => [p.spec.template.name, p.status.phase])], [
    'PluginList',
    [
      ['volcano', 'Running'],
      ['log-agent', 'Running'],
    ],
  ]);
  assert.equal(seeded.body.items[0].metadata.name, `${cpu.metadata.name}-volcano`, 'an instance is named after its pool and template');
  const templates = await api<{ kind: string; items: { metadata: { name: string }; spec: { versions: { version: string }[] } }[] }>('GET', '/v2/{project_id}/plugintemplates', {
    query: { poolName: cpu.metadata.name },
  });
  assert.equal(templates.body.kind, 'PluginTemplateList');
  assert.ok(['gpu-driver', 'npu-driver', 'volcano'].every((name) => templates.body.items.some((t) => t.metadata.name === name)));
  assert.deepEqual(
    templates.body.items.find((t) => t.metadata.name === 'gpu-driver')?.spec.versions.map((v) => v.version),
    ['535.54.03', '470.182.03'],
    'versions are objects',
  );
  const driver = await api<{ spec: { type: string; versions: Record<string, { version: string }> } }>('GET', '/v1/{project_id}/plugintemplates/gpu-driver');
  assert.deepEqual([driver.body.spec.type, Object.keys(driver.body.spec.versions)], ['gpu-driver', ['535.54.03', '470.182.03']]);
  assert.equal((await api('GET', '/v1/{project_id}/plugintemplates/volcano')).status, 404, 'the v1 path has the drivers alone');

  const install = (template: Record<string, unknown>) => ({ apiVersion: 'v2', kind: 'Plugin', spec: { template } });
  const created = await api<Plugin>('POST', base, { body: install({ name: 'gpu-driver', version: '470.182.03' }) });
  assert.equal(created.status, 200, created.text);
  assert.deepEqual([created.body.status.phase, created.body.spec.template.version], ['Pending', '470.182.03']);
  assert.equal((await api('POST', base, { body: install({ name: 'gpu-driver' }) })).status, 409);
  assert.equal((await api('POST', base, { body: install({ name: 'no-such-plugin' }) })).status, 400);
  assertError(await api('POST', base, { body: { spec: { template: { name: 'log-agent' } } }, headers: REFUSAL }), 400, 'ModelArts.0101', /CreatePluginRequestBody requires apiVersion/);
  advance();
  assert.equal((await api<Plugin>('GET', `${base}/gpu-driver`)).body.status.phase, 'Running');
  const upgraded = await mergePatch<Plugin>(`${base}/gpu-driver`, { spec: { template: { version: '535.54.03' } } });
  assert.deepEqual([upgraded.status, upgraded.body.spec.template.version], [200, '535.54.03']);
  const updating = (await api<Plugin>('GET', `${base}/gpu-driver`)).body;
  assert.deepEqual([updating.status.phase, updating.status.version], ['Updating', '535.54.03']);
  advance();
  assert.equal((await api<Plugin>('DELETE', `${base}/gpu-driver`)).body.status.phase, 'Deleting');
  advance();
  assert.equal((await api('GET', `${base}/gpu-driver`)).status, 404);
  assert.equal((await api<{ items: Plugin[] }>('GET', base)).body.items.length, 2);
});

test('resource flavors page with continue; node config templates answer', async () => {
  const first = await api<{ kind: string; metadata: { continue: string; remainingItemCount: number }; items: { metadata: { name: string; labels: Record<string, string> }; spec: { billingCode?: string } }[] }>('GET', '/v1/{project_id}/resourceflavors', {
    query: { limit: 4 },
  });
  assert.equal(first.body.kind, 'ResourceFlavorList');
  assert.equal(first.body.items.length, 4);
  const rest = await api<typeof first.body>('GET', '/v1/{project_id}/resourceflavors', { query: { limit: 4, continue: first.body.metadata.continue } });
  const names = [...first.body.items, ...rest.body.items].map((item) => item.metadata.name);
  assert.equal(first.body.metadata.remainingItemCount, rest.body.items.length);
  assert.ok(names.some((name) => name.includes('cpu')) && names.some((name) => name.includes('gpu')) && names.some((name) => name.includes('npu')));
  assert.deepEqual(first.body.items[0].metadata.labels, { 'os.modelarts/scope': 'Train.Infer.Notebook' }, 'the one label the SDK\'s flavor has');
  const billingCodes = [...first.body.items, ...rest.body.items].map((item) => item.spec.billingCode ?? '');
  assert.ok(billingCodes.every((code) => code.startsWith('modelarts.pool.')) && new Set(billingCodes).size === names.length, `a billing code each: ${billingCodes.join(', ')}`);
  const selected = await api<typeof first.body>('GET', '/v1/{project_id}/resourceflavors', { query: { labelSelector: 'os.modelarts/scope=Train.Infer.Notebook' } });
  assert.equal(selected.body.items.length, names.length);

  const template = await api<{ kind: string; spec: { dockerBaseSize: number; osList: { name: string }[] } }>('GET', '/v1/{project_id}/nodeconfigtemplates/default');
  assert.deepEqual([template.status, template.body.kind, typeof template.body.spec.dockerBaseSize], [200, 'NodeConfigTemplate', 'number']);
  assert.ok(template.body.spec.osList.length > 0);
  const gpu = await byDisplayName('pool-gpu-v100');
  const poolTemplate = await api<{ kind: string; metadata: { name: string }; spec: { templates: { configs: Record<string, { key: string; default: unknown }[]> }[] } }>(
    'GET',
    `${poolPath(gpu.metadata.name)}/node-config-template`,
  );
  assert.deepEqual([poolTemplate.body.kind, poolTemplate.body.metadata.name], ['NodeConfigTemplate', 'node-config-template']);
  assert.equal(poolTemplate.body.spec.templates[0].configs.containerd[0].default, 'nvidia-container-runtime', 'a GPU pool\'s template');
});

test('a pool named with "fail" ends CreationFailed and shows under status=failed', async () => {
  const created = await api<Pool>('POST', '/v2/{project_id}/pools', { body: createBody('pool-will-fail', [{ flavor: 'modelarts.vm.cpu.8ud', count: 2 }]) });
  assert.equal(created.status, 200, created.text);
  advance();
  const failed = await api<PoolList>('GET', '/v2/{project_id}/pools', { query: { status: 'failed' } });
  assert.deepEqual(
    failed.body.items.map((pool) => [pool.metadata.labels['os.modelarts/name'], pool.status.phase, nodes(pool.status.resources.abnormal)]),
    [['pool-will-fail', 'CreationFailed', 2]],
  );
});

test('batch-resize moves the nodes of a batch to the target flavor through Checking', async () => {
  const created = await api<Pool>('POST', '/v2/{project_id}/pools', { body: createBody('pool-resize', [{ flavor: 'modelarts.vm.cpu.4ud', count: 2 }]) });
  advance();
  const nodesPath = `${poolPath(created.body.metadata.name)}/nodes`;
  const nodes = (await api<NodeList>('GET', nodesPath)).body.items;
  const batchUID = nodes[0].metadata.labels['os.modelarts.node/batch.uid'];
  const resize = await api<{ orderName: string; nodeNames: string[] }>('POST', `${nodesPath}/batch-resize`, {
    body: {
      nodes: [{ batchUID }],
      source: { nodePool: 'default', flavor: 'modelarts.vm.cpu.4ud', creatingStep: { type: 'hyperinstance', step: 1 } },
      target: { nodePool: 'default', flavor: 'modelarts.vm.cpu.8ud', creatingStep: { type: 'hyperinstance', step: 1 } },
    },
  });
  assert.equal(resize.status, 200, resize.text);
  assert.deepEqual(resize.body.nodeNames.sort(), nodes.map((node) => node.metadata.name).sort());
  const checking = (await api<NodeList>('GET', nodesPath)).body.items;
  assert.deepEqual(checking.map((node) => [node.spec.flavor, node.status.phase]), [
    ['modelarts.vm.cpu.8ud', 'Checking'],
    ['modelarts.vm.cpu.8ud', 'Checking'],
  ]);
  advance();
  assert.deepEqual((await showPool(created.body.metadata.name)).body.status.resources.available, { flavor: 'modelarts.vm.cpu.8ud', count: 2, maxCount: 2 });
  const noMatch = await api('POST', `${nodesPath}/batch-resize`, {
    body: { nodes: [{ batchUID: 'nope' }], source: { nodePool: 'default', flavor: 'modelarts.vm.cpu.4ud' }, target: { nodePool: 'default', flavor: 'modelarts.vm.cpu.8ud' } },
  });
  assertError(noMatch, 400, 'ModelArts.50004000');
});

test('control API and EmulatorState force pool and node phases', async () => {
  const { emulator } = session;
  const cpu = await byDisplayName('pool-cpu-etl');
  const forced = await fetch(`${emulator.url}/__emulator/state/pools/${cpu.metadata.name}`, { method: 'PUT', body: JSON.stringify({ phase: 'Abnormal' }) });
  assert.equal(forced.status, 200);
  assert.equal(((await forced.json()) as Pool).status.phase, 'Abnormal');
  assert.equal((await showPool(cpu.metadata.name)).body.status.phase, 'Abnormal');
  assert.equal(emulator.state.poolPhase(cpu.metadata.name), 'Abnormal');
  emulator.state.setPoolPhase(cpu.metadata.name, 'Running');
  assert.equal((await showPool(cpu.metadata.name)).body.status.phase, 'Running');

  const node = (await api<NodeList>('GET', `${poolPath(cpu.metadata.name)}/nodes`, { query: { limit: 1 } })).body.items[0];
  const nodeUrl = `${emulator.url}/__emulator/state/pools/${cpu.metadata.name}/nodes/${node.metadata.name}`;
  const forcedNode = await fetch(nodeUrl, { method: 'PUT', body: JSON.stringify({ phase: 'Abnormal' }) });
  assert.equal(((await forcedNode.json()) as Node).status.phase, 'Abnormal');
  assert.equal(nodes((await showPool(cpu.metadata.name)).body.status.resources.abnormal), 1);
  assert.equal((await fetch(nodeUrl, { method: 'PUT', body: JSON.stringify({ phase: 'Exploded' }) })).status, 400);
  assert.equal((await fetch(`${emulator.url}/__emulator/state/pools/pool-nope`)).status, 404);
  emulator.state.setPoolNodePhase(cpu.metadata.name, node.metadata.name, 'Available');
  assert.equal(emulator.state.poolNodePhase(cpu.metadata.name, node.metadata.name), 'Available');
});
