import assert from 'node:assert/strict';
import { test } from 'node:test';
import { userIdOf } from '../../emulator/areas/devServerModel';
import { signedRequest, type SignedRequestOptions } from '../../emulator/signedClient';
import { assertError, REFUSAL, useEmulator } from './emulatorSession';

const TRANSITION_MS = 60_000;
const session = useEmulator(TRANSITION_MS);
const { advance } = session;
type Json = any;
/** The answers here are read loosely, as Json. */
const api = (method: string, path: string, options?: SignedRequestOptions) => session.api<Json>(method, path, options);
const WS = '/v1/{project_id}/workspaces';

test('workspace create → show/list → update → delete (DELETING, then gone)', async () => {
  const created = await api('POST', WS, { body: { name: 'ws-lifecycle', description: 'first', auth_type: 'PRIVATE', grants: [{ user_name: 'ops-admin' }] } });
  assert.equal(created.status, 200, created.text);
  const id: string = created.body.id;
  assert.match(id, /^[0-9a-z]{32}$/);
  assert.equal(created.body.status, 'NORMAL');
  assert.equal(created.body.auth_type, 'PRIVATE');
  assert.deepEqual(created.body.grants, [{ user_id: userIdOf('ops-admin'), user_name: 'ops-admin' }]);
  assert.equal(created.body.owner, 'modelarts-demo');

  const listed = await api('GET', WS, { query: { name: 'lifecycle' } });
  assert.equal(listed.body.total_count, 1);
  assert.equal(listed.body.workspaces[0].id, id);

  session.emulator.clock.advance(5000);
  const updated = await api('PUT', `${WS}/${id}`, { body: { name: 'ws-lifecycle-2', description: 'second', auth_type: 'PUBLIC', grants: [] } });
  assert.equal(updated.status, 200, updated.text);
  assert.deepEqual(updated.body, { workspace_id: id });
  const shown = await api('GET', `${WS}/${id}`);
  assert.equal(shown.body.name, 'ws-lifecycle-2');
  assert.equal(shown.body.description, 'second');
  assert.equal(shown.body.auth_type, 'PUBLIC');
  assert.deepEqual(shown.body.grants, []);
  assert.equal(listed.body.workspaces[0].grants, undefined, 'the list has no grants (the SDK\'s WorkspaceResponse)');
  assert.ok(shown.body.update_time > shown.body.create_time);

  const deleted = await api('DELETE', `${WS}/${id}`);
  assert.deepEqual(deleted.body, { workspace_id: id });
  assert.equal((await api('GET', `${WS}/${id}`)).body.status, 'DELETING');
  assertError(await api('PUT', `${WS}/${id}`, { body: { description: 'x' } }), 400, 'ModelArts.7004');
  assertError(await api('DELETE', `${WS}/${id}`), 400, 'ModelArts.7004');
  // Its quotas and (empty) notebook list can be read, its quotas not changed.
  assert.equal((await api('GET', `${WS}/${id}/quotas`)).status, 200);
  assertError(await api('PUT', `${WS}/${id}/quotas`, { body: { quotas: [{ resource: 'notebook.instance_count', quota: 5 }] } }), 400, 'ModelArts.7004');
  assert.equal((await api('GET', '/v1/{project_id}/notebooks', { query: { workspace_id: id } })).body.total, 0);
  advance();
  // Gone everywhere, also for areas that validate workspace ids.
  assertError(await api('GET', '/v1/{project_id}/notebooks', { query: { workspace_id: id } }), 400, 'ModelArts.7005');
  assertError(await api('GET', `${WS}/${id}`), 400, 'ModelArts.7005');
  assert.ok(!(await api('GET', WS)).body.workspaces.some((w: { id: string }) => w.id === id));
  // The name is free again.
  const again = await api('POST', WS, { body: { name: 'ws-lifecycle-2' } });
  assert.equal(again.status, 200, again.text);
  assert.equal(again.body.auth_type, 'PUBLIC');
});

test('workspace access: the list returns auth_type, show the grants with their user type; a PUT keeps what it does not name', async () => {
  const listed = (await api('GET', WS, { query: { name: 'cv-team' } })).body.workspaces[0];
  assert.deepEqual([listed.auth_type, listed.grants], ['INTERNAL', undefined]);
  assert.deepEqual((await api('GET', `${WS}/${listed.id}`)).body.grants, [
    { user_id: userIdOf('cv-annotator'), user_name: 'cv-annotator', user_type: 'IAM' },
    { user_id: userIdOf('cv-reviewer'), user_name: 'cv-reviewer', user_type: 'IAM' },
  ]);
  const grants = [{ user_id: 'ab'.repeat(16) }, { user_name: 'alice@corp', user_type: 'FEDERATE' }];
  const created = await api('POST', WS, { body: { name: '视觉实验室', auth_type: 'INTERNAL', grants, enterprise_project_id: '0' } });
  assert.equal(created.status, 200, created.text);
  assert.deepEqual(
    created.body.grants.map((grant: Json) => Object.keys(grant).sort()),
    [
      ['user_id', 'user_name'],
      ['user_id', 'user_name'],
    ],
    'the create answer\'s grants have no user type (the SDK\'s CreateWorkspaceResponseBodyGrants)',
  );
  const id: string = created.body.id;
  assert.equal((await api('PUT', `${WS}/${id}`, { body: { description: 'Only the description' } })).status, 200);
  const shown = (await api('GET', `${WS}/${id}`)).body;
  assert.deepEqual([shown.name, shown.description, shown.auth_type], ['视觉实验室', 'Only the description', 'INTERNAL']);
  assert.deepEqual(shown.grants, [
    { user_id: 'ab'.repeat(16), user_name: `iam-user-${'ab'.repeat(3)}`, user_type: 'IAM' },
    { user_id: userIdOf('alice@corp'), user_name: 'alice@corp', user_type: 'FEDERATE' },
  ]);
  assertError(await api('PUT', `${WS}/${id}`, { body: { grants: [{ user_name: 'bob', user_type: 'ROBOT' }] } }), 400, 'ModelArts.0101', /user_type/);
  assertError(await api('PUT', `${WS}/${id}`, { body: { description: 'd'.repeat(257) } }), 400, 'ModelArts.0101');
  assertError(await api('PUT', `${WS}/${id}`, { body: { grants: [{}] } }), 400, 'ModelArts.0101');
  assertError(await api('PUT', `${WS}/${id}`, { body: { auth_type: 'internal' } }), 400, 'ModelArts.0101');
  assert.equal((await api('DELETE', `${WS}/${id}`)).status, 200);
});

test('workspace errors: names, reserved default, duplicates, default workspace, non-empty, unknown id', async () => {
  for (const name of ['abc', 'has space', 'x'.repeat(65), 'ws.dot']) {
    assertError(await api('POST', WS, { body: { name } }), 400, 'ModelArts.0101');
  }
  assertError(await api('POST', WS, { body: { name: 'default' } }), 400, 'ModelArts.0101');
  assertError(await api('POST', WS, { body: {}, headers: REFUSAL }), 400, 'ModelArts.0101', /requires name/);
  assertError(await api('POST', WS, { body: { name: 'nlp-research' } }), 400, 'ModelArts.7001');
  assertError(await api('POST', WS, { body: { name: 'ws-bad-auth', auth_type: 'SECRET' } }), 400, 'ModelArts.0101');
  assertError(await api('DELETE', `${WS}/0`), 400, 'ModelArts.7003');
  assertError(await api('PUT', `${WS}/0`, { body: { name: 'renamed' } }), 400, 'ModelArts.7003');
  const nlp = (await api('GET', WS, { query: { name: 'nlp-research' } })).body.workspaces[0];
  assertError(await api('PUT', `${WS}/${nlp.id}`, { body: { name: 'cv-team' } }), 400, 'ModelArts.7001');
  // Seeded workspaces hold notebooks and jobs.
  assertError(await api('DELETE', `${WS}/${nlp.id}`), 400, 'ModelArts.7006');
  const missing = 'f'.repeat(32);
  assertError(await api('GET', `${WS}/${missing}`), 400, 'ModelArts.7005');
  assertError(await api('PUT', `${WS}/${missing}`, { body: { description: 'x' } }), 400, 'ModelArts.7005');
  assertError(await api('DELETE', `${WS}/${missing}`), 400, 'ModelArts.7005');
  assertError(await api('GET', `${WS}/${missing}/quotas`), 400, 'ModelArts.7005');
  // Sorting and the default listing still work.
  const all = await api('GET', WS, { query: { sort_by: 'name', order: 'asc' } });
  const names = all.body.workspaces.map((w: { name: string }) => w.name);
  assert.deepEqual(names, [...names].sort());
  assert.ok(names.includes('default'));
});

test('quotas: used counts from the workspace, updates within bounds', async () => {
  const nlp = (await api('GET', WS, { query: { name: 'nlp-research' } })).body.workspaces[0];
  const quotas = await api('GET', `${WS}/${nlp.id}/quotas`);
  assert.equal(quotas.status, 200, quotas.text);
  const byResource = new Map<string, Json>(quotas.body.quotas.map((q: { resource: string }) => [q.resource, q]));
  for (const quota of byResource.values()) {
    for (const key of ['resource', 'quota', 'min_quota', 'max_quota', 'name_en', 'unit_en', 'name_cn', 'unit_cn', 'update_time']) {
      assert.ok(key in quota, `${quota.resource} has ${key}`);
    }
    assert.ok('used_quota' in quota);
  }
  const notebooks = await api('GET', '/v1/{project_id}/notebooks', { query: { workspace_id: nlp.id, limit: 50 } });
  assert.equal(byResource.get('notebook.instance_count').used_quota, notebooks.body.total);
  assert.equal(byResource.get('pool.instance_count').used_quota, 1);
  assert.equal(byResource.get('exemlProject.gpu_duration').quota, -1);
  assert.equal(byResource.get('exemlProject.gpu_duration').used_quota, null);
  assert.equal(byResource.get('notebook.instance_count').update_time, nlp.create_time);

  session.emulator.clock.advance(1000);
  const put = await api('PUT', `${WS}/${nlp.id}/quotas`, {
    body: {
      quotas: [
        { resource: 'notebook.instance_count', quota: 20 },
        { resource: 'exemlProject.gpu_duration', quota: 600 },
      ],
    },
  });
  assert.equal(put.status, 200, put.text);
  assert.deepEqual(
    put.body.quotas.map((q: { resource: string; quota: number }) => [q.resource, q.quota]),
    [
      ['notebook.instance_count', 20],
      ['exemlProject.gpu_duration', 600],
    ],
  );
  const after = new Map<string, Json>((await api('GET', `${WS}/${nlp.id}/quotas`)).body.quotas.map((q: { resource: string }) => [q.resource, q]));
  assert.equal(after.get('notebook.instance_count').quota, 20);
  assert.ok(after.get('notebook.instance_count').update_time > nlp.create_time);
  assert.equal(after.get('exemlProject.gpu_duration').used_quota, 0);

  const tooBig = await api('PUT', `${WS}/${nlp.id}/quotas`, { body: { quotas: [{ resource: 'notebook.instance_count', quota: 100000 }] } });
  assertError(tooBig, 400, 'ModelArts.0101');
  assertError(await api('PUT', `${WS}/${nlp.id}/quotas`, { body: { quotas: [{ resource: 'gpu.magic', quota: 1 }] } }), 400, 'ModelArts.0101');
  assertError(await api('PUT', `${WS}/${nlp.id}/quotas`, { body: { quotas: [] } }), 400, 'ModelArts.0101');
  // A rejected batch changes nothing.
  await api('PUT', `${WS}/${nlp.id}/quotas`, { body: { quotas: [{ resource: 'service.instance_count', quota: 3 }, { resource: 'pool.instance_count', quota: -2 }] } });
  const unchanged = (await api('GET', `${WS}/${nlp.id}/quotas`)).body.quotas.find((q: { resource: string }) => q.resource === 'service.instance_count');
  assert.equal(unchanged.quota, 20);
});

test('authorizations: add, list (secret key masked), replace, delete', async () => {
  const path = '/v2/{project_id}/authorizations';
  assert.deepEqual((await api('GET', path)).body, { total_count: 0, auth: [] });
  const ops = userIdOf('ops-admin');
  const added = await api('POST', path, { body: { user_id: 'all', type: 'agency', content: 'modelarts_agency' } });
  assert.equal(added.status, 200, added.text);
  assert.deepEqual(added.body, {});
  session.emulator.clock.advance(10);
  const secret = 'SuperSecretKeyNeverEchoed0000000000000000';
  assert.equal((await api('POST', path, { body: { user_id: ops, type: 'credential', content: 'AKEXAMPLE00000000001', secret_key: secret } })).status, 200);

  const listed = await api('GET', path, { query: { sort_by: 'create_time', order: 'DESC' } });
  assert.equal(listed.body.total_count, 2);
  assert.ok(!listed.text.includes(secret), 'the secret key is never echoed');
  const [newest, oldest] = listed.body.auth;
  assert.equal(newest.user_id, ops);
  assert.equal(newest.user_name, 'ops-admin');
  assert.equal(newest.user_type, 'iam');
  assert.equal(newest.type, 'credential');
  assert.equal(newest.content, 'AKEXAMPLE00000000001');
  assert.equal(newest.secret_key, '******');
  assert.equal(oldest.user_id, 'all');
  assert.equal(oldest.user_type, 'all-users');
  assert.ok(!('secret_key' in oldest));
  assert.ok(typeof oldest.create_time === 'number');
  const byName = await api('GET', path, { query: { limit: 1 } });
  assert.equal(byName.body.total_count, 2);
  assert.deepEqual(byName.body.auth.map((a: { user_name: string }) => a.user_name), ['all-users'], 'by user name, ascending, unless asked otherwise (the SDK\'s defaults)');
  assertError(await api('POST', path, { body: { user_id: ops, user_type: 'all-users', type: 'agency', content: 'x' } }), 400, 'ModelArts.0101', /user_id/);

  // One authorization per user: a second POST replaces it.
  await api('POST', path, { body: { user_id: ops, type: 'agency', content: 'ma_agency_ops' } });
  const replaced = (await api('GET', path)).body.auth.find((a: { user_id: string }) => a.user_id === ops);
  assert.equal(replaced.type, 'agency');
  assert.ok(!('secret_key' in replaced));

  assertError(await api('POST', path, { body: { user_id: ops, type: 'credential', content: 'AK' } }), 400, 'ModelArts.0101');
  assertError(await api('POST', path, { body: { user_id: ops, type: 'token', content: 'x' } }), 400, 'ModelArts.0101');
  assertError(await api('POST', path, { body: { user_id: 'not-an-id', type: 'agency', content: 'x' } }), 400, 'ModelArts.0101');
  assertError(await api('DELETE', path), 400, 'ModelArts.0101');
  assertError(await api('DELETE', path, { query: { user_id: 'a'.repeat(32) } }), 400, 'ModelArts.0104');

  assert.deepEqual((await api('DELETE', path, { query: { user_id: ops } })).body, {});
  assert.deepEqual((await api('GET', path)).body.auth.map((a: { user_id: string }) => a.user_id), ['all']);
  await api('DELETE', path, { query: { user_id: 'all' } });
  assert.equal((await api('GET', path)).body.total_count, 0);

  const agency = await api('POST', '/v2/{project_id}/agency', { body: { agency_name_suffix: 'iam-user01' } });
  assert.deepEqual(agency.body, { agency_name: 'ma_agency_iam-user01' });
  assert.deepEqual((await api('POST', '/v2/{project_id}/agency', { body: {} })).body, { agency_name: 'modelarts_agency' });
  assertError(await api('POST', '/v2/{project_id}/agency', { body: { agency_name_suffix: 'x'.repeat(51) } }), 400, 'ModelArts.0101', /50/);
});

test('auth mode: account-scoped get and put', async () => {
  const { emulator } = session;
  const shown = await api('GET', '/v1/auth-mode');
  assert.deepEqual(shown.body, { domain_id: emulator.demo.domainId, mode: 'strict' });
  const put = await api('PUT', '/v1/auth-mode', { body: { mode: 'loose' } });
  assert.equal(put.status, 200, put.text);
  assert.equal((await api('GET', '/v1/auth-mode')).body.mode, 'loose');
  assertError(await api('PUT', '/v1/auth-mode', { body: { mode: 'open' } }), 400, 'ModelArts.0101');

  // Another account keeps its own mode.
  emulator.addAccount('OTHERACCOUNTAK000001', 'OtherSecretKey000000000000000000000000001');
  const other = await signedRequest<Json>({ url: emulator.url, ak: 'OTHERACCOUNTAK000001', sk: 'OtherSecretKey000000000000000000000000001' }, 'GET', '/v1/auth-mode');
  assert.equal(other.body.mode, 'strict');
  assert.notEqual(other.body.domain_id, emulator.demo.domainId);
  await api('PUT', '/v1/auth-mode', { body: { mode: 'strict' } });
});

test('scheduled events: seeded list, filters, accept (inquiring → scheduled → executing → completed)', async () => {
  const path = '/v1/{project_id}/scheduled-events';
  const all = await api('GET', path);
  assert.equal(all.status, 200, all.text);
  assert.equal(all.body.count, 4);
  const events: Json[] = all.body.events;
  assert.deepEqual(events.map((e) => e.state).sort(), ['completed', 'inquiring', 'inquiring', 'scheduled']);
  const redeploy = events.find((e) => e.type === 'node_redeploy');
  assert.equal(redeploy.poolDisplayName, 'pool-gpu-v100');
  assert.equal(redeploy.instanceType, 'standard');
  const node = await api('GET', `/v2/{project_id}/pools/${redeploy.poolName}/nodes/${redeploy.nodeName}`);
  assert.equal(node.status, 200, 'the event names a real node');
  assert.equal(node.body.status.phase, 'Abnormal');
  const maintenance = events.find((e) => e.type === 'system-maintenance');
  assert.equal(maintenance.instanceType, 'devserver');
  assert.equal((await api('GET', `/v1/{project_id}/dev-servers/${maintenance.instanceId}`)).body.name, 'lite-a800-train-01');

  assert.equal((await api('GET', path, { query: { state: 'inquiring' } })).body.count, 2);
  assert.equal((await api('GET', path, { query: { state: 'inquiring,scheduled' } })).body.count, 3, 'state is a list');
  const published = events.map((e) => e.publishTime).sort();
  assert.equal((await api('GET', path, { query: { publishStartTime: published[2] } })).body.count, 2, 'published since the third one');
  assertError(await api('GET', path, { query: { publishStartTime: String(Date.parse(published[1])) } }), 400, 'ModelArts.50004000', /UTC time/);
  assert.equal((await api('GET', path, { query: { type: 'node_reboot' } })).body.events[0].state, 'completed');
  assert.equal((await api('GET', path, { query: { poolName: 'pool-cpu-etl' } })).body.events[0].type, 'localdisk-recovery');
  const paged = await api('GET', path, { query: { offset: 1, limit: 2 } });
  assert.equal(paged.body.count, 4);
  assert.deepEqual(paged.body.events.map((e: { id: string }) => e.id), events.slice(1, 3).map((e) => e.id));
  assertError(await api('GET', path, { query: { limit: 101 } }), 400, 'ModelArts.50004000');
  assertError(await api('GET', path, { query: { state: 'sleeping' } }), 400, 'ModelArts.50004000');

  const notBefore = new Date(session.emulator.clock.now() + 10 * TRANSITION_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const accepted = await api('POST', `${path}/${redeploy.id}/accept`, { body: { notBefore } });
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal(accepted.body.state, 'scheduled');
  assert.equal(accepted.body.notBefore, notBefore);
  assertError(await api('POST', `${path}/${redeploy.id}/accept`, { body: {} }), 400, 'ModelArts.50004000');
  advance(10);
  assert.equal((await api('GET', path, { query: { id: redeploy.id } })).body.events[0].state, 'executing');
  advance();
  const done = (await api('GET', path, { query: { id: redeploy.id } })).body.events[0];
  assert.equal(done.state, 'completed');
  assert.ok(done.finishTime);

  assertError(await api('POST', `${path}/${maintenance.id}/accept`, { body: { notBefore: 'tomorrow' } }), 400, 'ModelArts.50004000');
  // Without a body: scheduled now, for at least one transition.
  const accepting = await api('POST', `${path}/${maintenance.id}/accept`);
  assert.equal(accepting.status, 200, accepting.text);
  assert.equal(accepting.body.state, 'scheduled');
  assert.ok(accepting.body.startTime);
  const completed = events.find((e) => e.state === 'completed');
  assertError(await api('POST', `${path}/${completed.id}/accept`, { body: {} }), 400, 'ModelArts.50004000');
  assertError(await api('POST', `${path}/${'0'.repeat(8)}/accept`, { body: {} }), 404, 'ModelArts.50015001');
});

test('other regions and accounts start without events', async () => {
  const other = { ...session.client, projectId: session.emulator.projectId('cn-east-3') };
  const answer = await signedRequest<Json>(other, 'GET', '/v1/{project_id}/scheduled-events');
  assert.deepEqual(answer.body, { events: [], count: 0 });
});
