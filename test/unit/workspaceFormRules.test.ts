import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Workspace } from '../../src/services/workspaces';
import type { WorkspaceGrantRow } from '../../src/webviews/protocol';
import { emptyWorkspaceForm, toCreateWorkspaceBody, toWorkspaceUpdate, validateWorkspaceForm, workspaceToFormValues } from '../../src/webviews/workspaceFormRules';

const ANNOTATOR = '0123456789abcdef0123456789abcdef';
const REVIEWER = 'fedcba9876543210fedcba9876543210';

const internal: Workspace = {
  id: 'a'.repeat(32),
  name: 'cv-team',
  description: 'Computer vision projects',
  owner: 'modelarts-demo',
  status: 'NORMAL',
  auth_type: 'INTERNAL',
  grants: [{ user_id: ANNOTATOR, user_name: 'cv-annotator' }],
  enterprise_project_id: '0',
};

describe('Workspace form rules', () => {
  test('a named workspace passes; names follow §6.1 (4–64 characters, "default" reserved)', () => {
    const valid = { ...emptyWorkspaceForm(), name: 'vision-lab' };
    assert.deepEqual(validateWorkspaceForm(valid), {});
    assert.deepEqual(validateWorkspaceForm({ ...valid, name: '视觉实验室' }), {}, 'Chinese characters are allowed');
    for (const name of ['', 'abc', 'x'.repeat(65), 'has space', 'ws.dot']) {
      assert.equal(validateWorkspaceForm({ ...valid, name }).name, 'Use 4 to 64 letters, digits, hyphens (-) or underscores (_).', name);
    }
    assert.equal(validateWorkspaceForm({ ...valid, name: 'Default' }).name, '"default" is reserved for the default workspace.');
    assert.equal(validateWorkspaceForm({ ...valid, name: 'x'.repeat(64) }).name, undefined);
  });

  test('descriptions have at most 256 characters; an enterprise project id is optional', () => {
    const valid = { ...emptyWorkspaceForm(), name: 'vision-lab' };
    assert.equal(validateWorkspaceForm({ ...valid, description: 'd'.repeat(256) }).description, undefined);
    assert.equal(validateWorkspaceForm({ ...valid, description: 'd'.repeat(257) }).description, 'Use at most 256 characters (now 257).');
    assert.equal(validateWorkspaceForm({ ...valid, enterpriseProjectId: '0' }).enterpriseProjectId, undefined);
    assert.equal(validateWorkspaceForm({ ...valid, enterpriseProjectId: '2b1c3d4e-0000-4000-8000-0123456789ab' }).enterpriseProjectId, undefined);
    assert.ok(validateWorkspaceForm({ ...valid, enterpriseProjectId: 'my project' }).enterpriseProjectId);
  });

  test('granted users are checked for Internal access only: an id or a name each, ids of 32 hex characters, no one twice', () => {
    const rows = [{ userId: 'not-an-id', userName: '', userType: 'IAM' as const }];
    const form = { ...emptyWorkspaceForm(), name: 'vision-lab', grants: rows };
    assert.deepEqual(validateWorkspaceForm({ ...form, access: 'PRIVATE' }), {}, 'rows kept while Private is chosen are not checked');
    assert.equal(validateWorkspaceForm({ ...form, access: 'INTERNAL' }).grants, 'User 1: an IAM user ID has 32 hexadecimal characters.');
    const internalForm = (grants: WorkspaceGrantRow[]) => validateWorkspaceForm({ ...form, access: 'INTERNAL', grants }).grants;
    assert.equal(internalForm([]), undefined, 'Internal without users leaves the workspace to its creator and the primary account');
    assert.equal(internalForm([{ userId: ANNOTATOR, userName: '', userType: 'IAM' }, { userId: '', userName: 'cv-reviewer', userType: 'IAM' }]), undefined);
    assert.equal(internalForm([{ userId: ANNOTATOR, userName: '', userType: 'IAM' }, { userId: ' ', userName: '', userType: 'IAM' }]), 'User 2: enter a user ID or a user name.');
    assert.equal(internalForm([{ userId: ANNOTATOR, userName: 'a', userType: 'IAM' }, { userId: ANNOTATOR.toUpperCase(), userName: 'b', userType: 'IAM' }]), `User 2: ${ANNOTATOR.toUpperCase()} is already granted.`);
  });

  test('federated users and agencies are granted with their type; only IAM user ids are held to 32 hex characters', () => {
    const form = { ...emptyWorkspaceForm(), name: 'vision-lab', access: 'INTERNAL' as const };
    const grants: WorkspaceGrantRow[] = [
      { userId: '', userName: 'alice@corp', userType: 'FEDERATE' },
      { userId: 'agency-7f3a', userName: '', userType: 'AGENCY' },
      { userId: ANNOTATOR, userName: '', userType: 'IAM' },
    ];
    assert.equal(validateWorkspaceForm({ ...form, grants }).grants, undefined);
    assert.deepEqual(toCreateWorkspaceBody({ ...form, grants }).grants, [{ user_name: 'alice@corp', user_type: 'FEDERATE' }, { user_id: 'agency-7f3a', user_type: 'AGENCY' }, { user_id: ANNOTATOR }]);
    assert.equal(validateWorkspaceForm({ ...form, grants: [{ userId: 'agency-7f3a', userName: '', userType: 'IAM' }] }).grants, 'User 1: an IAM user ID has 32 hexadecimal characters.');
    const shown: Workspace = { ...internal, grants: [{ user_name: 'alice@corp', user_type: 'FEDERATE' }, { user_id: ANNOTATOR, user_name: 'cv-annotator', user_type: 'IAM' }] };
    const values = workspaceToFormValues(shown);
    assert.deepEqual(values.grants.map((row) => row.userType), ['FEDERATE', 'IAM'], 'the type shown is kept');
    assert.deepEqual(toWorkspaceUpdate(shown, { ...values, description: 'x' }), { description: 'x' }, 'an edit that leaves the users alone does not send them');
    const retyped = values.grants.map((row, index) => (index === 1 ? { ...row, userType: 'AGENCY' as const } : row));
    assert.deepEqual(toWorkspaceUpdate(shown, { ...values, grants: retyped }).grants, [{ user_name: 'alice@corp', user_type: 'FEDERATE' }, { user_id: ANNOTATOR, user_name: 'cv-annotator', user_type: 'AGENCY' }]);
  });

  test('the create body is §6.1\'s, with grants for Internal access only and the enterprise project when given', () => {
    const grants = [
      { userId: ` ${ANNOTATOR} `, userName: 'cv-annotator', userType: 'IAM' as const },
      { userId: '', userName: 'cv-reviewer', userType: 'IAM' as const },
    ];
    const values = { ...emptyWorkspaceForm(), name: 'vision-lab', description: 'CV', access: 'INTERNAL' as const, grants, enterpriseProjectId: ' 0 ' };
    assert.deepEqual(toCreateWorkspaceBody(values), {
      name: 'vision-lab',
      description: 'CV',
      auth_type: 'INTERNAL',
      grants: [{ user_id: ANNOTATOR, user_name: 'cv-annotator' }, { user_name: 'cv-reviewer' }],
      enterprise_project_id: '0',
    });
    assert.deepEqual(toCreateWorkspaceBody({ ...values, access: 'PRIVATE', enterpriseProjectId: '' }), { name: 'vision-lab', description: 'CV', auth_type: 'PRIVATE', grants: [] });
  });

  test('an edit sends only what changed', () => {
    const values = workspaceToFormValues(internal);
    assert.deepEqual(values, {
      workspaceId: internal.id,
      name: 'cv-team',
      description: 'Computer vision projects',
      access: 'INTERNAL',
      grants: [{ userId: ANNOTATOR, userName: 'cv-annotator', userType: 'IAM' as const }],
      enterpriseProjectId: '0',
    });
    assert.deepEqual(toWorkspaceUpdate(internal, values), {});
    assert.deepEqual(toWorkspaceUpdate(internal, { ...values, description: 'CV and OCR' }), { description: 'CV and OCR' });
    assert.deepEqual(toWorkspaceUpdate(internal, { ...values, name: 'cv-lab' }), { name: 'cv-lab' });
    assert.deepEqual(toWorkspaceUpdate(internal, { ...values, enterpriseProjectId: 'other' }), {}, 'the enterprise project is not updated');
    const added: WorkspaceGrantRow[] = [...values.grants, { userId: REVIEWER, userName: '', userType: 'IAM' }];
    assert.deepEqual(toWorkspaceUpdate(internal, { ...values, grants: added }), {
      grants: [{ user_id: ANNOTATOR, user_name: 'cv-annotator' }, { user_id: REVIEWER }],
    });
    assert.deepEqual(toWorkspaceUpdate(internal, { ...values, access: 'PUBLIC', grants: added }), { auth_type: 'PUBLIC' }, 'grants mean nothing outside Internal access');
  });

  test('choosing Internal anew sends the users with it; a workspace without auth_type counts as Public', () => {
    const open: Workspace = { id: 'b'.repeat(32), name: 'shared-lab', auth_type: 'PUBLIC' };
    const values = workspaceToFormValues(open);
    assert.deepEqual(toWorkspaceUpdate(open, { ...values, access: 'INTERNAL' }), { auth_type: 'INTERNAL', grants: [] });
    assert.equal(workspaceToFormValues({ id: 'c'.repeat(32), name: 'legacy' }).access, 'PUBLIC');
  });
});
