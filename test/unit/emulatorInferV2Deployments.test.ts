import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertError, useEmulator } from './emulatorSession';

const { api, advance } = useEmulator(60_000);

interface Deployment {
  id: string;
  name: string;
  status: string;
  weight: number;
  traffic_ratio: string;
  version: string;
  version_count?: number;
  pool_id?: string;
}
interface V2List<T> {
  data: T[];
  current: number;
  total: number;
}
const BASE = '/v2/{project_id}/services';

async function serviceId(name: string, workspaceId = '0'): Promise<string> {
  const listed = await api<V2List<{ id: string; name: string }>>('GET', BASE, { query: { limit: 50, workspace_id: workspaceId } });
  const found = listed.body.data.find((service) => service.name === name);
  assert.ok(found, `${name} is seeded`);
  return found.id;
}

/** In the order they were added (the API's default is the most recently updated first). */
const deployments = async (service: string) => (await api<V2List<Deployment>>('GET', `${BASE}/${service}/deployments`, { query: { sort_key: 'create_at', sort_dir: 'ASC' } })).body.data;
const deployment = (service: string, id: string) => api<Deployment>('GET', `${BASE}/${service}/deployments/${id}`);
const act = (service: string, id: string, action: string) => api<Deployment>('POST', `${BASE}/${service}/deployments/${id}/${action}`);
const serviceStatus = async (service: string) => (await api<{ status: string }>('GET', `${BASE}/${service}`)).body.status;

async function nlpWorkspace(): Promise<string> {
  const workspaces = await api<{ workspaces: { id: string; name: string }[] }>('GET', '/v1/{project_id}/workspaces');
  return workspaces.body.workspaces.find((workspace) => workspace.name === 'nlp-research')?.id ?? '';
}

test('a MULTI service lists its deployments with weights; starting the stopped one moves the service through DEPLOYING', async () => {
  const id = await serviceId('sentiment-ab-v2');
  const listed = await deployments(id);
  assert.deepEqual(
    listed.map((entry) => [entry.name, entry.status, entry.weight, entry.traffic_ratio, entry.version]),
    [
      ['blue', 'RUNNING', 80, '80%', '1.0.0'],
      ['green', 'STOPPED', 20, '20%', '1.1.0'],
    ],
  );
  const green = listed[1];
  assertError(await act(id, green.id, 'stop'), 400, 'ModelArts.6357', /STOPPED/);
  const started = await act(id, green.id, 'start');
  assert.deepEqual([started.status, started.body.status, started.body.version_count], [200, 'DEPLOYING', 1]);
  assert.equal(await serviceStatus(id), 'DEPLOYING', 'a change under way shows as the service\'s status');
  advance();
  assert.equal((await deployment(id, green.id)).body.status, 'RUNNING');
  assert.equal(await serviceStatus(id), 'RUNNING');
  assert.equal((await act(id, green.id, 'stop')).body.status, 'STOPPING');
  advance();
  assert.equal(await serviceStatus(id), 'RUNNING', 'blue still serves');
  const byDefault = (await api<V2List<Deployment>>('GET', `${BASE}/${id}/deployments`)).body.data.map((entry) => entry.name);
  assert.deepEqual(byDefault, ['green', 'blue'], 'the most recently updated first unless asked otherwise (the SDK\'s defaults)');
  assertError(await deployment(id, 'f'.repeat(32)), 400, 'ModelArts.6404');
});

test('add a deployment: a SINGLE service has one already, a MULTI service takes another name', async () => {
  const single = await serviceId('llm-chat-v2');
  const group = { name: 'canary', weight: 10, count: 1, unit_configs: [{ image: { source: 'SWR', swr_path: 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/vllm-serving:0.7.3' }, flavor: 'modelarts.vm.cpu.2u8g' }] };
  assertError(await api('POST', `${BASE}/${single}/deployments`, { body: group }), 400, 'ModelArts.0101', /SINGLE/);
  const multi = await serviceId('sentiment-ab-v2');
  assertError(await api('POST', `${BASE}/${multi}/deployments`, { body: { ...group, name: 'blue' } }), 400, 'ModelArts.0101', /already/);
  const added = await api<Deployment>('POST', `${BASE}/${multi}/deployments`, { body: group });
  assert.deepEqual([added.status, added.body.name, added.body.status, added.body.traffic_ratio], [200, 'canary', 'DEPLOYING', '9%']);
  advance();
  const deleted = await api('DELETE', `${BASE}/${multi}/deployments/${added.body.id}`);
  assert.deepEqual([deleted.status, deleted.body], [200, {}]);
  advance();
  assert.deepEqual((await deployments(multi)).map((entry) => entry.name), ['blue', 'green']);
  const draft = await serviceId('draft-v2');
  const first = await api<Deployment>('POST', `${BASE}/${draft}/deployments`, { body: group });
  assert.equal(first.body.status, 'DEPLOYING', 'an INIT service gets its first deployment');
  assert.equal(await serviceStatus(draft), 'DEPLOYING');
});

test('versions: newest first with RFC 3339 times; switching upgrades a running deployment and an interrupt goes back', async () => {
  const id = await serviceId('llm-chat-v2');
  const [group] = await deployments(id);
  type Versions = V2List<{ version: string; version_status: string; create_at: string; infer_name: string }>;
  const versions = await api<Versions>('GET', `${BASE}/${id}/deployments/${group.id}/versions`);
  assert.deepEqual(versions.body.data.map((version) => [version.version, version.version_status]), [
    ['0.0.2', 'RUNNING'],
    ['0.0.1', 'INACTIVE'],
  ]);
  assert.match(versions.body.data[0].create_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const switchTo = (version: string, body?: Record<string, string>) => api<{ id: string }>('POST', `${BASE}/${id}/deployments/${group.id}/versions/${version}/switch`, body ? { body } : {});
  assertError(await switchTo('0.0.2'), 400, 'ModelArts.0101', /already/);
  assertError(await switchTo('9.9.9'), 400, 'ModelArts.0101', /no version/);
  assertError(await switchTo('0.0.1', { infer_name: 'f'.repeat(32) }), 400, 'ModelArts.0101', /infer_name/);
  assertError(await switchTo('0.0.1', { infer_name: group.id, target_deployment_version: '0.0.2' }), 400, 'ModelArts.0101', /target_deployment_version/);
  const switched = await switchTo('0.0.1', { service_id: id, infer_name: group.id, target_deployment_version: '0.0.1' });
  assert.deepEqual(switched.body, { id: group.id }, 'the answer is the deployment\'s id alone');
  const upgrading = await deployment(id, group.id);
  assert.deepEqual([upgrading.body.status, upgrading.body.version], ['UPGRADING', '0.0.1']);
  assert.equal(await serviceStatus(id), 'UPGRADING');
  assertError(await switchTo('0.0.2'), 400, 'ModelArts.6357', /UPGRADING/);
  const interrupted = await act(id, group.id, 'interrupt');
  assert.deepEqual([interrupted.body.status, interrupted.body.version], ['INTERRUPTING', '0.0.2'], 'back on the version it ran');
  advance();
  assert.equal((await deployment(id, group.id)).body.status, 'RUNNING');
  await switchTo('0.0.1');
  advance();
  assert.deepEqual([(await deployment(id, group.id)).body.version, await serviceStatus(id)], ['0.0.1', 'RUNNING']);
});

test('instances and pods are addressed by the deployment\'s name; pods on a dedicated pool sit on its nodes', async () => {
  const nlp = await nlpWorkspace();
  const id = await serviceId('ner-pool-v2', nlp);
  const [group] = await deployments(id);
  assert.match(group.pool_id ?? '', /^pool-gpu-v100-[0-9a-f]{32}$/);
  type Instances = V2List<{ instance_name: string; status: string; pod_count: number; running_pod_count: number }>;
  assertError(await api('GET', `${BASE}/${id}/deployments/${group.id}/instances`), 400, 'ModelArts.6404', /no deployment/);
  const instances = await api<Instances>('GET', `${BASE}/${id}/deployments/${group.name}/instances`);
  assert.deepEqual(instances.body.data.map((instance) => [instance.status, instance.pod_count, instance.running_pod_count]), [['RUNNING', 1, 1]]);
  type Pods = V2List<{ pod_name: string; pod_node_name: string; pod_node_ip: string; status: string }>;
  const pods = await api<Pods>('GET', `${BASE}/${id}/deployments/${group.name}/instances/${instances.body.data[0].instance_name}/pods`);
  const [pod] = pods.body.data;
  const nodes = await api<{ items: { metadata: { name: string }; status?: { addresses?: { address: string }[] } }[] }>('GET', `/v2/{project_id}/pools/${group.pool_id}/nodes`, { query: { limit: 500 } });
  const node = nodes.body.items.find((candidate) => candidate.metadata.name === pod.pod_node_name);
  assert.ok(node, `${pod.pod_node_name} is a node of the pool`);
  assert.match(pod.pod_node_ip, /^\d+\.\d+\.\d+\.\d+$/);
  assertError(await api('GET', `${BASE}/${id}/deployments/${group.name}/instances/nope/pods`), 400, 'ModelArts.6404');

  const concerning = await serviceId('embedding-v2');
  const [embedding] = await deployments(concerning);
  assert.equal(embedding.status, 'CONCERNING');
  const statuses = (await api<Instances>('GET', `${BASE}/${concerning}/deployments/${embedding.name}/instances`)).body.data.map((instance) => instance.status);
  assert.deepEqual(statuses, ['RUNNING', 'RUNNING', 'ABNORMAL'], 'one instance of a concerning deployment is unhealthy');
  const secondPage = await api<Instances>('GET', `${BASE}/${concerning}/deployments/${embedding.name}/instances`, { query: { limit: 2, offset: 1 } });
  assert.deepEqual([secondPage.body.current, secondPage.body.data.map((instance) => instance.status)], [1, ['ABNORMAL']], 'offset is the page index here (the SDK\'s field text)');
  const stopped = await serviceId('image-tagging-v2');
  const [stoppedGroup] = await deployments(stopped);
  assert.equal((await api<Instances>('GET', `${BASE}/${stopped}/deployments/${stoppedGroup.name}/instances`)).body.total, 0, 'a stopped deployment has no instances');
});

test('update: a new version of the deployment upgrades it; a version it has is refused', async () => {
  const id = await serviceId('embedding-v2');
  const group = { name: 'group-1', framework: 'VLLM', weight: 100, count: 3, unit_configs: [{ image: { source: 'SWR', swr_path: 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/vllm-serving:0.7.3' }, flavor: 'modelarts.vm.cpu.8u32g' }] };
  assertError(await api('PUT', `${BASE}/${id}`, { body: { version: '2.1.0', group_configs: [group] } }), 400, 'ModelArts.0101', /already has version/);
  const updated = await api<{ status: string; version: { version: string } }>('PUT', `${BASE}/${id}`, { body: { version: '2.2.0', description: 'New vLLM', group_configs: [group] } });
  assert.deepEqual([updated.status, updated.body.status, updated.body.version.version], [200, 'UPGRADING', '2.2.0']);
  advance();
  assert.equal(await serviceStatus(id), 'RUNNING', 'the new version is healthy');
  const described = await api<{ version: { description: string } }>('PUT', `${BASE}/${id}`, { body: { description: 'Only the text' } });
  assert.equal(described.body.version.description, 'Only the text', 'the detail keeps the description in its version');
});
