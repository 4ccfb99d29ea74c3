import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ServiceV2 } from '../../src/services/inferenceV2Objects';
import { emptyServiceV2Form, imageProblem, serviceV2ToFormValues, toCreateServiceV2Request, validateServiceV2Form } from '../../src/webviews/serviceV2FormRules';
import type { ServiceV2Options } from '../../src/webviews/protocol';

const IMAGE = 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/vllm-serving:0.7.3';
const options: ServiceV2Options = {
  region: 'cn-north-4',
  flavors: [
    { id: 'modelarts.vm.cpu.2u8g', name: '2 vCPU · 8 GB (modelarts.vm.cpu.2u8g)', category: 'CPU', description: 'CPU: 2 vCPUs | 8 GiB', soldOut: false },
    { id: 'modelarts.vm.gpu.v100u8', name: 'V100 ×1 · 8 vCPU · 64 GB (modelarts.vm.gpu.v100u8)', category: 'GPU', description: 'GPU', soldOut: true },
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
    assert.ok(validateServiceV2Form({ ...good, version: '100.0.0' }, options).version, 'at most 99.99.99, 8 characters (the SDK)');
    assert.equal(validateServiceV2Form({ ...good, version: '0.0.1' }, options).version, undefined);
    assert.match(validateServiceV2Form({ ...good, environment: [{ name: 'A', value: '<b>' }] }, options).environment ?? '', /Row 1.*"<" or ">"/);
    assert.match(validateServiceV2Form({ ...good, environment: [{ name: 'A'.repeat(65), value: '' }] }, options).environment ?? '', /Row 1.*64/);
  });

  test('the description has the SDK\'s bounds: 512 characters, no "<" or ">"', () => {
    assert.equal(validateServiceV2Form({ ...good, description: 'x'.repeat(512) }, options).description, undefined);
    assert.match(validateServiceV2Form({ ...good, description: 'x'.repeat(513) }, options).description ?? '', /512/);
    assert.match(validateServiceV2Form({ ...good, description: 'a <b> tag' }, options).description ?? '', /"<" or ">"/);
  });

  test('the limits are the SDK\'s ranges: 1 to 10000 calls, 1 to 7200 s, 1 to 50 MB; cores from 0.01 with two decimals', () => {
    const errors = validateServiceV2Form({ ...good, rateLimit: 0, requestTimeout: 7201, requestSizeLimit: 51 }, options);
    assert.deepEqual(Object.keys(errors).sort(), ['rateLimit', 'requestSizeLimit', 'requestTimeout']);
    assert.deepEqual(validateServiceV2Form({ ...good, rateLimit: 10_000, requestTimeout: 7200, requestSizeLimit: 50 }, options), {});
    assert.ok(validateServiceV2Form({ ...good, rateLimit: 1.5 }, options).rateLimit, 'whole calls');
    const onPool = { ...good, resources: 'pool' as const, poolId: 'pool-gpu-v100-abc', workspaceId: 'ws-nlp' };
    assert.ok(validateServiceV2Form({ ...onPool, cpu: 0.005 }, options).cpu, 'at least 0.01 cores');
    assert.ok(validateServiceV2Form({ ...onPool, cpu: 0.125 }, options).cpu, 'two decimals at most');
    assert.equal(validateServiceV2Form({ ...onPool, cpu: 0.25 }, options).cpu, undefined);
  });

  test('the create body is §4.4\'s: one SINGLE deployment, a flavor or the pool with a custom spec, HTTPS with the chosen authentication', () => {
    const onFlavor = toCreateServiceV2Request({ ...good, command: '  ', environment: [{ name: 'A', value: 'b' }] });
    assert.deepEqual(onFlavor, {
      name: 'chat',
      version: '1.0.0',
      type: 'REAL_TIME',
      deploy_type: 'SINGLE',
      group_configs: [{ name: 'group-1', framework: 'COMMON', weight: 100, count: 1, unit_configs: [{ image: { source: 'SWR', swr_path: IMAGE }, flavor: 'modelarts.vm.cpu.2u8g', count: 1, port: 8080, envs: { A: 'b' } }] }],
      runtime_config: {
        service_invoke: { port: 8080, protocol: 'HTTPS', auth_type: 'TOKEN' },
        service_limit: { rate_limit: { num: 100, unit: 'SECONDS' }, request_size_limit: 12, request_timeout: 60 },
      },
      custom_metrics_path: '',
    });
    const onPool = toCreateServiceV2Request({ ...good, resources: 'pool', poolId: 'pool-gpu-v100-abc', cpu: 0.5, memoryMb: 2048, description: 'x', authType: 'NONE' });
    assert.equal(onPool.description, 'x');
    assert.equal(onPool.group_configs[0].pool_id, 'pool-gpu-v100-abc');
    assert.deepEqual(onPool.group_configs[0].unit_configs[0].custom_spec, { cpu: 0.5, memory: 2048 });
    assert.equal(onPool.group_configs[0].unit_configs[0].flavor, undefined);
    assert.equal(onPool.runtime_config.service_invoke.auth_type, 'NONE');
  });

  test('"Create similar" fills the form from a service\'s detail: its first deployment, description, authentication and limits', () => {
    const detail: ServiceV2 = {
      id: 'abc',
      name: 'ner-pool-v2',
      status: 'RUNNING',
      version: {
        version: '1.2.0',
        description: 'On the pool',
        runtime_config: { service_invoke: { auth_type: 'API_KEY' }, service_limit: { rate_limit: { num: 30, unit: 'MINUTES' }, request_size_limit: 20, request_timeout: 600 } },
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
    assert.deepEqual([values.description, values.rateLimit, values.rateLimitUnit, values.requestSizeLimit, values.requestTimeout], ['On the pool', 30, 'MINUTES', 20, 600]);
    assert.deepEqual(validateServiceV2Form({ ...values, name: 'ner-pool-v2-b' }, options), {}, 'the similar form is valid as it comes');
    assert.equal(serviceV2ToFormValues({ id: 'x', name: 'draft', status: 'INIT', version: '0.0.1' }, '0').resources, 'flavor', 'a list item or an INIT service fills what it can');
  });
});
