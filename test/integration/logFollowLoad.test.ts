import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { logPreview } from '../../emulator/areas/trainingLogs';
import { realTimers } from '../../src/views/transitionPoller';
import { type Node, signedInSuite, until } from './harness';
import { VirtualScheduler } from './virtualScheduler';

const MB = 1024 * 1024;
/** The job's rate, and the window the editor keeps: 2 MB of whole lines, the newest. */
const BYTES_PER_SECOND = 2 * MB;
const WINDOW_BYTES = 2 * MB;
const MAX_CHANGES_PER_SECOND = 4;
const SECONDS_FOLLOWED = 5;
/** The virtual clock moves in steps this long, so that more changes than allowed in a second would be seen. */
const STEP_MS = 100;
/** One whole progress line of the emulator's rate log (areas/trainingLogRate.ts), from its first character. */
const WHOLE_LINE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} INFO \[worker-0\] step (\d{9}) [█░]{10} loss=\d\.\d{4}$/;

/** What a change of the log's document showed, at which time of the virtual clock. */
interface Change {
  readonly at: number;
  readonly logBytes: number;
  readonly firstLine: string;
  readonly lastLine: string;
  readonly lines: number;
}

describe('Following a training log that grows 2 MB a second', () => {
  const under = signedInSuite({ transitionMs: 3_600_000 });
  /** The explorer's own polling never runs here. */
  const idle = new VirtualScheduler(() => undefined);
  let scheduler: VirtualScheduler;

  before(() => {
    scheduler = new VirtualScheduler((ms) => under().emulator.clock.advance(ms));
    under().api.context.explorer.poller.useScheduler(idle);
    under().api.trainingLogs.useScheduler(scheduler);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    under().api.context.explorer.poller.useScheduler(realTimers);
    under().api.trainingLogs.useScheduler(realTimers);
  });

  const idOf = (node: Node): string => node.id.split('/').pop() as string;

  it('changes the document at most 4 times a second, each change one batch, keeping the newest 2 MB of whole lines', async function () {
    // Every poll reads a 5 MB preview and the workbench takes in a 2 MB document: slow on a busy machine, whatever the virtual clock says.
    this.timeout(240_000);
    const rows = await under().explorer.getChildren(await under().category('Training Jobs'));
    const row = rows.find((node) => under().emulator.state.findTrainingJob(idOf(node))?.job.nodeCount === 1);
    assert.ok(row, 'a single-node job is listed');
    const id = idOf(row);
    under().emulator.state.setTrainingJobPhase(id, 'Running');
    const rate = await fetch(`${under().emulator.url}/__emulator/state/training-jobs/${id}/log`, { method: 'PUT', body: JSON.stringify({ bytes_per_second: BYTES_PER_SECOND }) });
    assert.equal(rate.status, 204);
    // Three seconds of log before it is opened: more than the window already.
    await scheduler.advance(3_000);

    await vscode.commands.executeCommand('modelarts.trainingJob.viewLogs', row);
    assert.deepEqual(under().ui.errors, []);
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'an editor opens');
    assert.ok(document.uri.path.endsWith('-worker-0.log'), document.uri.path);
    const opened = shown(document, scheduler.now());
    assertWindow(opened, 'when opened');

    const previews = () => under().emulator.requests.count({ method: 'GET', path: `/training-jobs/${id}/tasks/worker-0/logs/preview` });
    const firstPreviews = previews();
    const changes: Change[] = [];
    const listening = vscode.workspace.onDidChangeTextDocument((event) => event.document === document && changes.push(shown(document, scheduler.now())));
    try {
      for (let elapsed = 0; elapsed < SECONDS_FOLLOWED * 1000; elapsed += STEP_MS) {
        await scheduler.advance(STEP_MS);
        // Each poll finds new lines; its change reaches the document asynchronously: wait for it before moving on.
        const polls = previews() - firstPreviews;
        await until(() => changes.length, (count) => count >= polls, `the document change of poll ${polls}`);
        assert.equal(changes.length, polls, 'one change per poll: every line the poll found, in one batch');
      }
    } finally {
      listening.dispose();
    }

    assert.ok(changes.length >= SECONDS_FOLLOWED - 1, `the log is followed (${changes.length} changes)`);
    for (let second = 0; second < SECONDS_FOLLOWED; second++) {
      const from = opened.at + second * 1000;
      const inSecond = changes.filter((change) => change.at > from && change.at <= from + 1000).length;
      assert.ok(inSecond <= MAX_CHANGES_PER_SECOND, `${inSecond} changes in second ${second + 1}`);
    }
    changes.forEach((change, index) => assertWindow(change, `after change ${index + 1}`));
    const steps = [opened, ...changes].map((change) => stepOf(change.lastLine));
    assert.ok(steps.every((step, index) => index === 0 || step > steps[index - 1]), `each change shows newer lines: ${steps.join(', ')}`);

    // Once the job ends its log stops growing: the final poll shows exactly the newest lines it wrote.
    under().emulator.state.setTrainingJobPhase(id, 'Completed');
    const record = under().emulator.state.findTrainingJob(id);
    assert.ok(record);
    const newest = logPreview(record.job, 'worker-0', under().emulator.clock.now(), 3_600_000).content.trimEnd().split('\n').at(-1);
    const polls = previews();
    await scheduler.advance(1_000);
    await until(() => document.getText().trimEnd().split('\n').at(-1), (line) => line === newest, 'the newest line after the final poll');
    assert.equal(previews(), polls + 1, 'one final poll');
    assertWindow(shown(document, scheduler.now()), 'after the final poll');
  });
});

function shown(document: vscode.TextDocument, at: number): Change {
  const lines = document.getText().split('\n');
  // The first line says how much earlier output is not shown; the log's own lines follow it.
  const log = lines.slice(1).join('\n');
  const logLines = lines.slice(1).filter((line) => line !== '');
  return { at, logBytes: Buffer.byteLength(log), firstLine: logLines[0] ?? '', lastLine: logLines.at(-1) ?? '', lines: logLines.length };
}

function assertWindow(change: Change, when: string): void {
  const lineBytes = Buffer.byteLength(`${change.lastLine}\n`);
  assert.ok(change.logBytes <= WINDOW_BYTES, `${when}: ${change.logBytes} bytes of log kept, over ${WINDOW_BYTES}`);
  assert.ok(change.logBytes > WINDOW_BYTES - lineBytes, `${when}: ${change.logBytes} bytes of log kept, the window not full`);
  assert.match(change.firstLine, WHOLE_LINE, `${when}: the first line kept is whole`);
  assert.match(change.lastLine, WHOLE_LINE, `${when}: the last line is whole`);
  assert.equal(stepOf(change.lastLine) - stepOf(change.firstLine) + 1, change.lines, `${when}: the lines kept are one unbroken run, the newest`);
}

function stepOf(line: string): number {
  return Number(WHOLE_LINE.exec(line)?.[1]);
}
