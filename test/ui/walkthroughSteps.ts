// The walkthrough, after the Run on ModelArts steps (no region chosen yet): opened from the command palette as a
// person would, its five steps shown, and the "Choose regions" step ticked by what its own button does.
// Not checked here: the steps completed by the extension's context keys (signed in, a job run…). In this
// code-server build the walkthrough did not tick an onContext step even for modelarts.signedIn, while
// onSettingChanged ticks as below; test/integration/walkthrough.test.ts proves the keys are set.
import type { Locator } from '../vscode-host/playwright';
import type { UiStep } from './steps';
import { exactly, expectVisible, NotSeen, type Workbench } from './workbench';

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
    title: 'Welcome: Open Walkthrough → the ModelArts walkthrough; its Add Region button ticks the Choose regions step',
    expected:
      `the palette's "Welcome: Open Walkthrough…" lists "${walkthroughTitle}", which shows the five steps ${stepTitles.map((title) => `"${title}"`).join(', ')}; ` +
      `"Choose regions" is not ticked; its "Add Region" button opens the region pick, and choosing ${addedRegion} ticks the step`,
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
      const chooseRegions = walkthroughStep(ui, 'Choose regions');
      const unticked = await chooseRegions.getAttribute('aria-checked');
      if (unticked !== 'false') throw new NotSeen(`the step "Choose regions" not ticked before a region is chosen (aria-checked is ${unticked})`);
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
    },
  },
];
