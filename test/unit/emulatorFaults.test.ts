import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { signedRequest } from '../../emulator/signedClient';
import { useEmulator } from './emulatorSession';

const session = useEmulator(60_000);
const { api } = session;

afterEach(() => {
  const { emulator } = session;
  emulator.faults.clear();
  emulator.faults.setLatency(0);
  emulator.requests.clear();
});

interface GatewayError {
  request_id?: string;
}

const listNotebooks = (signal?: AbortSignal) => api<GatewayError>('GET', '/v1/{project_id}/notebooks', { signal });
const listWorkspaces = () => api<GatewayError>('GET', '/v1/{project_id}/workspaces');

async function elapsed<T>(action: () => Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const result = await action();
  return [result, Date.now() - started];
}

test('a 429 fault answers like the API gateway, once by default', async () => {
  const { emulator } = session;
  emulator.faults.add({ kind: 'status', status: 429, path: '/notebooks' });
  const throttled = await listNotebooks();
  assert.equal(throttled.status, 429);
  assert.equal(throttled.body.error_code, 'APIG.0308');
  assert.equal(throttled.body.error_msg, 'The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 second');
  assert.equal(throttled.body.request_id, throttled.headers.get('x-request-id'));
  assert.equal((await listNotebooks()).status, 200);
  assert.deepEqual(
    emulator.requests.list({ path: '/notebooks' }).map((r) => [r.status, r.fault]),
    [
      [429, 'status'],
      [200, undefined],
    ],
  );
});

test('status faults: 5xx default body, explicit codes, method/path matching, times and Infinity', async () => {
  const { emulator } = session;
  emulator.faults.add({ kind: 'status', status: 503, method: 'GET', path: /\/notebooks$/, times: 2 });
  assert.equal((await listWorkspaces()).status, 200, 'other paths are untouched');
  const first = await listNotebooks();
  assert.deepEqual([first.status, first.body.error_code, first.body.request_id], [503, 'ModelArts.0001', undefined]);
  assert.equal((await listNotebooks()).status, 503);
  assert.equal((await listNotebooks()).status, 200);

  emulator.faults.add({ kind: 'status', status: 400, errorCode: 'ModelArts.6101', errorMsg: 'System busy', times: Infinity });
  for (let i = 0; i < 3; i++) {
    const answer = await listWorkspaces();
    assert.deepEqual([answer.status, answer.body.error_code, answer.body.error_msg], [400, 'ModelArts.6101', 'System busy']);
  }
  emulator.faults.clear();
  assert.equal((await listWorkspaces()).status, 200);
});

test('faults apply before authentication', async () => {
  const { emulator } = session;
  emulator.faults.add({ kind: 'status', status: 429 });
  const unsigned = await fetch(`${emulator.url}/v3/projects`);
  assert.equal(unsigned.status, 429);
});

test('latency faults and the global latency delay responses; control routes are never delayed', async () => {
  const { emulator } = session;
  emulator.faults.add({ kind: 'latency', ms: 150 });
  const [delayed, delayedMs] = await elapsed(() => listNotebooks());
  assert.equal(delayed.status, 200);
  assert.ok(delayedMs >= 150, `${delayedMs} ms`);

  emulator.faults.setLatency(120);
  const [, globalMs] = await elapsed(() => listWorkspaces());
  assert.ok(globalMs >= 120, `${globalMs} ms`);
  // A delayed control request would wait a minute and be given up after 20 s; an undelayed one answers long before,
  // however loaded the machine.
  emulator.faults.setLatency(60_000);
  const control = await fetch(`${emulator.url}/__emulator/health`, { signal: AbortSignal.timeout(20_000) });
  assert.equal(control.status, 200);
});

test('a timeout fault never answers; the client gives up', async () => {
  const { emulator } = session;
  emulator.faults.add({ kind: 'timeout', path: '/notebooks' });
  await assert.rejects(listNotebooks(AbortSignal.timeout(200)), (error: Error) => error.name === 'TimeoutError');
  assert.deepEqual(
    emulator.requests.list().map((r) => [r.status, r.fault]),
    [[0, 'timeout']],
  );
  assert.equal((await listNotebooks()).status, 200, 'later requests are answered');
});

test('a reset fault drops the connection without a response', async () => {
  const { emulator } = session;
  emulator.faults.add({ kind: 'reset' });
  await assert.rejects(listNotebooks(), TypeError);
  assert.equal((await listNotebooks()).status, 200);
});

test('a malformed fault answers 200 with a body that is not JSON', async () => {
  const { emulator } = session;
  emulator.faults.add({ kind: 'malformed' });
  const response = await fetch(`${emulator.url}/v3/projects`);
  assert.equal(response.status, 200);
  const text = await response.text();
  assert.ok(text.length > 0);
  assert.throws(() => JSON.parse(text), SyntaxError);
});

test('control API over HTTP: faults, request log, accounts, state and clock', async () => {
  const { emulator } = session;
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${emulator.url}/__emulator/${path}`, { method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });

  assert.equal((await control('POST', 'faults', { kind: 'status', status: 500, path: { regex: 'notebooks$' }, times: 'Infinity' })).status, 204);
  assert.equal((await listNotebooks()).status, 500);
  assert.equal((await listNotebooks()).status, 500);
  assert.equal((await control('DELETE', 'faults')).status, 204);
  assert.equal((await listNotebooks()).status, 200);
  assert.equal((await control('POST', 'faults', { kind: 'explode' })).status, 400);

  const log = (await (await control('GET', 'requests?path=notebooks')).json()) as { requests: { status: number; ak?: string }[] };
  assert.deepEqual(
    log.requests.map((r) => r.status),
    [500, 500, 200],
  );
  assert.equal(log.requests[0].ak, emulator.demo.ak);
  assert.equal((await control('DELETE', 'requests')).status, 204);
  assert.equal(emulator.requests.count(), 0);

  const account = (await (await control('POST', 'accounts', { ak: 'HTTPCANARY0000000001', sk: 'canary' })).json()) as { projects: Record<string, string> };
  assert.equal(account.projects['cn-north-4'], emulator.projectId('cn-north-4', 'HTTPCANARY0000000001'));
  const canary = await signedRequest<{ total: number }>(
    { url: emulator.url, ak: 'HTTPCANARY0000000001', sk: 'canary', projectId: account.projects['cn-north-4'] },
    'GET',
    '/v1/{project_id}/notebooks',
  );
  assert.deepEqual([canary.status, canary.body.total], [200, 0]);

  const notebooks = await api<{ data: { id: string; status: string; url: string }[] }>('GET', '/v1/{project_id}/notebooks', {
    query: { status: 'STOPPED', limit: 1 },
  });
  const { id, url } = notebooks.body.data[0];
  assert.equal((await fetch(url)).status, 503, 'Jupyter is not served while stopped');
  const forced = await control('PUT', `state/notebooks/${id}`, { status: 'RUNNING' });
  assert.equal(((await forced.json()) as { status: string }).status, 'RUNNING');
  assert.equal(emulator.state.notebookStatus(id), 'RUNNING');
  const jupyter = await fetch(url);
  assert.equal(jupyter.status, 200);
  assert.match(await jupyter.text(), /JupyterLab/);
  assert.equal((await control('PUT', `state/notebooks/${id}`, { status: 'SLEEPING' })).status, 400);
  assert.equal((await control('GET', 'state/notebooks/no-such-id')).status, 404);

  const before = emulator.clock.now();
  const advanced = (await (await control('POST', 'clock', { advance_ms: 60_000 })).json()) as { now: number };
  assert.ok(advanced.now - before >= 60_000);
  assert.equal(emulator.requests.count(), 2, 'control routes are not logged');
});
