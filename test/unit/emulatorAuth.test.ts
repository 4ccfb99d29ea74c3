import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSdkDate, signHeaders } from '../../emulator/signature';
import { signedRequest, type SignedClientOptions } from '../../emulator/signedClient';
import { type ErrorAnswer, useEmulator } from './emulatorSession';

const session = useEmulator(60_000, { seed: 'empty' });

interface GatewayError extends ErrorAnswer {
  request_id: string;
}

function client(ak: string, sk: string): SignedClientOptions {
  return { url: session.emulator.url, ak, sk };
}

const listProjects = (c: SignedClientOptions, headers?: Record<string, string>) =>
  signedRequest<GatewayError>(c, 'GET', '/v3/projects', { query: { name: 'cn-north-4' }, headers });

test('a wrong secret key is APIG.0301 "verify aksk signature fail" with the request id in the body', async () => {
  session.emulator.addAccount('WRONGSKAK00000000001', 'right-secret');
  const answer = await listProjects(client('WRONGSKAK00000000001', 'wrong-secret'));
  assert.equal(answer.status, 401);
  assert.equal(answer.body.error_code, 'APIG.0301');
  assert.equal(answer.body.error_msg, 'Incorrect IAM authentication information: verify aksk signature fail');
  assert.equal(answer.body.request_id, answer.headers.get('x-request-id'));
  assert.equal((await listProjects(client('WRONGSKAK00000000001', 'right-secret'))).status, 200);
});

test('an unknown AK is reported masked', async () => {
  const answer = await listProjects(client('UNKNOWNAK00000000042', 'whatever'));
  assert.equal(answer.status, 401);
  assert.equal(answer.body.error_code, 'APIG.0301');
  assert.equal(answer.body.error_msg, 'Incorrect IAM authentication information: Get secretKey failed,ak:UNKN****0042,err:ak not exist');
  assert.ok(!answer.text.includes('UNKNOWNAK00000000042'));
});

test('a missing Authorization header and a stale X-Sdk-Date are rejected', async () => {
  const unsigned = await fetch(`${session.emulator.url}/v3/projects?name=cn-north-4`);
  assert.equal(unsigned.status, 401);
  assert.equal(((await unsigned.json()) as GatewayError).error_code, 'APIG.0301');

  session.emulator.addAccount('STALEDATEAK000000001', 'secret');
  const twentyMinutesAgo = formatSdkDate(new Date(Date.now() - 20 * 60_000));
  const stale = await listProjects(client('STALEDATEAK000000001', 'secret'), { 'X-Sdk-Date': twentyMinutesAgo });
  assert.equal(stale.status, 401);
  assert.match(stale.body.error_msg, /X-Sdk-Date/);
  const tenMinutesAgo = formatSdkDate(new Date(Date.now() - 10 * 60_000));
  assert.equal((await listProjects(client('STALEDATEAK000000001', 'secret'), { 'X-Sdk-Date': tenMinutesAgo })).status, 200);
});

test('five consecutive failures lock the AK for five minutes; a success resets the count', async () => {
  session.emulator.addAccount('LOCKOUTAK00000000001', 'good');
  const good = client('LOCKOUTAK00000000001', 'good');
  const bad = client('LOCKOUTAK00000000001', 'bad');

  for (let i = 0; i < 4; i++) {
    assert.equal((await listProjects(bad)).status, 401);
  }
  assert.equal((await listProjects(good)).status, 200, 'four failures do not lock');

  for (let i = 0; i < 5; i++) {
    const answer = await listProjects(bad);
    assert.match(answer.body.error_msg, /verify aksk signature fail$/);
  }
  const locked = await listProjects(good);
  assert.equal(locked.status, 401);
  assert.equal(locked.body.error_msg, 'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden');

  session.emulator.clock.advance(4 * 60_000);
  assert.equal((await listProjects(good)).status, 401, 'still locked after four minutes');
  session.emulator.clock.advance(60_000);
  assert.equal((await listProjects(good)).status, 200, 'unlocked after five minutes');
  assert.equal((await listProjects(bad)).body.error_msg, 'Incorrect IAM authentication information: verify aksk signature fail');
});

test('the server verifies exactly the SignedHeaders list it receives', async () => {
  session.emulator.addAccount('HEADERSAK00000000001', 'secret');
  const host = new URL(session.emulator.url).host;
  const body = JSON.stringify({ offset: 0, limit: 1 });
  const projectId = session.emulator.projectId('cn-north-4', 'HEADERSAK00000000001');
  const path = `/v2/${projectId}/training-job-searches`;
  // Python-style: only host and x-sdk-date signed; Content-Type sent but not signed.
  const signed = signHeaders({ method: 'POST', path, query: '', headers: { Host: host }, body }, 'HEADERSAK00000000001', 'secret');
  const send = (payload: string) =>
    fetch(`${session.emulator.url}${path}`, {
      method: 'POST',
      headers: { 'X-Sdk-Date': signed['X-Sdk-Date'], Authorization: signed.Authorization, 'Content-Type': 'application/json' },
      body: payload,
    });
  assert.match(signed.Authorization, /SignedHeaders=host;x-sdk-date,/);
  assert.equal((await send(body)).status, 200);
  assert.equal((await send(JSON.stringify({ offset: 0, limit: 2 }))).status, 401, 'a changed body breaks the signature');
});

test('with a permanent AK, any security token is accepted', async () => {
  const answer = await signedRequest(
    { ...client(session.emulator.demo.ak, session.emulator.demo.sk), securityToken: 'temporary-token' },
    'GET',
    '/v3/projects',
    { query: { name: 'cn-north-4' } },
  );
  assert.equal(answer.status, 200);
});

test('temporary credentials act as their account until their token expires on the emulator clock, then every request is APIG.0301', async () => {
  session.emulator.addAccount('TEMPOWNERAK000000001', 'owner-secret');
  const issued = session.emulator.issueTemporaryCredentials(60_000, 'TEMPOWNERAK000000001');
  const temporary: SignedClientOptions = { url: session.emulator.url, ak: issued.access, sk: issued.secret, securityToken: issued.securitytoken };
  const owner = await listProjects(client('TEMPOWNERAK000000001', 'owner-secret'));
  const valid = await listProjects(temporary);
  assert.equal(valid.status, 200);
  assert.deepEqual(valid.body, owner.body, 'the same projects as the account');
  // The same through the control API, for tests in another process.
  const control = await fetch(`${session.emulator.url}/__emulator/temporary-credentials`, { method: 'POST', body: JSON.stringify({ ak: 'TEMPOWNERAK000000001', ttl_ms: 60_000 }) });
  assert.equal(control.status, 201);
  const fromControl = (await control.json()) as typeof issued;
  assert.equal((await listProjects({ url: session.emulator.url, ak: fromControl.access, sk: fromControl.secret, securityToken: fromControl.securitytoken })).status, 200);
  const wrongToken = await listProjects({ ...temporary, securityToken: 'not-the-issued-token' });
  assert.equal(wrongToken.body.error_msg, 'Incorrect IAM authentication information: decrypt token fail');

  session.emulator.clock.advance(60_000);
  const projectId = session.emulator.projectId('cn-north-4', 'TEMPOWNERAK000000001');
  for (const answer of [await listProjects(temporary), await signedRequest<GatewayError>({ ...temporary, projectId }, 'GET', `/v1/${projectId}/notebooks`)]) {
    assert.equal(answer.status, 401);
    assert.equal(answer.body.error_code, 'APIG.0301');
    assert.equal(answer.body.error_msg, `Incorrect IAM authentication information: token expires, expires_at: ${issued.expires_at}`);
    assert.equal(answer.body.request_id, answer.headers.get('x-request-id'));
  }
  assert.equal((await listProjects(client('TEMPOWNERAK000000001', 'owner-secret'))).status, 200, 'the account itself still works');
});
