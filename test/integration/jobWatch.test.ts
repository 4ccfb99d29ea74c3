import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { JobWatcher } from '../../src/views/jobWatch/jobWatcher';
import { WatchedJobs } from '../../src/views/jobWatch/watchedJobs';
import { realTimers } from '../../src/views/transitionPoller';
import { invokeTool, sampleInputs } from './chatSamples';
import type { TrainingJobFormValues } from '../../src/webviews/protocol';
import { conversation, type Node, type Panel, REGION, signedInSuite, until } from './harness';
import { VirtualScheduler } from './virtualScheduler';

/** Storage like the extension's global state, kept by the test so a watcher can be made again from it (a reload). */
class MemoryStorage implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

/**
 * Watched training jobs: read on a virtual clock (one search per region and workspace a running interval, whatever
 * the number of jobs), and each end told once, with Show Log, Show Details and Run Again, whether or not the explorer
 * shows the job; the watch list outlives its watcher.
 */
describe('Watching training jobs', () => {
  const under = signedInSuite({ transitionMs: 3_600_000 });
  /** The explorer's own polling never runs here: every read counted is the watch's. */
  const idle = new VirtualScheduler(() => undefined);
  let scheduler: VirtualScheduler;
  const watch = () => under().api.context.jobWatch;
  const interval = () => under().api.context.session.settings.runningPollIntervalMs;
  const idOf = (node: Node) => node.id.split('/').pop() as string;
  const searches = () => under().emulator.requests.list({ path: /training-job-searches$/ });
  const singleReads = () => under().emulator.requests.count({ method: 'GET', path: /\/training-jobs\/[^/]+$/ });
  const ends = () => under().ui.shown.filter((entry) => /^Training job ".*" (completed|failed|was terminated)/.test(entry.message));

  before(() => {
    scheduler = new VirtualScheduler((ms) => under().emulator.clock.advance(ms));
    under().api.context.explorer.poller.useScheduler(idle);
    under().api.jobWatcher.useScheduler(scheduler);
  });
  beforeEach(() => watch().list().forEach((job) => watch().unwatch(job.jobId)));
  after(() => {
    under().api.context.explorer.poller.useScheduler(realTimers);
    under().api.jobWatcher.useScheduler(realTimers);
  });

  /** The first `count` training jobs of the default workspace, running in the emulator. */
  async function runningJobs(count: number): Promise<{ id: string; name: string }[]> {
    const rows = (await under().explorer.getChildren(await under().category('Training Jobs'))).slice(0, count);
    assert.equal(rows.length, count, 'the emulator seeds enough jobs');
    return rows.map((row) => {
      under().emulator.state.setTrainingJobPhase(idOf(row), 'Running');
      const job = under().emulator.state.findTrainingJob(idOf(row));
      assert.ok(job);
      return { id: job.job.id, name: job.job.name };
    });
  }

  it('three watched jobs in one region cost one search an interval, narrowed to their ids', async () => {
    const jobs = await runningJobs(3);
    jobs.forEach((job) => watch().watch({ region: REGION, workspaceId: '0', jobId: job.id, name: job.name }));
    under().emulator.requests.clear();

    await scheduler.advance(interval());
    assert.equal(searches().length, 1, 'one search for the three');
    assert.equal(singleReads(), 0, 'no job read by itself');
    const filters = (JSON.parse(searches()[0].body ?? '{}') as { filters?: { key: string; value: string[] }[] }).filters;
    assert.deepEqual(filters?.find((filter) => filter.key === 'id')?.value.slice().sort(), jobs.map((job) => job.id).sort());

    await scheduler.advance(interval());
    assert.equal(searches().length, 2, 'one more the next interval');
    assert.deepEqual(under().api.jobWatcher.statusBar.shown?.text, '$(eye) 3');
    assert.deepEqual(ends(), [], 'nothing ended');
  });

  it('a watched job\'s end is told once, with Show Log, Show Details and Run Again, also with the explorer hidden', async () => {
    const [job] = await runningJobs(1);
    const folder = vscode.Uri.file('/work/project').fsPath;
    watch().watch({ region: REGION, workspaceId: '0', jobId: job.id, name: job.name, runFolder: folder });
    await vscode.commands.executeCommand('workbench.view.explorer');
    try {
      await until(() => under().api.context.treeView.visible, (visible) => !visible, 'the ModelArts explorer to be hidden');
      under().emulator.state.setTrainingJobPhase(job.id, 'Completed');
      await scheduler.advance(interval());
      assert.deepEqual(ends(), [{ kind: 'info', message: `Training job "${job.name}" completed.`, actions: ['Show Log', 'Show Details', 'Run Again'] }]);
      await scheduler.advance(3 * interval());
      assert.equal(ends().length, 1, 'told once');
      assert.equal(watch().isWatched(job.id), false, 'an ended job is no longer watched');
      assert.equal(under().api.jobWatcher.statusBar.shown, undefined, 'the status bar item hides with nothing watched');
    } finally {
      await vscode.commands.executeCommand('modelarts.explorer.focus');
    }
  });

  it('a job watched from its menu has its row marked; its failure, read by the explorer, is told with why', async () => {
    const [job] = await runningJobs(1);
    under().api.context.explorer.reload(); // its row shows it running
    const row = (await under().explorer.getChildren(await under().category('Training Jobs'))).find((node) => idOf(node) === job.id);
    assert.ok(row);
    await vscode.commands.executeCommand('modelarts.trainingJob.watch', row);
    assert.ok(watch().isWatched(job.id));
    const provider = under().api.context.explorer as unknown as { getTreeItem(node: Node): vscode.TreeItem };
    assert.match(String(provider.getTreeItem(row).contextValue), /^trainingJob\b.*\bwatched\b/, 'its menu offers Unwatch');

    under().emulator.state.setTrainingJobPhase(job.id, 'Failed');
    await vscode.commands.executeCommand('modelarts.refresh', row);
    await until(() => ends(), (told) => told.length === 1, 'the end to be told');
    assert.match(ends()[0].message, new RegExp(`^Training job "${job.name}" failed: .+`));
    assert.equal(ends()[0].kind, 'error');
    assert.equal(watch().isWatched(job.id), false);
  });

  it('a job created by the chat tool is watched, and the status bar\'s list unwatches it', async () => {
    const input = sampleInputs(under().emulator, under().emulator.demo.ak).modelarts_create_training_job;
    assert.match(await invokeTool('modelarts_create_training_job', input), /^Created training job "chat-made-job"/);
    assert.deepEqual(watch().list().map((job) => job.name), ['chat-made-job']);
    assert.deepEqual(under().api.jobWatcher.statusBar.shown?.text, '$(eye) 1');

    under().ui.answer('$(eye-closed) Unwatch…', 'chat-made-job');
    await vscode.commands.executeCommand('modelarts.watchedJobs.show');
    assert.deepEqual(watch().list(), []);
    assert.equal(under().api.jobWatcher.statusBar.shown, undefined);
  });

  it('a job created in the training job form is watched', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.trainingJob.create', await under().category('Training Jobs'))) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const form = await talk.next('trainingJobForm');
      const options = await talk.next('trainingJobOptions');
      const image = 'swr.cn-north-4.myhuaweicloud.com/nlp-research/qwen2-7b-sft:0.2.0';
      const values: TrainingJobFormValues = { ...form.values, name: 'watched-from-form', source: 'image', imageUrl: image, command: 'python train.py', flavorId: options.flavors[0].id };
      await panel.receive({ type: 'submitTrainingJob', values });
      await until(() => talk.disposed, Boolean, 'the panel to close after creating');
    } finally {
      talk.dispose();
      panel.dispose();
    }
    assert.deepEqual(watch().list().map((job) => [job.name, job.region, job.workspaceId]), [['watched-from-form', REGION, '0']]);
  });

  it('the watch list outlives its watcher: a job that ended meanwhile is told once by the next one', async () => {
    const [job] = await runningJobs(1);
    const storage = new MemoryStorage();
    const reloaded = (): JobWatcher => {
      const watcher = new JobWatcher({ ...under().api.context, jobWatch: new WatchedJobs(storage) });
      watcher.useScheduler(scheduler);
      return watcher;
    };
    const first = reloaded();
    new WatchedJobs(storage).watch({ region: REGION, workspaceId: '0', jobId: job.id, name: job.name });
    first.dispose(); // the window closes

    under().emulator.state.setTrainingJobPhase(job.id, 'Terminated');
    const second = reloaded();
    try {
      assert.deepEqual(second.statusBar.shown?.text, '$(eye) 1', 'the list was kept');
      await scheduler.advance(interval());
      assert.deepEqual(ends(), [{ kind: 'info', message: `Training job "${job.name}" was terminated.`, actions: ['Show Log', 'Show Details'] }]);
    } finally {
      second.dispose();
    }
    const third = reloaded();
    try {
      await scheduler.advance(interval());
      assert.equal(ends().length, 1, 'told once across reloads');
      assert.deepEqual(new WatchedJobs(storage).list(), []);
    } finally {
      third.dispose();
    }
  });
});
