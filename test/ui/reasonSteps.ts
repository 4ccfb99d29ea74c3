// Reasons at a glance and the status filter, after the panel steps (signed in, cn-north-4 → default expanded,
// Training Jobs open at level 3): a failed job's hover says why it failed, and the funnel on Training Jobs shows only
// the failed ones until Clear. Leaves Training Jobs open and unfiltered.
import type { Locator } from '../vscode-host/playwright';
import type { UiStep } from './steps';
import { exactly, expectGone, expectVisible, NotSeen, type Workbench } from './workbench';

const FAILED = /^(Failed|Abnormal)\b/;

/** The visible hover (tooltip) that contains `text`. */
function hoverWith(ui: Workbench, text: string | RegExp): Locator {
  return ui.page.locator('.monaco-hover:visible', { hasText: text });
}

/** A choice of a multi-select quick pick (its rows are checkboxes, not options). */
function checkboxItem(ui: Workbench, label: string): Locator {
  return ui.quickInput.locator('.monaco-list-row').filter({ has: ui.page.locator('.label-name', { hasText: exactly(label) }) });
}

export const reasonSteps: readonly UiStep[] = [
  {
    slug: 'failed-job-reason',
    title: 'Hover a failed training job: its hover starts with why it failed, and the row has a View Logs button',
    expected: 'the hover of a job described "Failed…" shows "Reason:" and the last error line of its log; the row offers "View Training Job Logs"',
    timeoutMs: 30_000,
    async run({ ui, screenshot }) {
      const failed = ui.withDescription(ui.treeRowsAt(4), FAILED).first();
      await expectVisible(failed, 'a failed job under Training Jobs');
      const titles = await ui.inlineActionTitles(failed);
      if (!titles.includes('View Training Job Logs')) throw new NotSeen(`the "View Training Job Logs" button on the failed job; its buttons: ${titles.join(', ')}`);
      await failed.locator('.label-name').hover();
      const hover = hoverWith(ui, 'Reason:');
      await expectVisible(hover, 'a hover starting with "Reason:"', 15_000);
      const text = await hover.innerText();
      if (!/Reason: .*(error|memory|killed|exception)/i.test(text)) throw new NotSeen(`an error line as the reason in the hover: "${text}"`);
      await screenshot('hover', { keepHover: true });
      await ui.parkPointer();
    },
  },
  {
    slug: 'status-filter',
    title: 'Filter Training Jobs by status: Failed only, then clear the filter',
    expected: 'the funnel on Training Jobs offers Running, Failed, Stopped…; with Failed picked the category reads "only Failed" and lists failed jobs only; Clear Status Filter lists every job again',
    timeoutMs: 40_000,
    async run({ ui, emulator, screenshot }) {
      const category = ui.treeRow('Training Jobs', 3);
      await ui.clickInlineAction(category, 'Filter by Status…');
      await expectVisible(checkboxItem(ui, 'Running'), 'the state "Running" in the pick');
      await checkboxItem(ui, 'Failed').click();
      await screenshot('pick');
      emulator.requests.clear();
      await ui.quickInputBox.press('Enter');
      await expectVisible(ui.description(category).filter({ hasText: 'only Failed' }), 'Training Jobs described "only Failed"');
      await expectVisible(ui.withDescription(ui.treeRowsAt(4), FAILED).first(), 'a failed job listed');
      const descriptions = await ui.treeRowsAt(4).locator('.label-description').allInnerTexts();
      const others = descriptions.filter((text) => !FAILED.test(text));
      if (others.length > 0) throw new NotSeen(`only failed jobs under Training Jobs; also: ${others.join(' | ')}`);
      // The job watch's own search, narrowed to the ids of the jobs it watches (one created in an earlier step), may
      // come after the category's.
      const search = emulator.requests
        .list({ method: 'POST', path: '/training-job-searches' })
        .filter((request) => !request.body?.includes('"key":"id"'))
        .at(-1);
      if (!search?.body?.includes('"key":"phase"')) throw new NotSeen(`the search filtering on the server by phase: ${search?.body ?? 'no search'}`);
      await ui.parkPointer();
      await screenshot('filtered');

      await ui.clickInlineAction(category, 'Clear Status Filter');
      await expectGone(ui.description(category).filter({ hasText: 'only' }), 'the "only Failed" on Training Jobs');
      await expectVisible(ui.withDescription(ui.treeRowsAt(4), /^(Running|Completed)\b/).first(), 'jobs of other states listed again');
      await ui.parkPointer();
    },
  },
];
