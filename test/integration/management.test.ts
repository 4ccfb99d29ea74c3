import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { conversation, ExtensionUnderTest, label, type Node, type Panel, REGION, tableDocument, until } from './harness';

describe('Workspaces, scheduled events and authorizations against the emulator', () => {
  let under: ExtensionUnderTest;
  const regionChildren = async () => under.explorer.getChildren(await under.child(undefined, REGION));
  const workspaceNames = async () => (await regionChildren()).filter((node) => /^workspace\b/.test(String(node.getTreeItem().contextValue))).map(label);

  before(async () => {
    under = await ExtensionUnderTest.start({ transitionMs: 300 });
    await under.signInWithDemoKey();
  });

  beforeEach(() => under.freshUi());

  after(() => under.stop());

  it('creates a workspace from the form and deletes it, which the tree follows', async () => {
    const region = await under.child(undefined, REGION);
    const panel = (await vscode.commands.executeCommand('modelarts.workspace.create', region)) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const { values } = await talk.next('workspaceForm');
      await panel.receive({ type: 'submitWorkspace', values: { ...values, name: 'vision-team' } });
      await until(() => talk.disposed, Boolean, 'the form to close after creating');
    } finally {
      talk.dispose();
      panel.dispose();
    }
    assert.deepEqual(under.ui.errors, []);
    await until(workspaceNames, (names) => names.includes('vision-team'), 'the new workspace in the tree');

    under.ui.answer('Delete');
    await vscode.commands.executeCommand('modelarts.workspace.delete', await under.child(region, 'vision-team'));
    assert.deepEqual(under.ui.errors, []);
    assert.equal(under.ui.shown.at(-1)?.message, 'Delete workspace "vision-team"?');
    // Deletion is asynchronous: the workspace shows DELETING, offers no more changes, and goes once the emulator deletes it.
    const deleting = await until(() => under.child(region, 'vision-team'), (node) => node.getTreeItem().description === 'Deleting', 'vision-team Deleting');
    assert.equal((deleting.getTreeItem().iconPath as vscode.ThemeIcon).id, 'loading~spin');
    assert.doesNotMatch(String(deleting.getTreeItem().contextValue), /\bcanChange\b/);
    await until(workspaceNames, (names) => !names.includes('vision-team'), 'the deleted workspace gone from the tree');
  });

  it('shows a workspace\'s quotas as a table', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.workspace.showQuotas', await under.child(await under.child(undefined, REGION), 'default'))) as Panel;
    assert.deepEqual(under.ui.errors, []);
    const document = await tableDocument(panel);
    assert.equal(document.title, 'Quotas of workspace "default" in cn-north-4');
    assert.deepEqual(document.sections[0].table?.headers, ['Resource', 'Used', 'Quota', 'Unit']);
    assert.ok((document.sections[0].table?.rows.length ?? 0) >= 2, JSON.stringify(document));
  });

  it('sets a workspace quota within its range', async () => {
    const workspace = await under.child(await under.child(undefined, REGION), 'default');
    under.ui.answer((items) => items.find((item) => item.label === 'Dedicated resource pools'), '12');
    await vscode.commands.executeCommand('modelarts.workspace.setQuota', workspace);
    assert.deepEqual(under.ui.errors, []);
    const validate = under.ui.inputBoxes.at(-1)?.validateInput;
    assert.ok(validate);
    assert.equal(await validate('-1'), undefined);
    assert.ok(await validate('101'), 'above the quota\'s maximum of 100');
    assert.ok(await validate('2.5'));
    const sent = under.emulator.requests.list({ method: 'PUT', path: '/workspaces/0/quotas' }).at(-1);
    assert.deepEqual(JSON.parse(sent?.body ?? '{}'), { quotas: [{ resource: 'pool.instance_count', quota: 12 }] });
    assert.equal(under.ui.shown.at(-1)?.message, 'Dedicated resource pools in workspace "default" is now 12.');
  });

  it('from the palette, a scheduled event is picked in the region, with no workspace asked', async () => {
    let offered: readonly vscode.QuickPickItem[] = [];
    under.ui.answer((items) => {
      offered = items;
      return items[0];
    }, undefined); // the confirmation dismissed: nothing is accepted
    await vscode.commands.executeCommand('modelarts.scheduledEvent.accept');
    assert.deepEqual(under.ui.errors, []);
    assert.ok(offered.length > 0, 'events waiting for authorization were offered');
    assert.ok(offered.every((item) => /^Inquiring\b/.test(String(item.description))), offered.map((item) => `${item.label}: ${item.description}`).join('; '));
    assert.equal(under.emulator.requests.count({ method: 'POST', path: '/accept' }), 0);
  });

  it('accepts a scheduled event waiting for authorization', async () => {
    const events = await under.explorer.getChildren(await under.regionCategory('Scheduled Events'));
    const waiting = events.find((node: Node) => /\bcanAccept\b/.test(String(node.getTreeItem().contextValue)));
    assert.ok(waiting, `an event waiting for authorization: ${events.map(label).join(', ')}`);
    assert.equal((waiting.getTreeItem().iconPath as vscode.ThemeIcon).id, 'watch');
    under.ui.answer('Accept');
    await vscode.commands.executeCommand('modelarts.scheduledEvent.accept', waiting);
    assert.deepEqual(under.ui.errors, []);
    assert.match(String(waiting.getTreeItem().description), /^Scheduled\b/);
  });

  it('sets the authorization mode and adds and removes an authorization', async () => {
    under.ui.answer('strict');
    await vscode.commands.executeCommand('modelarts.account.setAuthMode');
    assert.deepEqual(under.ui.errors, []);
    assert.equal(under.ui.shown.at(-1)?.message, 'The authorization mode is strict.');

    under.ui.answer((items) => items[0], 'all', 'modelarts_agency');
    await vscode.commands.executeCommand('modelarts.account.manageAuthorizations');
    assert.deepEqual(under.ui.errors, []);
    const [added] = under.emulator.requests.list({ method: 'POST', path: '/authorizations' });
    assert.deepEqual(JSON.parse(added?.body ?? '{}'), { user_id: 'all', user_type: 'all-users', type: 'agency', content: 'modelarts_agency' }, 'every user, as the SDK\'s user type says');
    under.ui.answer((items) => items.find((item) => item.label !== items[0].label), 'Remove');
    await vscode.commands.executeCommand('modelarts.account.manageAuthorizations');
    assert.deepEqual(under.ui.errors, []);
    assert.equal(under.emulator.requests.count({ method: 'DELETE', path: '/authorizations' }), 1);
  });
});
