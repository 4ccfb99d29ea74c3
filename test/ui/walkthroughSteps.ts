// The walkthrough, after the Run on ModelArts steps (no region chosen yet): opened from the command palette as a
// person would, its five steps shown. What happened before it was opened is already ticked (signed in, a folder run
// on ModelArts); what did not is not (no notebook connected, no chat); "Choose regions" ticks by its own button, and the
// region it added is removed again.
import type { Locator } from '../vscode-host/playwright';
import { region, type UiStep } from './steps';
import { exactly, expectGone, expectVisible, NotSeen, type Workbench } from './workbench';

const walkthroughTitle = 'Get Started with ModelArts';
const stepTitles = ['Sign in, or try the emulator demo', 'Choose regions', 'Create a notebook and connect to it', 'Run a training job from a folder', 'Ask @modelarts in chat'];
const addedRegion = 'cn-east-3';

function walkthroughStep(ui: Workbench, title: string): Locator {
  return ui.page.locator('.gettingStartedContainer button.getting-started-step').filter({ has: ui.page.locator('.step-title', { hasText: exactly(title) }) });
}

/** A step's tick: VS Code may register the walkthrough's completion events only once the page opens, so it is waited for. */
async function expectTicked(ui: Workbench, title: string): Promise<void> {
  await expectVisible(walkthroughStep(ui, title).and(ui.page.locator('[aria-checked="true"]')), `the step "${title}" ticked`);
}

/** F1, the command typed, Enter: from a focusable part of the workbench, as a person's key press reaches it. */
async function runFromPalette(ui: Workbench, command: string): Promise<void> {
  await ui.activityBarIcon('ModelArts').press('F1');
  await ui.quickInputBox.fill(`>${command}`);
  await expectVisible(ui.quickPickItem(command), `the command "${command}" in the palette`);
  await ui.quickInputBox.press('Enter');
}

export const walkthroughSteps: readonly UiStep[] = [
  {
    slug: 'walkthrough',
    title: 'Welcome: Open Walkthrough → the ModelArts walkthrough, what was done already ticked; its Add Region button ticks Choose regions',
    expected:
      `the palette's "Welcome: Open Walkthrough…" lists "${walkthroughTitle}", which shows the five steps ${stepTitles.map((title) => `"${title}"`).join(', ')}; ` +
      `"${stepTitles[0]}" and "${stepTitles[3]}" are ticked, the others not; its "Add Region" button opens the region pick, and choosing ${addedRegion} ticks the step`,
    timeoutMs: 60_000,
    async run({ ui, screenshot }) {
      // Earlier steps' notifications would cover the walkthrough.
      await runFromPalette(ui, 'Notifications: Clear All Notifications');
      await runFromPalette(ui, 'Welcome: Open Walkthrough...');
      await expectVisible(ui.quickPickItem(walkthroughTitle), `"${walkthroughTitle}" among the walkthroughs`);
      await ui.quickPickItem(walkthroughTitle).click();

      for (const title of stepTitles) {
        await expectVisible(walkthroughStep(ui, title), `the step "${title}"`);
      }
      await expectTicked(ui, stepTitles[0]);
      await expectTicked(ui, stepTitles[3]);
      for (const title of [stepTitles[1], stepTitles[2], stepTitles[4]]) {
        const unticked = await walkthroughStep(ui, title).getAttribute('aria-checked');
        if (unticked !== 'false') throw new NotSeen(`the step "${title}" not ticked yet (aria-checked is ${unticked})`);
      }
      const chooseRegions = walkthroughStep(ui, stepTitles[1]);
      await screenshot('opened');

      await chooseRegions.click();
      const addRegion = chooseRegions.locator('.button-container .monaco-button', { hasText: exactly('Add Region') });
      await expectVisible(addRegion, 'the "Add Region" button of the "Choose regions" step');
      await screenshot('choose-regions');
      await addRegion.click();
      await expectVisible(ui.quickPickItem(addedRegion), `${addedRegion} in the region pick`);
      await ui.quickPickItem(addedRegion).click();
      await expectTicked(ui, 'Choose regions');
      await screenshot('region-chosen');
      // The regions as they were: later steps add this region themselves. The signed-in region folded first, so the
      // new region's row is in sight below it (its long lists would push it out), and unfolded again after.
      await ui.collapse(region, 1);
      await ui.openContextMenu(ui.treeRow(addedRegion, 1));
      await ui.chooseContextMenuItem('Remove Region');
      await expectGone(ui.treeRow(addedRegion, 1), `${addedRegion} removed from the tree`);
      await ui.expand(region, 1);
    },
  },
];
