import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CompanionChoice, CompanionList, DevServerFormValues, HostMessage } from '../../src/webviews/protocol';
import { conversation, ExtensionUnderTest, label, type Node, type Panel, REGION, until } from './harness';

type Talk = ReturnType<typeof conversation>;

const PASSWORD = 'Integr4tion-Secret';

describe('Create Lite Server against the emulator', () => {
  let under: ExtensionUnderTest;
  /** Every line the extension writes to its log while a test runs, as written (masked). */
  let logged: string[] = [];

  const status = (node: Node) => String(node.getTreeItem().description).split(' · ')[0];
  const regionGroup = (name: string) => under.regionCategory(name);

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

  /** A list as the form asks for it: the VPCs and key pairs, or subnets and security groups of a VPC. */
  async function choicesOf(panel: Panel, talk: Talk, list: CompanionList, vpcId = ''): Promise<readonly CompanionChoice[]> {
    await panel.receive({ type: 'loadCompanionChoices', list, vpcId });
    return (await talk.next('companionChoices', (message) => message.list === list && message.vpcId === vpcId)).choices;
  }

  const named = (choices: readonly CompanionChoice[], name: string): CompanionChoice => {
    const found = choices.find((choice) => choice.name === name);
    assert.ok(found, `${name} is among ${choices.map((choice) => choice.name).join(', ')}`);
    return found;
  };

  /** The seeded default network of cn-north-4, as the form offers it. */
  async function defaultNetwork(panel: Panel, talk: Talk) {
    const vpc = named(await choicesOf(panel, talk, 'vpcs'), 'vpc-default');
    const subnet = named(await choicesOf(panel, talk, 'subnets', vpc.id), 'subnet-default');
    const group = named(await choicesOf(panel, talk, 'securityGroups', vpc.id), 'sg-default');
    return { vpcId: vpc.id, subnetId: subnet.id, securityGroupId: group.id };
  }

  async function imagesOf(panel: Panel, talk: Talk, serverType: DevServerFormValues['serverType'], flavor: string) {
    await panel.receive({ type: 'loadDevServerImages', serverType, flavor });
    return (await talk.next('devServerImages', (message) => message.flavor === flavor)).images;
  }

  it('flavors by type with sold-out ones marked, images per flavor, the VPC\'s subnets and groups, a wrong choice kept in the form, a created server in the tree', async () => {
    const { panel, talk, form, options } = await openForm(await regionGroup('Lite Servers'));
    try {
      assert.equal(form.scope.region, REGION);
      assert.equal(form.values.adminPass, '');
      assert.ok(options.flavors.some((flavor) => flavor.serverType === 'BMS' && flavor.soldOut), 'a sold-out BMS flavor is offered as such');
      assert.deepEqual(
        options.hyperClusters.map((cluster) => cluster.name),
        ['hpc-cluster-a'],
        'the HPS clusters a hyperinstance can join, not the ECS one',
      );
      const flavor = options.flavors.find((candidate) => candidate.serverType === 'ECS' && candidate.arch === 'X86' && !candidate.soldOut);
      assert.ok(flavor);

      under.emulator.requests.clear();
      const images = await imagesOf(panel, talk, 'ECS', flavor.flavor);
      assert.ok(images.length > 0 && images.every((image) => image.usable));
      assert.deepEqual(under.emulator.requests.list({ path: '/dev-servers/images' })[0].query, { server_type: 'ECS', flavor_name: flavor.flavor });

      const vpcs = await choicesOf(panel, talk, 'vpcs');
      assert.deepEqual(
        vpcs.map((vpc) => `${vpc.name} ${vpc.detail}`),
        ['vpc-default 192.168.0.0/16', 'vpc-training 172.16.0.0/16', 'vpc-inference 10.10.0.0/16'],
      );
      const training = named(vpcs, 'vpc-training');
      const zonesOf = (subnets: readonly CompanionChoice[]) => subnets.map((subnet) => `${subnet.name} ${subnet.availabilityZone}`);
      const defaultSubnets = await choicesOf(panel, talk, 'subnets', named(vpcs, 'vpc-default').id);
      const trainingSubnets = await choicesOf(panel, talk, 'subnets', training.id);
      assert.deepEqual(zonesOf(defaultSubnets), ['subnet-default cn-north-4a', 'subnet-notebooks cn-north-4b']);
      assert.deepEqual(zonesOf(trainingSubnets), ['subnet-train-a cn-north-4a', 'subnet-train-b cn-north-4b'], 'the subnets change with the VPC');
      assert.deepEqual(under.emulator.requests.list({ path: /\/subnets$/ }).at(-1)?.query.vpc_id, training.id);
      const trainingGroups = await choicesOf(panel, talk, 'securityGroups', training.id);
      assert.deepEqual(trainingGroups.map((group) => group.name), ['sg-training']);
      const keyPairs = await choicesOf(panel, talk, 'keyPairs');
      assert.deepEqual(
        keyPairs.map((keyPair) => [keyPair.name, keyPair.unusable]),
        [['KeyPair-demo', undefined], ['KeyPair-ops', undefined], ['KeyPair-ci-runner', undefined], ['KeyPair-old-laptop', 'frozen']],
      );

      const network = { vpcId: training.id, subnetId: named(trainingSubnets, 'subnet-train-a').id, securityGroupId: trainingGroups[0].id };
      const values: DevServerFormValues = {
        ...form.values,
        ...network,
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
      // Choices the lists do not offer together, as a stale or tampered form would send them: the host checks again.
      await panel.receive({ type: 'submitDevServer', values: { ...values, subnetId: named(defaultSubnets, 'subnet-default').id } });
      assert.deepEqual((await talk.next('submitFailed')).fieldErrors, { subnetId: 'Choose a subnet from the list.' });
      await panel.receive({ type: 'submitDevServer', values: { ...values, subnetId: named(trainingSubnets, 'subnet-train-b').id } });
      assert.deepEqual((await talk.next('submitFailed')).fieldErrors, { subnetId: `subnet-train-b is in cn-north-4b: choose a subnet of ${flavor.availabilityZone}.` });
      await panel.receive({ type: 'submitDevServer', values: { ...values, subnetId: '' } });
      assert.deepEqual((await talk.next('submitFailed')).fieldErrors, { subnetId: 'Choose a subnet.' });
      assert.equal(under.emulator.requests.count({ method: 'POST' }), 0, 'nothing is sent with invalid input');

      // A service that echoes the password in its error: the form shows it masked.
      under.emulator.faults.add({ kind: 'status', status: 400, errorCode: 'ModelArts.0101', errorMsg: `admin_pass ${PASSWORD} is refused`, method: 'POST', path: /dev-servers$/ });
      await panel.receive({ type: 'submitDevServer', values });
      const failed = await talk.next('submitFailed', (message) => message.error.errorCode === 'ModelArts.0101');
      assert.match(failed.error.message, /admin_pass \*\*\*\* is refused/);
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
        network: { vpc_id: network.vpcId, subnet_id: network.subnetId, security_group_id: network.securityGroupId },
        admin_pass: PASSWORD,
        root_volume: { type: 'GPSSD', size: 100 },
        data_volume: { type: 'GPSSD', size: 100, count: 1 },
        count: 2,
      });
      const servers = await under.explorer.getChildren(await regionGroup('Lite Servers'));
      const created = servers.find((node) => label(node) === 'it-lite-0001');
      assert.ok(created, `the new server is in the tree: ${servers.map(label).join(', ')}`);
      const record = under.emulator.state.findDevServer(created.id.split('/').pop() as string)?.server;
      assert.deepEqual([record?.vpcId, record?.subnetId], [network.vpcId, network.subnetId], 'the server joined the network chosen');
      assert.ok(servers.some((node) => label(node) === 'it-lite-0002'));
      // Creating for one transition (300 ms), which a slow machine may have spent already.
      assert.ok(['Creating', 'Running'].includes(status(created)), status(created));
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
      const [cluster] = options.hyperClusters;
      assert.ok(flavor && cluster);
      const [image] = await imagesOf(panel, talk, 'HPS', flavor.flavor);
      const values: DevServerFormValues = {
        ...form.values,
        ...(await defaultNetwork(panel, talk)),
        name: 'it-hps',
        serverType: 'HPS',
        arch: flavor.arch,
        flavor: flavor.flavor,
        availabilityZone: flavor.availabilityZone,
        imageId: image.id,
        keyPairName: 'KeyPair-old-laptop',
        hpsClusterId: cluster.id,
      };
      under.emulator.requests.clear();
      await panel.receive({ type: 'submitDevServer', values });
      assert.deepEqual((await talk.next('submitFailed')).fieldErrors, { keyPairName: 'KeyPair-old-laptop is frozen: choose another key pair.' });
      assert.equal(under.emulator.requests.count({ method: 'POST' }), 0, 'a frozen key pair is refused before any request');

      await panel.receive({ type: 'submitDevServer', values: { ...values, keyPairName: 'KeyPair-ci-runner' } });
      await until(() => talk.disposed, Boolean, 'the panel to close after creating');
      const body = JSON.parse(under.emulator.requests.list({ method: 'POST', path: /dev-servers$/ }).at(-1)?.body ?? '{}');
      assert.equal(body.hps_cluster_id, cluster.id);
      assert.equal(body.key_pair_name, 'KeyPair-ci-runner');
      assert.deepEqual(body.network, { vpc_id: values.vpcId, subnet_id: values.subnetId, security_group_id: values.securityGroupId });
      assert.equal(body.count, undefined);
      const hyperinstances = (await under.explorer.getChildren(await regionGroup('Hyperinstances'))).map(label);
      assert.ok(hyperinstances.includes('it-hps'), `the hyperinstance is listed: ${hyperinstances.join(', ')}`);
      assert.match(under.ui.shown.at(-1)?.message ?? '', /Created hyperinstance "it-hps"/);
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('a list that fails to load fails alone, and loads when asked again', async () => {
    const { panel, talk } = await openForm(await regionGroup('Lite Servers'));
    try {
      const vpc = named(await choicesOf(panel, talk, 'vpcs'), 'vpc-inference');
      under.emulator.faults.add({ kind: 'status', status: 403, errorCode: 'VPC.0403', errorMsg: 'not allowed to list security groups', path: '/security-groups' });
      await panel.receive({ type: 'loadCompanionChoices', list: 'securityGroups', vpcId: vpc.id });
      const failed = await talk.next('companionChoicesFailed');
      assert.deepEqual([failed.list, failed.vpcId, failed.error.errorCode], ['securityGroups', vpc.id, 'VPC.0403']);
      assert.deepEqual((await choicesOf(panel, talk, 'subnets', vpc.id)).map((subnet) => subnet.name), ['subnet-infer'], 'the other lists still load');
      assert.deepEqual((await choicesOf(panel, talk, 'securityGroups', vpc.id)).map((group) => group.name), ['sg-inference-https'], 'the retry loads the list');
      assert.equal(talk.disposed, false);
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
