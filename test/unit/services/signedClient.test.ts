import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ModelArtsError } from '../../../src/services/errors';
import { type Harness, startHarness } from './emulatorHarness';

const REGION = 'cn-north-4';
const scope = { region: REGION, workspaceId: '0' };

function expectError(check: (error: ModelArtsError) => void): (thrown: unknown) => boolean {
  return (thrown) => {
    assert.ok(thrown instanceof ModelArtsError, `expected a ModelArtsError, got ${String(thrown)}`);
    check(thrown);
    return true;
  };
}

describe('signed client against the emulator', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness.close());

  test('signs requests the emulator accepts and resolves the project id once per region', async () => {
    harness.emulator.requests.clear();
    const first = await harness.services.notebooks.list(scope);
    await harness.services.trainingJobs.search(scope);
    await harness.services.workspaces.list(REGION);
    assert.ok(first.items.length > 0);
    assert.equal(harness.emulator.requests.count((r) => r.path.startsWith('/v3/projects')), 1);
    assert.equal(await harness.services.client.projectId(REGION), harness.emulator.projectId(REGION));
  });

  test('a region without a project is a clear error, and is not cached', async () => {
    await assert.rejects(
      harness.services.client.projectId('la-south-2'),
      expectError((error) => {
        assert.equal(error.errorCode, 'ProjectNotFound');
        assert.match(error.message, /no IAM project named "la-south-2"/);
      }),
    );
  });

  test('a wrong secret key surfaces as APIG.0301 with a request id and is not retried', async () => {
    const wrong = harness.servicesFor({ accessKey: harness.emulator.demo.ak, secretKey: 'not-the-secret-key-0000000000' });
    harness.emulator.requests.clear();
    await assert.rejects(
      wrong.client.projectId(REGION),
      expectError((error) => {
        assert.equal(error.httpStatus, 401);
        assert.equal(error.errorCode, 'APIG.0301');
        assert.equal(error.kind, 'auth');
        assert.match(error.requestId ?? '', /^[0-9a-f]{32}$/);
        assert.match(error.toDisplayString(), /^APIG\.0301: .*signature.*\(request id [0-9a-f]{32}\)$/);
      }),
    );
    assert.equal(harness.emulator.requests.count(), 1, 'a rejected signature must not be sent again');
  });

  test('throttling (429 APIG.0308) is retried until it succeeds', async () => {
    harness.emulator.requests.clear();
    harness.emulator.faults.add({ kind: 'status', status: 429, path: '/notebooks', times: 2 });
    const page = await harness.services.notebooks.list(scope);
    assert.ok(page.items.length > 0);
    assert.equal(harness.emulator.requests.count((r) => r.path.endsWith('/notebooks')), 3);
  });

  test('a 5xx is retried for a list but never for a create', async () => {
    harness.emulator.faults.add({ kind: 'status', status: 500, path: '/notebooks', times: 1 });
    assert.ok((await harness.services.notebooks.list(scope)).items.length > 0);

    harness.emulator.requests.clear();
    harness.emulator.faults.add({ kind: 'status', status: 500, method: 'POST', path: '/notebooks', times: 1 });
    await assert.rejects(
      harness.services.notebooks.create(scope, { name: 'never-twice', flavor: 'modelarts.vm.cpu.2u', image_id: 'x', volume: { category: 'EVS', ownership: 'MANAGED', capacity: 5 } }),
      expectError((error) => assert.equal(error.httpStatus, 500)),
    );
    assert.equal(harness.emulator.requests.count((r) => r.method === 'POST'), 1);
  });

  test('a connection reset on a read is retried', async () => {
    harness.emulator.faults.add({ kind: 'reset', path: '/workspaces', times: 1 });
    const workspaces = await harness.services.workspaces.list(REGION);
    assert.equal(workspaces[0].id, '0');
  });

  test('a malformed body is reported as such, with its request id, whatever the caller expects of it', async () => {
    harness.emulator.faults.add({ kind: 'malformed', path: '/workspaces', times: 1 });
    await assert.rejects(
      harness.services.workspaces.list(REGION),
      expectError((error) => {
        assert.equal(error.errorCode, 'MalformedResponse');
        assert.equal(error.kind, 'malformed');
        assert.equal(error.requestId, harness.emulator.requests.list({ path: '/workspaces' }).at(-1)?.requestId);
      }),
    );
    // A change answered with a broken body is not an empty success (the tree would show `{}` as the resource).
    harness.emulator.faults.add({ kind: 'malformed', method: 'POST', path: '/stop', times: 1 });
    await assert.rejects(
      harness.services.notebooks.stop(REGION, 'any-notebook-id'),
      expectError((error) => assert.deepEqual([error.errorCode, error.httpStatus, error.requestId], ['MalformedResponse', 200, harness.emulator.requests.list({ path: '/stop' }).at(-1)?.requestId])),
    );
  });

  test('a request that gets no answer times out with a clear error', async () => {
    const impatient = harness.servicesFor({ accessKey: harness.emulator.demo.ak, secretKey: harness.emulator.demo.sk }, 300);
    await impatient.client.projectId(REGION);
    harness.emulator.faults.add({ kind: 'timeout', path: '/workspaces', times: 3 });
    await assert.rejects(
      impatient.workspaces.list(REGION),
      expectError((error) => {
        assert.equal(error.errorCode, 'Timeout');
        assert.match(error.message, /no answer within 300 ms/);
      }),
    );
  });

  test('cancelling aborts the request in flight', async () => {
    harness.emulator.faults.add({ kind: 'latency', ms: 2_000, path: '/workspaces', times: 1 });
    const controller = new AbortController();
    const pending = harness.services.workspaces.list(REGION, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, expectError((error) => assert.equal(error.kind, 'cancelled')));
  });
});

describe('credentials never leave in clear', () => {
  const canary = { accessKey: 'HPUACANARYACCESSKEY7', secretKey: 'canary-secret-key-do-not-print-0123456789', securityToken: 'canary-security-token-do-not-print-abcdef' };
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
    harness.emulator.addAccount(canary.accessKey, canary.secretKey);
  });
  after(() => harness.close());

  test('not in logs, stdout, stderr, errors or files, even when requests fail', async () => {
    const printed: string[] = [];
    const originalStdout = process.stdout.write.bind(process.stdout);
    const originalStderr = process.stderr.write.bind(process.stderr);
    const capture = (chunk: unknown): boolean => {
      printed.push(String(chunk));
      return true;
    };
    const errors: unknown[] = [];
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    try {
      const good = harness.servicesFor(canary);
      await good.notebooks.list(scope).catch((error: unknown) => errors.push(error));
      harness.emulator.faults.add({ kind: 'status', status: 500, path: '/notebooks', times: 10 });
      await good.notebooks.list(scope).catch((error: unknown) => errors.push(error));
      harness.emulator.faults.add({ kind: 'reset', path: '/training-job-searches', times: 10 });
      await good.trainingJobs.search(scope).catch((error: unknown) => errors.push(error));
      const wrongSecret = harness.servicesFor({ ...canary, secretKey: `${canary.secretKey}-wrong` });
      await wrongSecret.workspaces.list('cn-east-3').catch((error: unknown) => errors.push(error));
    } finally {
      process.stdout.write = originalStdout;
      process.stderr.write = originalStderr;
    }
    assert.ok(errors.length >= 3, 'the failing calls must have failed');
    const everything = [
      ...printed,
      ...harness.logLines,
      ...errors.flatMap((error) => [String(error), JSON.stringify(error), (error as Error).stack ?? '', error instanceof ModelArtsError ? error.toDisplayString() : '']),
    ].join('\n');
    for (const secret of [canary.accessKey, canary.secretKey, canary.securityToken]) {
      assert.ok(!everything.includes(secret), `a credential leaked into output: ${secret.slice(0, 4)}…`);
    }
    assert.ok(harness.logLines.length > 0, 'the client logs its requests');
    assert.ok(!existsSync(join(homedir(), '.huaweicloud', 'application_id')), 'the SDK must not write to the home folder');
    assert.ok(!readdirSync(process.cwd()).some((name) => name.startsWith('HuaweiCloud-SDK-Access')), 'the SDK must not write a log file');
  });
});
