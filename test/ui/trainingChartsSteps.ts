// A running training job's charts, after the reason steps (signed in, cn-north-4 → default expanded, Training Jobs
// open and unfiltered): its details panel charts the resource usage of each task and the loss its log prints, and a
// series unticked leaves its chart. Leaves the panel open, with every series shown again.
import { CN_NORTH_4_JOBS } from '../../emulator/seedData';
import type { Locator } from '../vscode-host/playwright';
import type { StepContext, UiStep } from './steps';
import { exactly, expectGone, expectVisible, NotSeen } from './workbench';

/** Seeded jobs of the default workspace that have run for a while: their usage has a value a minute to chart. */
const seededRunning = CN_NORTH_4_JOBS.filter((job) => job.phase === 'Running' && job.workspace === 0).map((job) => job.name);

/** A chart of the panel by its title. */
function chart({ panel }: StepContext, title: string): Locator {
  return panel.content.locator('figure.chart', { has: panel.content.locator('figcaption', { hasText: exactly(title) }) });
}

export const trainingChartsSteps: readonly UiStep[] = [
  {
    slug: 'job-charts',
    title: 'Show a running training job’s details: its resource usage and loss charted, a series hidden by its checkbox',
    expected:
      'the details panel of a seeded running job has "Resource usage" with CPU, memory and GPU charts drawn on canvas and ' +
      '"Training metrics" with a checkbox per series and a loss chart; unticking "lr" removes its chart, ticking brings it back',
    timeoutMs: 40_000,
    async run(context) {
      const { ui, panel, screenshot } = context;
      const running = ui.withDescription(ui.treeRowsAt(4), /^Running\b/).filter({ has: ui.page.locator('.label-name', { hasText: new RegExp(`^(${seededRunning.join('|')})$`) }) });
      await expectVisible(running.first(), `a running seeded job (${seededRunning.join(' or ')})`);
      const name = await running.first().locator('.label-name').innerText();
      await ui.openContextMenu(ui.treeRow(name, 4));
      await ui.chooseContextMenuItem('Show Training Job Details');
      await expectVisible(panel.heading.filter({ hasText: exactly(name) }), `the panel titled "${name}"`);

      // The charts come with the first refresh: usage from the metrics operation, series from the log.
      for (const title of ['CPU usage (%)', 'Memory usage (%)', 'GPU utilization (%)', 'loss']) {
        await expectVisible(chart(context, title).locator('canvas').first(), `a drawn chart "${title}"`, 15_000);
      }
      const plot = chart(context, 'CPU usage (%)').locator('.chart-plot[role="img"]');
      const described = (await plot.getAttribute('aria-label')) ?? '';
      if (!/^CPU usage \(%\) over \d+ minutes; latest: worker-0 \d/.test(described)) throw new NotSeen(`the CPU chart named by what it shows: "${described}"`);
      await panel.content.locator('#usage-heading').scrollIntoViewIfNeeded();
      await screenshot('usage');
      await chart(context, 'loss').scrollIntoViewIfNeeded();
      await screenshot('scalars');

      const lrBox = panel.content.locator('.series-choice vscode-checkbox[label="lr"]');
      await expectVisible(lrBox, 'a checkbox "lr" among the series');
      await lrBox.click();
      await expectGone(chart(context, 'lr'), 'the "lr" chart');
      await expectVisible(chart(context, 'loss').locator('canvas').first(), 'the loss chart still there');
      await screenshot('lr-hidden');
      await lrBox.click();
      await expectVisible(chart(context, 'lr').locator('canvas').first(), 'the "lr" chart back');
    },
  },
];
