import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ResourceNode } from '../../src/views/nodes/resourceNodes';
import type { HostMessage } from '../../src/webviews/protocol';
import { conversation, label, type Node, type Panel, REGION, signedInSuite, tableDocument } from './harness';

/** A details panel as the click command returns it. */
interface DetailsPanel extends Panel {
  readonly pinned: boolean;
}

type DetailsMessage = Extract<HostMessage, { type: 'details' }>;

describe('Preview panels: a click shows details, a double click pins, a reload brings panels back', () => {
  const under = signedInSuite({ transitionMs: 300 });
  let now = 0;
  const opened: Panel[] = [];

  beforeEach(() => {
    now = 1_000_000;
    under().api.rowClicks.clock = () => now;
  });

  afterEach(() => {
    opened.splice(0).forEach((panel) => panel.dispose());
  });

  after(() => {
    under().api.rowClicks.clock = Date.now;
  });

  async function trainingJobs(): Promise<Node[]> {
    const jobs = await under().explorer.getChildren(await under().category('Training Jobs'));
    assert.ok(jobs.length >= 2, `the emulator has two training jobs at least: ${jobs.map(label).join(', ')}`);
    return jobs;
  }

  /** What VS Code runs for a click, or Enter, on the row: the row's own command. */
  async function click(row: Node): Promise<DetailsPanel> {
    const { command } = row.getTreeItem();
    assert.ok(command, `the row "${label(row)}" has a command`);
    const panel = (await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []))) as DetailsPanel;
    assert.ok(panel, 'the click opens a panel');
    opened.push(panel);
    return panel;
  }

  async function shownName(panel: Panel, name: string): Promise<DetailsMessage> {
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      return await talk.next('details', (message) => message.view.name === name);
    } finally {
      talk.dispose();
    }
  }

  it('a click on a row shows its details in one preview panel, which the next click reuses', async () => {
    const [first, second] = await trainingJobs();
    const panel = await click(first);
    assert.equal(panel.pinned, false, 'a click opens a preview');
    await shownName(panel, label(first));
    now += 2_000;
    const next = await click(second);
    assert.strictEqual(next, panel, 'the preview shows the next resource clicked');
    await shownName(panel, label(second));
  });

  it('a double click pins the panel, and a later click opens a new preview; so does an action in a preview', async () => {
    const [first, second] = await trainingJobs();
    const preview = await click(first);
    now += 200;
    const pinned = await click(first);
    assert.strictEqual(pinned, preview);
    assert.equal(pinned.pinned, true, 'the second click within a double click pins it');
    now += 2_000;
    const other = await click(second);
    assert.notStrictEqual(other, pinned, 'a pinned panel is never reused');
    assert.equal(other.pinned, false);
    await shownName(pinned, label(first));

    await other.receive({ type: 'runAction', action: 'refresh' });
    assert.equal(other.pinned, true, 'working in a preview keeps it');
    now += 2_000;
    const third = await click(first);
    assert.strictEqual(third, pinned, 'a click on a resource whose panel is open brings that panel forward');
    now += 2_000;
    const fresh = await click(second);
    assert.strictEqual(fresh, other, 'the pinned panel of the resource is brought forward, not a new preview');
  });

  it('the details panel saves which resource it shows, and the serializer brings it back reading it again', async () => {
    const [first] = await trainingJobs();
    const shown = await shownName(await click(first), label(first));
    const reference = shown.view.reference;
    assert.deepEqual({ kind: reference.kind, region: reference.region, workspaceId: reference.workspaceId }, { kind: 'trainingJob', region: REGION, workspaceId: '0' });

    under().emulator.requests.clear();
    const webview = vscode.window.createWebviewPanel('modelarts.details', 'restored', vscode.ViewColumn.Active, {});
    const restored = (await under().api.panelRestorer.restore('details', webview, reference)) as DetailsPanel | undefined;
    assert.ok(restored, 'the panel comes back');
    opened.push(restored);
    assert.ok(under().emulator.requests.count({ method: 'GET', path: reference.id }) >= 1, 'the resource is read again, not taken from the state');
    await shownName(restored, label(first));

    const unknown = vscode.window.createWebviewPanel('modelarts.details', 'unknown', vscode.ViewColumn.Active, {});
    let closed = false;
    unknown.onDidDispose(() => (closed = true));
    assert.equal(await under().api.panelRestorer.restore('details', unknown, { kind: 'nothing', region: REGION, workspaceId: '0', id: 'x' }), undefined);
    assert.ok(closed, 'a state naming no resource kind closes its panel');
  });

  it('a create form and an edit form come back after a reload, in their region; a state that says neither closes', async () => {
    const webview = vscode.window.createWebviewPanel('modelarts.createNotebook', 'restored', vscode.ViewColumn.Active, {});
    const saved = { region: REGION, reloadAs: { form: 'create' }, values: { workspaceId: '0', name: 'typed-before-reload' }, touched: ['name'], open: [], filter: '' };
    const form = await under().api.panelRestorer.restore('createNotebook', webview, saved);
    assert.ok(form, 'the form comes back');
    opened.push(form);
    const talk = conversation(form);
    try {
      await form.receive({ type: 'ready' });
      const message = await talk.next('notebookForm');
      assert.equal(message.scope.region, REGION);
      assert.deepEqual(message.scope.reloadAs, { form: 'create' }, 'the page is told to keep saving itself for the next reload');
      assert.equal(message.values.workspaceId, '0');
    } finally {
      talk.dispose();
    }

    // An edit form reads its resource again by the id saved; the page then puts back what was typed over it.
    const pools = await under().explorer.getChildren(await under().category('Resource Pools'));
    const pool = pools.find((row) => label(row) === 'pool-cpu-etl') as Node;
    const poolId = (pool as ResourceNode<unknown>).resourceId;
    const edit = vscode.window.createWebviewPanel('modelarts.createPool', 'edit', vscode.ViewColumn.Active, {});
    const editForm = await under().api.panelRestorer.restore('createPool', edit, { ...saved, reloadAs: { form: 'edit', id: poolId } });
    assert.ok(editForm, 'the edit form comes back');
    opened.push(editForm);
    const editTalk = conversation(editForm);
    try {
      await editForm.receive({ type: 'ready' });
      const message = await editTalk.next('poolEditForm');
      assert.equal(message.values.name, 'pool-cpu-etl', 'the pool as it is now');
      assert.deepEqual(message.scope.reloadAs, { form: 'edit', id: poolId });
    } finally {
      editTalk.dispose();
    }

    const neither = vscode.window.createWebviewPanel('modelarts.createPool', 'old', vscode.ViewColumn.Active, {});
    let closed = false;
    neither.onDidDispose(() => (closed = true));
    assert.equal(await under().api.panelRestorer.restore('createPool', neither, { ...saved, reloadAs: undefined }), undefined);
    assert.ok(closed, 'a form saved without how to open it again closes');
  });

  it('a table opens rendered in a page of its own, each cloud string a cell whole, not as markdown source', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const panel = (await vscode.commands.executeCommand('modelarts.serviceV1.showSpecifications', await under().category('Real-Time Services (v1)'))) as Panel;
    assert.deepEqual(under().ui.errors, []);
    assert.equal(vscode.window.activeTextEditor, undefined, 'no markdown document opens');
    const document = await tableDocument(panel);
    assert.equal(document.title, `Real-time service (v1) specifications in ${REGION}`);
    const t4 = document.sections[0].table?.rows.find((row) => row[0] === 'modelarts.vm.gpu.t4');
    // The description holds a "|", which split the markdown row into more cells than the header.
    assert.deepEqual(t4, ['modelarts.vm.gpu.t4', 'GPU', '8', '32768 MB', '1 × T4', '—', 'GPU: 8 vCPUs 32 GiB | 1*NVIDIA T4(16 GiB)']);
  });
});
