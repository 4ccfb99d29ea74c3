// Creating a Lite Server, after the Lite Server steps (cn-north-4 → Lite Servers open, the workspace folded away): the
// form opened from the category's "+", a flavor and its images chosen, a malformed VPC ID caught in the form with
// everything else kept, then fixed, and the new server in the tree, Creating, then Running.
import type { Locator } from '../vscode-host/playwright';
import { region, type StepContext, type UiStep } from './steps';
import { exactly, expectGone, expectVisible, NotSeen } from './workbench';

const name = 'ui-lite';
const keyPair = 'kp-ui';
const network = { vpcId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', subnetId: '1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', securityGroupId: '2a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' };
const badVpcId = 'vpc-default';
/** Depth of the servers: region, Lite Servers, server. */
const serverLevel = 3;

export const liteServerCreateSteps: readonly UiStep[] = [
  {
    slug: 'create-lite-server',
    title: 'Create a Lite Server: a malformed VPC ID is caught with the form kept, the fixed form creates it',
    expected:
      `the "+" on ${region} → Lite Servers opens "Create Lite Server"; ECS lists its flavors and a chosen flavor its images; ` +
      `"${badVpcId}" as VPC ID shows an error there and Create sends nothing, the other fields as typed; with a UUID, Create closes ` +
      `the panel, the create request carries the choices, and "${name}" shows under Lite Servers, Creating, then Running`,
    timeoutMs: 60_000,
    async run(context) {
      const { ui, panel, emulator, screenshot } = context;
      const creates = () => emulator.requests.list({ method: 'POST', path: /\/dev-servers$/ });
      await ui.clickInlineAction(ui.treeRow('Lite Servers', 2), 'Create Lite Server…');
      await expectVisible(ui.editorTabTitled('Create Lite Server'), 'an editor tab "Create Lite Server"');
      await expectVisible(panel.heading.filter({ hasText: exactly('Create Lite Server') }), 'the form titled "Create Lite Server"');
      await expectVisible(panel.control('flavor'), 'the Flavor list (the choices loaded)');

      await panel.typeInto('name', name);
      await panel.radio('serverType', 'ECS').click();
      const flavor = await panel.chooseFirst('flavor', 'flavor');
      // The images of the flavor arrive after it is chosen; the list is greyed out until then.
      await expectVisible(panel.content.locator('vscode-single-select#imageId:not([disabled])'), `the Image list for ${flavor}`);
      const image = await panel.chooseFirst('imageId', 'image');
      await panel.typeInto('vpcId', badVpcId);
      await panel.typeInto('subnetId', network.subnetId);
      await panel.typeInto('securityGroupId', network.securityGroupId);
      await panel.typeInto('keyPairName', keyPair);
      await screenshot('filled');

      await panel.button('Create').click();
      await expectVisible(panel.fieldError('vpcId').filter({ hasText: 'UUID' }), 'the UUID rule as an error under VPC ID');
      await expectVisible(panel.focused('vpcId'), 'the focus in VPC ID after Create');
      if (creates().length > 0) throw new NotSeen(`Create sent ${creates().length} create request(s) with the VPC ID "${badVpcId}"`);
      await expectKept(context, [
        ['Name', panel.textBox('name'), name],
        ['Flavor', panel.textBox('flavor'), flavor],
        ['Image', panel.textBox('imageId'), image],
        ['VPC ID', panel.textBox('vpcId'), badVpcId],
        ['Key pair name', panel.textBox('keyPairName'), keyPair],
      ]);
      await screenshot('invalid-vpc');

      await panel.typeInto('vpcId', network.vpcId);
      await expectGone(panel.fieldError('vpcId'), 'the error under VPC ID');
      await panel.button('Create').click();
      await expectGone(ui.editorTabTitled('Create Lite Server'), 'the "Create Lite Server" panel');
      expectCreateRequest(creates(), flavor);

      const row = ui.treeRow(name, serverLevel);
      await expectVisible(row, `"${name}" under Lite Servers`);
      await expectVisible(ui.notification(`Created Lite Server "${name}"`), `the notification "Created Lite Server "${name}""`);
      await screenshot('created');
      // The emulator creates in one transition (1.5 s); the tree polls every 5 s.
      await expectVisible(ui.description(row).filter({ hasText: /^Running\b/ }), `"${name}" described as Running`, 30_000);
      await expectVisible(ui.statusIcon(row, 'vm-running'), `the running icon on "${name}"`);
      await expectGone(ui.toast('Creating Lite Server'), 'the "Creating Lite Server" progress');
    },
  },
];

async function expectKept({ panel }: StepContext, fields: readonly [string, Locator, string][]): Promise<void> {
  for (const [label, box, typed] of fields) {
    const shown = await box.inputValue();
    if (shown !== typed) throw new NotSeen(`${label} shows "${shown}" instead of "${typed}" after the refused Create`);
  }
  const passwordBoxes = await panel.content.locator('vscode-textfield[type="password"]').count();
  if (passwordBoxes > 0) throw new NotSeen(`${passwordBoxes} password field(s) for a key pair login`);
}

/** Exactly one create request, accepted, naming what was chosen in the form. */
function expectCreateRequest(sent: readonly { status: number; body?: string }[], flavor: string): void {
  if (sent.length !== 1) throw new NotSeen(`${sent.length} create request(s) instead of one`);
  if (sent[0].status !== 200) throw new NotSeen(`the emulator answered the create request ${sent[0].body} with ${sent[0].status}`);
  const body = JSON.parse(sent[0].body ?? '{}') as Record<string, unknown>;
  const expected: Record<string, unknown> = { name, flavor, server_type: 'ECS', key_pair_name: keyPair };
  const wrong = Object.entries(expected).filter(([key, value]) => body[key] !== value);
  if (wrong.length > 0 || JSON.stringify(body.network) !== JSON.stringify({ vpc_id: network.vpcId, subnet_id: network.subnetId, security_group_id: network.securityGroupId })) {
    throw new NotSeen(`the create request does not carry the form's choices: ${sent[0].body}`);
  }
}
