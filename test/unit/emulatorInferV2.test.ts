import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertError, REFUSAL, useEmulator } from './emulatorSession';

const { api, advance } = useEmulator(60_000);

interface ServiceItem {
  id: string;
  name: string;
  status: string;
  version: string;
  version_count: number;
  workspace_id: string;
  create_at: number;
  update_at: number;
  auth_type: string;
}
interface ServiceDetail {
  id: string;
  name: string;
  status: string;
  description?: string;
  failure_reason?: string;
  create_at: string;
  update_at: string;
  predict_url: { type: string; urls: string[] }[];
  version: {
    version: string;
    description: string;
    predict_url: string;
    runtime_config: { service_limit: Record<string, unknown> };
    instance_groups: { name: string; status: string; failure_reason?: string; unit_configs: { image: { swr_path: string } }[] }[];
  };
}
interface V2List<T> {
  data: T[];
  current: number;
  size: number;
  pages: number;
  total: number;
}
const BASE = '/v2/{project_id}/services';
const list = (query: Record<string, string | number> = {}) => api<V2List<ServiceItem>>('GET', BASE, { query: { limit: 50, ...query } });
const show = (id: string) => api<ServiceDetail>('GET', `${BASE}/${id}`);
const statusOf = async (id: string) => (await show(id)).body.status;
const post = (path: string, body?: unknown, headers?: Record<string, string>) => api<ServiceDetail>('POST', `${BASE}${path}`, body === undefined ? {} : { body, headers });

async function idOf(name: string, workspaceId = '0'): Promise<string> {
  const found = (await list({ workspace_id: workspaceId })).body.data.find((service) => service.name === name);
  assert.ok(found, `${name} is seeded`);
  return found.id;
}

const IMAGE = 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/vllm-serving:0.7.3';

/** §4.4's minimal body, on a public flavor. */
function body(name: string, unit: Record<string, unknown> = {}, group: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    version: '0.0.1',
    type: 'REAL_TIME',
    deploy_type: 'SINGLE',
    workspace_id: '0',
    group_configs: [{ name: 'group-1', framework: 'COMMON', weight: 100, count: 1, unit_configs: [{ image: { source: 'SWR', swr_path: IMAGE }, flavor: 'modelarts.vm.cpu.2u8g', port: 8080, envs: { A: 'b' }, ...unit }], ...group }],
    runtime_config: {
      service_invoke: { port: 8080, protocol: 'HTTPS', auth_type: 'TOKEN' },
      service_limit: { rate_limit: { num: 100, unit: 'SECONDS' }, request_size_limit: 12, request_timeout: 60 },
    },
    custom_metrics_path: '',
  };
}

test('the seeded default workspace: v2 spellings, UPPERCASE statuses, 32-hex ids, ms times (strings in the detail)', async () => {
  const listed = await list();
  assert.equal(listed.status, 200, listed.text);
  assert.deepEqual([listed.body.current, listed.body.total, listed.body.pages], [0, listed.body.data.length, 1]);
  const statuses = Object.fromEntries(listed.body.data.map((service) => [service.name, service.status]));
  assert.deepEqual(statuses, {
    'llm-chat-v2': 'RUNNING',
    'image-tagging-v2': 'STOPPED',
    'yolo-detect-v2': 'FAILED',
    'rerank-v2': 'DEPLOYING',
    'embedding-v2': 'CONCERNING',
    'sentiment-ab-v2': 'RUNNING',
    'draft-v2': 'INIT',
  });
  for (const service of listed.body.data) {
    assert.match(service.id, /^[0-9a-f]{32}$/, 'v2 ids are not v1 UUIDs');
    assert.ok(Number.isInteger(service.create_at) && service.create_at > 1_600_000_000_000);
    assert.ok(!('service_id' in service) && !('service_name' in service), 'no v1 field names');
  }
  const updates = listed.body.data.map((service) => service.update_at);
  assert.deepEqual(updates, [...updates].sort((a, b) => b - a), 'newest update first by default');
  const llm = await show(await idOf('llm-chat-v2'));
  assert.equal(typeof llm.body.create_at, 'string', 'the detail gives times as strings');
  assert.equal(llm.body.version.version, '0.0.2');
  assert.match(llm.body.predict_url[0].urls[0], /^https:\/\/[0-9a-f]{32}\.apig\.cn-north-4\.huaweicloudapis\.com\/v2\/infers\/[0-9a-f]{32}$/);
  const failed = await show(await idOf('yolo-detect-v2'));
  assert.match(failed.body.failure_reason ?? '', /Failed to pull image .*yolov8-traffic:9\.0\.0/);
  const draft = await show(await idOf('draft-v2'));
  assert.deepEqual([draft.body.version.instance_groups, draft.body.predict_url], [[], []], 'an INIT service has no deployment and no address');
});

test('the detail has the SDK\'s shape: the description in its version, no failure reason per deployment', async () => {
  const listed = (await list()).body.data.find((service) => service.name === 'yolo-detect-v2') as ServiceItem & { description: string };
  const detail = await show(listed.id);
  assert.equal(detail.body.description, undefined, 'ShowInferServiceResponse has no description');
  assert.equal(detail.body.version.description, listed.description);
  assert.ok(detail.body.failure_reason, 'the service says why it failed');
  assert.equal(detail.body.version.instance_groups[0].failure_reason, undefined, 'GroupConfigResponse has no failure_reason');
  assert.deepEqual(detail.body.version.runtime_config.service_limit, { rate_limit: { num: 100, unit: 'SECONDS' }, request_size_limit: 12, request_timeout: 60 });
});

test('list paging: offset is a record offset and a multiple of limit; current is the 0-based page', async () => {
  const second = await list({ limit: 3, offset: 3, sort_key: 'create_at', sort_dir: 'ASC' });
  assert.deepEqual([second.body.current, second.body.size, second.body.pages, second.body.data.length], [1, 3, 3, 3]);
  const all = (await list({ sort_key: 'create_at', sort_dir: 'ASC' })).body.data.map((service) => service.name);
  assert.deepEqual(second.body.data.map((service) => service.name), all.slice(3, 6));
  assertError(await list({ limit: 3, offset: 2 }), 400, 'ModelArts.0101', /offset.*multiple of limit/);
  assertError(await list({ limit: 501 }), 400, 'ModelArts.0101');
  assertError(await list({ sort_dir: 'up' }), 400, 'ModelArts.0101');
  assertError(await list({ sort_key: 'publish_at' }), 400, 'ModelArts.0101', /sort_key/);
});

test('list filters: status, name (contains), description, tags, and pool_name in another workspace', async () => {
  const names = async (query: Record<string, string>) => (await list(query)).body.data.map((service) => service.name).sort();
  assert.deepEqual(await names({ status: 'RUNNING' }), ['llm-chat-v2', 'sentiment-ab-v2']);
  assert.deepEqual(await names({ status: 'running' }), [], 'statuses are upper case');
  assert.deepEqual(await names({ name: 'CHAT' }), ['llm-chat-v2']);
  assert.deepEqual(await names({ description: 'a/b test' }), ['sentiment-ab-v2']);
  assert.deepEqual(await names({ auth_type: 'API_KEY' }), ['rerank-v2']);
  assert.equal((await names({ tags: 'team|platform' })).length, 7);
  const workspaces = await api<{ workspaces: { id: string; name: string }[] }>('GET', '/v1/{project_id}/workspaces');
  const nlp = workspaces.body.workspaces.find((workspace) => workspace.name === 'nlp-research')?.id ?? '';
  assert.deepEqual(await names({ workspace_id: nlp, pool_name: 'pool-gpu-v100' }), ['ner-pool-v2']);
  assert.deepEqual(await names({ pool_name: 'pool-gpu-v100' }), [], 'the default workspace has no service on that pool');
});

test('v1 and v2 are different resources: ids, paths, codes and literals do not cross', async () => {
  const v2Id = await idOf('llm-chat-v2');
  assertError(await api('GET', `/v1/{project_id}/services/${v2Id}`), 404, 'ModelArts.3502');
  const v1 = await api<{ services: { service_id: string }[] }>('GET', '/v1/{project_id}/services');
  const v1Id = v1.body.services[0].service_id;
  assertError(await show(v1Id), 400, 'ModelArts.6404', /does not exist/);
  assertError(await api('GET', `${BASE}/delete`), 404, 'APIG.0101');
  assertError(await api('GET', `${BASE}/clusters`), 404, 'APIG.0101');
  assertError(await api('DELETE', `${BASE}/${v2Id}`, { headers: REFUSAL }), 404, 'APIG.0101');
  assert.equal(await statusOf(v2Id), 'RUNNING', 'v2 has no DELETE on a service: nothing happened');
});

test('create checks §4.4\'s body field by field and changes nothing when it refuses', async () => {
  const limits = (change: Record<string, unknown>) => ({ ...body('bad-limit'), runtime_config: { ...(body('x').runtime_config as object), service_limit: { rate_limit: { num: 100, unit: 'SECONDS' }, request_size_limit: 12, request_timeout: 60, ...change } } });
  const refusals: [Record<string, unknown>, RegExp][] = [
    [{ ...body('bad-type'), type: 'real-time' }, /type/],
    [{ ...body('two-groups'), group_configs: [body('a').group_configs, body('b').group_configs].flat() }, /group_configs/],
    [body('east-image', { image: { source: 'SWR', swr_path: 'swr.cn-east-3.myhuaweicloud.com/shanghai-prod/ctr-serving:1.4.2' } }), /cn-east-3.*cn-north-4/],
    [body('not-swr', { image: { source: 'SWR', swr_path: 'docker.io/library/nginx:latest' } }), /swr\.<region>/],
    [body('sold-out', { flavor: 'modelarts.vm.gpu.v100u8' }), /sold out/],
    [body('v1-spec', { flavor: 'modelarts.vm.cpu.2u' }), /unknown flavor/],
    [body('spec-no-pool', { flavor: undefined, custom_spec: { cpu: 2, memory: 4096 } }), /needs a dedicated pool/],
    [body('both', { custom_spec: { cpu: 2, memory: 4096 } }), /either a flavor or a custom_spec/],
    [body('bad-env', { envs: { '1X': 'y' } }), /envs/],
    [body('markup-env', { envs: { A: '<b>' } }), /envs/],
    [{ ...body('bad-version'), version: 'v1' }, /version/],
    [{ ...body('long-version'), version: '100.0.0' }, /version/],
    [{ ...body('markup'), description: 'a <b>bold</b> one' }, /description/],
    [limits({ rate_limit: { num: 0, unit: 'SECONDS' } }), /rate_limit\.num/],
    [limits({ rate_limit: { num: 10, unit: 'HOURS' } }), /rate_limit\.unit/],
    [limits({ request_size_limit: 51 }), /request_size_limit/],
    [limits({ request_timeout: 7201 }), /request_timeout/],
    [{ ...body('bad-metrics'), custom_metrics_path: '/metrics' }, /custom_metrics_path/],
    [{ ...body('bad-metrics-port'), custom_metrics_path: 'http,70000,metrics' }, /custom_metrics_path/],
  ];
  for (const [request, message] of refusals) {
    assertError(await post('', request), 400, 'ModelArts.0101', message);
  }
  // What the SDK's models refuse, whatever the values: the emulator names the field.
  const contractRefusals: [Record<string, unknown>, RegExp][] = [
    [{ ...body('no-runtime'), runtime_config: undefined }, /runtime_config/],
    [{ ...body('no-limit'), runtime_config: { service_invoke: { port: 8080, protocol: 'HTTPS', auth_type: 'TOKEN' } } }, /service_limit/],
    [{ ...body('no-metrics'), custom_metrics_path: undefined }, /custom_metrics_path/],
    [body('no-weight', {}, { weight: undefined }), /weight/],
  ];
  for (const [request, message] of contractRefusals) {
    assertError(await post('', request, REFUSAL), 400, 'ModelArts.0101', message);
  }
  assert.equal((await post('', { ...body('with-metrics'), custom_metrics_path: 'http,8080,metrics' })).status, 200, 'custom metrics in the documented form are taken');
  const pools = await api<{ items: { metadata: { name: string; labels: Record<string, string> } }[] }>('GET', '/v2/{project_id}/pools', { query: { workspaceId: '0' } });
  const etl = pools.body.items.find((pool) => pool.metadata.labels['os.modelarts/name'] === 'pool-cpu-etl')?.metadata.name ?? '';
  assertError(await post('', body('etl-pool', { flavor: undefined, custom_spec: { cpu: 2, memory: 4096 } }, { pool_id: etl })), 400, 'ModelArts.0101', /not used for inference/);
  assert.equal((await list({ name: 'bad' })).body.total, 0);
});

test('create answers the service DEPLOYING, then RUNNING with an address; a missing image ends FAILED; no deployment is INIT', async () => {
  const created = await post('', body('fresh-v2'));
  assert.equal(created.status, 200, created.text);
  assert.match(created.body.id, /^[0-9a-f]{32}$/);
  assert.equal(created.body.status, 'DEPLOYING');
  assert.deepEqual(created.body.predict_url, []);
  assertError(await post('', body('fresh-v2')), 400, 'ModelArts.0101', /already exists/);
  advance();
  const running = await show(created.body.id);
  assert.equal(running.body.status, 'RUNNING');
  assert.equal(running.body.version.predict_url, running.body.predict_url[0].urls[0]);

  const missing = await post('', body('ghost-image-v2', { image: { source: 'SWR', swr_path: 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/vllm-serving:9.9.9' } }));
  advance();
  const failed = await show(missing.body.id);
  assert.equal(failed.body.status, 'FAILED');
  assert.match(failed.body.failure_reason ?? '', /does not exist in SWR/);

  const empty = await post('', { ...body('empty-v2'), group_configs: [] });
  assert.equal(empty.body.status, 'INIT');
  assertError(await post(`/${empty.body.id}/start`), 400, 'ModelArts.6357', /no deployment/);
});

test('start, stop and interrupt: POST without a body, answering the service; stop waits for a deploy to be interrupted', async () => {
  const id = (await post('', body('cycle-v2'))).body.id;
  assertError(await post(`/${id}/stop`), 400, 'ModelArts.6357', /DEPLOYING/);
  const interrupted = await post(`/${id}/interrupt`);
  assert.deepEqual([interrupted.status, interrupted.body.status], [200, 'INTERRUPTING']);
  advance();
  assert.equal(await statusOf(id), 'STOPPED');
  assertError(await post(`/${id}/stop`), 400, 'ModelArts.6357', /STOPPED/);
  assertError(await post(`/${id}/interrupt`), 400, 'ModelArts.6357');
  assert.equal((await post(`/${id}/start`)).body.status, 'DEPLOYING');
  advance();
  assert.equal(await statusOf(id), 'RUNNING');
  assertError(await post(`/${id}/start`), 400, 'ModelArts.6357', /RUNNING/);
  assert.equal((await post(`/${id}/stop`)).body.status, 'STOPPING');
  advance();
  assert.equal(await statusOf(id), 'STOPPED');
});

test('batch delete: POST …/services/delete answers one entry per id; unknown ids carry failure_reason, the others go', async () => {
  const first = (await post('', body('doomed-one'))).body.id;
  const second = (await post('', { ...body('doomed-two'), group_configs: [] })).body.id;
  const unknown = 'f'.repeat(32);
  type Answer = { id: string; status?: string; failure_reason?: string; version?: { version: string }; create_at?: string };
  const answer = await api<{ service_responses: Answer[] }>('POST', `${BASE}/delete`, { body: { service_ids: [first, unknown, second] } });
  assert.equal(answer.status, 200, answer.text);
  assert.deepEqual(
    answer.body.service_responses.map((entry) => [entry.id, entry.status, entry.failure_reason === '' ? 'deleted' : 'refused']),
    [
      [first, 'DELETING', 'deleted'],
      [unknown, undefined, 'refused'],
      [second, 'DELETING', 'deleted'],
    ],
  );
  const [deleted] = answer.body.service_responses;
  assert.deepEqual([deleted.version?.version, typeof deleted.create_at], ['0.0.1', 'string'], 'each entry is the SDK\'s ServiceResponse: the detail\'s shape');
  const again = await api<{ service_responses: { failure_reason?: string }[] }>('POST', `${BASE}/delete`, { body: { service_ids: [first] } });
  assert.match(again.body.service_responses[0].failure_reason ?? '', /already being deleted/);
  advance();
  assertError(await show(first), 400, 'ModelArts.6404');
  assertError(await api('POST', `${BASE}/delete`, { body: { service_ids: [] } }), 400, 'ModelArts.0101');
  assertError(await api('POST', `${BASE}/delete`, { body: { ids: [first] }, headers: REFUSAL }), 400, 'ModelArts.0101', /service_ids/);
});

test('events: NORMAL, ABNORMAL and WARNING (upper case), newest first, filtered and paged the v2 way', async () => {
  type Events = V2List<{ event_type: string; event_info: string; create_at: number }>;
  const id = await idOf('embedding-v2');
  const events = (query: Record<string, string | number> = {}) => api<Events>('GET', `${BASE}/${id}/events`, { query: { limit: 50, ...query } });
  const all = await events();
  assert.deepEqual(all.body.data.slice(0, 2).map((event) => event.event_type), ['ABNORMAL', 'WARNING']);
  const times = all.body.data.map((event) => event.create_at);
  assert.deepEqual(times, [...times].sort((a, b) => b - a));
  assert.equal((await events({ event_type: 'WARNING' })).body.total, 1);
  assert.match((await events({ event_info_key: 'LIVENESS' })).body.data[0].event_info, /liveness/);
  assert.deepEqual((await events({ sort_dir: 'ASC', limit: 1 })).body.data[0].create_at, Math.min(...times));
  assertError(await events({ event_type: 'abnormal' }), 400, 'ModelArts.0101', /event_type/);
  assertError(await events({ start_time: 10, end_time: 5 }), 400, 'ModelArts.0101');
});

test('public flavors by type with sold-out ones marked, and a dedicated pool as the inference service sees it', async () => {
  type Flavors = V2List<{ id: string; category: string; sold_out: boolean; vcpus: number; memory: number }>;
  const gpu = await api<Flavors>('GET', `${BASE}/flavors`, { query: { flavor_type: 'GPU' } });
  assert.deepEqual(gpu.body.data.map((flavor) => [flavor.id, flavor.sold_out]), [
    ['modelarts.vm.gpu.t4u8', false],
    ['modelarts.vm.gpu.v100u8', true],
  ]);
  assertError(await api('GET', `${BASE}/flavors`, { query: { flavor_type: 'gpu' } }), 400, 'ModelArts.0101');
  const gpuPool = (await allPools()).find((name) => name.startsWith('pool-gpu-v100')) ?? '';
  const cluster = await api<{ status: string; type: string; pool_id: string; flavors: { id: string; category: string }[] }>('GET', `${BASE}/clusters/${gpuPool}`);
  assert.equal(cluster.status, 200, cluster.text);
  assert.deepEqual([cluster.body.status, cluster.body.type, cluster.body.pool_id], ['ACTIVE', 'DEDICATED', gpuPool]);
  assert.deepEqual(cluster.body.flavors.map((flavor) => [flavor.id, flavor.category]), [['modelarts.bm.gpu.8v100', 'GPU']]);
  assertError(await api('GET', `${BASE}/clusters/pool-nope`), 400, 'ModelArts.6404');
});

/** Pools of every workspace (the pool list is per workspace). */
async function allPools(): Promise<string[]> {
  const workspaces = await api<{ workspaces: { id: string }[] }>('GET', '/v1/{project_id}/workspaces');
  const lists = await Promise.all(workspaces.body.workspaces.map((workspace) => api<{ items: { metadata: { name: string } }[] }>('GET', '/v2/{project_id}/pools', { query: { workspaceId: workspace.id } })));
  return lists.flatMap((answer) => answer.body.items.map((pool) => pool.metadata.name));
}
