// SWR images, after the Lite Server step (signed in, cn-north-4 → Lite Server → Lite Servers open): the repositories narrowed to one
// namespace with the category's filter button, then a tag's image path copied with the button on its row.
import { type UiStep, region } from './steps';
import { expectGone, expectVisible, NotSeen } from './workbench';

const namespace = 'nlp-research';
const repository = 'bert-finetune-zh';
const image = `swr.${region}.myhuaweicloud.com/${namespace}/${repository}:v3`;

export const companionSteps: readonly UiStep[] = [
  {
    slug: 'swr-image-path',
    title: 'Narrow SWR Images to a namespace and copy an image path',
    expected:
      `${region} → Storage and Images → SWR Images lists repositories the most recently updated first (base-nightly first); its filter button offers the namespaces, and after ` +
      `choosing ${namespace} the category reads "only ${namespace}" and lists ${repository} but not base-nightly; ${repository} → Tags ` +
      `lists v3 first, and the "Copy Image Path" button on it reports "Copied ${image}" in the status bar`,
    timeoutMs: 45_000,
    async run({ ui, emulator, screenshot }) {
      await ui.collapse('Lite Server', 2);
      await ui.expand('Storage and Images', 2);
      const images = await ui.expand('SWR Images', 3);
      await expectVisible(ui.treeRow('base-nightly', 4), 'base-nightly, the most recently updated, under SWR Images');

      await ui.clickInlineAction(images, 'Filter SWR Images by Namespace…');
      await expectVisible(ui.quickPickItem(namespace), `${namespace} among the namespaces offered`);
      await screenshot('namespaces');
      emulator.requests.clear();
      await ui.quickPickItem(namespace).click();
      await expectVisible(ui.description(images).filter({ hasText: `only ${namespace}` }), `SWR Images described as "only ${namespace}"`);
      await expectVisible(ui.treeRow(repository, 4), `${repository} under SWR Images`);
      await expectGone(ui.treeRow('base-nightly', 4), 'base-nightly, which is in another namespace');
      const listed = emulator.requests.list({ path: '/v2/manage/repos' }).map((request) => request.query.namespace);
      if (!listed.includes(namespace)) throw new NotSeen(`a repository list request for ${namespace} (namespaces requested: ${JSON.stringify(listed)})`);

      await ui.expand(repository, 4);
      await ui.expand('Tags', 5);
      const newest = ui.treeRow('v3', 6);
      await expectVisible(newest, `v3 under ${repository} → Tags`);
      await ui.clickInlineAction(newest, 'Copy Image Path');
      await expectVisible(ui.page.locator('.part.statusbar', { hasText: `Copied ${image}` }), `"Copied ${image}" in the status bar`);
    },
  },
];
