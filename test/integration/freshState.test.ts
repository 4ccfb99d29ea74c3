import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GetInput } from '../../src/chat/resourceTools';
import { realTimers } from '../../src/views/transitionPoller';
import type { TrainingJobFormValues } from '../../src/webviews/protocol';
import { invokeTool } from './chatSamples';
import { conversation, label, type Node, type Panel, REGION, signedInSuite, until } from './harness';
import { VirtualScheduler } from './virtualScheduler';

/**
 * One source of truth: whatever reads a resource (a details panel, log following, a chat tool, an action) shows its
 * row the state it read at once, without a refresh of the tree; a started notebook notifies when it runs, with its
 * next step. The explorer's polling runs on a virtual clock that is never moved unless a test says so: a row that
 * changes did so because something else read the resource.
 */
describe('Fresh state everywhere, and the next step', () => {
  const TRANSITION_MS = 1000;
  const under = signedInSuite({ transitionMs: TRANSITION_MS });
  let scheduler: VirtualScheduler;
  const explorer = () => under().api.context.explorer;
  const idOf = (node: Node) => node.id.split('/').pop() as string;
  const description = (node: Node) => String(node.getTreeItem().description ?? '');
  const jobLists = () => under().emulator.requests.count({ path: /training-job-searches$/ });

  before(() => {
    scheduler = new VirtualScheduler((ms) => under().emulator.clock.advance(ms));
    explorer().poller.useScheduler(scheduler);
    under().api.nextSteps.useScheduler(scheduler);
  });
  after(() => {
    explorer().poller.useScheduler(realTimers);
    under().api.nextSteps.useScheduler(realTimers);
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  /** The first training job of the default workspace, running in the emulator and in its row. */
  async function runningJobRow(): Promise<{ row: Node; id: string }> {
    const [first] = await under().explorer.getChildren(await under().category('Training Jobs'));
    under().emulator.state.setTrainingJobPhase(idOf(first), 'Running');
    explorer().reload();
    const row = (await under().explorer.getChildren(await under().category('Training Jobs'))).find((node) => node.id === first.id);
    assert.ok(row);
    assert.match(description(row), /^Running\b/);
    under().emulator.requests.clear();
    return { row, id: idOf(row) };
  }

  /** The first notebook of the default workspace, stopped in the emulator and in its row. */
  async function stoppedNotebookRow(): Promise<Node> {
    const [first] = await under().explorer.getChildren(await under().category('Notebooks'));
    under().emulator.state.setNotebookStatus(idOf(first), 'STOPPED');
    explorer().reload();
    const row = (await under().explorer.getChildren(await under().category('Notebooks'))).find((node) => node.id === first.id);
    assert.ok(row);
    assert.match(description(row), /^Stopped\b/);
    return row;
  }

  /** Every render of a tree row asked of VS Code while `run` runs. */
  async function rerenderedDuring(run: () => Promise<void>): Promise<Node[]> {
    const rerendered: Node[] = [];
    const subscription = explorer().onDidChangeTreeData((node) => node && rerendered.push(node as Node));
    try {
      await run();
    } finally {
      subscription.dispose();
    }
    return rerendered;
  }

  it('the details panel reading a job that completed on the emulator clock turns its row Completed, without a tree refresh', async () => {
    const { row, id } = await runningJobRow();
    const job = under().emulator.state.findTrainingJob(id);
    assert.ok(job);
    job.job.timeline.plan(under().emulator.clock.now(), [['Running', 500]], 'Completed');
    under().emulator.clock.advance(500);

    const panel = (await vscode.commands.executeCommand('modelarts.trainingJob.showDetails', row)) as Panel;
    const talk = conversation(panel);
    try {
      const rerendered = await rerenderedDuring(async () => {
        await panel.receive({ type: 'ready' });
        await talk.next('details', (message) => message.view.status === 'Completed');
      });
      assert.match(description(row), /^Completed\b/, 'the row shows what the panel read');
      assert.doesNotMatch(String(row.getTreeItem().contextValue), /\bcanStop\b/, 'Stop is no longer offered');
      assert.ok(rerendered.includes(row), 'the tree was told to render the row again');
      assert.equal(jobLists(), 0, 'the tree listed nothing again');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('a get tool that reads a job Completed turns its row Completed', async () => {
    const { row, id } = await runningJobRow();
    under().emulator.state.setTrainingJobPhase(id, 'Completed');

    const answer = await invokeTool('modelarts_get_training_job', { id });

    assert.match(answer, /: status Completed;/);
    assert.match(description(row), /^Completed\b/);
    assert.equal(jobLists(), 0, 'the tree listed nothing again');
  });

  it('log following that sees the job Completed turns its row Completed', async () => {
    const { row, id } = await runningJobRow();
    await vscode.commands.executeCommand('modelarts.trainingJob.viewLogs', row);
    assert.deepEqual(under().ui.errors, []);
    assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith('-worker-0.log'), 'the log is open and followed');

    under().emulator.state.setTrainingJobPhase(id, 'Completed');

    await until(() => description(row), (text) => /^Completed\b/.test(text), 'the row to show the phase log following read');
    assert.equal(jobLists(), 0, 'the tree listed nothing again');
  });

  it('a chat Stop refused with ModelArts.2762 (the job completed meanwhile) refreshes the row and names the state now', async () => {
    const { row, id } = await runningJobRow();
    const tool = under().api.chat.tools.get('modelarts_stop_training_job');
    assert.ok(tool);
    const input: GetInput = { id };
    const token = new vscode.CancellationTokenSource().token;
    await tool.prepareInvocation({ input }, token);
    // The job completes between the tool's read (Running) and its request: right after the emulator answers that read.
    const requests = under().emulator.requests;
    const record = requests.add.bind(requests);
    requests.add = (entry) => {
      record(entry);
      if (entry.method === 'GET' && entry.path.endsWith(`/training-jobs/${id}`)) {
        requests.add = record;
        under().emulator.state.setTrainingJobPhase(id, 'Completed');
      }
    };
    let answer: string;
    try {
      const result = await tool.invoke({ input, toolInvocationToken: undefined }, token);
      answer = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
    } finally {
      requests.add = record;
    }

    assert.match(answer, new RegExp(`^Failed: ModelArts\\.2762: Stop was refused for training job "${label(row)}": it is Completed now\\.`));
    assert.match(description(row), /^Completed\b/, 'the row shows the state the cloud has');
    assert.doesNotMatch(String(row.getTreeItem().contextValue), /\bcanStop\b/);
  });

  it('a notebook started from the tree notifies once when it runs, and Open JupyterLab opens it', async () => {
    const row = await stoppedNotebookRow();
    const running = `Notebook "${label(row)}" is running.`;
    under().ui.answerInfos('Open JupyterLab');

    await vscode.commands.executeCommand('modelarts.notebook.start', row);
    assert.match(description(row), /^Starting\b/);
    assert.deepEqual(under().ui.shown, [], 'nothing is told while it starts');

    await scheduler.advance(TRANSITION_MS);
    assert.match(description(row), /^Running\b/, 'the poll saw it running');
    await until(() => under().ui.opened.length, (count) => count === 1, 'JupyterLab to open');
    const notices = under().ui.shown.filter((entry) => entry.message === running);
    assert.equal(notices.length, 1);
    assert.equal(notices[0].actions?.[0], 'Open JupyterLab');
    assert.match(under().ui.opened[0].toString(), new RegExp(idOf(row)), 'the notebook\'s own JupyterLab address');

    await scheduler.advance(3 * under().api.context.session.settings.runningPollIntervalMs);
    assert.equal(under().ui.shown.filter((entry) => entry.message === running).length, 1, 'once');
    assert.deepEqual(under().ui.errors, []);
  });

  it('a notebook whose start fails notifies with the reason instead', async () => {
    const row = await stoppedNotebookRow();
    await vscode.commands.executeCommand('modelarts.notebook.start', row);
    assert.match(description(row), /^Starting\b/);
    const found = under().emulator.state.findNotebook(idOf(row));
    assert.ok(found);
    found.notebook.failReason = 'Insufficient resources: no node has 1 free GPU.';
    under().emulator.state.setNotebookStatus(idOf(row), 'START_FAILED');

    await scheduler.advance(TRANSITION_MS);
    await until(() => under().ui.errors, (errors) => errors.length === 1, 'the failure to be told');
    assert.equal(under().ui.errors[0], `Starting notebook "${label(row)}" failed: Insufficient resources: no node has 1 free GPU.`);
    assert.equal(under().ui.shown.filter((entry) => entry.kind === 'info').length, 0, 'no "running" notice');
  });

  it('a notebook started from the palette with the explorer hidden is read once an interval until it runs, then notifies once', async () => {
    const row = await stoppedNotebookRow();
    const id = idOf(row);
    const running = `Notebook "${label(row)}" is running.`;
    const interval = under().api.context.session.settings.pollIntervalMs;
    const reads = () => under().emulator.requests.count((request) => request.method === 'GET' && request.path.endsWith(`/notebooks/${id}`));
    await vscode.commands.executeCommand('workbench.view.explorer');
    try {
      await until(() => under().api.context.treeView.visible, (visible) => !visible, 'the ModelArts explorer to be hidden');
      assert.equal(explorer().poller.isPolling, false, 'the explorer reads nothing while hidden');
      const pick = (items: readonly vscode.QuickPickItem[]) => items.find((item) => [label(row), 'default', REGION].includes(item.label));
      under().ui.answer(pick, pick);
      await vscode.commands.executeCommand('modelarts.notebook.start');
      assert.deepEqual(under().ui.errors, []);
      assert.equal(under().ui.quickPicks.at(-1)?.title, 'Select a notebook', 'the palette asked which notebook');
      const found = under().emulator.state.findNotebook(id);
      assert.ok(found);
      assert.equal(found.notebook.timeline.status(under().emulator.clock.now()), 'STARTING', 'the palette started the notebook');
      // A slow start: the notebook runs three and a half intervals from now on the emulator's clock.
      found.notebook.timeline.plan(under().emulator.clock.now(), [['STARTING', 3.5 * interval]], 'RUNNING');
      under().emulator.requests.clear();

      const readsByInterval: number[] = [];
      for (let step = 0; step < 4; step++) {
        await scheduler.advance(interval);
        readsByInterval.push(reads());
      }
      // The start's own answer is a report: its first interval needs no read; then one read an interval.
      assert.deepEqual(readsByInterval, [0, 1, 2, 3]);
      await until(() => under().ui.shown.filter((entry) => entry.message === running).length, (count) => count === 1, 'the "running" notice');
      assert.deepEqual(under().ui.shown.find((entry) => entry.message === running)?.actions, ['Open JupyterLab']);
      assert.match(description(row), /^Running\b/, 'the tree learnt the state read');

      await scheduler.advance(5 * interval);
      assert.equal(reads(), 3, 'no read once it runs');
      assert.equal(scheduler.pending, 0, 'nothing is scheduled any more');
      assert.equal(under().ui.shown.filter((entry) => entry.message === running).length, 1, 'once');
      assert.deepEqual(under().ui.errors, []);
    } finally {
      await vscode.commands.executeCommand('modelarts.explorer.focus');
    }
  });

  it('a training job created in the form is announced with Follow Log, which opens its log', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.trainingJob.create', await under().category('Training Jobs'))) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const form = await talk.next('trainingJobForm');
      const options = await talk.next('trainingJobOptions');
      under().ui.answerInfos('Follow Log');
      const values: TrainingJobFormValues = { ...form.values, name: 'followed-job', source: 'image', imageUrl: 'swr.cn-north-4.myhuaweicloud.com/team/train:2.1', command: 'python train.py', flavorId: options.flavors[0].id };
      await panel.receive({ type: 'submitTrainingJob', values });
      await until(() => talk.disposed, Boolean, 'the panel to close after creating');
    } finally {
      talk.dispose();
      panel.dispose();
    }
    const created = under().ui.shown.find((entry) => entry.message === 'Created training job "followed-job".');
    assert.deepEqual(created?.actions, ['Follow Log']);
    await until(() => vscode.window.activeTextEditor?.document.uri.path ?? '', (path) => path.endsWith('/followed-job-worker-0.log'), 'the new job\'s log to open');
    assert.deepEqual(under().ui.errors, []);
  });
});
