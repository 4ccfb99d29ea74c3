// Security regression: a region id or an endpoint override from settings must never steer signed requests.
import assert from 'node:assert/strict';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createServices, type ModelArtsServices } from '../../../src/services';
import { endpointFor, isValidRegionId, parseEndpointOverrides, SERVICE_NAMES } from '../../../src/services/endpoints';
import { ModelArtsError } from '../../../src/services/errors';

const CRAFTED_REGIONS = ['x.attacker.test:9443/', 'cn-north-4.attacker.test', 'cn-north-4/../x', 'cn-north-4?x=1', 'cn-north-4#', 'CN-NORTH-4', 'cn-north-4 ', '[a](command:x)'];

function refusedRegion(error: unknown): boolean {
  assert.ok(error instanceof ModelArtsError, `expected a ModelArtsError, got ${String(error)}`);
  assert.equal(error.kind, 'config');
  assert.equal(error.errorCode, 'InvalidInput');
  assert.match(error.message, /is not a region id; region ids look like cn-north-4/);
  return true;
}

describe('region ids', () => {
  test('only well-formed region ids are valid', () => {
    for (const region of ['cn-north-4', 'ap-southeast-1', 'la-north-2', 'cn-north-11']) {
      assert.ok(isValidRegionId(region), region);
    }
    for (const region of CRAFTED_REGIONS) {
      assert.ok(!isValidRegionId(region), region);
    }
  });

  test('a crafted region never becomes part of an endpoint, with or without an override', () => {
    for (const region of CRAFTED_REGIONS) {
      for (const service of SERVICE_NAMES) {
        assert.throws(() => endpointFor(service, region), refusedRegion, `${service} in ${region}`);
        assert.throws(() => endpointFor(service, region, { [service]: 'http://127.0.0.1:1' }), refusedRegion, `${service} in ${region}, overridden`);
      }
    }
  });

  test('the refusal quotes the bad value without anything markdown could turn into a link', () => {
    assert.throws(
      () => endpointFor('modelarts', '[Show](command:workbench.action.terminal.sendSequence?%7B%7D)'),
      (error: unknown) => error instanceof ModelArtsError && !/[[\]()]/.test(error.message) && error.message.includes('command:workbench.action.terminal.sendSequence'),
    );
  });
});

/** A plain HTTP server on a free loopback port, and its URL. */
async function listening(handler: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const closed = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

/** Clients whose every service answers at `url`, with the given key's secrets, trying each request once. */
function servicesAt(url: string, securityToken?: string): ModelArtsServices {
  return createServices({
    credentials: { accessKey: 'AKTESTTESTTESTTEST', secretKey: 'secret-key-for-tests', securityToken },
    endpointOverrides: Object.fromEntries(SERVICE_NAMES.map((service) => [service, url])),
    userAgent: 'modelarts-explorer-tests',
    retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  });
}

describe('a crafted region sends nothing', () => {
  let server: Server;
  let received: string[];
  let services: ModelArtsServices;
  before(async () => {
    received = [];
    let url: string;
    ({ server, url } = await listening((request, response) => {
      received.push(`${request.method ?? ''} ${request.url ?? ''}`);
      response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    }));
    services = servicesAt(url);
  });
  after(() => closed(server));

  test('the IAM project lookup, the signed client and the OBS client refuse it before any request', async () => {
    const region = 'x.attacker.test:9443/';
    await assert.rejects(services.client.projectId(region), refusedRegion);
    await assert.rejects(services.workspaces.list(region), refusedRegion);
    await assert.rejects(services.notebooks.list({ region, workspaceId: '0' }), refusedRegion);
    await assert.rejects(services.obs.listBuckets(region), refusedRegion);
    assert.deepEqual(received, []);
  });
});

describe('endpoint overrides', () => {
  test('https anywhere, and plain http only to a loopback host', () => {
    const { overrides, problems } = parseEndpointOverrides({
      modelarts: 'https://modelarts.private.example/api/',
      iam: 'http://127.0.0.1:8080',
      obs: 'http://localhost:9000',
      swr: 'http://[::1]:7000',
      vpc: 'http://127.1:6000',
      kms: 'http://127.255.0.3',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(overrides, {
      modelarts: 'https://modelarts.private.example/api',
      iam: 'http://127.0.0.1:8080',
      obs: 'http://localhost:9000',
      swr: 'http://[::1]:7000',
      vpc: 'http://127.0.0.1:6000',
      kms: 'http://127.255.0.3',
    });
  });

  test('plain http to any other host is reported and not used', () => {
    const refused = ['http://10.0.0.8:8080', 'http://127.0.0.1.attacker.test', 'http://127.attacker.test', 'http://localhost.attacker.test', 'http://[::2]', 'http://0.0.0.0:80'];
    for (const url of refused) {
      const { overrides, problems } = parseEndpointOverrides({ iam: url });
      assert.deepEqual(overrides, {}, url);
      assert.equal(problems.length, 1, url);
      assert.match(problems[0], /modelarts\.endpointOverrides\.iam must use https \(plain http only to localhost, 127\.0\.0\.0\/8 or ::1\)/);
    }
  });

  test('anything but a plain base URL is reported and not used', () => {
    for (const url of ['ftp://127.0.0.1', 'https://user:pass@modelarts.example', 'https://modelarts.example?x=1', 'https://modelarts.example#x', 'modelarts.example', 42]) {
      const { overrides, problems } = parseEndpointOverrides({ modelarts: url });
      assert.deepEqual(overrides, {}, String(url));
      assert.equal(problems.length, 1, String(url));
    }
  });
});

describe('a redirect sends nothing further', () => {
  let redirecting: Server;
  let elsewhere: Server;
  let reachedElsewhere: string[];
  let services: ModelArtsServices;
  before(async () => {
    reachedElsewhere = [];
    let elsewhereUrl: string;
    ({ server: elsewhere, url: elsewhereUrl } = await listening((request, response) => {
      reachedElsewhere.push(`${request.method ?? ''} ${request.url ?? ''}`);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"projects":[]}');
    }));
    let url: string;
    ({ server: redirecting, url } = await listening((request, response) => {
      response.writeHead(307, { location: `${elsewhereUrl}${request.url ?? '/'}` }).end();
    }));
    services = servicesAt(url, 'token-for-tests');
  });
  after(async () => {
    await closed(redirecting);
    await closed(elsewhere);
  });

  test('a signed request answered with a redirect fails with its status, and nothing reaches the Location', async () => {
    await assert.rejects(services.client.projectId('cn-north-4'), (error: unknown) => {
      assert.ok(error instanceof ModelArtsError, `expected a ModelArtsError, got ${String(error)}`);
      assert.equal(error.httpStatus, 307);
      assert.equal(error.errorCode, 'HTTP.307');
      return true;
    });
    assert.deepEqual(reachedElsewhere, []);
  });
});
