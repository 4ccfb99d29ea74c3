// Flavors as people say them, with their hourly prices: the Create Notebook form's flavor list.
import { type UiStep, workspace } from './steps';
import { exactly, expectGone, expectVisible, NotSeen } from './workbench';

/** Seeded prices (emulator/areas/bss.ts): V100 is priced, the sold-out A100 is not. */
const priced = 'V100 ×1 · 8 vCPU · 64 GB · CN¥28.00/h (modelarts.vm.gpu.v100)';
const unknown = 'A100 ×1 · 16 vCPU · 128 GB · price unknown (modelarts.vm.gpu.a100)';

export const priceSteps: readonly UiStep[] = [
  {
    slug: 'flavor-prices',
    title: 'The notebook flavor list names each flavor as people say it, with its hourly price',
    expected:
      `the "+" on ${workspace} → Notebooks opens "Create Notebook"; its Flavor list shows "${priced}" and "${unknown}" (greyed, sold out), ` +
      'each flavor once; Cancel closes the form',
    timeoutMs: 30_000,
    async run({ ui, panel, emulator, screenshot }) {
      const inquiry = { method: 'POST', path: '/v2/bills/ratings/on-demand-resources' };
      const inquiriesBefore = emulator.requests.count(inquiry);
      await ui.clickInlineAction(ui.treeRow('Notebooks', 3), 'Create Notebook…');
      await expectVisible(panel.heading.filter({ hasText: exactly('Create Notebook') }), 'the form titled "Create Notebook"');
      await expectVisible(panel.control('flavorId'), 'the Flavor list (the choices loaded)');
      await panel.openList('flavorId');
      await expectVisible(panel.option('flavorId', priced, 'enabled'), `the choice "${priced}"`);
      await expectVisible(panel.option('flavorId', unknown, 'disabled'), `the greyed choice "${unknown}"`);
      const v100 = await panel.control('flavorId').locator('li.option', { hasText: '(modelarts.vm.gpu.v100)' }).count();
      if (v100 !== 1) throw new NotSeen(`modelarts.vm.gpu.v100 once in the list; it is there ${v100} times`);
      const inquiries = emulator.requests.count(inquiry) - inquiriesBefore;
      if (inquiries > 1) throw new NotSeen(`at most one price inquiry for the form (a price may be known from before); ${inquiries} were sent`);
      await screenshot('flavor-list');

      await panel.control('flavorId').press('Escape'); // closes the open list
      await panel.button('Cancel').click();
      await expectGone(ui.editorTabTitled('Create Notebook'), 'the "Create Notebook" panel');
    },
  },
];
