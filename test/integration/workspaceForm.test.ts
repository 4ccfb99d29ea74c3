import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WorkspaceFormValues } from '../../src/webviews/protocol';
import { conversation, label, type Node, type Panel, REGION, signedInSuite, until } from './harness';
import { lastBody, PoolTree } from './poolTree';

const ANNOTATOR_ID = '0123456789abcdef0123456789abcdef';

describe('The workspace form against the emulator', () => {
  const under = signedInSuite({ transitionMs: 300 });
  const region = () => under().child(undefined, REGION);
  const workspace = async (name: string) => under().child(await region(), name);
  const tooltip = (node: Node) => new PoolTree(under).tooltip(node);
  const selected = () => (under().api.context.treeView as vscode.TreeView<Node>).selection.map(label);

  /** Runs the command, says the browser app is ready, and answers the panel with the form it shows. */
  async function openForm(command: string, node?: Node) {
    const panel = (await vscode.commands.executeCommand(command, node)) as Panel;
    assert.ok(panel, `${command} opens a panel: ${under().ui.errors.join('; ')}`);
    const talk = conversation(panel);
    await panel.receive({ type: 'ready' });
    const { values, editing } = await talk.next('workspaceForm');
    const submit = (changed: Partial<WorkspaceFormValues>) => panel.receive({ type: 'submitWorkspace', values: { ...values, ...changed } });
    const close = () => {
      talk.dispose();
      panel.dispose();
    };
    return { talk, values, editing, submit, close };
  }

  it('creates an Internal workspace granted to two users; the tree selects it and its tooltip says who may use it', async () => {
    const form = await openForm('modelarts.workspace.create', await region());
    try {
      assert.equal(form.editing, false);
      assert.deepEqual(form.values, { workspaceId: '', name: '', description: '', access: 'PUBLIC', grants: [], enterpriseProjectId: '' });
      await form.submit({
        name: 'vision-lab',
        description: 'Computer vision experiments',
        access: 'INTERNAL',
        grants: [
          { userId: ANNOTATOR_ID, userName: 'cv-annotator', userType: 'IAM' as const },
          { userId: '', userName: 'ops-admin', userType: 'IAM' as const },
        ],
      });
      await until(() => form.talk.disposed, Boolean, 'the panel to close after creating');
      assert.deepEqual(lastBody(under(), 'POST', /\/workspaces$/), {
        name: 'vision-lab',
        description: 'Computer vision experiments',
        auth_type: 'INTERNAL',
        grants: [{ user_id: ANNOTATOR_ID, user_name: 'cv-annotator' }, { user_name: 'ops-admin' }],
      });
      assert.deepEqual(under().ui.shown.at(-1), { kind: 'info', message: 'Created workspace "vision-lab".' });
      await until(selected, (names) => names.includes('vision-lab'), 'the new workspace selected in the tree');
      const lines = (await tooltip(await workspace('vision-lab'))).split('\n');
      assert.ok(lines.includes('Description: Computer vision experiments'), lines.join('\n'));
      assert.ok(lines.includes('Access: Internal (its creator, the primary account and 2 granted users)'), lines.join('\n'));
      assert.ok(lines.includes('Owner: modelarts-demo'), lines.join('\n'));
      assert.ok(lines.includes('Status: Normal'), lines.join('\n'));
    } finally {
      form.close();
    }
  });

  it('refuses a bad name in the form and sends nothing', async () => {
    const form = await openForm('modelarts.workspace.create', await region());
    try {
      await form.submit({ name: 'default' });
      assert.deepEqual((await form.talk.next('submitFailed')).fieldErrors, { name: '"default" is reserved for the default workspace.' });
      await form.submit({ name: 'ab', access: 'INTERNAL', grants: [{ userId: 'cv-annotator', userName: '', userType: 'IAM' as const }] });
      const refused = await form.talk.next('submitFailed');
      assert.deepEqual(Object.keys(refused.fieldErrors).sort(), ['grants', 'name']);
      assert.equal(refused.error.message, 'Some fields need attention.');
      assert.equal(under().emulator.requests.count({ method: 'POST', path: '/workspaces' }), 0, 'nothing is sent for a refused form');
      assert.equal(form.talk.disposed, false, 'the form stays open');
    } finally {
      form.close();
    }
  });

  it('an edit that changes only the description sends only the description; an unchanged form sends nothing', async () => {
    const form = await openForm('modelarts.workspace.edit', await workspace('nlp-research'));
    try {
      assert.equal(form.editing, true);
      assert.deepEqual([form.values.name, form.values.description, form.values.access], ['nlp-research', 'Language models and NLP experiments', 'PUBLIC']);
      await form.submit({});
      assert.equal((await form.talk.next('submitFailed')).error.message, 'Nothing has changed.');
      assert.equal(under().emulator.requests.count({ method: 'PUT' }), 0);

      await form.submit({ description: 'Language models, NLP and speech' });
      await until(() => form.talk.disposed, Boolean, 'the panel to close after saving');
      assert.deepEqual(lastBody(under(), 'PUT', form.values.workspaceId), { description: 'Language models, NLP and speech' });
      assert.deepEqual(under().ui.shown.at(-1), { kind: 'info', message: 'Updated workspace "nlp-research".' });
      await until(async () => tooltip(await workspace('nlp-research')), (text) => text.includes('Description: Language models, NLP and speech'), 'the new description in the tooltip');
    } finally {
      form.close();
    }
  });

  it('offers no edit of the default workspace', async () => {
    const node = await workspace('default');
    assert.doesNotMatch(String(node.getTreeItem().contextValue), /\bcanChange\b/);
    const panel = await vscode.commands.executeCommand('modelarts.workspace.edit', node);
    assert.equal(panel, undefined);
    assert.deepEqual(under().ui.errors, ['InvalidInput: The default workspace cannot be changed.']);
  });

  it('a failed update keeps the form and shows the API error; saving again renames the workspace and changes its users', async () => {
    under().ui.answer((items) => {
      const names = items.map((item) => item.label);
      assert.ok(names.includes('nlp-research') && !names.includes('default'), `the default workspace cannot be edited: ${names.join(', ')}`);
      return items.find((item) => item.label === 'cv-team');
    });
    const form = await openForm('modelarts.workspace.edit');
    try {
      assert.equal(form.values.access, 'INTERNAL');
      assert.deepEqual(form.values.grants.map((grant) => grant.userName), ['cv-annotator', 'cv-reviewer'], 'the grants come from the workspace as it is');
      const edited = { name: 'cv-lab', grants: form.values.grants.slice(0, 1) };
      under().emulator.faults.add({ kind: 'status', status: 400, method: 'PUT', path: form.values.workspaceId, errorCode: 'ModelArts.7004', errorMsg: 'The workspace is busy.' });
      await form.submit(edited);
      const failed = await form.talk.next('submitFailed');
      assert.deepEqual([failed.error.errorCode, failed.error.message], ['ModelArts.7004', 'The workspace is busy.']);
      assert.equal(form.talk.disposed, false, 'a failed save keeps the form open');

      await form.submit(edited);
      await until(() => form.talk.disposed, Boolean, 'the panel to close after saving');
      const [kept] = form.values.grants;
      assert.deepEqual(lastBody(under(), 'PUT', form.values.workspaceId), { name: 'cv-lab', grants: [{ user_id: kept.userId, user_name: 'cv-annotator' }] });
      await until(selected, (names) => names.includes('cv-lab'), 'the renamed workspace selected in the tree');
      assert.match(await tooltip(await workspace('cv-lab')), /Access: Internal \(its creator, the primary account and 1 granted user\)/);
    } finally {
      form.close();
    }
  });
});
