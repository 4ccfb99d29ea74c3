// Creating a Lite Server, after the Lite Server steps (cn-north-4 → Lite Server → Lite Servers open, the workspace folded away): the
// form opened from the category's "+", a flavor and its images chosen, the network and key pair chosen from the account's
// lists, Create without a subnet caught in the form with everything else kept, then the subnet chosen, and the new server
// in the tree, Creating, then Running.
import type { Locator } from '../vscode-host/playwright';
import { region, type StepContext, type UiStep } from './steps';
import { idInLabel } from './webviewPanel';
import { exactly, expectGone, expectVisible, NotSeen } from './workbench';

const name = 'ui-lite';
/** The seeded network (emulator/areas/vpcSeed.ts): the VPC's two subnets are in zones a and b, the flavors in zone a. */
const network = { vpc: 'vpc-training', subnet: 'subnet-train-a', otherZoneSubnet: 'subnet-train-b', securityGroup: 'sg-training' };
const keyPair = 'KeyPair-ops';
const frozenKeyPair = 'KeyPair-old-laptop';
/** Depth of the servers: region, Lite Server, Lite Servers, server. */
const serverLevel = 4;

export const liteServerCreateSteps: readonly UiStep[] = [
  {
    slug: 'create-lite-server',
    title: 'Create a Lite Server: the network and key pair picked from lists, a missing subnet caught with the form kept, then created',
    expected:
      `the "+" on ${region} → Lite Server → Lite Servers opens "Create Lite Server"; ECS lists its flavors and a chosen flavor its images; ` +
      `the VPC list offers ${network.vpc}, whose subnets in the flavor's zone (${network.subnet}, not ${network.otherZoneSubnet}) and ` +
      `security groups follow; ${frozenKeyPair} is greyed out among the key pairs; Create without a subnet shows an error there and ` +
      `sends nothing, the other choices kept; with the subnet chosen, Create closes the panel, the create request carries the ids ` +
      `of what was chosen, and "${name}" shows under Lite Servers, Creating, then Running`,
    timeoutMs: 60_000,
    async run(context) {
      const { ui, panel, emulator, screenshot } = context;
      const creates = () => emulator.requests.list({ method: 'POST', path: /\/dev-servers$/ });
      await ui.clickInlineAction(ui.treeRow('Lite Servers', 3), 'Create Lite Server…');
      await expectVisible(ui.editorTabTitled('Create Lite Server'), 'an editor tab "Create Lite Server"');
      await expectVisible(panel.heading.filter({ hasText: exactly('Create Lite Server') }), 'the form titled "Create Lite Server"');
      await expectVisible(panel.control('flavor'), 'the Flavor list (the choices loaded)');

      await panel.typeInto('name', name);
      await panel.radio('serverType', 'ECS').click();
      const flavor = await panel.chooseFirst('flavor', 'flavor');
      // The images of the flavor, and the subnets and security groups of the VPC, arrive after the choice they depend on;
      // each list is greyed out until then.
      await expectVisible(enabledSelect(context, 'imageId'), `the Image list for ${flavor}`);
      const image = await panel.chooseFirst('imageId', 'image');
      await expectVisible(enabledSelect(context, 'vpcId'), 'the VPC list');
      const vpc = await panel.chooseNamed('vpcId', 'VPC', network.vpc);
      await expectVisible(enabledSelect(context, 'securityGroupId'), `the Security group list of ${network.vpc}`);
      const securityGroup = await panel.chooseNamed('securityGroupId', 'security group', network.securityGroup);
      await expectVisible(enabledSelect(context, 'keyPairName'), 'the Key pair list');
      await panel.openList('keyPairName');
      await expectVisible(panel.option('keyPairName', frozenKeyPair, 'disabled'), `${frozenKeyPair} greyed out in the Key pair list`);
      await panel.chooseNamed('keyPairName', 'key pair', keyPair);
      await screenshot('filled');

      await panel.button('Create').click();
      await expectVisible(panel.fieldError('subnetId').filter({ hasText: 'Choose a subnet.' }), '"Choose a subnet." under Subnet');
      await expectVisible(panel.focused('subnetId'), 'the focus in Subnet after Create');
      if (creates().length > 0) throw new NotSeen(`Create sent ${creates().length} create request(s) without a subnet`);
      await expectKept(context, [
        ['Name', panel.textBox('name'), name],
        ['Flavor', panel.textBox('flavor'), flavor],
        ['Image', panel.textBox('imageId'), image],
        ['VPC', panel.textBox('vpcId'), vpc],
        ['Security group', panel.textBox('securityGroupId'), securityGroup],
        ['Key pair', panel.textBox('keyPairName'), keyPair],
      ]);
      await screenshot('missing-subnet');

      await panel.openList('subnetId');
      await expectVisible(panel.option('subnetId', network.subnet, 'enabled'), `${network.subnet} in the Subnet list`);
      const otherZone = await panel.option('subnetId', network.otherZoneSubnet, 'enabled').count();
      if (otherZone > 0) throw new NotSeen(`the Subnet list offers ${network.otherZoneSubnet}, which is in another zone than the flavor`);
      await panel.chooseNamed('subnetId', 'subnet', network.subnet);
      await expectGone(panel.fieldError('subnetId'), 'the error under Subnet');
      await panel.button('Create').click();
      await expectGone(ui.editorTabTitled('Create Lite Server'), 'the "Create Lite Server" panel');
      expectCreateRequest(context, creates(), idInLabel(flavor));

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

/** A select once its list has loaded (greyed out until then). */
function enabledSelect({ panel }: StepContext, id: string): Locator {
  return panel.content.locator(`vscode-single-select#${id}:not([disabled])`);
}

async function expectKept({ panel }: StepContext, fields: readonly [string, Locator, string][]): Promise<void> {
  for (const [label, box, chosen] of fields) {
    const shown = await box.inputValue();
    if (shown !== chosen) throw new NotSeen(`${label} shows "${shown}" instead of "${chosen}" after the refused Create`);
  }
  const passwordBoxes = await panel.content.locator('vscode-textfield[type="password"]').count();
  if (passwordBoxes > 0) throw new NotSeen(`${passwordBoxes} password field(s) for a key pair login`);
}

/** Exactly one create request, accepted, naming what was chosen in the form: the ids the emulator knows by those names. */
function expectCreateRequest({ emulator, credentials }: StepContext, sent: readonly { status: number; body?: string }[], flavor: string): void {
  if (sent.length !== 1) throw new NotSeen(`${sent.length} create request(s) instead of one`);
  if (sent[0].status !== 200) throw new NotSeen(`the emulator answered the create request ${sent[0].body} with ${sent[0].status}`);
  const seeded = emulator.state.projectFor(credentials.ak, region)?.companion;
  const idOf = (records: readonly { readonly id: string; readonly name: string }[] | undefined, wanted: string) => records?.find((record) => record.name === wanted)?.id;
  const expectedNetwork = {
    vpc_id: idOf(seeded?.vpcs, network.vpc),
    subnet_id: idOf(seeded?.subnets, network.subnet),
    security_group_id: idOf(seeded?.securityGroups, network.securityGroup),
  };
  const body = JSON.parse(sent[0].body ?? '{}') as Record<string, unknown>;
  const expected: Record<string, unknown> = { name, flavor, server_type: 'ECS', key_pair_name: keyPair };
  const wrong = Object.entries(expected).filter(([key, value]) => body[key] !== value);
  if (wrong.length > 0 || JSON.stringify(body.network) !== JSON.stringify(expectedNetwork)) {
    throw new NotSeen(`the create request does not carry the form's choices ${JSON.stringify(expectedNetwork)}: ${sent[0].body}`);
  }
}
