import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { realTimers } from '../../src/views/transitionPoller';
import { type Node, signedInSuite } from './harness';
import { expectSilenceWhileHidden } from './hiddenExplorer';
import { VirtualScheduler } from './virtualScheduler';

/**
 * The explorer's slow polling of running resources (a job may complete, a notebook be stopped elsewhere), on a
 * virtual clock that moves the emulator's in step: the tests count requests, never wait for time.
 */
describe('Polling of running resources', () => {
  const under = signedInSuite({});
  let scheduler: VirtualScheduler;
  const explorer = () => under().api.context.explorer;
  const poller = () => explorer().poller;
  const changingInterval = () => under().api.context.session.settings.pollIntervalMs;
  const runningInterval = () => under().api.context.session.settings.runningPollIntervalMs;
  const idOf = (node: Node) => node.id.split('/').pop() as string;
  const description = (node: Node) => String(node.getTreeItem().description ?? '');
  const notebookRequests = () => under().emulator.requests.count((request) => request.method === 'GET' && /\/notebooks(\/[^/]+)?$/.test(request.path));
  const notebookLists = () => under().emulator.requests.count((request) => request.method === 'GET' && /\/notebooks$/.test(request.path));

  before(async () => {
    // The product's own interval (the harness lengthens it for the suites that run on a real clock).
    await vscode.workspace.getConfiguration('modelarts').update('runningPollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    scheduler = new VirtualScheduler((ms) => under().emulator.clock.advance(ms));
    poller().useScheduler(scheduler);
  });
  after(() => poller().useScheduler(realTimers));

  /** The default workspace's notebooks, all forced to `status`, as the tree shows them after loading them again. */
  async function notebooksAll(status: 'RUNNING' | 'STOPPED'): Promise<Node[]> {
    explorer().reload();
    const listed = await under().explorer.getChildren(await under().category('Notebooks'));
    listed.filter((node) => node.id.includes('/notebook/')).forEach((node) => under().emulator.state.setNotebookStatus(idOf(node), status));
    explorer().reload();
    return (await under().explorer.getChildren(await under().category('Notebooks'))).filter((node) => node.id.includes('/notebook/'));
  }

  it('a running training job that completes on the emulator clock turns Completed in its row by itself, without Stop', async () => {
    explorer().reload();
    const [first] = await under().explorer.getChildren(await under().category('Training Jobs'));
    const job = under().emulator.state.findTrainingJob(idOf(first));
    assert.ok(job, 'the first listed node is a training job');
    job.job.timeline.plan(under().emulator.clock.now(), [['Running', runningInterval() / 2]], 'Completed');
    explorer().reload();
    const row = (await under().explorer.getChildren(await under().category('Training Jobs'))).find((node) => node.id === first.id);
    assert.ok(row);
    assert.ok(description(row).startsWith('Running'), description(row));
    assert.match(String(row.getTreeItem().contextValue), /\bcanStop\b/);
    const runningIcon = (row.getTreeItem().iconPath as vscode.ThemeIcon).id;

    const rerendered: Node[] = [];
    const subscription = explorer().onDidChangeTreeData((node) => node && rerendered.push(node));
    try {
      await scheduler.advance(runningInterval());
    } finally {
      subscription.dispose();
    }
    assert.ok(description(row).startsWith('Completed'), `the row shows Completed: ${description(row)}`);
    assert.doesNotMatch(String(row.getTreeItem().contextValue), /\bcanStop\b/, 'Stop is no longer offered');
    assert.notEqual((row.getTreeItem().iconPath as vscode.ThemeIcon).id, runningIcon, 'the icon changed');
    assert.ok(rerendered.includes(row), 'the tree was told to render the row again');
  });

  it('N running notebooks of one category: one list request each running interval, none at the poll intervals between', async () => {
    const running = await notebooksAll('RUNNING');
    assert.ok(running.length >= 3, `${running.length} notebooks in the default workspace`);
    assert.equal(poller().trackedCount, 0, 'nothing is changing');
    assert.equal(poller().runningCount, running.length, 'every running notebook is watched');
    assert.ok(runningInterval() > 3 * changingInterval(), 'the running interval is the slower');

    under().emulator.requests.clear();
    const polls = Math.floor(runningInterval() / changingInterval()) - 1;
    for (let poll = 0; poll < polls; poll++) {
      await scheduler.advance(changingInterval());
    }
    assert.equal(notebookRequests(), 0, 'no request before the running interval has passed');
    await scheduler.advance(runningInterval() - polls * changingInterval());
    assert.equal(notebookLists(), 1, 'one list of the category');
    assert.equal(notebookRequests(), 1, 'and no read of each notebook');
    await scheduler.advance(runningInterval());
    assert.equal(notebookRequests(), 2, 'one request a running interval');

    const [stopped] = running;
    under().emulator.state.setNotebookStatus(idOf(stopped), 'STOPPED');
    await scheduler.advance(runningInterval());
    assert.ok(description(stopped).startsWith('Stopped'), `a notebook stopped elsewhere shows it: ${description(stopped)}`);
    assert.match(String(stopped.getTreeItem().contextValue), /\bcanStart\b/);
    assert.equal(poller().runningCount, running.length - 1, 'and is no longer watched');
  });

  it('hiding the explorer stops the slow polling, showing it again resumes it', async () => {
    await notebooksAll('RUNNING');
    await expectSilenceWhileHidden(under(), scheduler, 3 * runningInterval());
    await scheduler.advance(0);
    assert.equal(notebookLists(), 1, 'the category, overdue, is listed again at once');
    await scheduler.advance(runningInterval() - 1);
    assert.equal(notebookLists(), 1, 'and not again before a running interval');
    await scheduler.advance(1);
    assert.equal(notebookLists(), 2);
  });

  it('relative times are rendered again once a minute while polling, without a request', async () => {
    const running = await notebooksAll('RUNNING');
    const before = running.map(description);
    await scheduler.advance(runningInterval());
    under().emulator.requests.clear();
    const rerendered: Node[] = [];
    const subscription = explorer().onDidChangeTreeData((node) => node && rerendered.push(node));
    // Time as the rows' ages read it moves on by three days; the emulator serves nothing meanwhile.
    const realNow = Date.now;
    Date.now = () => realNow() + 3 * 86_400_000;
    let during: string[];
    try {
      await scheduler.advance(60_000 - runningInterval());
      during = running.map(description);
    } finally {
      Date.now = realNow;
      subscription.dispose();
    }
    assert.equal(under().emulator.requests.count(), 0, 'no request for it');
    assert.deepEqual(
      running.filter((node) => !rerendered.includes(node)).map(description),
      [],
      'every row whose age reads differently was rendered again',
    );
    assert.ok(rerendered.length >= running.length, `${rerendered.length} rows rendered again`);
    assert.ok(during.every((text, index) => text !== before[index]), `every age moved on: ${during.join(', ')}`);
  });

  it('with nothing changing or running, no timer exists and no request is sent', async () => {
    await notebooksAll('STOPPED');
    assert.equal(poller().trackedCount + poller().runningCount, 0);
    assert.equal(scheduler.pending, 0, 'no timer');
    assert.equal(poller().isPolling, false);
    under().emulator.requests.clear();
    assert.equal(await scheduler.advance(3 * runningInterval()), 0, 'no poll ran');
    assert.equal(under().emulator.requests.count(), 0);
  });
});
