import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DevServerFormValues, HostMessage } from '../../src/webviews/protocol';
import { conversation, ExtensionUnderTest, label, type Node, type Panel, REGION, until } from './harness';

const NETWORK = { vpcId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', subnetId: '1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', securityGroupId: '2a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' };
const PASSWORD = 'Integr4tion-Secret';

describe('Create Lite Server against the emulator', () => {
  let under: ExtensionUnderTest;
  /** Every line the extension writes to its log while a test runs, as written (masked). */
  let logged: string[] = [];

  const status = (node: Node) => String(node.getTreeItem().description).split(' · ')[0];
  const regionGroup = async (name: string) => under.child(await under.child(undefined, REGION), name);

  before(async () => {
    under = await ExtensionUnderTest.start({ transitionMs: 300 });
    await under.signInWithDemoKey();
    const log = under.api.context.log;
    for (const level of ['info', 'warn', 'error'] as const) {
      const write = log[level].bind(log);
      log[level] = (message: string) => {
        logged.push(log.redactor.redact(message));
        write(message);
      };
    }
  });

  beforeEach(() => {
    under.freshUi();
    logged = [];
  });

  after(() => under.stop());

  /** Opens the form from a tree node and answers its first messages: the form and the choices. */
  async function openForm(node: Node) {
    const panel = (await vscode.commands.executeCommand('modelarts.devServer.create', node)) as Panel;
    const talk = conversation(panel);
    await panel.receive({ type: 'ready' });
    const form = await talk.next('devServerForm');
    const options = await talk.next('devServerOptions');
    return { panel, talk, form, options };
  }

  async function imagesOf(panel: Panel, talk: ReturnType<typeof conversation>, serverType: DevServerFormValues['serverType'], flavor: string) {
    await panel.receive({ type: 'loadDevServerImages', serverType, flavor });
    return (await talk.next('devServerImages', (message) => message.flavor === flavor)).images;
  }

  it('flavors by type with sold-out ones marked, images per flavor, a bad value kept in the form, a created server in the tree', async () => {
    const { panel, talk, form, options } = await openForm(await regionGroup('Lite Servers'));
    try {
      assert.equal(form.scope.region, REGION);
      assert.equal(form.values.adminPass, '');
      assert.ok(options.flavors.some((flavor) => flavor.serverType === 'BMS' && flavor.soldOut), 'a sold-out BMS flavor is offered as such');
      assert.ok(options.hyperClusters.some((cluster) => cluster.name === 'hpc-cluster-a' && cluster.usable));
      const flavor = options.flavors.find((candidate) => candidate.serverType === 'ECS' && candidate.arch === 'X86' && !candidate.soldOut);
      assert.ok(flavor);

      under.emulator.requests.clear();
      const images = await imagesOf(panel, talk, 'ECS', flavor.flavor);
      assert.ok(images.length > 0 && images.every((image) => image.usable));
      assert.deepEqual(under.emulator.requests.list({ path: '/dev-servers/images' })[0].query, { server_type: 'ECS', flavor_name: flavor.flavor });

      const values: DevServerFormValues = {
        ...form.values,
        ...NETWORK,
        name: 'it-lite',
        serverType: 'ECS',
        arch: 'X86',
        flavor: flavor.flavor,
        availabilityZone: flavor.availabilityZone,
        imageId: images[0].id,
        login: 'password',
        adminPass: PASSWORD,
        adminPassConfirm: PASSWORD,
        dataVolumeCount: 1,
        dataVolumeSizeGb: 100,
        count: 2,
      };
      await panel.receive({ type: 'submitDevServer', values: { ...values, vpcId: 'vpc-default' } });
      const invalid = await talk.next('submitFailed');
      assert.match(invalid.fieldErrors.vpcId, /UUID/);
      assert.equal(under.emulator.requests.count({ method: 'POST' }), 0, 'nothing is sent with invalid input');

      // A service that echoes the password in its error: the form shows it masked.
      under.emulator.faults.add({ kind: 'status', status: 400, errorCode: 'ModelArts.0101', errorMsg: `admin_pass ${PASSWORD} is refused`, method: 'POST', path: /dev-servers$/ });
      await panel.receive({ type: 'submitDevServer', values });
      const failed = await talk.next('submitFailed', (message) => message.error.errorCode === 'ModelArts.0101');
      assert.match(failed.error.message, /admin_pass Inte\*\*\*\*cret is refused/);
      assert.equal(talk.disposed, false, 'the form stays open with what was typed');

      await panel.receive({ type: 'submitDevServer', values });
      await until(() => talk.disposed, Boolean, 'the panel to close after creating');
      const posts = under.emulator.requests.list({ method: 'POST', path: /dev-servers$/, status: 200 });
      assert.equal(posts.length, 1);
      assert.deepEqual(JSON.parse(posts[0].body ?? '{}'), {
        name: 'it-lite',
        flavor: flavor.flavor,
        server_type: 'ECS',
        arch: 'X86',
        image_id: images[0].id,
        availability_zone: flavor.availabilityZone,
        network: { vpc_id: NETWORK.vpcId, subnet_id: NETWORK.subnetId, security_group_id: NETWORK.securityGroupId },
        admin_pass: PASSWORD,
        root_volume: { type: 'GPSSD', size: 100 },
        data_volume: { type: 'GPSSD', size: 100, count: 1 },
        count: 2,
        charging_info: { charging_mode: 'POST_PAID' },
      });

      const servers = await under.explorer.getChildren(await regionGroup('Lite Servers'));
      const created = servers.find((node) => label(node) === 'it-lite-0001');
      assert.ok(created, `the new server is in the tree: ${servers.map(label).join(', ')}`);
      assert.ok(servers.some((node) => label(node) === 'it-lite-0002'));
      assert.equal(status(created), 'Creating');
      await until(() => status(created), (value) => value === 'Running', 'the new server to show Running');
      assert.match(under.ui.shown.at(-1)?.message ?? '', /Created Lite Server "it-lite-0001"/);

      const posted = (message: HostMessage) => JSON.stringify(message).includes(PASSWORD);
      assert.deepEqual(talk.messages.filter(posted), [], 'the password is never sent to the webview');
      assert.deepEqual(logged.filter((line) => line.includes(PASSWORD)), [], 'the password is never logged');
      assert.ok(under.ui.shown.every((shown) => !shown.message.includes(PASSWORD)));
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('an HPS flavor creates a hyperinstance in the chosen hyper cluster, revealed under Hyperinstances', async () => {
    const { panel, talk, form, options } = await openForm(await under.child(undefined, REGION));
    try {
      const flavor = options.flavors.find((candidate) => candidate.serverType === 'HPS' && !candidate.soldOut);
      const cluster = options.hyperClusters.find((candidate) => candidate.usable);
      assert.ok(flavor && cluster);
      const [image] = await imagesOf(panel, talk, 'HPS', flavor.flavor);
      await panel.receive({
        type: 'submitDevServer',
        values: {
          ...form.values,
          ...NETWORK,
          name: 'it-hps',
          serverType: 'HPS',
          arch: flavor.arch,
          flavor: flavor.flavor,
          availabilityZone: flavor.availabilityZone,
          imageId: image.id,
          keyPairName: 'kp-hps',
          hpsClusterId: cluster.id,
        },
      });
      await until(() => talk.disposed, Boolean, 'the panel to close after creating');
      const body = JSON.parse(under.emulator.requests.list({ method: 'POST', path: /dev-servers$/ }).at(-1)?.body ?? '{}');
      assert.equal(body.hps_cluster_id, cluster.id);
      assert.equal(body.key_pair_name, 'kp-hps');
      assert.equal(body.count, undefined);
      const hyperinstances = (await under.explorer.getChildren(await regionGroup('Hyperinstances'))).map(label);
      assert.ok(hyperinstances.includes('it-hps'), `the hyperinstance is listed: ${hyperinstances.join(', ')}`);
      assert.match(under.ui.shown.at(-1)?.message ?? '', /Created hyperinstance "it-hps"/);
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('opens from the palette after asking nothing when one region is shown', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.devServer.create')) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      assert.equal((await talk.next('devServerForm')).scope.region, REGION);
      assert.deepEqual(under.ui.errors, []);
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });
});
