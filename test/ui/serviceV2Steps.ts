// Real-time services (v2), after the v1 step (cn-north-4 and default open, Real-Time Services (v1) open): an SWR image
// deployed from the Create Real-Time Service (v2) form, after an image of another region was refused at its field.
import { type UiStep, workspace } from './steps';
import { idInLabel } from './webviewPanel';
import { exactly, expectGone, expectVisible, NotSeen } from './workbench';

const serviceName = 'ui-deployed-v2';
/** Depth of the services: region, workspace, Real-Time Services (v2), service. */
const serviceLevel = 4;
const otherRegionImage = 'swr.cn-east-3.myhuaweicloud.com/shanghai-prod/ctr-serving:1.4.2';

export const serviceV2Steps: readonly UiStep[] = [
  {
    slug: 'deploy-service-v2',
    title: 'Deploy an SWR image from the Create Real-Time Service (v2) form',
    expected:
      `the "+" on ${workspace} → Real-Time Services (v2) opens "Create Real-Time Service (v2)"; an image of cn-east-3 is flagged at its field; ` +
      `choosing one of the account's images from the list fills the path; Deploy closes the panel and "${serviceName}" appears Deploying, then Running`,
    timeoutMs: 45_000,
    async run({ ui, panel, emulator, screenshot }) {
      await ui.collapse('Real-Time Services (v1)', 3);
      await ui.clickInlineAction(ui.treeRow('Real-Time Services (v2)', 3), 'Create Real-Time Service (v2)…');
      await expectVisible(panel.heading.filter({ hasText: exactly('Create Real-Time Service (v2)') }), 'the form titled "Create Real-Time Service (v2)"');
      await expectVisible(panel.control('swrImage'), 'the image list (the choices loaded)');

      await panel.typeInto('name', serviceName);
      await panel.typeInto('image', otherRegionImage);
      await expectVisible(panel.fieldError('image').filter({ hasText: 'SWR of cn-east-3' }), 'the image path flagged as another region\'s');
      await screenshot('other-region');

      const image = await panel.chooseFirst('swrImage', 'SWR image');
      const path = await panel.textBox('image').inputValue();
      if (!path.startsWith('swr.cn-north-4.myhuaweicloud.com/') || !path.endsWith(image)) throw new NotSeen(`the image path filled from "${image}"; it shows "${path}"`);
      await expectGone(panel.fieldError('image'), 'the image path\'s error');
      const flavor = idInLabel(await panel.chooseFirst('flavor', 'flavor'));
      await screenshot('filled');

      await panel.button('Deploy').click();
      await expectGone(ui.editorTabTitled('Create Real-Time Service (v2)'), 'the "Create Real-Time Service (v2)" panel');
      const row = ui.treeRow(serviceName, serviceLevel);
      await expectVisible(ui.description(row).filter({ hasText: /^Deploying\b/ }), `"${serviceName}" described as Deploying`);
      await expectVisible(ui.description(row).filter({ hasText: /^Running\b/ }), `"${serviceName}" described as Running`, 30_000);
      const sent = emulator.requests.list({ method: 'POST', path: /^\/v2\/[0-9a-f]+\/services$/ }).map((entry) => JSON.parse(entry.body ?? '{}'));
      const unit = sent[0]?.group_configs?.[0]?.unit_configs?.[0];
      if (sent.length !== 1 || unit?.image?.swr_path !== path || unit?.flavor !== flavor) {
        throw new NotSeen(`one create request for ${path} on ${flavor}; got ${JSON.stringify(sent)}`);
      }
      await screenshot('running');
    },
  },
];
