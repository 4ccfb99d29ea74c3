import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ModelArtsError } from '../../../src/services/errors';
import { accessAddresses, type CreateServiceV2Request, instanceGroups, type ServiceV2, serviceAuthType, serviceDescription, serviceVersionLabel } from '../../../src/services/inferenceV2';
import { type Harness, eventually, startHarness } from './emulatorHarness';

const REGION = 'cn-north-4';
const scope = { region: REGION, workspaceId: '0' };
const IMAGE = 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/vllm-serving:0.7.3';

function request(name: string, image = IMAGE): CreateServiceV2Request {
  return {
    name,
    version: '0.0.1',
    type: 'REAL_TIME',
    deploy_type: 'SINGLE',
    group_configs: [{ name: 'group-1', framework: 'COMMON', weight: 100, count: 1, unit_configs: [{ image: { source: 'SWR', swr_path: image }, flavor: 'modelarts.vm.cpu.2u8g', count: 1, port: 8080, envs: {} }] }],
    description: 'Made by the adapter test',
    runtime_config: {
      service_invoke: { port: 8080, protocol: 'HTTPS', auth_type: 'TOKEN' },
      service_limit: { rate_limit: { num: 100, unit: 'SECONDS' }, request_size_limit: 12, request_timeout: 60 },
    },
    custom_metrics_path: '',
  };
}

const isError = (code: string) => (error: unknown) => error instanceof ModelArtsError && error.errorCode === code;

describe('inference services v2', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness.close());

  const v2 = () => harness.services.inferenceV2;
  const named = async (name: string): Promise<ServiceV2> => {
    const found = (await v2().list(scope)).items.find((service) => service.name === name);
    assert.ok(found, `${name} is listed`);
    return found;
  };
  const until = (id: string, status: string) => eventually(() => v2().get(REGION, id), (service) => service.status === status);
  const sent = (method: string, path: string) => harness.emulator.requests.list({ method, path });

  test('lists the seeded services newest first with numeric times; the detail\'s string times become numbers too', async () => {
    const page = await v2().list(scope);
    assert.deepEqual([page.total, page.nextPageToken], [7, undefined]);
    const created = page.items.map((service) => service.create_at ?? 0);
    assert.deepEqual(created, [...created].sort((a, b) => b - a));
    const [query] = sent('GET', '/v2/').map((entry) => entry.query);
    assert.deepEqual(query, { workspace_id: '0', offset: '0', limit: '50', sort_key: 'create_at', sort_dir: 'DESC' });
    const llm = await v2().get(REGION, (await named('llm-chat-v2')).id);
    assert.equal(typeof llm.create_at, 'number');
    assert.equal(serviceVersionLabel(llm), '0.0.2');
    assert.equal(typeof instanceGroups(llm)[0].create_at, 'number');
    assert.match(accessAddresses(llm)[0], /\.apig\.cn-north-4\.huaweicloudapis\.com\/v2\/infers\//);
  });

  test('the detail\'s description and authentication are read where the detail has them: in its version', async () => {
    for (const [name, description, authType] of [
      ['llm-chat-v2', 'Chat assistant for the support portal', 'TOKEN'],
      ['rerank-v2', '', 'API_KEY'],
    ]) {
      const listed = await named(name);
      const detail = await v2().get(REGION, listed.id);
      assert.equal(detail.description, undefined, 'the detail has no description at the top');
      assert.deepEqual([serviceDescription(listed), serviceAuthType(listed)], [description, authType], `${name} listed`);
      assert.deepEqual([serviceDescription(detail), serviceAuthType(detail)], [description, authType], `${name} in detail`);
    }
  });

  test('create sends §4.4\'s body with the workspace; stop and start are POSTs without a body after a read of the service', async () => {
    harness.emulator.requests.clear();
    const created = await v2().create(scope, request('adapter-v2'));
    assert.equal(created.status, 'DEPLOYING');
    assert.deepEqual(JSON.parse(sent('POST', '/services')[0].body ?? '{}'), { ...request('adapter-v2'), workspace_id: '0' });
    const running = await until(created.id, 'RUNNING');
    assert.equal(serviceDescription(running), 'Made by the adapter test');
    assert.deepEqual(typeof running.version === 'object' && running.version.runtime_config?.service_limit, request('x').runtime_config.service_limit);
    harness.emulator.requests.clear();
    await v2().change(REGION, created.id, 'stop');
    assert.deepEqual(
      harness.emulator.requests.list().map((entry) => [entry.method, entry.path.replace(/^\/v2\/[0-9a-f]+/, ''), entry.body ?? '']),
      [
        ['GET', `/services/${created.id}`, ''],
        ['POST', `/services/${created.id}/stop`, ''],
      ],
    );
    assert.equal((await v2().get(REGION, created.id)).status, 'STOPPING');
    await until(created.id, 'STOPPED');
    await assert.rejects(v2().change(REGION, created.id, 'stop'), isError('ModelArts.6357'));
    await v2().change(REGION, created.id, 'start');
    assert.equal((await v2().get(REGION, created.id)).status, 'DEPLOYING');
  });

  test('batch delete is one request for several services; refused ones say why; deleted ones end not found', async () => {
    const first = await v2().create(scope, request('batch-one'));
    const second = await v2().create(scope, request('batch-two'));
    harness.emulator.requests.clear();
    const results = await v2().deleteMany(REGION, [first.id, second.id]);
    assert.deepEqual(results.map((result) => [result.id, result.status, result.failure_reason]), [
      [first.id, 'DELETING', ''],
      [second.id, 'DELETING', ''],
    ]);
    const posts = sent('POST', '/services/delete');
    assert.equal(posts.length, 1);
    assert.deepEqual(JSON.parse(posts[0].body ?? '{}'), { service_ids: [first.id, second.id] });
    const gone = await eventually(() => v2().get(REGION, first.id).then(() => undefined, (error: unknown) => error), (error) => error !== undefined);
    assert.ok(gone instanceof ModelArtsError && gone.isNotFound, 'a deleted v2 service reads as not found (400 ModelArts.6404)');
  });

  test('events newest first in the v2 spelling; deployments, versions, switch, instances by name and pods', async () => {
    const embedding = await named('embedding-v2');
    const { events, total } = await v2().events(REGION, embedding.id);
    assert.equal(total, events.length);
    assert.deepEqual(events.slice(0, 2).map((event) => event.event_type), ['ABNORMAL', 'WARNING']);

    const llm = await named('llm-chat-v2');
    const [group] = await v2().deployments(REGION, llm.id);
    assert.deepEqual([group.name, group.version, typeof group.create_at], ['group-1', '0.0.2', 'number']);
    assert.deepEqual((await v2().versions(REGION, llm.id, group.id)).map((version) => version.version), ['0.0.2', '0.0.1']);
    assert.deepEqual(sent('GET', '/versions').at(-1)?.query, { sort_key: 'create_at', offset: '0', limit: '500' }, 'the newest version first');
    harness.emulator.requests.clear();
    await v2().switchVersion(REGION, llm.id, group.id, '0.0.1');
    assert.equal(sent('POST', '/switch')[0].body ?? '', '', 'the switch needs no body');
    const switched = await v2().deployment(REGION, llm.id, group.id);
    assert.deepEqual([switched.status, switched.version], ['UPGRADING', '0.0.1']);
    assert.equal((await v2().changeDeployment(REGION, llm.id, group.id, 'interrupt')).status, 'INTERRUPTING');
    await eventually(() => v2().deployment(REGION, llm.id, group.id), (deployment) => deployment.status === 'RUNNING');
    harness.emulator.requests.clear();
    const instances = await v2().instances(REGION, llm.id, group.name);
    assert.equal(instances.length, 2);
    assert.deepEqual(sent('GET', '/instances')[0].query, { offset: '0', limit: '500' }, 'the first page, by page index');
    const pods = await v2().pods(REGION, llm.id, group.name, instances[0].instance_name);
    assert.match(pods[0].pod_name, new RegExp(`^${instances[0].instance_name}-`));
  });

  test('flavors with sold-out ones marked, and a pool as the inference service sees it', async () => {
    const flavors = await v2().flavors(REGION);
    assert.equal(flavors.length, 6);
    assert.ok(flavors.some((flavor) => flavor.id === 'modelarts.vm.gpu.v100u8' && flavor.sold_out));
    await assert.rejects(v2().cluster(REGION, 'pool-nope'), isError('ModelArts.6404'));
  });

  test('region consistency: an image of another region\'s SWR is refused before anything is sent', async () => {
    harness.emulator.requests.clear();
    await assert.rejects(v2().create(scope, request('east-image', 'swr.cn-east-3.myhuaweicloud.com/shanghai-prod/ctr-serving:1.4.2')), (error: unknown) => {
      assert.ok(error instanceof ModelArtsError && error.errorCode === 'RegionMismatch', String(error));
      assert.match(error.message, /SWR of cn-east-3.*run in cn-north-4/);
      return true;
    });
    assert.equal(harness.emulator.requests.count({ method: 'POST' }), 0);
  });

  test('region consistency: a service whose address is in another region is not acted on, e.g. with another region\'s project id', async () => {
    const east = { region: 'cn-east-3', workspaceId: '0' };
    const created = await v2().create(east, request('east-service', 'swr.cn-east-3.myhuaweicloud.com/shanghai-prod/ctr-serving:1.4.2'));
    await eventually(() => v2().get('cn-east-3', created.id), (service) => service.status === 'RUNNING');
    // MODELARTS_REGION=cn-north-4 with cn-east-3's MODELARTS_PROJECT_ID: every "cn-north-4" request reaches cn-east-3.
    const confused = harness.servicesFor({ accessKey: harness.emulator.demo.ak, secretKey: harness.emulator.demo.sk, knownProject: { region: REGION, projectId: harness.emulator.projectId('cn-east-3') } });
    harness.emulator.requests.clear();
    await assert.rejects(confused.inferenceV2.change(REGION, created.id, 'stop'), (error: unknown) => {
      assert.ok(error instanceof ModelArtsError && error.errorCode === 'RegionMismatch', String(error));
      assert.match(error.message, /"east-service".* is in cn-east-3 .*would go to cn-north-4.*MODELARTS_PROJECT_ID/);
      return true;
    });
    await assert.rejects(confused.inferenceV2.deleteMany(REGION, [created.id]), isError('RegionMismatch'));
    assert.equal(harness.emulator.requests.count({ method: 'POST' }), 0, 'nothing was changed');
    assert.equal((await v2().get('cn-east-3', created.id)).status, 'RUNNING');
  });
});
