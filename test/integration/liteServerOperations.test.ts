import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { label, type Node, type Panel, signedInSuite, tableDocument, until } from './harness';

describe('Lite Server operations against the emulator', () => {
  const under = signedInSuite({ transitionMs: 300 });

  const status = (node: Node) => String(node.getTreeItem().description).split(' · ')[0];
  const contextOf = (node: Node) => String(node.getTreeItem().contextValue);
  const idOf = (node: Node) => node.id.split('/').pop() as string;
  const liteServers = async () => under().regionCategory('Lite Servers');
  const server = async (name: string) => under().child(await liteServers(), name);
  /** The server once it is running or stopped again (an earlier test may have left it changing). */
  async function atRest(name: string): Promise<Node> {
    const node = await server(name);
    await until(
      async () => {
        await vscode.commands.executeCommand('modelarts.refresh', node);
        return status(node);
      },
      (value) => value === 'Running' || value === 'Stopped',
      `${name} to be running or stopped`,
    );
    return node;
  }
  const lastBody = (method: string, path: string) => JSON.parse(under().emulator.requests.list({ method, path }).at(-1)?.body ?? 'null');

  it('Change OS offers the images of the server\'s type and architecture and the key pairs to pick, confirms, and the tree follows Changing OS back to Running', async () => {
    const node = await atRest('lite-910b-dev');
    assert.match(contextOf(node), /\bcanChangeOs\b/);
    let offered: string[] = [];
    let keyPairs: string[] = [];
    under().ui.answer(
      (items) => {
        offered = items.map((item) => item.label);
        return items[0];
      },
      'Use another key pair…',
      (items) => {
        keyPairs = items.map((item) => item.label);
        return items.find((item) => item.label === 'KeyPair-ops');
      },
      'Change OS',
    );
    await vscode.commands.executeCommand('modelarts.devServer.changeOs', node);
    assert.deepEqual(under().ui.errors, []);
    assert.deepEqual(offered, ['EulerOS-2.10-Arm-CANN-8.0-BMS'], 'only the active BMS ARM image');
    assert.deepEqual(keyPairs, ['KeyPair-demo', 'KeyPair-ops', 'KeyPair-ci-runner'], 'the region\'s key pairs to pick from, the frozen one left out');
    assert.equal(under().ui.inputBoxes.length, 0, 'no key pair name is typed');
    const [question] = under().ui.shown;
    assert.equal(question.message, 'Change the OS of Lite Server "lite-910b-dev" to EulerOS-2.10-Arm-CANN-8.0-BMS?');
    assert.match(question.detail ?? '', /system disk/);
    const body = lastBody('POST', `${idOf(node)}/changeos`);
    assert.equal(body.key_pair_name, 'KeyPair-ops');
    assert.match(body.image_id, /^[0-9a-f-]{36}$/);
    assert.equal(status(node), 'Changing OS');
    await until(() => status(node), (value) => value === 'Running', 'the server to be Running on its new OS');
    assert.match(String(((await under().tooltip(node)) as vscode.MarkdownString).value).replace(/\\(.)/g, '$1'), /KeyPair-ops/);
  });

  it('Reinstall OS of two selected servers is one batch request keeping their key pair; declining sends nothing', async () => {
    const selection = [await atRest('lite-a800-train-01'), await atRest('lite-cpu-etl')];
    under().ui.answer('Keep key pair "KeyPair-demo"', undefined);
    await vscode.commands.executeCommand('modelarts.devServer.reinstallOs', selection[0], selection);
    assert.equal(under().emulator.requests.count({ method: 'POST', path: '/dev-servers/action' }), 0, 'declining sends nothing');

    under().ui.answer('Keep key pair "KeyPair-demo"', 'Reinstall OS');
    await vscode.commands.executeCommand('modelarts.devServer.reinstallOs', selection[0], selection);
    assert.deepEqual(under().ui.errors, []);
    assert.equal(under().ui.shown.at(-1)?.message, 'Reinstall the OS of Lite Server "lite-a800-train-01", "lite-cpu-etl"?');
    assert.equal(under().emulator.requests.count({ method: 'POST', path: '/dev-servers/action' }), 1);
    assert.deepEqual(lastBody('POST', '/dev-servers/action'), { type: 'REINSTALLOS', servers: selection.map((node) => ({ id: idOf(node) })), extend_param: { key_pair_name: 'KeyPair-demo' } });
    assert.equal(under().emulator.requests.count({ path: '/reinstallos' }), 0);
    assert.deepEqual(selection.map(status), ['Reinstalling OS', 'Reinstalling OS']);
    await until(() => selection.map(status), (values) => values.every((value) => value === 'Running'), 'both servers to be Running again');
  });

  it('from the palette, Reinstall OS offers the servers that can, with no workspace to choose', async () => {
    await atRest('lite-cpu-etl');
    let offered: string[] = [];
    under().ui.answer((items) => {
      offered = items.map((item) => item.label);
      return items.find((item) => item.label === 'lite-cpu-etl');
    }, 'Keep key pair "KeyPair-demo"', undefined);
    await vscode.commands.executeCommand('modelarts.devServer.reinstallOs');
    assert.deepEqual(under().ui.errors, []);
    assert.ok(offered.includes('lite-cpu-etl'), offered.join(', '));
    assert.ok(!offered.includes('lite-910b-bench'), `a server that failed to start cannot: ${offered.join(', ')}`);
    assert.equal(under().ui.shown.at(-1)?.message, 'Reinstall the OS of Lite Server "lite-cpu-etl"?');
  });

  it('a new password is typed twice in password boxes and leaves the extension only in the request body', async () => {
    const node = await atRest('lite-v100-notebook');
    const password = 'Secret-2024x';
    const logged: string[] = [];
    const log = under().api.context.log;
    const originals = { info: log.info, warn: log.warn, error: log.error };
    for (const level of ['info', 'warn', 'error'] as const) {
      log[level] = (message: string) => {
        logged.push(message);
        originals[level].call(log, message);
      };
    }
    try {
      under().ui.answer('Set a password…', password, password, 'Reinstall OS');
      await vscode.commands.executeCommand('modelarts.devServer.reinstallOs', node);
    } finally {
      Object.assign(log, originals);
    }
    assert.deepEqual(under().ui.errors, []);
    const passwordBoxes = under().ui.inputBoxes.filter((box) => box.password);
    assert.equal(passwordBoxes.length, 2);
    assert.ok(await passwordBoxes[0].validateInput?.('weak'), 'a weak password is refused at the input');
    assert.ok(await passwordBoxes[1].validateInput?.('Other-2024x'), 'a different second password is refused');
    assert.deepEqual(lastBody('POST', `${idOf(node)}/reinstallos`), { admin_pass: password });
    assert.ok(logged.length > 0, 'the request was logged');
    assert.ok(logged.every((line) => !line.includes(password)), 'the password is in no log line');
    assert.ok(under().ui.shown.every((message) => !message.message.includes(password) && !(message.detail ?? '').includes(password)));
  });

  it('a server expands to its volumes; attach asks for the EVS disk, detach confirms naming it, and the tree follows', async () => {
    const node = await atRest('lite-a800-train-01');
    assert.deepEqual((await under().explorer.getChildren(node)).map(label), ['Volumes', 'Public IPs']);
    const volumes = await under().child(node, 'Volumes');
    const listed = await under().explorer.getChildren(volumes);
    assert.deepEqual(listed.map((volume) => String(volume.getTreeItem().description)), ['System disk · 200 GB · GPSSD', 'Data disk · 1024 GB · ESSD', 'Data disk · 1024 GB · ESSD']);
    assert.doesNotMatch(contextOf(listed[0]), /\bcanDetach\b/, 'the system disk cannot be detached');
    assert.match(contextOf(listed[1]), /\bcanDetach\b/);

    const volumeId = 'a1b2c3d4-0000-4000-8000-000000000001';
    under().ui.answer(volumeId);
    await vscode.commands.executeCommand('modelarts.devServer.attachVolume', volumes);
    assert.deepEqual(under().ui.errors, []);
    assert.deepEqual(lastBody('POST', `${idOf(node)}/attachvolume`), { volume_id: volumeId });
    assert.ok(under().emulator.requests.count({ method: 'GET', path: '/operation/' }) >= 1, 'the attach is followed to its end');
    const attached = await until(() => under().explorer.getChildren(volumes), (nodes) => nodes.some((volume) => label(volume) === volumeId), 'the attached volume in the tree');
    const tooltip = async () => String(((await under().tooltip(node)) as vscode.MarkdownString).value).replace(/\\(.)/g, '$1');
    await until(tooltip, (text) => text.includes('3 data'), 'the server\'s tooltip to count the new volume');

    under().ui.answer('Detach');
    await vscode.commands.executeCommand('modelarts.devServer.detachVolume', attached.find((volume) => label(volume) === volumeId));
    assert.deepEqual(under().ui.errors, []);
    assert.equal(under().ui.shown.at(-1)?.message, `Detach volume ${volumeId} from Lite Server "lite-a800-train-01"?`);
    assert.equal(under().emulator.requests.count({ method: 'DELETE', path: `${idOf(node)}/detachvolume/${volumeId}` }), 1);
    await until(() => under().explorer.getChildren(volumes), (nodes) => !nodes.some((volume) => label(volume) === volumeId), 'the detached volume to leave the tree');
  });

  it('Detach Volume on a server picks among its data disks only, and declining detaches nothing', async () => {
    const node = await atRest('lite-a800-train-01');
    let offered: string[] = [];
    under().ui.answer((items) => {
      offered = items.map((item) => String(item.description));
      return items[0];
    }, undefined);
    await vscode.commands.executeCommand('modelarts.devServer.detachVolume', node);
    assert.deepEqual(offered, ['Data disk · 1024 GB · ESSD', 'Data disk · 1024 GB · ESSD']);
    assert.match(under().ui.shown.at(-1)?.message ?? '', /^Detach volume [0-9a-f-]{36} from Lite Server "lite-a800-train-01"\?$/);
    assert.equal(under().emulator.requests.count({ method: 'DELETE' }), 0);
  });

  it('lists a server\'s public IPs, binds an EIP by id, and copies the address', async () => {
    const withEip = await under().child(await atRest('lite-910b-dev'), 'Public IPs');
    const [eip] = await under().explorer.getChildren(withEip);
    assert.equal(label(eip), '124.70.18.42');
    await vscode.commands.executeCommand('modelarts.devServer.copyPublicIp', eip);
    assert.equal(await vscode.env.clipboard.readText(), '124.70.18.42');

    const node = await atRest('lite-cpu-etl');
    const publicIps = await under().child(node, 'Public IPs');
    assert.deepEqual((await under().explorer.getChildren(publicIps)).map(label), ['No public IP']);
    under().ui.answer('eip-int-test-0001');
    await vscode.commands.executeCommand('modelarts.devServer.bindPublicIp', publicIps);
    assert.deepEqual(under().ui.errors, []);
    assert.deepEqual(lastBody('POST', `${idOf(node)}/publicips`), { public_ip_id: 'eip-int-test-0001' });
    const [bound] = await until(() => under().explorer.getChildren(publicIps), (nodes) => /^\d+\.\d+\.\d+\.\d+$/.test(label(nodes[0])), 'the bound EIP in the tree');
    await vscode.commands.executeCommand('modelarts.devServer.copyPublicIp', node);
    assert.equal(await vscode.env.clipboard.readText(), label(bound));
  });

  it('Show All Users\' Lite Servers lists the tenant\'s servers marking other users\' ones, is remembered, and Show My Lite Servers goes back', async () => {
    const group = await liteServers();
    assert.match(contextOf(group), /\blistsOwn\b/);
    try {
      await vscode.commands.executeCommand('modelarts.devServer.showAllUsers', group);
      assert.deepEqual(under().ui.errors, []);
      assert.equal(group.getTreeItem().description, 'all users');
      assert.match(contextOf(group), /\blistsAllUsers\b/);
      const all = await under().explorer.getChildren(group);
      const shared = all.find((node) => label(node) === 'lite-ops-shared');
      assert.ok(shared, `the other user's server is listed: ${all.map(label).join(', ')}`);
      assert.match(String(shared.getTreeItem().description), / · other user$/);
      assert.ok(all.filter((node) => node !== shared).every((node) => !String(node.getTreeItem().description).includes('other user')), 'own servers are not marked');
      assert.ok(under().emulator.requests.count({ method: 'GET', path: /\/dev-servers\/all$/ }) >= 1);

      await vscode.commands.executeCommand('modelarts.refresh');
      assert.equal((await liteServers()).getTreeItem().description, 'all users', 'remembered when the tree is built again');
    } finally {
      await vscode.commands.executeCommand('modelarts.devServer.showOwn', await liteServers());
    }
    const own = await liteServers();
    assert.equal(own.getTreeItem().description, undefined);
    assert.ok(!(await under().explorer.getChildren(own)).some((node) => label(node) === 'lite-ops-shared'));
  });

  it('Show Lite Server Flavors and Images open tables filtered by server type and architecture', async () => {
    under().ui.answer('BMS · X86');
    const flavorsPanel = (await vscode.commands.executeCommand('modelarts.devServer.showFlavors', await liteServers())) as Panel;
    assert.deepEqual(under().ui.errors, []);
    assert.deepEqual(under().emulator.requests.list({ path: '/dev-servers/flavors' })[0].query, { server_type: 'BMS', arch: 'X86' });
    const flavors = await tableDocument(flavorsPanel);
    assert.equal(flavors.title, 'Lite Server flavors in cn-north-4 (BMS · X86)');
    const rows = flavors.sections[0].table?.rows ?? [];
    assert.equal(rows.length, 2, JSON.stringify(flavors));
    assert.ok(rows.some((row) => row.slice(0, 5).join(' / ') === 'physical.pi-a800.32xlarge.8 / BMS / X86 / GPU / 8*A800-80G | 128vCPUs | 2048GiB'), JSON.stringify(rows));
    assert.ok(rows.some((row) => row[0].startsWith('physical.pi-h800') && row[6] === 'sold out'), JSON.stringify(rows));

    under().ui.answer('ECS · ARM');
    const images = await tableDocument((await vscode.commands.executeCommand('modelarts.devServer.showImages')) as Panel);
    assert.deepEqual(under().ui.errors, []);
    assert.equal(images.title, 'Lite Server images in cn-north-4 (ECS · ARM)');
    assert.deepEqual(images.sections[0].table?.rows.map((row) => row[0]).filter((name) => /^[A-Z]/.test(name)), ['HCE-2.0-Arm-ECS']);
  });
});
