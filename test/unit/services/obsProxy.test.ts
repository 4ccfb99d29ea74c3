// Security regression: OBS requests honour VS Code's http.proxy as the signed client does. A real proxy on
// loopback counts what passes through it; the OBS endpoint is an address only the proxy can reach.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { type AddressInfo, connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { endpointOverridesFor } from '../../../emulator/server';
import { createServices, type ModelArtsServices } from '../../../src/services';
import { type Harness, startHarness } from './emulatorHarness';
import { SELF_SIGNED } from './selfSigned';

/** TEST-NET-1 (RFC 5737): never routed, so only the proxy, which sends it to the emulator, answers for it. */
const UNREACHABLE_OBS_HOST = '192.0.2.10';
const REGION = 'cn-north-4';

/** A CONNECT proxy that tunnels every connection to a loopback port (`portFor` the target asked for) and counts them. */
interface CountingProxy {
  readonly url: string;
  /** `host:port` of every tunnel asked for, in order. */
  readonly seen: string[];
  close(): Promise<void>;
}

async function startProxy(portFor: (target: string) => number): Promise<CountingProxy> {
  const seen: string[] = [];
  // Only tunnels are carried: a request sent to the proxy as to a server is counted and refused.
  const server: Server = createServer((request, response) => {
    seen.push(`not a tunnel: ${request.method} ${request.url}`);
    response.writeHead(502).end();
  });
  server.on('connect', (request, client, head) => {
    seen.push(request.url ?? '');
    const upstream = connect(portFor(request.url ?? ''), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('OBS through http.proxy', () => {
  let harness: Harness;
  let proxy: CountingProxy;
  let emulatorPort: number;
  /** A TLS server whose certificate no client trusts, standing in for an https OBS endpoint. */
  const untrusted = createTlsServer(SELF_SIGNED, (_request, response) => response.end('<ListAllMyBucketsResult/>'));
  let untrustedPort: number;
  const servicesWith = (obsEndpoint: string): ModelArtsServices =>
    createServices({
      credentials: { accessKey: harness.emulator.demo.ak, secretKey: harness.emulator.demo.sk },
      endpointOverrides: { ...endpointOverridesFor(harness.emulator.url), obs: obsEndpoint },
      proxyUrl: proxy.url,
      userAgent: 'modelarts-explorer-tests',
      timeoutMs: 3_000,
      retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });

  before(async () => {
    harness = await startHarness();
    emulatorPort = Number(new URL(harness.emulator.url).port);
    await new Promise<void>((resolve) => untrusted.listen(0, '127.0.0.1', resolve));
    untrustedPort = (untrusted.address() as AddressInfo).port;
    proxy = await startProxy((target) => (target.endsWith(`:${untrustedPort}`) ? untrustedPort : emulatorPort));
  });
  after(async () => {
    await proxy.close();
    untrusted.closeAllConnections();
    await new Promise((resolve) => untrusted.close(resolve));
    await harness.close();
  });

  it('sends every OBS request of a remote endpoint through the proxy: listings, a write and a read', async () => {
    const obs = servicesWith(`http://${UNREACHABLE_OBS_HOST}:${emulatorPort}`).obs;
    const before = harness.emulator.obs.requests.list().length;
    const buckets = await obs.listBuckets(REGION);
    assert.ok(buckets.length > 0, 'the demo buckets are listed through the proxy');
    await obs.createBucket(REGION, 'through-the-proxy', 'STANDARD');
    assert.equal(await obs.isEmpty(REGION, 'through-the-proxy'), true);
    const reached = harness.emulator.obs.requests.list().length - before;
    assert.equal(reached, 3, 'the emulator answered three OBS requests');
    // The proxy agent keeps no connection open: one tunnel per request.
    assert.deepEqual(proxy.seen, Array(3).fill(`${UNREACHABLE_OBS_HOST}:${emulatorPort}`));
  });

  it('tunnels to an https endpoint, and TLS inside the tunnel still checks the certificate', async () => {
    const seenBefore = proxy.seen.length;
    const obs = servicesWith(`https://${UNREACHABLE_OBS_HOST}:${untrustedPort}`).obs;
    await assert.rejects(obs.listBuckets(REGION), /network error: .*self[- ]signed/i);
    assert.deepEqual(proxy.seen.slice(seenBefore), [`${UNREACHABLE_OBS_HOST}:${untrustedPort}`]);
  });

  it('reaches a loopback endpoint (an emulator) directly, as the signed client does', async () => {
    const seenBefore = proxy.seen.length;
    const obs = servicesWith(harness.emulator.url).obs;
    assert.ok((await obs.listBuckets(REGION)).length > 0);
    assert.equal(proxy.seen.length, seenBefore, 'nothing went through the proxy');
  });
});
