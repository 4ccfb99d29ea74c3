import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { conversation, type Node, type Panel, REGION, signedInSuite, until } from './harness';

/** Lines of a document (the one after the final line break included). */
const lineCount = (document: vscode.TextDocument): number => document.lineCount;
/** Whether the editor shows the document's last line of text. */
const showsEnd = (editor: vscode.TextEditor): boolean => (editor.visibleRanges.at(-1)?.end.line ?? -1) >= editor.document.lineCount - 2;

describe('Training job logs (followed), events and stages against the emulator', () => {
  const under = signedInSuite({ transitionMs: 300 });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  const idOf = (node: Node): string => node.id.split('/').pop() as string;

  /** Listed jobs of the default workspace with `nodes` nodes, each made to run until told otherwise. */
  async function runningJobs(nodes: number, count: number): Promise<{ node: Node; id: string; name: string }[]> {
    const listed = await under().explorer.getChildren(await under().category('Training Jobs'));
    const found = listed.filter((node) => under().emulator.state.findTrainingJob(idOf(node))?.job.nodeCount === nodes).slice(0, count);
    assert.equal(found.length, count, `${count} listed job(s) of ${nodes} node(s)`);
    return found.map((node) => {
      // Seeded jobs finish on their own schedule; this one starts a fresh run that lasts until it is told to end.
      under().emulator.state.setTrainingJobPhase(idOf(node), 'Running');
      return { node, id: idOf(node), name: String(node.getTreeItem().label) };
    });
  }

  const previews = (id: string, task: string): number => under().emulator.requests.count({ method: 'GET', path: `/training-jobs/${id}/tasks/${task}/logs/preview` });

  /** Opens a task's log through View Logs (answering the task pick when `task` is given) and returns its editor. */
  async function viewLogs(node: Node, name: string, task = 'worker-0', pick = false): Promise<vscode.TextEditor> {
    if (pick) {
      under().ui.answer(task);
    }
    await vscode.commands.executeCommand('modelarts.trainingJob.viewLogs', node);
    assert.deepEqual(under().ui.errors, []);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor opens');
    assert.equal(editor.document.uri.scheme, 'modelarts');
    assert.ok(editor.document.uri.path.endsWith(`/${name}-${task}.log`), editor.document.uri.path);
    return editor;
  }

  async function grows(document: vscode.TextDocument, lines: number, what: string): Promise<string> {
    const before = lineCount(document);
    await until(() => lineCount(document), (count) => count >= before + lines, what, 20_000);
    return document.getText();
  }

  it('View Logs on a running job appends the lines it writes, scrolling while the editor shows the end', async () => {
    const [job] = await runningJobs(1, 1);
    const editor = await viewLogs(job.node, job.name);
    const first = editor.document.getText();
    assert.match(first, /\[ModelArts Service Log\]job: /);

    const grown = await grows(editor.document, 150, 'new lines in the log');
    assert.ok(grown.startsWith(first), 'the new lines are appended to what was shown');
    assert.match(grown.trimEnd().split('\n').at(-1) ?? '', /\[worker-0\] epoch 0001 step/);
    await until(() => showsEnd(editor), Boolean, 'the editor keeps the end in view');

    // Scrolled up, the editor stays where the reader is while lines keep arriving.
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await until(() => editor.visibleRanges[0].start.line, (line) => line === 0, 'the editor scrolled to the top');
    await grows(editor.document, 60, 'more lines while scrolled up');
    assert.equal(editor.visibleRanges[0].start.line, 0, 'still at the top');
    assert.equal(showsEnd(editor), false);

    // Back at the end (the status bar's "Follow" command), it follows again.
    await vscode.commands.executeCommand('modelarts.trainingJob.followLog');
    await grows(editor.document, 60, 'more lines after returning to the end');
    await until(() => showsEnd(editor), Boolean, 'the editor follows the end again');

    // View Logs again brings the followed document forward without downloading it again.
    const downloads = previews(job.id, 'worker-0');
    await vscode.commands.executeCommand('modelarts.trainingJob.viewLogs', job.node);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
    assert.ok(previews(job.id, 'worker-0') <= downloads + 1, 'at most the poll that was due');
  });

  it('a multi-node job asks which task; each task has its own log, and closing one stops only its polling', async () => {
    const [job] = await runningJobs(2, 1);
    const second = await viewLogs(job.node, job.name, 'worker-1', true);
    const first = await viewLogs(job.node, job.name, 'worker-0', true);
    assert.match(second.document.getText(), /rank=1 /);
    assert.match(first.document.getText(), /rank=0 /);
    await grows(second.document, 30, 'lines in worker-1\'s log');
    assert.doesNotMatch(second.document.getText(), /\[worker-0\]/);
    await grows(first.document, 30, 'lines in worker-0\'s log');

    const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) => candidate.input instanceof vscode.TabInputText && candidate.input.uri.toString() === first.document.uri.toString());
    assert.ok(tab, 'worker-0\'s log has a tab');
    await vscode.window.tabGroups.close(tab);
    // A poll under way when the tab closed may still land; after worker-1's next poll none can be under way.
    const polled = previews(job.id, 'worker-1');
    await until(() => previews(job.id, 'worker-1'), (count) => count > polled, 'worker-1\'s next poll');
    const closedAt = previews(job.id, 'worker-0');
    const followed = previews(job.id, 'worker-1');
    await until(() => previews(job.id, 'worker-1'), (count) => count >= followed + 3, 'three more polls of worker-1\'s log');
    assert.equal(previews(job.id, 'worker-0'), closedAt, 'the closed log is not polled');
    await grows(second.document, 30, 'worker-1\'s log still followed');
  });

  it('following ends with a final fetch when the job ends, though the log stays open', async () => {
    const [ending, reference] = await runningJobs(1, 2);
    const editor = await viewLogs(ending.node, ending.name);
    await grows(editor.document, 30, 'lines while running');
    const other = await viewLogs(reference.node, reference.name);

    under().emulator.state.setTrainingJobPhase(ending.id, 'Completed');
    await until(() => editor.document.getText(), (text) => /Training completed\.\n$/.test(text), 'the end of the log (the final fetch)', 20_000);
    // The job's end may be seen one poll after its last lines: wait two polls of the other log before counting.
    const referencePolls = previews(reference.id, 'worker-0');
    await until(() => previews(reference.id, 'worker-0'), (count) => count >= referencePolls + 2, 'two polls of the other log');
    const finalCount = previews(ending.id, 'worker-0');
    await until(() => previews(reference.id, 'worker-0'), (count) => count >= referencePolls + 4, 'two more polls of the other log');
    assert.equal(previews(ending.id, 'worker-0'), finalCount, 'an ended job\'s log is not polled');
    await grows(other.document, 30, 'the other log still followed');
    assert.ok(vscode.workspace.textDocuments.some((document) => document.uri.toString() === editor.document.uri.toString()), 'its log stays open');
  });

  it('View Events shows a failed job\'s events newest first, the failure marked', async () => {
    const listed = await under().explorer.getChildren(await under().category('Training Jobs'));
    const failed = listed.find((node) => /^Failed\b/.test(String(node.getTreeItem().description)));
    assert.ok(failed, 'a failed job is listed');
    await vscode.commands.executeCommand('modelarts.trainingJob.viewEvents', failed);
    assert.deepEqual(under().ui.errors, []);
    const request = under().emulator.requests.list({ path: `/training-jobs/${idOf(failed)}/events` }).at(-1);
    assert.deepEqual(request?.query, { offset: '0', limit: '100', order: 'desc' });
    const lines = vscode.window.activeTextEditor?.document.getText().split('\n') ?? [];
    assert.equal(lines[0], `Events of training job "${String(failed.getTreeItem().label)}" in ${REGION}`);
    assert.match(lines[1], /^\d+ events, newest first; 1 abnormal\.$/);
    assert.match(lines[3], /^✖ .+ABNORMAL {2}Job: Training job failed\.$/);
    assert.ok(lines.some((line) => line.includes('Task: [worker-0] Training started.')));
    assert.match(lines.at(-2) ?? '', /Job: Training job created\.$/, 'the oldest last');
  });

  it('the details panel shows a job\'s stages as its progress, with the latest step', async () => {
    const [job] = await runningJobs(1, 1);
    const panel = (await vscode.commands.executeCommand('modelarts.trainingJob.showDetails', job.node)) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const running = await talk.next('details', (message) => message.view.steps.some((step) => step.label === 'Scheduling'));
      assert.deepEqual(
        running.view.steps.map((step) => [step.label, step.state]),
        [
          ['Scheduling', 'done'],
          ['Preparing', 'done'],
          ['Running', 'active'],
          ['Ended', 'waiting'],
        ],
      );
      assert.match(running.view.fields.find((field) => field.label === 'Latest step')?.value ?? '', /^Training started\. \(/);
      assert.ok(under().emulator.requests.count({ path: `/training-jobs/${job.id}/stages` }) >= 1);

      under().emulator.state.setTrainingJobPhase(job.id, 'Failed');
      const failed = await talk.next('details', (message) => message.view.status === 'Failed');
      assert.deepEqual(failed.view.steps.at(-1), { label: 'Failed', state: 'failed' });
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });
});
