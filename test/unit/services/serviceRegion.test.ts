import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ModelArtsError } from '../../../src/services/errors';
import type { ServiceV2 } from '../../../src/services/inferenceV2Objects';
import { checkImageRegion, checkServiceRegion, imageRegionProblem, regionInHost, serviceRegion } from '../../../src/services/serviceRegion';

const address = (region: string) => `https://0123456789abcdef0123456789abcdef.apig.${region}.huaweicloudapis.com/v2/infers/abc`;
const service = (extra: Partial<ServiceV2>): ServiceV2 => ({ id: 'abc', name: 'llm-chat-v2', status: 'RUNNING', ...extra });

describe('region consistency of v2 services', () => {
  test('finds the region in a host, whole labels only', () => {
    assert.equal(regionInHost(address('cn-north-4')), 'cn-north-4');
    assert.equal(regionInHost('swr.ap-southeast-3.myhuaweicloud.com/ns/repo:tag'), 'ap-southeast-3');
    assert.equal(regionInHost('https://infer-modelarts-cn-southwest-2.modelarts-infer.com/v2/infers/x'), 'cn-southwest-2');
    assert.equal(regionInHost('https://example.com/cn-north-4/path'), undefined, 'the path does not count');
    assert.equal(regionInHost('docker.io/library/nginx:latest'), undefined);
  });

  test('a service is where its inference address is; a list item or a never-deployed service tells nothing', () => {
    assert.deepEqual(serviceRegion(service({ predict_url: [{ type: 'PUBLIC', urls: [address('cn-east-3')] }] })), { region: 'cn-east-3', evidence: address('cn-east-3') });
    assert.equal(serviceRegion(service({ version: '0.0.1' })), undefined);
    assert.equal(serviceRegion(service({ version: { version: '0.0.1', predict_url: '' }, predict_url: [] })), undefined);
    assert.equal(serviceRegion(service({ version: { predict_url: address('ap-southeast-1') } }))?.region, 'ap-southeast-1');
  });

  test('acting on a service of another region is a ModelArtsError naming both regions and what to do', () => {
    const east = service({ version: { version: '0.0.2' }, predict_url: [{ type: 'PUBLIC', urls: [address('cn-east-3')] }] });
    assert.doesNotThrow(() => checkServiceRegion(east, 'cn-east-3'));
    assert.doesNotThrow(() => checkServiceRegion(service({ version: '0.0.2' }), 'cn-north-4'));
    assert.throws(
      () => checkServiceRegion(east, 'cn-north-4'),
      (error: unknown) =>
        error instanceof ModelArtsError &&
        error.errorCode === 'RegionMismatch' &&
        error.kind === 'config' &&
        /"llm-chat-v2" \(version 0\.0\.2\) is in cn-east-3 .* would go to cn-north-4\. Act on it under cn-east-3/.test(error.message),
    );
  });

  test('an image must come from the service\'s own region\'s SWR', () => {
    assert.equal(imageRegionProblem('swr.cn-north-4.myhuaweicloud.com/ns/repo:1', 'cn-north-4'), undefined);
    assert.equal(imageRegionProblem('my-registry.local/ns/repo:1', 'cn-north-4'), undefined, 'no region in the host: nothing to say');
    assert.match(imageRegionProblem('swr.cn-east-3.myhuaweicloud.com/ns/repo:1', 'cn-north-4') ?? '', /SWR of cn-east-3, but the service would run in cn-north-4/);
    assert.throws(() => checkImageRegion('swr.cn-east-3.myhuaweicloud.com/ns/repo:1', 'cn-north-4'), (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'RegionMismatch');
  });
});
