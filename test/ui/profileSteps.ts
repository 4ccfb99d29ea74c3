// The profile's status bar item after signing in: "ModelArts: default · cn-north-4", and what a click on it offers
// (switch profile or region, Sign In, Show Log), then the profile list of Switch Profile with the profile in use.
import type { UiStep } from './steps';
import { region } from './steps';
import { expectGone, expectVisible, NotSeen } from './workbench';

const menuItems = ['Switch Profile…', 'Switch Region…', 'Sign In…', 'Show Log'];

export const profileSteps: readonly UiStep[] = [
  {
    slug: 'profile-status-bar',
    title: 'The profile in the status bar, and its menu',
    expected:
      `the status bar item "ModelArts: default · ${region}" (or the region an earlier step selected); clicked, a menu titled "ModelArts profile "default"" offering ` +
      `${menuItems.join(', ')}; "Switch Profile…" lists "default" in use with its masked access key`,
    timeoutMs: 30_000,
    async run({ ui, screenshot }) {
      // The region is where commands start: the signed-in region unless an earlier step selected another.
      const item = ui.page.locator('.part.statusbar .statusbar-item', { hasText: /ModelArts: default · [a-z]+-[a-z]+-\d+/ });
      await expectVisible(item, '"ModelArts: default · <region>" in the status bar');
      await screenshot('status-bar');
      await item.click();
      await expectVisible(ui.quickInput.locator('.quick-input-title', { hasText: 'ModelArts profile "default"' }), 'the profile menu');
      for (const label of menuItems) {
        await expectVisible(ui.quickInput.locator('.monaco-list-row[role="option"]', { hasText: label }), `"${label}" in the menu`);
      }
      await screenshot('menu');
      await ui.quickInput.locator('.monaco-list-row[role="option"]', { hasText: 'Switch Profile…' }).click();
      const current = ui.quickPickItem('default');
      await expectVisible(current, 'the profile "default" in the list');
      const description = await current.innerText();
      if (!description.includes('in use') || !description.includes('EMUL****0001')) throw new NotSeen(`"default" is not shown in use with its masked key: "${description}"`);
      await screenshot('switch-profile');
      await ui.quickInputBox.press('Escape');
      await expectGone(ui.quickInput.locator('.quick-input-title', { hasText: 'Switch ModelArts Profile' }), 'the profile list closed');
    },
  },
];
