import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { AccountRegistry } from '../../emulator/accounts';
import { Clock } from '../../emulator/clock';
import { checkExchanges } from '../../emulator/contract/checkRecording';
import { ConformanceChecker, type Exchange } from '../../emulator/contract/conformance';
import type { Deviation } from '../../emulator/contract/deviations';
import { Contract } from '../../emulator/contract/operations';
import { noSuchApiHandler } from '../../emulator/http';
import { apiRouter, startEmulator } from '../../emulator/server';
import { signedRequest } from '../../emulator/signedClient';
import { EmulatorState } from '../../emulator/state';
import { assertError, REFUSAL, useEmulator } from './emulatorSession';

const session = useEmulator(60_000);

/** A contract small enough to read: one list and one create, with a nested model and a bare-array answer. */
const contract = new Contract([
  {
    service: 'modelarts',
    operations: [
      { operation: 'list_things', method: 'GET', path: '/v1/{project_id}/things', query: { limit: { type: 'int' }, name: { type: 'str' } }, response: 'ListThingsResponse' },
      { operation: 'create_thing', method: 'POST', path: '/v1/{project_id}/things', body: 'ThingRequest', response: 'Thing' },
      { operation: 'show_thing', method: 'GET', path: '/v1/{project_id}/things/{id}', response: 'Thing' },
      { operation: 'list_thing_tags', method: 'GET', path: '/v1/{project_id}/things/{id}/tags', response: 'ListThingTagsResponse' },
    ],
    models: {
      ListThingsResponse: { things: { type: 'list[Thing]' }, total: { type: 'int' } },
      ThingRequest: { name: { type: 'str', required: true }, size: { type: 'int' }, spec: { type: 'ThingSpec' }, labels: { type: 'dict(str, str)' } },
      ThingSpec: { cpu: { type: 'float', required: true }, extra: { type: 'object' } },
      Thing: { id: { type: 'str' }, name: { type: 'str' }, spec: { type: 'ThingSpec' } },
      ListThingTagsResponse: { body: { type: 'list[str]' }, 'X-Request-Id': { type: 'str' } },
    },
  },
]);

function exchange(overrides: Partial<Exchange>): Exchange {
  return { method: 'GET', path: '/v1/p/things', query: {}, body: null, status: 200, response: { things: [], total: 0 }, ...overrides };
}

const summary = (findings: readonly { at: string; problem: string }[]): string[] => findings.map((finding) => `${finding.at} ${finding.problem}`);

test('a request is held to its operation: query parameters and their types, body fields at every depth, required fields', () => {
  const checker = new ConformanceChecker(contract, [], []);
  assert.deepEqual(summary(checker.checkExchange(exchange({ query: { limit: '10', name: 'a' } })).findings), []);
  assert.deepEqual(summary(checker.checkExchange(exchange({ query: { limit: 'ten', offset: '0' } })).findings), ['query.limit wrong-query-type', 'query.offset unknown-query']);
  const create = (body: unknown) => summary(checker.checkExchange(exchange({ method: 'POST', body, response: { id: 'x' } })).findings);
  assert.deepEqual(create({ name: 'a', size: 2, spec: { cpu: 0.5, extra: [1, { any: true }] }, labels: { team: 'nlp' } }), []);
  assert.deepEqual(create({ name: 'a', size: 2.5, colour: 'red', spec: { ram: 1 }, labels: { team: 1 } }), [
    'body.size wrong-type',
    'body.colour unknown-field',
    'body.spec.ram unknown-field',
    'body.spec.cpu missing-required',
    'body.labels{} wrong-type',
  ]);
  assert.deepEqual(create(null), [], 'the SDK does not require this body');
  assert.deepEqual(summary(checker.checkExchange(exchange({ path: '/v1/p/things/t1', body: { name: 'a' }, response: {} })).findings), ['body unexpected-body']);
});

test('an answer is held to its response model; headers are not body fields, and a lone body field is a bare value', () => {
  const checker = new ConformanceChecker(contract, [], []);
  const answer = (path: string, response: unknown, status = 200) => summary(checker.checkExchange(exchange({ path, response, status })).findings);
  assert.deepEqual(answer('/v1/p/things', { things: [{ id: 'a', spec: { cpu: 1 } }], total: 1 }), []);
  assert.deepEqual(answer('/v1/p/things', { things: [{ id: 1, create_at: 0, spec: { cpu: '1' } }], total: '1' }), [
    'response.things[].id wrong-type',
    'response.things[].create_at unknown-field',
    'response.things[].spec.cpu wrong-type',
    'response.total wrong-type',
  ]);
  assert.deepEqual(answer('/v1/p/things/t1', { id: 't1' }), [], 'required fields are for requests only');
  assert.deepEqual(answer('/v1/p/things/t1/tags', ['a', 'b']), []);
  assert.deepEqual(answer('/v1/p/things/t1/tags', [1]), ['response[] wrong-type']);
  assert.deepEqual(answer('/v1/p/things/t1', { error_code: 'ModelArts.6404', error_msg: 'gone' }, 404), [], 'errors are not the model');
  assert.deepEqual(answer('/v1/p/things/t1', '{"id":'), ['response not-json']);
});

test('a call outside the SDK is accepted only when listed with its source; a deviation explains exactly its finding', () => {
  const outside = [{ method: 'GET', path: '/v1/{project_id}/legacy/{id}', source: 'the reference' }];
  const deviation: Deviation = { operation: 'show_thing', at: 'response.create_at', problem: 'unknown-field', reason: 'r', evidence: 'e' };
  const unused: Deviation = { operation: 'list_things', at: 'response.total', problem: 'wrong-type', reason: 'r', evidence: 'e' };
  const checker = new ConformanceChecker(contract, outside, [deviation, unused]);
  const report = checkExchanges(
    [
      exchange({ path: '/v1/p/legacy/l1', response: { anything: 1 } }),
      exchange({ path: '/v1/p/unknown' }),
      exchange({ path: '/v1/p/things/t1', response: { id: 't1', create_at: 1, update_at: 2 } }),
      exchange({ path: '/bucket/key', response: '<xml/>' }),
    ],
    checker,
    [deviation, unused],
  );
  assert.deepEqual(
    report.failures.map(({ finding }) => `${finding.operation} ${finding.at} ${finding.problem}`),
    ['GET /v1/p/unknown path unknown-operation', 'show_thing response.update_at unknown-field'],
  );
  assert.equal(report.explained, 1);
  assert.deepEqual(report.unusedDeviations, [unused]);
  assert.deepEqual([...report.operations.keys()].sort(), ['GET /v1/{project_id}/legacy/{id}', 'show_thing']);
  assert.equal(report.obsExchanges, 1);
});

test('a request sent to be refused passes when refused and fails the check when accepted', () => {
  const checker = new ConformanceChecker(contract, [], []);
  const bad = { method: 'POST', body: { colour: 'red' }, intent: 'refusal' };
  assert.deepEqual(summary(checker.checkExchange(exchange({ ...bad, status: 400, response: { error_code: 'ModelArts.0101' } })).findings), []);
  assert.deepEqual(summary(checker.checkExchange(exchange({ ...bad, status: 200, response: { id: 'x' } })).findings), ['status accepted-refusal']);
});

test('every route the emulator serves is an SDK operation with the same literal segments, or a call listed outside the SDK', () => {
  const accounts = new AccountRegistry();
  const router = apiRouter(accounts, new EmulatorState(accounts, new Clock(), 1000));
  const checker = new ConformanceChecker();
  const strays: string[] = [];
  for (const { method, template, handler } of router.routes()) {
    if (handler === noSuchApiHandler) {
      continue;
    }
    const operation = checker.resolve(method, template.replace(/\{(\w+)\}/g, 'P-$1'));
    const segments = (path: string) => path.split('/').map((segment) => (segment.startsWith('{') ? '{}' : segment));
    const served = operation.kind === 'sdk' ? operation.spec.path : operation.kind === 'outside-sdk' ? operation.entry.path : undefined;
    if (served === undefined || segments(served).join('/') !== segments(template).join('/')) {
      strays.push(`${method} ${template}`);
    }
  }
  assert.deepEqual(strays, []);
});

test('the emulator refuses a body or query the operation does not have, naming the field, in its service\'s code', async () => {
  const { api } = session;
  const create = await api('POST', '/v1/{project_id}/workspaces', { body: { name: 'contract-ws', colour: 'red' }, headers: REFUSAL });
  assertError(create, 400, 'ModelArts.0101', /body\.colour: CreateWorkspaceReq has no field colour/);
  const missing = await api('POST', '/v1/{project_id}/workspaces', { body: { description: 'no name' }, headers: REFUSAL });
  assertError(missing, 400, 'ModelArts.0101', /body\.name: CreateWorkspaceReq requires name/);
  const typed = await api('POST', '/v1/{project_id}/workspaces', { body: { name: 42 }, headers: REFUSAL });
  assertError(typed, 400, 'ModelArts.0101', /body\.name: expected str, got integer/);
  const query = await api('GET', '/v1/{project_id}/workspaces', { query: { colour: 'red' }, headers: REFUSAL });
  assertError(query, 400, 'ModelArts.0101', /query\.colour: list_workspace has no query parameter colour/);
  const queryType = await api('GET', '/v1/{project_id}/workspaces', { query: { limit: 'many' }, headers: REFUSAL });
  assertError(queryType, 400, 'ModelArts.0101', /query\.limit: expected int, got "many"/);
  const vpc = await api('GET', '/v1/{project_id}/vpcs', { query: { colour: 'red' }, headers: REFUSAL });
  assertError(vpc, 400, 'VPC.0101', /query\.colour/);
  assert.equal((await api('GET', '/v1/{project_id}/workspaces', { query: { limit: 10 } })).status, 200);
});

test('with a record file, each API exchange is one JSON line without headers; control routes are left out', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'emulator-record-'));
  const file = join(folder, 'record.jsonl');
  const emulator = await startEmulator({ transitionMs: 60_000, recordFile: file });
  try {
    const client = { url: emulator.url, ak: emulator.demo.ak, sk: emulator.demo.sk, projectId: emulator.projectId('cn-north-4') };
    await signedRequest(client, 'POST', '/v1/{project_id}/workspaces', { body: { name: 'recorded-ws', colour: 'red' }, headers: REFUSAL });
    await signedRequest(client, 'GET', '/v1/{project_id}/workspaces', { query: { limit: 1 } });
    await fetch(`${emulator.url}/__emulator/health`);
    emulator.faults.add({ kind: 'malformed', path: '/workspaces' });
    await signedRequest(client, 'GET', '/v1/{project_id}/workspaces').catch(() => undefined);
    const text = readFileSync(file, 'utf8');
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as Exchange);
    assert.deepEqual(
      lines.map((line) => [line.method, line.path.replace(client.projectId, 'P'), line.status, line.intent, line.fault]),
      [
        ['POST', '/v1/P/workspaces', 400, 'refusal', undefined],
        ['GET', '/v1/P/workspaces', 200, undefined, undefined],
        ['GET', '/v1/P/workspaces', 200, undefined, 'malformed'],
      ],
    );
    assert.deepEqual(lines[0].body, { name: 'recorded-ws', colour: 'red' });
    assert.deepEqual(lines[1].query, { limit: '1' });
    assert.equal((lines[1].response as { workspaces: unknown[] }).workspaces.length, 1);
    assert.equal(typeof lines[2].response, 'string', 'a body that is not JSON is kept as text');
    for (const secret of [emulator.demo.ak, emulator.demo.sk, 'SDK-HMAC-SHA256', 'X-Sdk-Date']) {
      assert.ok(!text.includes(secret), `${secret} is not recorded`);
    }
  } finally {
    await emulator.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
