// The core SDK configures log4js on import, so it is loaded first and log4js silenced after.
import { ClientBuilder } from '@huaweicloud/huaweicloud-sdk-core/ClientBuilder';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials';
import type { HcClient } from '@huaweicloud/huaweicloud-sdk-core/HcClient';
import type { SdkResponse } from '@huaweicloud/huaweicloud-sdk-core/SdkResponse';
import log4js from 'log4js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useEmulator } from './emulatorSession';

// The SDK would print failed requests, Authorization header included.
log4js.configure({ appenders: { out: { type: 'stdout' } }, categories: { default: { appenders: ['out'], level: 'off' } } });

const session = useEmulator(60_000);

function sdkClient(options: { sk?: string; projectId?: string; securityToken?: string } = {}): HcClient {
  const { emulator } = session;
  const credentials = new BasicCredentials().withAk(emulator.demo.ak).withSk(options.sk ?? emulator.demo.sk);
  if (options.projectId) {
    credentials.withProjectId(options.projectId);
  }
  if (options.securityToken) {
    credentials.withSecurityToken(options.securityToken);
  }
  // A custom user agent keeps the SDK from writing ~/.huaweicloud/application_id.
  return new ClientBuilder<HcClient>((hc) => hc).withEndpoint(emulator.url).withCredential(credentials).withOptions({ customUserAgent: 'emulator-test' }).build();
}

interface SdkError {
  httpStatusCode?: number;
  errorCode?: string;
}

test('requests signed by @huaweicloud/huaweicloud-sdk-core are accepted', async () => {
  const iam = await sdkClient().sendRequest<SdkResponse & { projects: { id: string }[] }>({
    method: 'GET',
    url: '/v3/projects',
    pathParams: {},
    queryParams: { name: 'cn-north-4' },
    headers: {},
    contentType: 'application/json',
  });
  const projectId = iam.projects[0].id;
  assert.equal(projectId, session.emulator.projectId('cn-north-4'));

  const client = sdkClient({ projectId, securityToken: 'temporary-token' });
  const list = await client.sendRequest<SdkResponse & { total: number }>({
    method: 'GET',
    url: '/v1/{project_id}/notebooks',
    pathParams: { project_id: projectId },
    queryParams: { limit: 5, name: 'bert finetune', workspace_id: '0' },
    headers: {},
    contentType: 'application/json',
  });
  assert.equal(list.total, 0, 'a query with a space is signed and verified alike');

  const created = await client.sendRequest<SdkResponse & { status: { phase: string } }>({
    method: 'POST',
    url: '/v2/{project_id}/training-jobs',
    pathParams: { project_id: projectId },
    queryParams: {},
    headers: {},
    contentType: 'application/json',
    data: {
      kind: 'job',
      metadata: { name: 'sdk-job', description: 'ünïcode ✓' },
      algorithm: { engine: { image_url: 'swr.cn-north-4.myhuaweicloud.com/org/img:tag' } },
      spec: { resource: { flavor_id: 'modelarts.vm.cpu.8u', node_count: 1 } },
    },
  });
  assert.equal(created.status.phase, 'Creating');
});

test('the SDK sees APIG.0301 for a wrong secret key', async () => {
  const projectId = session.emulator.projectId('cn-north-4');
  await assert.rejects(
    sdkClient({ sk: 'wrong', projectId }).sendRequest({ method: 'GET', url: '/v1/{project_id}/workspaces', pathParams: { project_id: projectId }, queryParams: {}, headers: {}, contentType: 'application/json' }),
    (error: SdkError) => error.httpStatusCode === 401 && error.errorCode === 'APIG.0301',
  );
});
