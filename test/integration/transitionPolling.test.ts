import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LoggedRequest } from '../../emulator/server';
import { realTimers } from '../../src/views/transitionPoller';
import { type Node, signedInSuite } from './harness';
import { expectSilenceWhileHidden } from './hiddenExplorer';
import { VirtualScheduler } from './virtualScheduler';

/**
 * The explorer's polling of changing resources, on a virtual clock that moves the emulator's in step:
 * each poll runs when the test advances the clock, so the tests count requests, never wait for time.
 */
describe('Polling of changing resources', () => {
  // 120 extra training jobs make the default workspace's list span three pages.
  const under = signedInSuite({ scaleTrainingJobs: 120 });
  let scheduler: VirtualScheduler;
  const explorer = () => under().api.context.explorer;
  const poller = () => explorer().poller;
  const interval = () => under().api.context.session.settings.pollIntervalMs;
  const lastSegment = (path: string) => path.split('/').pop() as string;
  const idOf = (node: Node) => lastSegment(node.id);
  const description = (node: Node) => String(node.getTreeItem().description ?? '');
  const requests = (test: (request: LoggedRequest) => boolean) => under().emulator.requests.count(test);
  const notebookLists = () => requests((request) => request.method === 'GET' && /\/notebooks$/.test(request.path));
  const notebookReads = () => requests((request) => request.method === 'GET' && /\/notebooks\/[^/]+$/.test(request.path));
  const trainingJobRequests = () => under().emulator.requests.list((request) => /\/training-job(-searches|s\/[^/]+)$/.test(request.path));

  before(() => {
    scheduler = new VirtualScheduler((ms) => under().emulator.clock.advance(ms));
    poller().useScheduler(scheduler);
  });
  after(() => poller().useScheduler(realTimers));

  /** The default workspace's stopped and running notebooks, put into STARTING, as the tree shows them after loading them again. */
  async function startingNotebooks(): Promise<Node[]> {
    explorer().reload();
    const settled = (await under().explorer.getChildren(await under().category('Notebooks'))).filter((node) => /^(Stopped|Running)/.test(description(node)));
    settled.forEach((node) => under().emulator.state.setNotebookStatus(idOf(node), 'STARTING'));
    explorer().reload();
    const shown = await under().explorer.getChildren(await under().category('Notebooks'));
    return shown.filter((node) => settled.some((before) => before.id === node.id));
  }

  /** Polls until nothing is watched (at most 20 polls): the resources settled in the emulator first. */
  async function pollUntilSettled(): Promise<void> {
    for (let polls = 0; polls < 20 && poller().trackedCount > 0; polls++) {
      await scheduler.advance(interval());
    }
    assert.equal(poller().trackedCount, 0, 'nothing is watched');
  }

  it('N starting notebooks of one category are refreshed by one list request a poll, not one read each, and updated in place', async () => {
    const starting = await startingNotebooks();
    assert.ok(starting.length >= 3, `${starting.length} notebooks in the default workspace`);
    assert.ok(starting.every((node) => description(node).startsWith('Starting')), starting.map(description).join(', '));
    assert.ok(poller().trackedCount >= starting.length);

    under().emulator.requests.clear();
    assert.equal(await scheduler.advance(interval()), 1, 'one poll is due after one interval');
    assert.equal(notebookLists(), 1, 'one list of the category');
    assert.equal(notebookReads(), 0, 'no read of each notebook');

    const [deleted, ...others] = starting;
    others.forEach((node) => under().emulator.state.setNotebookStatus(idOf(node), 'RUNNING'));
    under().emulator.state.setNotebookStatus(idOf(deleted), 'DELETED');
    await scheduler.advance(interval());
    assert.equal(notebookLists(), 2);
    assert.equal(notebookReads(), 0);
    assert.ok(others.every((node) => description(node).startsWith('Running')), `the same nodes show Running: ${others.map(description).join(', ')}`);
    const shown = await under().explorer.getChildren(await under().category('Notebooks'));
    assert.ok(!shown.some((node) => node.id === deleted.id), 'a notebook missing from the whole list has left the tree');
    await pollUntilSettled();
  });

  it('with nothing changing or running no timer exists and no request is sent', async () => {
    explorer().reload();
    const notebooks = await under().explorer.getChildren(await under().category('Notebooks'));
    // Running notebooks are read at the running interval (runningPolling.test.ts): here none runs.
    notebooks.filter((node) => node.id.includes('/notebook/')).forEach((node) => under().emulator.state.setNotebookStatus(idOf(node), 'STOPPED'));
    explorer().reload();
    await under().explorer.getChildren(await under().category('Notebooks'));
    await pollUntilSettled();
    assert.equal(scheduler.pending, 0, 'no timer');
    assert.equal(poller().isPolling, false);
    under().emulator.requests.clear();
    assert.equal(await scheduler.advance(20 * interval()), 0, 'no poll ran');
    assert.equal(under().emulator.requests.count(), 0);
  });

  it('hiding the explorer stops the requests, showing it again resumes them', async () => {
    const starting = await startingNotebooks();
    assert.ok(starting.length > 0);
    await expectSilenceWhileHidden(under(), scheduler, 20 * interval());
    await scheduler.advance(interval());
    assert.equal(notebookLists(), 1, 'the category is listed again');
    starting.forEach((node) => under().emulator.state.setNotebookStatus(idOf(node), 'RUNNING'));
    await pollUntilSettled();
  });

  it('a changing job beyond the first page is read by itself, one request a poll in turn with the list', async () => {
    explorer().reload();
    const group = await under().category('Training Jobs');
    const loadMore = async () => {
      const item = (await under().explorer.getChildren(group)).at(-1)?.getTreeItem();
      assert.equal(item?.label, 'Load more…');
      await vscode.commands.executeCommand(item.command?.command as string, ...(item.command?.arguments ?? []));
    };
    await loadMore();
    await loadMore();
    const jobs = (await under().explorer.getChildren(group)).filter((node) => node.id.includes('/trainingJob/'));
    assert.ok(jobs.length > 100, `${jobs.length} jobs loaded`);
    const [onFirstPage, beyond] = [jobs[0], jobs[jobs.length - 1]];
    [onFirstPage, beyond].forEach((node) => under().emulator.state.setTrainingJobPhase(idOf(node), 'Pending'));
    // Refresh reads each job, as a person's click would: both now show Pending and are watched.
    await vscode.commands.executeCommand('modelarts.refresh', onFirstPage);
    await vscode.commands.executeCommand('modelarts.refresh', beyond);
    [onFirstPage, beyond].forEach((node) => under().emulator.state.setTrainingJobPhase(idOf(node), 'Running'));

    under().emulator.requests.clear();
    // Other jobs of the account may be changing too (and beyond the first page): they share the one request a poll.
    const bothRunning = () => [onFirstPage, beyond].every((node) => description(node).startsWith('Running'));
    for (let polls = 1; !bothRunning(); polls++) {
      assert.ok(polls <= 10, `both jobs show Running within 10 polls; sent ${trainingJobRequests().map((request) => lastSegment(request.path)).join(', ')}`);
      await scheduler.advance(interval());
      assert.equal(trainingJobRequests().length, polls, `poll ${polls} sent one request for the category`);
    }
    const sent = trainingJobRequests().map((request) => (request.path.endsWith('-searches') ? 'list' : lastSegment(request.path)));
    assert.equal(sent[0], 'list', 'several changing jobs: the category is listed');
    assert.ok(sent.includes(idOf(beyond)), `the job beyond the first page was read by itself: ${sent.join(', ')}`);
    assert.ok(!sent.includes(idOf(onFirstPage)), 'the job on the first page was not');
  });
});
