import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ServiceV2 } from '../../src/services/inferenceV2Objects';
import { emptyServiceV2Form, imageProblem, serviceV2ToFormValues, toCreateServiceV2Request, validateServiceV2Form } from '../../src/webviews/serviceV2FormRules';
import type { ServiceV2Options } from '../../src/webviews/protocol';

const IMAGE = 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/vllm-serving:0.7.3';
const options: ServiceV2Options = {
  region: 'cn-north-4',
  flavors: [
    { id: 'modelarts.vm.cpu.2u8g', category: 'CPU', description: 'CPU: 2 vCPUs | 8 GiB', soldOut: false },
    { id: 'modelarts.vm.gpu.v100u8', category: 'GPU', description: 'GPU', soldOut: true },
  ],
  pools: [{ id: 'pool-gpu-v100-abc', name: 'pool-gpu-v100', workspaceId: 'ws-nlp', description: '' }],
  images: [{ path: IMAGE, description: 'vLLM' }],
};
const good = { ...emptyServiceV2Form('0'), name: 'chat', image: IMAGE, flavor: 'modelarts.vm.cpu.2u8g' };

describe('Create Real-Time Service (v2) form rules', () => {
  test('a filled form passes; an empty one names what is missing', () => {
    assert.deepEqual(validateServiceV2Form(good, options), {});
    assert.deepEqual(Object.keys(validateServiceV2Form(emptyServiceV2Form('0'), options)).sort(), ['flavor', 'image', 'name']);
  });

  test('the image is an SWR path with a tag, of the form\'s region once the choices say which', () => {
    assert.match(imageProblem('nginx:latest', 'cn-north-4') ?? '', /swr\.<region>\.myhuaweicloud\.com/);
    assert.ok(imageProblem('swr.cn-north-4.myhuaweicloud.com/ns/repo', 'cn-north-4'), 'a tag is needed');
    const east = { ...good, image: 'swr.cn-east-3.myhuaweicloud.com/shanghai-prod/ctr-serving:1.4.2' };
    assert.match(validateServiceV2Form(east, options).image ?? '', /SWR of cn-east-3, but the service would run in cn-north-4/);
    assert.equal(validateServiceV2Form(east).image, undefined, 'without the choices (the host) the adapter checks the region');
    assert.equal(imageProblem(`  ${IMAGE} `, 'cn-north-4'), undefined, 'spaces around a pasted path do not count');
  });

  test('a flavor must be offered and not sold out; a pool must be one of the workspace\'s, with cores and memory', () => {
    assert.match(validateServiceV2Form({ ...good, flavor: 'modelarts.vm.gpu.v100u8' }, options).flavor ?? '', /sold out/);
    assert.match(validateServiceV2Form({ ...good, flavor: 'modelarts.vm.cpu.2u' }, options).flavor ?? '', /not offered/);
    const onPool = { ...good, resources: 'pool' as const, poolId: 'pool-gpu-v100-abc' };
    assert.match(validateServiceV2Form(onPool, options).poolId ?? '', /pool of this workspace/);
    assert.deepEqual(validateServiceV2Form({ ...onPool, workspaceId: 'ws-nlp' }, options), {});
    const errors = validateServiceV2Form({ ...onPool, workspaceId: 'ws-nlp', cpu: 0, memoryMb: 1.5 }, options);
    assert.deepEqual(Object.keys(errors).sort(), ['cpu', 'memoryMb']);
  });

  test('version, instances, port and environment are checked', () => {
    const errors = validateServiceV2Form({ ...good, version: 'v1', instanceCount: 0, port: 70000, environment: [{ name: '1X', value: '' }] }, options);
    assert.deepEqual(Object.keys(errors).sort(), ['environment', 'instanceCount', 'port', 'version']);
    assert.equal(validateServiceV2Form({ ...good, instanceCount: Number.NaN }, options).instanceCount, 'Enter 1 to 128 instances.');
  });

  test('the create body is §4.4\'s: one SINGLE deployment, a flavor or the pool with a custom spec, HTTPS with the chosen authentication', () => {
    const onFlavor = toCreateServiceV2Request({ ...good, command: '  ', environment: [{ name: 'A', value: 'b' }] });
    assert.deepEqual(onFlavor, {
      name: 'chat',
      version: '0.0.1',
      type: 'REAL_TIME',
      deploy_type: 'SINGLE',
      group_configs: [{ name: 'group-1', framework: 'COMMON', weight: 100, count: 1, unit_configs: [{ image: { source: 'SWR', swr_path: IMAGE }, flavor: 'modelarts.vm.cpu.2u8g', count: 1, port: 8080, envs: { A: 'b' } }] }],
      runtime_config: { service_invoke: { port: 8080, protocol: 'HTTPS', auth_type: 'TOKEN' } },
    });
    const onPool = toCreateServiceV2Request({ ...good, resources: 'pool', poolId: 'pool-gpu-v100-abc', cpu: 0.5, memoryMb: 2048, description: 'x', authType: 'NONE' });
    assert.equal(onPool.description, 'x');
    assert.equal(onPool.group_configs[0].pool_id, 'pool-gpu-v100-abc');
    assert.deepEqual(onPool.group_configs[0].unit_configs[0].custom_spec, { cpu: 0.5, memory: 2048 });
    assert.equal(onPool.group_configs[0].unit_configs[0].flavor, undefined);
    assert.equal(onPool.runtime_config.service_invoke.auth_type, 'NONE');
  });

  test('"Create similar" fills the form from a service\'s detail: its first deployment and authentication', () => {
    const detail: ServiceV2 = {
      id: 'abc',
      name: 'ner-pool-v2',
      status: 'RUNNING',
      description: 'On the pool',
      version: {
        version: '1.2.0',
        runtime_config: { service_invoke: { auth_type: 'API_KEY' } },
        instance_groups: [
          {
            id: 'd1',
            name: 'group-1',
            status: 'RUNNING',
            framework: 'VLLM',
            pool_id: 'pool-gpu-v100-abc',
            count: 3,
            unit_configs: [{ image: { swr_path: IMAGE }, custom_spec: { cpu: 8, memory: 65536 }, cmd: 'serve', port: 9000, envs: { K: 'v' } }],
          },
        ],
      },
    };
    const values = serviceV2ToFormValues(detail, 'ws-nlp');
    assert.deepEqual(
      [values.name, values.version, values.framework, values.resources, values.poolId, values.cpu, values.memoryMb, values.instanceCount, values.port, values.command, values.authType],
      ['ner-pool-v2-copy', '1.2.0', 'VLLM', 'pool', 'pool-gpu-v100-abc', 8, 65536, 3, 9000, 'serve', 'API_KEY'],
    );
    assert.deepEqual(values.environment, [{ name: 'K', value: 'v' }]);
    assert.deepEqual(validateServiceV2Form({ ...values, name: 'ner-pool-v2-b' }, options), {}, 'the similar form is valid as it comes');
    assert.equal(serviceV2ToFormValues({ id: 'x', name: 'draft', status: 'INIT', version: '0.0.1' }, '0').resources, 'flavor', 'a list item or an INIT service fills what it can');
  });
});
