// The cost guard: the count of what bills now in the status bar, right of the profile item; clicked, Running now
// lists it grouped by kind with flavor, hourly price and time running, the prices added up in its title; Stop several stops two notebooks after one confirmation
// naming both, and they are gone from Running now.
import type { UiStep } from './steps';
import { exactly, expectGone, expectVisible, NotSeen, type Workbench } from './workbench';

/** Running now, a multi-select pick: its rows whatever their role. */
function pickRows(ui: Workbench) {
  return ui.quickInput.locator('.monaco-list-row');
}

/** The rows of Running now naming `name`. */
function rowsNamed(ui: Workbench, name: string) {
  return pickRows(ui).filter({ has: ui.page.locator('.label-name', { hasText: exactly(name) }) });
}

async function openRunningNow(ui: Workbench): Promise<void> {
  await ui.page.locator('.part.statusbar .statusbar-item', { has: ui.page.locator('.codicon-pulse') }).click();
  await expectVisible(ui.quickInput.locator('.quick-input-title', { hasText: /^Billing now: \d+/ }), 'Running now, titled "Billing now: <count>"', 30_000);
}

export const costGuardSteps: readonly UiStep[] = [
  {
    slug: 'cost-guard',
    title: 'The cost guard: the count in the status bar, Running now, and Stop several with one confirmation',
    expected:
      'the status bar shows the profile item "ModelArts: <profile> · <region>" and, right of it, "$(pulse) <count>" whose tooltip counts per kind; ' +
      'clicked, a pick "Billing now: <count> · CN¥<sum>/h for the <n> priced (flavor, price and time running)" with groups Notebooks… and rows "<flavor> · CN¥<price>/h · running for <time>"; ' +
      '"Stop several…" opens a multi-select; two notebooks chosen, one dialog "Stop 2 resources: notebook "a", notebook "b"?" with Stop; then both are gone from Running now',
    timeoutMs: 120_000,
    async run({ ui, screenshot }) {
      const profile = ui.page.locator('.part.statusbar .statusbar-item', { hasText: /ModelArts: .+ · [a-z]+-[a-z]+-\d+/ });
      const count = ui.page.locator('.part.statusbar .statusbar-item', { has: ui.page.locator('.codicon-pulse') });
      await expectVisible(profile, 'the profile item "ModelArts: <profile> · <region>" in the status bar');
      await expectVisible(count.filter({ hasText: /^\s*\d+\+?\s*$/ }), 'the count "$(pulse) <count>" in the status bar', 30_000);
      await count.hover();
      await expectVisible(ui.page.locator('.monaco-hover:visible', { hasText: 'Notebooks:' }), 'the count\'s tooltip, per kind');
      await screenshot('status-bar', { keepHover: true });
      await ui.parkPointer();

      await openRunningNow(ui);
      await expectVisible(ui.quickInput.locator('.quick-input-list-separator', { hasText: /^Notebooks \(\d+\)/ }), 'the group "Notebooks (<count>)"');
      await expectVisible(ui.quickInput.locator('.quick-input-title', { hasText: /^Billing now: \d+ · CN¥[\d,.]+\/h for the \d+ priced/ }), 'the title adding up the known hourly prices');
      await expectVisible(pickRows(ui).filter({ hasText: /CN¥[\d,.]+\/h · running for / }).first(), 'a row with its hourly price and how long it has run');
      await screenshot('running-now');

      await ui.quickPickItem('Stop several…').click();
      await expectVisible(ui.quickInput.locator('.quick-input-title', { hasText: 'Stop which?' }), 'the multi-select "Stop which?"');
      // The first group is the notebooks: its first two rows (a row's first label is its name, then its detail).
      const names: string[] = [];
      for (const index of [0, 1]) {
        const row = ui.quickInput.locator(`.monaco-list-row[data-index="${index}"]`);
        await expectVisible(row, `row ${index + 1} of the multi-select`);
        names.push((await row.locator('.label-name').first().innerText()).trim());
        await row.click();
        await expectVisible(row.and(ui.page.locator('[aria-checked="true"]')), `"${names[index]}" ticked`);
      }
      await screenshot('stop-several');
      await ui.quickInputBox.press('Enter');

      const question = `Stop 2 resources: notebook "${names[0]}", notebook "${names[1]}"?`;
      await expectVisible(ui.dialog.filter({ hasText: question }), `one dialog "${question}"`);
      await screenshot('confirm');
      await ui.dialogButton('Stop').click();
      await expectGone(ui.dialog, 'the dialog');

      await openRunningNow(ui);
      for (const name of names) {
        if ((await rowsNamed(ui, name).count()) > 0) throw new NotSeen(`"${name}" gone from Running now after its stop`);
      }
      await screenshot('after-stop');
      await ui.quickInputBox.press('Escape');
    },
  },
];
