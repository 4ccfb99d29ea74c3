import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ModelArtsError } from '../../../src/services/errors';
import { agencyNameProblem, authorizationUserProblem } from '../../../src/services/management';
import { type Harness, startHarness } from './emulatorHarness';

const REGION = 'cn-north-4';
const USER_ID = '0123456789abcdef0123456789abcdef';

describe('workspace adapter', () => {
  let harness: Harness;
  const workspaces = () => harness.services.workspaces;
  const lastBody = (method: string): unknown => JSON.parse(harness.emulator.requests.list({ method, path: '/workspaces' }).at(-1)?.body ?? 'null');

  before(async () => {
    harness = await startHarness();
  });
  after(() => harness.close());

  test('create sends access and grants as given; show returns them', async () => {
    const request = { name: 'ws-adapter', description: 'd', auth_type: 'INTERNAL' as const, grants: [{ user_id: USER_ID }] };
    const created = await workspaces().create(REGION, request);
    assert.deepEqual(lastBody('POST'), request);
    const shown = await workspaces().get(REGION, created.id);
    assert.equal(shown.auth_type, 'INTERNAL');
    assert.deepEqual(shown.grants?.map((grant) => grant.user_id), [USER_ID]);
  });

  test('update sends only the fields given', async () => {
    const { id } = await workspaces().create(REGION, { name: 'ws-adapter-update', description: '', auth_type: 'PUBLIC', grants: [] });
    await workspaces().update(REGION, id, { auth_type: 'PRIVATE' });
    assert.deepEqual(lastBody('PUT'), { auth_type: 'PRIVATE' });
    const shown = await workspaces().get(REGION, id);
    assert.deepEqual([shown.name, shown.auth_type], ['ws-adapter-update', 'PRIVATE']);
  });

  test('a name the API refuses is refused before any request', async () => {
    const before = harness.emulator.requests.count({ path: '/workspaces' });
    const invalid = (error: unknown) => error instanceof ModelArtsError && error.errorCode === 'InvalidInput';
    await assert.rejects(workspaces().create(REGION, { name: 'default', description: '', auth_type: 'PUBLIC', grants: [] }), invalid);
    await assert.rejects(workspaces().update(REGION, 'a'.repeat(32), { name: 'ab' }), invalid);
    assert.equal(harness.emulator.requests.count({ path: '/workspaces' }), before);
  });
});

describe('management adapter', () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness();
  });
  after(() => harness.close());

  test('an agency authorization names its user type: iam for a user, all-users for "all"; the input is held to the SDK\'s rules', async () => {
    const { management } = harness.services;
    await management.addAgencyAuthorization(REGION, USER_ID, 'modelarts_agency');
    await management.addAgencyAuthorization(REGION, 'all', 'modelarts_agency');
    const bodies = harness.emulator.requests.list({ method: 'POST', path: '/authorizations' }).map((entry) => JSON.parse(entry.body ?? '{}'));
    assert.deepEqual(bodies.map((body) => [body.user_id, body.user_type]), [
      [USER_ID, 'iam'],
      ['all', 'all-users'],
    ]);
    assert.deepEqual((await management.listAuthorizations(REGION)).map((entry) => entry.user_type), ['all-users', 'iam'], 'by user name, as the API sorts them');
    assert.deepEqual([authorizationUserProblem('all'), authorizationUserProblem(USER_ID)], [undefined, undefined]);
    assert.ok(authorizationUserProblem('ab') && authorizationUserProblem('has space') && authorizationUserProblem('x'.repeat(33)));
    assert.ok(agencyNameProblem('') && agencyNameProblem('a'.repeat(65)));
    assert.equal(agencyNameProblem('ma_agency_ops'), undefined);
  });
});
