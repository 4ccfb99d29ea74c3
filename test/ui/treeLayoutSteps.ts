// The region's layout, after signing in (cn-north-4 shown): its workspaces, then its account-wide categories in three
// groups; what was expanded stays expanded after the view's Refresh, and after a region is removed and added again
// (the workbench then builds its rows anew, as after a settings change or a profile switched back).
import type { Locator } from '../vscode-host/playwright';
import { region, type StepContext, type UiStep, workspace } from './steps';
import { expectGone, expectVisible, NotSeen } from './workbench';

const groups = ['Lite Server', 'Storage and Images', 'Network and Keys'];
const server = 'lite-cpu-etl';
/** A region no other step shows, added for this step and removed at its end. */
const otherRegion = 'cn-east-3';

export const treeLayoutSteps: readonly UiStep[] = [
  {
    slug: 'tree-layout',
    title: 'A region\'s workspaces, then its account-wide categories in groups; expansion kept across refreshes',
    expected:
      `${region} lists its workspaces, then ${groups.join(', ')}; Lite Server → Lite Servers expanded shows "${server}"; the view's ` +
      `Refresh lists the servers again and both stay expanded; ${otherRegion} → Storage and Images → OBS Buckets expanded, the region ` +
      'removed and added again, opens with the same rows expanded',
    timeoutMs: 60_000,
    async run(context) {
      const { ui, emulator, screenshot } = context;
      await ui.expand(region, 1);
      await ui.collapse(workspace, 2);
      for (const group of groups) await ui.collapse(group, 2);
      const positions = await Promise.all([workspace, ...groups].map((label) => ui.rowPosition(ui.treeRow(label, 2), `"${label}"`)));
      if (positions.some((position, index) => index > 0 && position <= positions[index - 1])) {
        throw new NotSeen(`the workspace, then ${groups.join(', ')} in this order (rows ${positions.join(', ')})`);
      }
      await screenshot('grouped-region');

      await ui.expand('Lite Server', 2);
      await ui.expand('Lite Servers', 3);
      await expectVisible(ui.treeRow(server, 4), `"${server}" under Lite Server → Lite Servers`);
      emulator.requests.clear();
      await refreshView(context);
      await expectListedAgain(context);
      await expectExpanded(context, ui.treeRow('Lite Server', 2), 'Lite Server');
      await expectExpanded(context, ui.treeRow('Lite Servers', 3), 'Lite Servers');
      await expectVisible(ui.treeRow(server, 4), `"${server}" still shown after the refresh`);
      await screenshot('after-refresh');
      await ui.collapse('Lite Server', 2);
      // Folded away, the signed-in region's groups leave the other region's the only rows of their names.
      await ui.collapse(region, 1);

      await addOtherRegion(context);
      try {
        const otherRow = ui.treeRow(otherRegion, 1);
        await ui.expand(otherRegion, 1);
        await ui.expand('Storage and Images', 2);
        await ui.expand('OBS Buckets', 3);
        await ui.openContextMenu(otherRow);
        await ui.chooseContextMenuItem('Remove Region');
        await expectGone(otherRow, `${otherRegion} removed`);
        await addOtherRegion(context);
        await expectExpanded(context, otherRow, otherRegion);
        await expectExpanded(context, ui.treeRow('Storage and Images', 2), `${otherRegion} → Storage and Images`);
        await expectExpanded(context, ui.treeRow('OBS Buckets', 3), `${otherRegion} → OBS Buckets`);
        await screenshot('region-added-again');
      } finally {
        await ui.openContextMenu(ui.treeRow(otherRegion, 1));
        await ui.chooseContextMenuItem('Remove Region');
        await ui.expand(region, 1);
      }
    },
  },
];

/** The Refresh button in the view's title bar. */
async function refreshView({ ui }: StepContext): Promise<void> {
  const button = ui.page.locator('.part.sidebar .title-actions .action-label[aria-label="Refresh"], .part.sidebar .pane-header .actions .action-label[aria-label="Refresh"]').first();
  await expectVisible(button, 'the Refresh button in the view\'s title bar');
  await button.click();
}

/** The expanded Lite Servers category was listed again by the refresh. */
async function expectListedAgain({ emulator }: StepContext): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (emulator.requests.list({ method: 'GET', path: /\/dev-servers$/ }).length === 0) {
    if (Date.now() > deadline) throw new NotSeen('a list request for the Lite Servers after Refresh');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function expectExpanded({ ui }: StepContext, row: Locator, what: string): Promise<void> {
  await expectVisible(row.and(ui.page.locator('[aria-expanded="true"]')), `"${what}" expanded`);
}

/** Adds the other region from the view's Add Region button. */
async function addOtherRegion({ ui }: StepContext): Promise<void> {
  const button = ui.page.locator('.part.sidebar .title-actions .action-label[aria-label="Add Region"], .part.sidebar .pane-header .actions .action-label[aria-label="Add Region"]').first();
  await expectVisible(button, 'the Add Region button in the view\'s title bar');
  await button.click();
  // Typed first: the list of regions is long, and a click while it still moves lands on another row.
  await ui.quickInputBox.fill(otherRegion);
  await expectVisible(ui.quickPickItem(otherRegion), `${otherRegion} in the region pick`);
  await ui.quickInputBox.press('Enter');
  await expectVisible(ui.treeRow(otherRegion, 1), `${otherRegion} in the tree`);
}
