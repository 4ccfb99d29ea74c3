import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { label, type Node, signedInSuite, until } from './harness';

describe('Actions on a multi-selection, and refused actions', () => {
  const under = signedInSuite({ transitionMs: 1000 });

  const description = (node: Node) => String(node.getTreeItem().description);
  const idOf = (node: Node) => node.id.split('/').pop() as string;
  const confirmations = () => under().ui.shown.filter((entry) => entry.kind === 'warning');

  /** The category's rows after a refresh, and the first `count` of them after forcing them Running in the emulator and the tree. */
  async function runningNotebooks(count: number): Promise<Node[]> {
    const category = await under().category('Notebooks');
    const first = (await under().explorer.getChildren(category)).slice(0, count);
    assert.equal(first.length, count, 'the default workspace has enough notebooks');
    first.forEach((node) => under().emulator.state.setNotebookStatus(idOf(node), 'RUNNING'));
    await vscode.commands.executeCommand('modelarts.refresh', category);
    const names = first.map(label);
    const rows = (await under().explorer.getChildren(category)).filter((node) => names.includes(label(node)));
    assert.deepEqual(rows.map(description).map((text) => text.split(' · ')[0]), names.map(() => 'Running'));
    return rows;
  }

  it('Stop on two selected notebooks asks once, naming both, and stops both; an unselected one is untouched', async () => {
    const [first, second, third] = await runningNotebooks(3);

    under().ui.answer('Stop');
    await vscode.commands.executeCommand('modelarts.notebook.stop', first, [first, second]);

    assert.deepEqual(under().ui.errors, []);
    assert.equal(confirmations().length, 1, 'one confirmation for the selection');
    assert.match(confirmations()[0].message, new RegExp(`^Stop 2 Notebooks: "${label(first)}".*"${label(second)}"\\?$`));
    for (const node of [first, second]) {
      assert.ok(['STOPPING', 'STOPPED'].includes(under().emulator.state.notebookStatus(idOf(node)) ?? ''), `${label(node)} is stopping`);
      await until(() => description(node), (text) => /^(Stopping|Stopped)\b/.test(text), `the row of ${label(node)} to show it stopping`);
    }
    assert.equal(under().emulator.state.notebookStatus(idOf(third)), 'RUNNING');
    assert.equal(under().emulator.requests.count({ method: 'POST', path: `/notebooks/${idOf(third)}/stop` }), 0);
  });

  it('a refused item of a selection is reported by name and state; the others are acted on and items of another kind are left out', async () => {
    const [acted, refused] = await runningNotebooks(2);
    const job = (await under().explorer.getChildren(await under().category('Training Jobs')))[0];
    // The tree still shows it Running: the cloud refuses to stop it.
    under().emulator.state.setNotebookStatus(idOf(refused), 'STOPPED');

    under().ui.answer('Stop');
    await vscode.commands.executeCommand('modelarts.notebook.stop', acted, [acted, refused, job]);

    assert.equal(confirmations().length, 1);
    assert.match(confirmations()[0].detail ?? '', new RegExp(`Left out.*"${label(job)}"`), 'the confirmation says what is left out');
    assert.ok(['STOPPING', 'STOPPED'].includes(under().emulator.state.notebookStatus(idOf(acted)) ?? ''));
    assert.equal(under().ui.errors.length, 1, 'one report');
    const report = under().ui.errors[0];
    assert.match(report, /Stop: 1 of 2 Notebooks done\./);
    assert.match(report, new RegExp(`Stop was refused for notebook "${label(refused)}": it is Stopped now\\.`));
    assert.match(report, /ModelArts\.\d+: .*\(request id [\w-]+\)/);
    assert.doesNotMatch(report, new RegExp(`refused for notebook "${label(acted)}"`));
    assert.match(description(refused), /^Stopped\b/, 'the refused row shows its current state');
  });

  it('Stop refused because the job completed meanwhile refreshes its row and names its current state', async () => {
    const category = await under().category('Training Jobs');
    const first = (await under().explorer.getChildren(category))[0];
    under().emulator.state.setTrainingJobPhase(idOf(first), 'Running');
    await vscode.commands.executeCommand('modelarts.refresh', category);
    const job = await under().child(category, label(first));
    assert.match(description(job), /^Running\b/);
    // The job completes on the cloud; the tree has not looked yet.
    under().emulator.state.setTrainingJobPhase(idOf(job), 'Completed');

    under().ui.answer('Stop');
    await vscode.commands.executeCommand('modelarts.trainingJob.stop', job);

    assert.equal(under().ui.errors.length, 1);
    assert.match(under().ui.errors[0], new RegExp(`^ModelArts\\.2762: Stop was refused for training job "${label(job)}": it is Completed now\\. .*\\(request id [\\w-]+\\)$`));
    assert.match(description(job), /^Completed\b/, 'the row shows the state the cloud has');
    assert.doesNotMatch(String(job.getTreeItem().contextValue), /\bcanStop\b/, 'Stop is no longer offered');
  });
});
