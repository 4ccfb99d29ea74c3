import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertError, useEmulator } from './emulatorSession';

const { api, advance } = useEmulator(60_000);

interface Service {
  service_id: string;
  service_name: string;
  status: string;
  publish_at: number;
  transition_at: number;
  workspace_id: string;
  progress?: number;
  due_time?: number;
  description: string;
  config?: { model_id: string; model_name: string; model_version: string; specification: string; weight: number; instance_count: number; envs: Record<string, string> }[];
  access_address?: string;
  error_msg?: string;
  update_time?: number;
}
interface ServiceList {
  total_count: number;
  count: number;
  services: Service[];
}
interface Model {
  model_id: string;
  model_name: string;
  model_version: string;
  model_status: string;
}
const BASE = '/v1/{project_id}/services';
const list = (query: Record<string, string | number> = {}) => api<ServiceList>('GET', BASE, { query });
const show = (id: string) => api<Service>('GET', `${BASE}/${id}`);

async function modelId(name: string, version: string): Promise<string> {
  const models = await api<{ models: Model[] }>('GET', '/v1/{project_id}/models', { query: { model_name: name, exact_match: 'true' } });
  const found = models.body.models.find((model) => model.model_version === version);
  assert.ok(found, `model ${name} ${version}`);
  return found.model_id;
}

async function body(name: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return {
    service_name: name,
    infer_type: 'real-time',
    config: [{ model_id: await modelId('mnist-cnn', '1.1.0'), specification: 'modelarts.vm.cpu.2u', weight: 100, instance_count: 1 }],
    ...extra,
  };
}

test('the seeded default workspace: v1 spellings, lowercase statuses, ms publish times', async () => {
  const listed = await list();
  assert.equal(listed.status, 200, listed.text);
  assert.equal(listed.body.total_count, listed.body.services.length);
  const statuses = Object.fromEntries(listed.body.services.map((service) => [service.service_name, service.status]));
  assert.deepEqual(statuses, {
    'mnist-classifier': 'running',
    'sentiment-api': 'stopped',
    'traffic-detector': 'failed',
    'image-classify-api': 'deploying',
    'invoice-ocr': 'concerning',
  });
  for (const service of listed.body.services) {
    assert.match(service.service_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(Number.isInteger(service.publish_at) && service.publish_at > 1_600_000_000_000, 'publish_at is epoch milliseconds');
    assert.equal(service.workspace_id, '0');
    assert.ok(!('id' in service) && !('name' in service) && !('config' in service), 'a list item has no v2 fields and no config');
  }
  const names = listed.body.services.map((service) => service.service_name);
  assert.equal(names[0], 'image-classify-api', 'newest (publish_at) first');
  const deploying = listed.body.services.find((service) => service.status === 'deploying');
  assert.ok(deploying?.progress !== undefined && deploying.progress >= 0 && deploying.progress < 100);
});

test('list filters, sorting and paging (offset is a page index)', async () => {
  const all = (await list({ sort_by: 'service_name', order: 'asc' })).body.services.map((service) => service.service_name);
  assert.deepEqual(all, [...all].sort());
  const second = await list({ sort_by: 'service_name', order: 'asc', limit: 2, offset: 1 });
  assert.deepEqual(
    second.body.services.map((service) => service.service_name),
    all.slice(2, 4),
  );
  assert.equal(second.body.count, 2);
  assert.equal(second.body.total_count, all.length);
  assert.deepEqual((await list({ status: 'stopped' })).body.services.map((service) => service.service_name), ['sentiment-api']);
  assert.deepEqual((await list({ service_name: 'MNIST' })).body.services.map((service) => service.service_name), ['mnist-classifier']);
  const byModel = await list({ model_id: await modelId('general-ocr', '3.0.2') });
  assert.deepEqual(byModel.body.services.map((service) => service.service_name), ['invoice-ocr']);
  assertError(await list({ sort_by: 'create_at' }), 400, 'ModelArts.0101');
  assertError(await list({ limit: 0 }), 400, 'ModelArts.0101');
  assertError(await list({ workspace_id: 'no-such-workspace' }), 400, 'ModelArts.7005');
  const workspaces = await api<{ workspaces: { id: string; name: string }[] }>('GET', '/v1/{project_id}/workspaces');
  const nlp = workspaces.body.workspaces.find((workspace) => workspace.name === 'nlp-research');
  assert.ok(nlp);
  const other = await list({ workspace_id: nlp.id });
  assert.deepEqual(other.body.services.map((service) => [service.service_name, service.status]).sort(), [
    ['chatglm-demo', 'stopped'],
    ['ner-news', 'running'],
  ]);
  assert.ok((other.body.services.find((service) => service.service_name === 'ner-news')?.due_time ?? 0) > Date.now(), 'a scheduled service shows when it stops');
});

test('show: config per model, the access address, error_msg of a failed service; 404 ModelArts.3502', async () => {
  const services = (await list()).body.services;
  const running = (await show(services.find((service) => service.service_name === 'mnist-classifier')?.service_id ?? '')).body;
  assert.deepEqual(running.config?.map((config) => [config.model_name, config.model_version, config.specification, config.instance_count, config.weight]), [
    ['mnist-cnn', '1.1.0', 'modelarts.vm.cpu.2u', 2, 100],
  ]);
  assert.deepEqual(running.config?.[0].envs, { LOG_LEVEL: 'info', BATCH_SIZE: '16' });
  assert.match(running.access_address ?? '', new RegExp(`^https://[0-9a-f]{32}\\.apig\\.cn-north-4\\.huaweicloudapis\\.com/v1/infers/${running.service_id}$`));
  assert.equal(running.error_msg, undefined);
  const failed = (await show(services.find((service) => service.status === 'failed')?.service_id ?? '')).body;
  assert.match(failed.error_msg ?? '', /health check/);
  assert.equal(failed.access_address, '', 'never deployed: no address');
  assertError(await show('6f1c8a52-0000-4000-8000-000000000000'), 404, 'ModelArts.3502');
});

test('services/specifications is a literal path, not a service id', async () => {
  const specs = await api<{ total_count: number; specifications: { specification: string; category: string; cpu_info: { cpu: number }; memory_info: { unit: string; memory: number } }[] }>(
    'GET',
    `${BASE}/specifications`,
  );
  assert.equal(specs.status, 200, specs.text);
  assert.ok(specs.body.specifications.some((spec) => spec.specification === 'modelarts.vm.cpu.2u' && spec.category === 'CPU' && spec.cpu_info.cpu === 2));
  assert.ok(specs.body.specifications.some((spec) => spec.category === 'GPU'));
  assert.equal(specs.body.total_count, specs.body.specifications.length);
  assert.equal((await api<{ total_count: number }>('GET', `${BASE}/specifications`, { query: { is_personal_cluster: 'true' } })).body.total_count, 0);
  assert.equal((await api<{ count: number }>('GET', `${BASE}/specifications`, { query: { limit: 2, offset: 1 } })).body.count, 2);
});

test('create validates the body: weights, models (existing and published), specification, instances, type', async () => {
  const good = await body('validation-target');
  const config = (good.config as Record<string, unknown>[])[0];
  const attempts: [Record<string, unknown>, RegExp][] = [
    [{ ...good, config: [{ ...config, weight: 60 }] }, /sum to 100/],
    [{ ...good, config: [{ ...config, weight: 50 }, { ...config, weight: 40 }] }, /sum to 100, not 90/],
    [{ ...good, config: [{ ...config, model_id: 'no-such-model' }] }, /config\[0\]\.model_id.*does not exist/],
    [{ ...good, config: [{ ...config, model_id: await modelId('llama2-7b-chat', '0.1.0') }] }, /is publishing; only published models/],
    [{ ...good, config: [{ ...config, model_id: await modelId('ocr-crnn', '1.0.0') }] }, /is failed/],
    [{ ...good, config: [{ ...config, specification: 'modelarts.vm.cpu.64u' }] }, /unknown specification/],
    [{ ...good, config: [{ ...config, instance_count: 0 }] }, /instance_count/],
    [{ ...good, config: [{ ...config, specification: 'custom' }] }, /custom_spec/],
    [{ ...good, config: [] }, /config/],
    [{ ...good, infer_type: 'batch' }, /real-time services only/],
    [{ ...good, service_name: 'bad name!' }, /service_name/],
    [{ ...good, description: 'a <b>bold</b> one' }, /description/],
    [{ ...good, service_name: 'mnist-classifier' }, /already exists/],
    [{ ...good, schedule: [{ type: 'stop', time_unit: 'WEEKS', duration: 1 }] }, /time_unit/],
  ];
  for (const [attempt, message] of attempts) {
    assertError(await api('POST', BASE, { body: attempt }), 400, 'ModelArts.0101', message);
  }
  assert.equal((await list({ service_name: 'validation-target' })).body.total_count, 0, 'nothing was created');

  // The publishing model is published one transition after start-up, and can then be deployed.
  advance();
  const llama = await api<{ service_id: string }>('POST', BASE, {
    body: { ...good, service_name: 'llama-chat', config: [{ ...config, model_id: await modelId('llama2-7b-chat', '0.1.0'), specification: 'modelarts.vm.gpu.v100' }] },
  });
  assert.equal(llama.status, 200, llama.text);
  const custom = await api('POST', BASE, { body: { ...good, service_name: 'custom-spec', config: [{ ...config, specification: 'custom', custom_spec: { cpu: 1.5, memory: 3072 } }] } });
  assert.equal(custom.status, 200, custom.text);
});

test('create answers service_id and resource_ids; deploying → running, or failed when the name says so', async () => {
  const created = await api<{ service_id: string; resource_ids: string[] }>('POST', BASE, { body: await body('fresh-service', { description: 'new' }) });
  assert.equal(created.status, 200, created.text);
  assert.deepEqual(Object.keys(created.body).sort(), ['resource_ids', 'service_id']);
  assert.equal(created.body.resource_ids.length, 1);
  const deploying = (await show(created.body.service_id)).body;
  assert.equal(deploying.status, 'deploying');
  assert.equal(deploying.access_address, '');
  advance();
  const running = (await show(created.body.service_id)).body;
  assert.equal(running.status, 'running');
  assert.ok(running.access_address);

  const failing = await api<{ service_id: string }>('POST', BASE, { body: await body('will-fail-to-deploy') });
  advance();
  const failed = (await show(failing.body.service_id)).body;
  assert.equal(failed.status, 'failed');
  assert.match(failed.error_msg ?? '', /mnist-cnn 1\.1\.0/);
});

test('the service quota of the workspace is ModelArts.3520', async () => {
  const quotas = '/v1/{project_id}/workspaces/0/quotas';
  const before = await api<{ quotas: { resource: string; used_quota: number }[] }>('GET', quotas);
  const used = before.body.quotas.find((quota) => quota.resource === 'service.instance_count')?.used_quota ?? -1;
  assert.equal(used, (await list({ limit: 1000 })).body.total_count, 'the quota counts the workspace\'s services');
  await api('PUT', quotas, { body: { quotas: [{ resource: 'service.instance_count', quota: used }] } });
  try {
    assertError(await api('POST', BASE, { body: await body('one-too-many') }), 400, 'ModelArts.3520');
  } finally {
    await api('PUT', quotas, { body: { quotas: [{ resource: 'service.instance_count', quota: -1 }] } });
  }
  assert.equal((await api('POST', BASE, { body: await body('within-quota') })).status, 200);
});
