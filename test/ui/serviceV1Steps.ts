// Real-time services (v1), after the Lite Server step (cn-north-4 open, default folded, Lite Server open): a model
// deployed from the Create Real-Time Service (v1) form, whose specification list offers only what the model needs.
import { type UiStep, workspace } from './steps';
import { idInLabel } from './webviewPanel';
import { exactly, expectGone, expectVisible, NotSeen } from './workbench';

const serviceName = 'ui-deployed-service';
/** Depth of the services: region, workspace, Real-Time Services (v1), service. */
const serviceLevel = 4;

export const serviceV1Steps: readonly UiStep[] = [
  {
    slug: 'deploy-service-v1',
    title: 'Deploy a model from the Create Real-Time Service (v1) form',
    expected:
      `the "+" on ${workspace} → Real-Time Services (v1) opens "Create Real-Time Service (v1)"; choosing the first model fills its newest version ` +
      `and leaves out the specifications too small for it; Deploy closes the panel and "${serviceName}" appears Deploying, then Running`,
    timeoutMs: 45_000,
    async run({ ui, panel, emulator, screenshot }) {
      await ui.collapse('Lite Server', 2);
      await ui.expand(workspace, 2);
      await ui.collapse('Resource Pools', 3);
      await ui.clickInlineAction(ui.treeRow('Real-Time Services (v1)', 3), 'Create Real-Time Service (v1)…');
      await expectVisible(panel.heading.filter({ hasText: exactly('Create Real-Time Service (v1)') }), 'the form titled "Create Real-Time Service (v1)"');
      await expectVisible(panel.control('modelName'), 'the Model list (the choices loaded)');

      await panel.typeInto('name', serviceName);
      const model = await panel.chooseFirst('modelName', 'model');
      // With a version chosen, the line under Version says what it needs.
      await expectVisible(panel.content.locator('#modelId-message', { hasText: /^Needs at least \d+ vCPUs/ }), `a version of ${model} chosen, and what it needs`);
      // The seeded models all need more than the free specification's one vCPU and 4 GB.
      const offered = await panel.control('specification').locator('vscode-option').evaluateAll((options) => options.map((option) => option.getAttribute('value')));
      if (offered.length === 0 || offered.includes('modelarts.vm.cpu.free')) throw new NotSeen(`the specifications offered for ${model}: ${offered.join(', ') || 'none'}`);
      const specification = idInLabel(await panel.chooseFirst('specification', 'specification'));
      await screenshot('filled');

      await panel.button('Deploy').click();
      await expectGone(ui.editorTabTitled('Create Real-Time Service (v1)'), 'the "Create Real-Time Service (v1)" panel');
      const row = ui.treeRow(serviceName, serviceLevel);
      await expectVisible(ui.description(row).filter({ hasText: /^Deploying\b/ }), `"${serviceName}" described as Deploying`);
      await expectVisible(ui.description(row).filter({ hasText: /^Running\b/ }), `"${serviceName}" described as Running`, 30_000);
      const sent = emulator.requests.list({ method: 'POST', path: /\/services$/ }).map((entry) => JSON.parse(entry.body ?? '{}'));
      if (sent.length !== 1 || sent[0].config?.[0]?.specification !== specification) {
        throw new NotSeen(`one create request on ${specification}; got ${JSON.stringify(sent)}`);
      }
      await screenshot('running');
    },
  },
];
