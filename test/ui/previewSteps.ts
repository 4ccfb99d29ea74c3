// The tree behaves like VS Code's others, and nothing is lost on reload: a click on a training job shows its details
// in one preview panel that the next click reuses; a details panel and a create form with text typed in it come back
// after "Developer: Reload Window". Needs the first steps only (signed in); expands what it uses.
import { region, type UiStep, workspace } from './steps';
import { exactly, expectGone, expectVisible, NotSeen, type Workbench } from './workbench';

/** Typed into the Create Training Job form before the reload. */
const typedName = 'typed-before-reload';

/** F1, the command typed, Enter: from a focusable part of the workbench, as a person's key press reaches it. */
async function runFromPalette(ui: Workbench, command: string): Promise<void> {
  await ui.activityBarIcon('ModelArts').press('F1');
  await ui.quickInputBox.fill(`>${command}`);
  await expectVisible(ui.quickPickItem(command), `the command "${command}" in the palette`);
  await ui.quickInputBox.press('Enter');
}

/** The names of the first two training jobs, under the expanded Training Jobs. */
async function twoJobs(ui: Workbench): Promise<[string, string]> {
  await ui.expand(region, 1);
  await ui.expand(workspace, 2);
  const group = await ui.expand('Training Jobs', 3);
  const groupIndex = await ui.rowPosition(group, 'Training Jobs');
  const jobAt = (offset: number) => ui.container.locator(`.monaco-list-row[data-index="${groupIndex + offset}"][aria-level="4"] .label-name`);
  await expectVisible(jobAt(2), 'two training jobs under Training Jobs');
  return [(await jobAt(1).innerText()).trim(), (await jobAt(2).innerText()).trim()];
}

/** The job whose details the reload step expects back: the one the click step left in the panel. */
let shownJob: string | undefined;

export const previewSteps: readonly UiStep[] = [
  {
    slug: 'preview-click',
    title: 'Click a training job: its details in a preview panel; click another: the same panel shows it; double click pins',
    expected:
      'a click on a job row opens one panel titled with its name showing its details; a click on a second job replaces it ' +
      '(one tab, now titled with the second); a double click on the first job keeps a tab of its own next to the second',
    timeoutMs: 60_000,
    async run({ ui, panel, screenshot }) {
      await runFromPalette(ui, 'View: Close All Editors');
      const [first, second] = await twoJobs(ui);
      await ui.treeRow(first, 4).click();
      await expectVisible(ui.editorTabTitled(first), `a panel titled "${first}"`);
      await expectVisible(panel.heading.filter({ hasText: exactly(first) }), `the details of "${first}"`);
      await expectVisible(panel.statusBadge, 'its status badge');
      await screenshot('first');
      await ui.treeRow(second, 4).click();
      await expectVisible(panel.heading.filter({ hasText: exactly(second) }), `the details of "${second}"`);
      await expectVisible(ui.editorTabTitled(second), `the panel titled "${second}"`);
      await expectGone(ui.editorTabTitled(first), `the tab of "${first}" (the preview shows "${second}" now)`);
      await screenshot('reused');
      // The double click's first click moves the preview to the first job, its second pins it.
      await ui.treeRow(first, 4).dblclick();
      await expectVisible(ui.editorTabTitled(first), `a panel titled "${first}"`);
      const tabs = await ui.page.locator('.part.editor .tabs-container .tab').count();
      if (tabs !== 1) throw new NotSeen(`one tab after the preview moved to "${first}", but ${tabs}`);
      await ui.treeRow(second, 4).click();
      await expectVisible(ui.editorTabTitled(second), `a new preview titled "${second}"`);
      await expectVisible(ui.editorTabTitled(first), `the pinned panel of "${first}" still open`);
      await screenshot('pinned');
      shownJob = second;
    },
  },
  {
    slug: 'preview-reload',
    title: 'Type in Create Training Job, reload the window: the form keeps the text, the details panel comes back',
    expected:
      `after "Developer: Reload Window" the "Create Training Job" tab comes back with "${typedName}" in its Name, and the details ` +
      'panel of the job shown before comes back showing that job, read again',
    timeoutMs: 120_000,
    async run({ ui, panel, emulator, screenshot }) {
      const job = shownJob ?? (await twoJobs(ui))[0];
      if (!shownJob) await ui.treeRow(job, 4).dblclick();
      await expectVisible(ui.editorTabTitled(job), `a panel titled "${job}"`);
      await ui.clickInlineAction(ui.treeRow('Training Jobs', 3), 'Create Training Job…');
      await expectVisible(panel.heading.filter({ hasText: exactly('Create Training Job') }), 'the form titled "Create Training Job"');
      await panel.textBox('name').fill(typedName);
      await screenshot('typed');

      await runFromPalette(ui, 'Developer: Reload Window');
      await expectVisible(ui.activityBarIcon('ModelArts'), 'the ModelArts icon after the reload', 60_000);
      await expectVisible(ui.editorTabTitled('Create Training Job'), 'the "Create Training Job" tab after the reload', 30_000);
      await expectVisible(panel.heading.filter({ hasText: exactly('Create Training Job') }), 'the form after the reload', 30_000);
      await expectVisible(panel.control('flavorId'), 'the Flavor list (the choices loaded again)', 30_000);
      const name = await panel.textBox('name').inputValue();
      if (name !== typedName) throw new NotSeen(`the Name "${typedName}" after the reload, but "${name}"`);
      await screenshot('form-restored');

      emulator.requests.clear();
      await ui.editorTabTitled(job).click();
      await expectVisible(panel.heading.filter({ hasText: exactly(job) }), `the details of "${job}" after the reload`, 30_000);
      if (emulator.requests.count({ method: 'GET', path: '/training-jobs/' }) === 0) throw new NotSeen('the job read again after the reload');
      await screenshot('details-restored');
      await runFromPalette(ui, 'View: Close All Editors');
    },
  },
];
