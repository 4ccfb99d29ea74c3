import assert from 'node:assert/strict';
import { test } from 'node:test';
import { archOf, mismatch, softwareNamed } from '../../src/webviews/compatibilityRules';

test('architectures are read in every spelling the listings use; anything else says nothing', () => {
  assert.deepEqual(['x86_64', 'X86_64', 'x86', 'amd64', 'aarch64', 'AARCH64', 'arm', 'arm64', 'riscv', '', undefined].map(archOf), [
    'x86', 'x86', 'x86', 'x86', 'arm', 'arm', 'arm', 'arm', undefined, undefined, undefined,
  ]);
});

test('an engine version or image name says CUDA or CANN, and its architecture, only in whole words', () => {
  assert.deepEqual(softwareNamed('pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64'), { arch: 'x86', accelerators: ['CPU', 'GPU'] });
  assert.deepEqual(softwareNamed('mindspore_2.2.0-cann_7.0.0-py_3.9-euler_2.8-aarch64'), { arch: 'arm', accelerators: ['ASCEND'] });
  assert.deepEqual(softwareNamed('swr.cn-north-4.myhuaweicloud.com/team/pytorch2.1.0-cuda12.1-cudnn8:v2'), { accelerators: ['CPU', 'GPU'] });
  assert.deepEqual(softwareNamed('PyTorch-1.4.0-python3.6-v2'), {}, 'says neither');
  assert.deepEqual(softwareNamed('swr.cn-north-4.myhuaweicloud.com/barracuda/scannerx:arm-ish'), {}, 'no whole word names them');
  assert.deepEqual(softwareNamed('cuda-to-cann-converter'), {}, 'both named: no claim either way');
});

test('a mismatch names both sides; a side the listing leaves out is never flagged', () => {
  assert.equal(
    mismatch('engine', { arch: 'x86', accelerators: ['CPU', 'GPU'] }, { arch: 'arm', accelerator: 'ASCEND' }),
    'This engine is built for CPU or GPU (CUDA), and the flavor is Ascend NPU; it is built for x86, and the flavor is Arm. It will likely fail to start: choose another engine or flavor.',
  );
  assert.equal(mismatch('image', { accelerators: ['ASCEND'] }, { accelerator: 'GPU' }), 'This image is built for Ascend NPU, and the flavor is GPU (CUDA). It will likely fail to start: choose another image or flavor.');
  assert.equal(mismatch('image', { arch: 'x86', accelerators: ['CPU', 'GPU'] }, { arch: 'x86', accelerator: 'CPU' }), undefined);
  assert.equal(mismatch('image', { arch: 'x86' }, { accelerator: 'ASCEND' }), undefined, 'no architecture for the flavor, no accelerator for the image');
  assert.equal(mismatch('image', { accelerators: [] }, { accelerator: 'ASCEND' }), undefined, 'an image listing no category');
});
