import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { test } from 'node:test';
import { useEmulator } from './emulatorSession';

const TRANSITION_MS = 60_000;
const session = useEmulator(TRANSITION_MS);
const { advance } = session;

interface Answer {
  status: number;
  requestId: string | null;
  /** JSON of many shapes; each test asserts the parts it reads. */
  body: any;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const rfc3986 = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Signs per §9.1 by hand, independently of emulator/signature.ts. */
async function call(method: string, pathAndQuery: string, options: { body?: unknown; ak?: string; sk?: string; projectId?: string; intent?: 'refusal' } = {}): Promise<Answer> {
  const { emulator } = session;
  const url = new URL(pathAndQuery, emulator.url);
  const payload = options.body === undefined ? '' : JSON.stringify(options.body);
  const headers: Record<string, string> = { host: url.host, 'x-sdk-date': new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '') };
  if (payload) {
    headers['content-type'] = 'application/json';
  }
  if (options.projectId) {
    headers['x-project-id'] = options.projectId;
  }
  if (options.intent) {
    headers['x-emulator-intent'] = options.intent;
  }
  const canonicalUri = url.pathname.replace(/\/?$/, '/');
  const canonicalQuery = [...url.searchParams].map(([key, value]) => `${rfc3986(key)}=${rfc3986(value)}`).sort().join('&');
  const names = Object.keys(headers).sort();
  const canonical = [method, canonicalUri, canonicalQuery, names.map((n) => `${n}:${headers[n]}\n`).join(''), names.join(';'), sha256(payload)].join('\n');
  const signature = createHmac('sha256', options.sk ?? emulator.demo.sk)
    .update(`SDK-HMAC-SHA256\n${headers['x-sdk-date']}\n${sha256(canonical)}`)
    .digest('hex');
  const { host: _host, ...sent } = headers;
  const response = await fetch(url, {
    method,
    headers: { ...sent, Authorization: `SDK-HMAC-SHA256 Access=${options.ak ?? emulator.demo.ak}, SignedHeaders=${names.join(';')}, Signature=${signature}` },
    body: payload || undefined,
  });
  const text = await response.text();
  return { status: response.status, requestId: response.headers.get('x-request-id'), body: text ? JSON.parse(text) : undefined };
}

const project = (): string => session.emulator.projectId('cn-north-4');

test('IAM project lookup: one project per known region, none for others', async () => {
  const found = await call('GET', '/v3/projects?name=cn-north-4');
  assert.equal(found.status, 200);
  assert.match(found.requestId ?? '', /^[0-9a-f]{32}$/);
  assert.equal(found.body.projects.length, 1);
  const [cnNorth4] = found.body.projects;
  assert.match(cnNorth4.id, /^[0-9a-f]{32}$/);
  assert.equal(cnNorth4.id, project());
  assert.deepEqual([cnNorth4.name, cnNorth4.domain_id, cnNorth4.enabled, cnNorth4.is_domain], ['cn-north-4', session.emulator.demo.domainId, true, false]);
  assert.notEqual(session.emulator.projectId('cn-east-3'), cnNorth4.id);

  const unknown = await call('GET', '/v3/projects?name=eu-west-0');
  assert.equal(unknown.status, 200);
  assert.deepEqual(unknown.body.projects, []);
});

test('workspaces: the default one plus seeded ones; unknown id is ModelArts.7005', async () => {
  const list = await call('GET', `/v1/${project()}/workspaces`);
  assert.equal(list.status, 200);
  assert.equal(list.body.total_count, 3);
  const names = list.body.workspaces.map((w: { name: string }) => w.name).sort();
  assert.deepEqual(names, ['cv-team', 'default', 'nlp-research']);
  assert.ok(list.body.workspaces.some((w: { id: string }) => w.id === '0'));
  assert.ok(list.body.workspaces.filter((w: { id: string }) => w.id !== '0').every((w: { id: string }) => /^[0-9a-z]{32}$/.test(w.id)));

  const missing = await call('GET', `/v1/${project()}/workspaces/nope`);
  assert.equal(missing.status, 400);
  assert.equal(missing.body.error_code, 'ModelArts.7005');
});

test('notebook list pages by record offset and filters by workspace and status', async () => {
  const all = await call('GET', `/v1/${project()}/notebooks?limit=50`);
  assert.equal(all.status, 200);
  assert.equal(all.body.total, 30);
  const first = await call('GET', `/v1/${project()}/notebooks?offset=0&limit=10`);
  const second = await call('GET', `/v1/${project()}/notebooks?offset=10&limit=10`);
  assert.deepEqual([first.body.current, first.body.size, first.body.pages, second.body.current], [0, 10, 3, 1]);
  const ids = [...first.body.data, ...second.body.data].map((n: { id: string }) => n.id);
  assert.deepEqual(ids, all.body.data.slice(0, 20).map((n: { id: string }) => n.id));

  const inDefault = await call('GET', `/v1/${project()}/notebooks?workspace_id=0&limit=50`);
  assert.ok(inDefault.body.total > 0 && inDefault.body.total < 30);
  assert.ok(inDefault.body.data.every((n: { workspace_id: string }) => n.workspace_id === '0'));

  const running = await call('GET', `/v1/${project()}/notebooks?status=RUNNING&name=bert&limit=50`);
  assert.deepEqual(running.body.data.map((n: { name: string; status: string }) => `${n.name}:${n.status}`), ['bert-finetune-zh:RUNNING']);
});

test('notebook lifecycle: create, run, stop, start, delete', async () => {
  const created = await call('POST', `/v1/${project()}/notebooks`, {
    projectId: project(),
    body: {
      name: 'lifecycle-nb',
      flavor: 'modelarts.vm.cpu.2u',
      image_id: 'e1a07296-22a8-4f05-8bc8-e936c8e54090',
      volume: { category: 'EVS', ownership: 'MANAGED', capacity: 50 },
      workspace_id: '0',
      endpoints: [{ service: 'SSH', key_pair_names: ['kp-1'] }],
    },
  });
  assert.equal(created.status, 201);
  const id: string = created.body.id;
  assert.match(id, /^[0-9a-f-]{36}$/);
  assert.equal(created.body.status, 'CREATING');
  assert.equal(created.body.url, `${session.emulator.url}/__emulator/jupyter/${id}`);
  assert.equal(created.body.volume.capacity, 50);
  assert.deepEqual(created.body.endpoints[1].key_pair_names, ['kp-1']);
  assert.equal(typeof created.body.create_at, 'number');

  advance();
  assert.equal((await call('GET', `/v1/${project()}/notebooks/${id}`)).body.status, 'RUNNING');
  assert.equal((await call('POST', `/v1/${project()}/notebooks/${id}/start`)).body.error_code, 'ModelArts.6357');

  const stopping = await call('POST', `/v1/${project()}/notebooks/${id}/stop`);
  assert.deepEqual([stopping.status, stopping.body.status], [200, 'STOPPING']);
  advance();
  assert.equal(session.emulator.state.notebookStatus(id), 'STOPPED');
  const stopAgain = await call('POST', `/v1/${project()}/notebooks/${id}/stop`);
  assert.deepEqual([stopAgain.status, stopAgain.body.error_code], [400, 'ModelArts.6357']);

  const starting = await call('POST', `/v1/${project()}/notebooks/${id}/start`);
  assert.equal(starting.body.status, 'STARTING');
  advance();
  assert.equal(session.emulator.state.notebookStatus(id), 'RUNNING');

  const deleting = await call('DELETE', `/v1/${project()}/notebooks/${id}`);
  assert.deepEqual([deleting.status, deleting.body.status], [200, 'DELETING']);
  advance();
  const gone = await call('GET', `/v1/${project()}/notebooks/${id}`);
  assert.deepEqual([gone.status, gone.body.error_code], [400, 'ModelArts.6309']);
});

test('statuses also advance in real time (the machine clock moving on, without clock.advance)', async (t) => {
  const created = await call('POST', `/v1/${project()}/notebooks`, {
    body: { name: 'realtime-nb', flavor: 'modelarts.vm.cpu.2u', image_id: 'e1a07296-22a8-4f05-8bc8-e936c8e54090', volume: { category: 'EVS', ownership: 'MANAGED' } },
  });
  assert.equal(created.body.status, 'CREATING');
  // Moving the machine clock rather than waiting for it: a transition of real time passes at once.
  const realNow = Date.now;
  t.mock.method(Date, 'now', () => realNow() + TRANSITION_MS + 1);
  assert.equal((await call('GET', `/v1/${project()}/notebooks/${created.body.id}`)).body.status, 'RUNNING');
});

test('notebook create validation names the field', async () => {
  const base = { name: 'ok-name', flavor: 'modelarts.vm.cpu.2u', image_id: 'e1a07296-22a8-4f05-8bc8-e936c8e54090', volume: { category: 'EVS', ownership: 'MANAGED' } };
  // A missing ownership breaks the SDK's VolumeMountRequest: refused on purpose.
  const cases: [Record<string, unknown>, string, string, 'refusal'?][] = [
    [{ ...base, flavor: undefined }, 'ModelArts.0101', 'flavor'],
    [{ ...base, name: 'bad name!' }, 'ModelArts.0101', 'name'],
    [{ ...base, volume: { category: 'EVS' } }, 'ModelArts.0101', 'volume.ownership', 'refusal'],
    [{ ...base, duration: 60_000 }, 'ModelArts.0101', 'duration'],
    [{ ...base, workspace_id: 'missing' }, 'ModelArts.7005', 'missing'],
  ];
  for (const [body, code, field, intent] of cases) {
    const answer = await call('POST', `/v1/${project()}/notebooks`, { body, intent });
    assert.equal(answer.status, 400, JSON.stringify(body));
    assert.equal(answer.body.error_code, code);
    assert.ok(answer.body.error_msg.includes(field), answer.body.error_msg);
  }
});

test('flavors and images catalogues', async () => {
  const flavors = await call('GET', `/v1/${project()}/notebooks/flavors?category=GPU`);
  assert.equal(flavors.status, 200);
  assert.ok(flavors.body.total >= 2);
  for (const flavor of flavors.body.data) {
    assert.equal(flavor.category, 'GPU');
    assert.equal(typeof flavor.gpu.gpu, 'number');
    assert.equal(typeof flavor.memory, 'number');
  }
  const images = await call('GET', `/v1/${project()}/images`);
  assert.ok(images.body.total >= 3);
  assert.ok(images.body.data.every((image: { type: string; swr_path: string }) => image.type === 'BUILD_IN' && image.swr_path.startsWith('swr.cn-north-4.')));
});

test('project checks: foreign project 403, X-Project-Id mismatch 400, unknown API 404', async () => {
  session.emulator.addAccount('CANARYAK000000000001', 'canary-secret');
  const canaryProject = session.emulator.projectId('cn-north-4', 'CANARYAK000000000001');
  const canary = { ak: 'CANARYAK000000000001', sk: 'canary-secret' };

  const own = await call('GET', `/v1/${canaryProject}/notebooks`, canary);
  assert.deepEqual([own.status, own.body.total], [200, 0]);

  const foreign = await call('GET', `/v1/${project()}/notebooks`, canary);
  assert.equal(foreign.status, 403);
  assert.equal(foreign.body.error_code, 'APIG.0302');
  assert.equal(foreign.body.request_id, foreign.requestId);

  const mismatch = await call('GET', `/v1/${project()}/notebooks`, { projectId: canaryProject });
  assert.deepEqual([mismatch.status, mismatch.body.error_code], [400, 'ModelArts.0101']);

  const unknown = await call('GET', `/v1/${project()}/no-such-thing`, { intent: 'refusal' });
  assert.equal(unknown.status, 404);
});
