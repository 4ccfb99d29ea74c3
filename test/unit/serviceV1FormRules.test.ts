import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ServiceModelChoice, ServiceSpecChoice } from '../../src/webviews/protocol';
import {
  emptyServiceV1Form,
  serviceV1ToFormValues,
  specificationFits,
  toCreateServiceV1Request,
  validateServiceV1Form,
} from '../../src/webviews/serviceV1FormRules';

const cpu2: ServiceSpecChoice = { id: 'modelarts.vm.cpu.2u', name: 'modelarts.vm.cpu.2u', category: 'CPU', description: '', cpu: 2, memoryMb: 8192 };
const t4: ServiceSpecChoice = { id: 'modelarts.vm.gpu.t4', name: 'modelarts.vm.gpu.t4', category: 'GPU', description: '', cpu: 8, memoryMb: 32768, gpu: 1 };
const mnist: ServiceModelChoice = { id: 'model-mnist', name: 'mnist-cnn', version: '1.1.0', workspaceId: '0', description: '', minCpu: 1, minMemoryMb: 2048 };
const yolo: ServiceModelChoice = { id: 'model-yolo', name: 'yolov8', version: '1.0.0', workspaceId: '0', description: '', minCpu: 4, minMemoryMb: 16384, minGpu: 1 };
const ernie: ServiceModelChoice = { id: 'model-ernie', name: 'ernie-ner', version: '1.0.0', workspaceId: 'ws-nlp', description: '' };
const options = { models: [mnist, yolo, ernie], specifications: [cpu2, t4] };
const good = { ...emptyServiceV1Form('0'), name: 'digits', modelName: 'mnist-cnn', modelId: 'model-mnist', specification: cpu2.id };

describe('Create Real-Time Service (v1) form rules', () => {
  test('a filled form passes; an empty one names every missing choice', () => {
    assert.deepEqual(validateServiceV1Form(good, options), {});
    assert.deepEqual(Object.keys(validateServiceV1Form(emptyServiceV1Form('0'), options)).sort(), ['modelName', 'name', 'specification']);
    assert.ok(validateServiceV1Form({ ...good, modelId: '' }).modelId, 'a model needs a version');
  });

  test('a specification must meet the model\'s minimums, and the form says what the model needs', () => {
    assert.equal(specificationFits(cpu2, mnist), true);
    assert.equal(specificationFits(cpu2, yolo), false);
    assert.equal(specificationFits(t4, yolo), true);
    const errors = validateServiceV1Form({ ...good, modelName: 'yolov8', modelId: 'model-yolo' }, options);
    assert.equal(errors.specification, 'Too small for yolov8 1.0.0, which needs at least 4 vCPUs, 16 GB, 1 GPU.');
    assert.ok(validateServiceV1Form({ ...good, specification: 'modelarts.vm.cpu.64u' }, options).specification);
  });

  test('only a model of the chosen workspace can be deployed', () => {
    assert.match(validateServiceV1Form({ ...good, modelName: 'ernie-ner', modelId: 'model-ernie' }, options).modelId ?? '', /model in this workspace/);
    assert.deepEqual(validateServiceV1Form({ ...good, workspaceId: 'ws-nlp', modelName: 'ernie-ner', modelId: 'model-ernie' }, options), {});
  });

  test('instances, environment, auto-stop and description are checked', () => {
    const errors = validateServiceV1Form(
      {
        ...good,
        instanceCount: 0,
        environment: [
          { name: 'OK_NAME', value: '1' },
          { name: 'OK_NAME', value: '2' },
        ],
        autoStopHours: 25,
        description: 'uses "quotes"',
      },
      options,
    );
    assert.deepEqual(Object.keys(errors).sort(), ['autoStopHours', 'description', 'environment', 'instanceCount']);
    assert.equal(errors.environment, 'Row 2 needs a name used once.');
    assert.ok(validateServiceV1Form({ ...good, environment: [{ name: '1BAD', value: '' }] }).environment);
    assert.ok(validateServiceV1Form({ ...good, instanceCount: Number.NaN }).instanceCount);
  });

  test('the create body: one model with all the traffic, envs as an object, a stop schedule only when asked', () => {
    const body = toCreateServiceV1Request({ ...good, instanceCount: 3, environment: [{ name: 'MODE', value: 'fast' }], autoStopHours: 2, description: 'digits' });
    assert.deepEqual(body, {
      service_name: 'digits',
      description: 'digits',
      config: [{ model_id: 'model-mnist', specification: cpu2.id, weight: 100, instance_count: 3, envs: { MODE: 'fast' } }],
      schedule: [{ type: 'stop', time_unit: 'HOURS', duration: 2 }],
    });
    assert.equal(toCreateServiceV1Request(good).schedule, undefined);
  });

  test('Create Similar fills the form from a service\'s details', () => {
    const values = serviceV1ToFormValues(
      {
        service_id: 'id',
        service_name: 'digits',
        status: 'running',
        description: 'scans',
        config: [{ model_id: 'model-mnist', model_name: 'mnist-cnn', model_version: '1.1.0', specification: cpu2.id, instance_count: 2, envs: { LOG_LEVEL: 'info' } }],
        schedule: [{ type: 'stop', time_unit: 'HOURS', duration: 4 }],
      },
      '0',
    );
    assert.deepEqual(values, {
      name: 'digits-copy',
      description: 'scans',
      workspaceId: '0',
      modelName: 'mnist-cnn',
      modelId: 'model-mnist',
      specification: cpu2.id,
      instanceCount: 2,
      environment: [{ name: 'LOG_LEVEL', value: 'info' }],
      autoStopHours: 4,
    });
    assert.deepEqual(validateServiceV1Form(values, options), {});
  });
});
