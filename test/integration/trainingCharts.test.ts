import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HIDDEN_SCALARS_KEY } from '../../src/webviews/trainingCharts';
import { conversation, type Node, type Panel, signedInSuite, until } from './harness';

const MINUTE = 60_000;

describe('Training job charts in the details panel against the emulator', () => {
  const under = signedInSuite({ transitionMs: 300 });

  afterEach(async () => {
    await under().api.context.globalState.update(HIDDEN_SCALARS_KEY, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const idOf = (node: Node): string => node.id.split('/').pop() as string;

  /** A listed job of the default workspace with `nodes` nodes, made to run for `minutes` (it runs until told otherwise). */
  async function runningJob(nodes: number, minutes: number): Promise<{ node: Node; id: string }> {
    const listed = await under().explorer.getChildren(await under().category('Training Jobs'));
    const node = listed.find((candidate) => under().emulator.state.findTrainingJob(idOf(candidate))?.job.nodeCount === nodes);
    assert.ok(node, `a listed job of ${nodes} node(s)`);
    under().emulator.state.setTrainingJobPhase(idOf(node), 'Running');
    under().emulator.clock.advance(minutes * MINUTE);
    return { node, id: idOf(node) };
  }

  async function openDetails(node: Node) {
    const panel = (await vscode.commands.executeCommand('modelarts.trainingJob.showDetails', node)) as Panel;
    const talk = conversation(panel);
    await panel.receive({ type: 'ready' });
    return { panel, talk, close: () => (talk.dispose(), panel.dispose()) };
  }

  /** Gives every task of a job these log lines, through the emulator's control API. */
  async function setLog(id: string, lines: readonly string[]): Promise<void> {
    const response = await fetch(`${under().emulator.url}/__emulator/state/training-jobs/${id}/log`, { method: 'PUT', body: JSON.stringify({ lines }) });
    assert.ok(response.ok, `the emulator took the log (${response.status})`);
  }

  const metricsReads = (id: string): number => under().emulator.requests.count({ method: 'GET', path: `/training-jobs/${id}/metrics/` });
  const jobReads = (id: string): number => under().emulator.requests.count({ method: 'GET', path: new RegExp(`/training-jobs/${id}$`) });

  it('charts each task of a running multi-node job, and the loss and accuracy its log prints, reading the metrics once per task per refresh', async () => {
    const { node, id } = await runningJob(2, 12);
    const { panel, talk, close } = await openDetails(node);
    try {
      const { charts } = await talk.next('detailsCharts', (message) => message.charts.usage.length > 0 && message.charts.scalars.length > 0);
      const metrics = charts.usage.map((chart) => chart.metric);
      for (const metric of ['cpuUsage', 'memUsage', 'gpuUtil', 'gpuMemUsage']) {
        assert.ok(metrics.includes(metric), `a ${metric} chart among ${metrics.join(', ')}`);
      }
      const cpu = charts.usage.find((chart) => chart.metric === 'cpuUsage');
      assert.equal(cpu?.label, 'CPU usage (%)');
      assert.deepEqual(cpu?.tasks.map((task) => task.task), ['worker-0', 'worker-1'], 'one line per task');
      assert.deepEqual(cpu?.minutes.slice(0, 3), [0, 1, 2], 'a value a minute');
      for (const task of cpu?.tasks ?? []) {
        assert.ok(task.values.length >= 11 && task.values.length === cpu?.minutes.length, `about a value a minute for 12 minutes: ${task.values.length}`);
        assert.ok(task.values.every((value) => value !== null && value >= 0 && value <= 100), `percentages: ${task.values.join(', ')}`);
      }
      const keys = charts.scalars.map((chart) => chart.key);
      assert.ok(keys.includes('loss') && keys.includes('acc'), `loss and acc among ${keys.join(', ')}`);
      const loss = charts.scalars.find((chart) => chart.key === 'loss');
      assert.ok(loss && loss.x.length > 1 && loss.x.length === loss.y.length, 'the loss has points');
      assert.ok(loss.x.every((x, index) => index === 0 || x >= loss.x[index - 1]), 'x ascending');
      assert.deepEqual(charts.hiddenScalars, []);

      // Each refresh (one read of the job; the panel also refreshes a running job by itself) reads each task's metrics once.
      under().emulator.requests.clear();
      await panel.receive({ type: 'runAction', action: 'refresh' });
      await panel.receive({ type: 'runAction', action: 'refresh' });
      await until(() => [jobReads(id), metricsReads(id)], ([jobs, metrics]) => jobs >= 2 && metrics === 2 * jobs, 'two metrics reads (one per task) with each read of the job');
    } finally {
      close();
    }
  });

  it('reads an ended job’s metrics once: later refreshes read none', async () => {
    const { node, id } = await runningJob(1, 5);
    const { panel, talk, close } = await openDetails(node);
    try {
      await talk.next('detailsCharts', (message) => message.charts.usage.length > 0);
      under().emulator.state.setTrainingJobPhase(id, 'Completed');
      // The refresh that sees it completed reads the metrics a last time, before it shows the status.
      await panel.receive({ type: 'runAction', action: 'refresh' });
      await talk.next('details', (message) => message.view.status === 'Completed');
      under().emulator.requests.clear();
      await panel.receive({ type: 'runAction', action: 'refresh' });
      await panel.receive({ type: 'runAction', action: 'refresh' });
      assert.ok(jobReads(id) >= 2, 'refreshed');
      assert.equal(metricsReads(id), 0, 'no metrics read once the ended job’s were');
    } finally {
      close();
    }
  });

  it('averages a long run’s usage to at most 2000 points a line', async () => {
    const { node } = await runningJob(1, 3 * 24 * 60);
    const { talk, close } = await openDetails(node);
    try {
      const { charts } = await talk.next('detailsCharts', (message) => message.charts.usage.length > 0);
      const cpu = charts.usage.find((chart) => chart.metric === 'cpuUsage');
      assert.ok(cpu, 'a CPU chart');
      assert.deepEqual(cpu.minutes.slice(0, 3), [0, 3, 6], 'three days of minutes: a point every 3 minutes');
      assert.ok(cpu.minutes.length <= 2000 && cpu.tasks[0].values.length === cpu.minutes.length, `${cpu.minutes.length} points`);
      assert.ok(cpu.tasks[0].values.every((value) => value !== null && value >= 0 && value <= 100), 'averages of percentages');
    } finally {
      close();
    }
  });

  it('remembers a hidden series for later panels, and only the keys the charts have', async () => {
    const { node } = await runningJob(1, 5);
    let opened = await openDetails(node);
    try {
      await opened.talk.next('detailsCharts', (message) => message.charts.scalars.some((chart) => chart.key === 'loss'));
      await opened.panel.receive({ type: 'showScalar', key: 'loss', shown: false });
      const hidden = await opened.talk.next('detailsCharts', (message) => message.charts.hiddenScalars.includes('loss'));
      assert.ok(hidden.charts.scalars.some((chart) => chart.key === 'loss'), 'a hidden series stays offered, unticked');
      await opened.panel.receive({ type: 'showScalar', key: 'not-printed', shown: false });
      await opened.panel.receive({ type: 'showScalar', key: ['acc'], shown: false });
      assert.deepEqual(under().api.context.globalState.get(HIDDEN_SCALARS_KEY), ['loss']);
    } finally {
      opened.close();
    }

    opened = await openDetails(node);
    try {
      await opened.talk.next('detailsCharts', (message) => message.charts.scalars.length > 0 && message.charts.hiddenScalars.includes('loss'));
      await opened.panel.receive({ type: 'showScalar', key: 'loss', shown: true });
      await opened.talk.next('detailsCharts', (message) => message.charts.scalars.length > 0 && message.charts.hiddenScalars.length === 0);
    } finally {
      opened.close();
    }
  });

  it('charts what a Keras log prints, and no scalar chart for a log without numbers', async () => {
    const { node, id } = await runningJob(1, 5);
    await setLog(id, ['Epoch 1/2', '100/100 [==============================] - 2s 20ms/step - loss: 0.6100 - accuracy: 0.7100', 'Epoch 2/2', '100/100 [==============================] - 2s 20ms/step - loss: 0.3100 - accuracy: 0.9000']);
    let opened = await openDetails(node);
    try {
      const { charts } = await opened.talk.next('detailsCharts', (message) => message.charts.scalars.length > 0);
      const loss = charts.scalars.find((chart) => chart.key === 'loss');
      assert.deepEqual(loss?.y, [0.61, 0.31]);
      assert.equal(loss?.xLabel, 'epoch');
      assert.ok(charts.scalars.some((chart) => chart.key === 'accuracy'));
    } finally {
      opened.close();
    }

    await setLog(id, ['Starting training on worker-0', 'Loading the data set', 'Done']);
    opened = await openDetails(node);
    try {
      const { charts } = await opened.talk.next('detailsCharts', (message) => message.charts.usage.length > 0);
      await opened.talk.next('details', (message) => message.view.log?.text.includes('Loading the data set') === true);
      assert.deepEqual(charts.scalars, [], 'no scalar series, so no empty chart');
    } finally {
      opened.close();
    }
  });
});
