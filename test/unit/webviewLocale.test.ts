import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as l10n from '@vscode/l10n';
import { validateNotebookForm } from '../../src/webviews/formRules';
import { parseWebviewLocale } from '../../src/webviews/protocol';
import { validateWorkspaceForm } from '../../src/webviews/workspaceFormRules';

test('a page reads the locale the host wrote, and English when there is none or it is not the host\'s', () => {
  const written = { language: 'zh-cn', bundle: { 'Choose a flavor.': '请选择规格。' } };
  assert.deepEqual(parseWebviewLocale(JSON.stringify(written)), written);
  for (const wrong of [undefined, '', '{', '{"language":"zh-cn"}', '{"language":"zh-cn","bundle":{"a":1}}']) {
    assert.deepEqual(parseWebviewLocale(wrong), { language: 'en', bundle: {} }, String(wrong));
  }
});

test('the form rules word their messages from the bundle l10n was configured with (as a page configures it)', () => {
  const empty = { name: 'ok', description: '', workspaceId: '0', flavorId: '', imageId: '', storage: 'EVS', evsSizeGb: 5, obsPath: '', keyPairName: '', autoStopHours: 99 } as const;
  assert.equal(validateNotebookForm(empty, {}).flavorId, 'Choose a flavor.', 'English source text without a bundle');
  l10n.config({ contents: parseWebviewLocale(JSON.stringify({ language: 'xx', bundle: { 'Choose a flavor.': 'FLAVOR?', 'Enter 0 (never) or 1 to {0} hours.': '0 | 1..{0} h' } })).bundle });
  const errors = validateNotebookForm(empty, {});
  assert.equal(errors.flavorId, 'FLAVOR?');
  assert.match(errors.autoStopHours ?? '', /^0 \| 1\.\.\d+ h$/);
  const workspace = validateWorkspaceForm({ workspaceId: '', name: 'ws', description: '', access: 'INTERNAL', grants: [{ userId: '', userName: '', userType: 'IAM' }], enterpriseProjectId: '' });
  assert.equal(workspace['grants'], 'User 1: enter a user ID or a user name.', 'a message the bundle lacks stays English');
});
