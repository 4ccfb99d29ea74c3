import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { conversation, label, type Node, type Panel, signedInSuite, until } from './harness';

describe('Notebook operations against the emulator', () => {
  const under = signedInSuite({ transitionMs: 1000 });

  const description = (node: Node) => String(node.getTreeItem().description);
  const status = (node: Node) => description(node).split(' · ')[0];
  const contextOf = (node: Node) => String(node.getTreeItem().contextValue);
  /** The tooltip's text as VS Code resolves it on hover (a running notebook's asks its price), without markdown escapes. */
  const tooltipOf = async (node: Node) =>
    String(((await under().tooltip(node)) as vscode.MarkdownString).value)
      .replace(/&nbsp;/g, ' ')
      .replace(/\\(.)/g, '$1');
  const idOf = (node: Node) => node.id.split('/').pop() as string;
  const notebook = async (name: string) => under().child(await under().category('Notebooks'), name);
  const lastRequest = (method: string, path: string | RegExp) => under().emulator.requests.list({ method, path }).at(-1);
  const lastBody = (method: string, path: string | RegExp) => JSON.parse(lastRequest(method, path)?.body ?? 'null');
  /** The node once the tree shows it in a status (refreshing it while waiting). */
  async function inStatus(name: string, wanted: string): Promise<Node> {
    const node = await notebook(name);
    await until(
      async () => {
        await vscode.commands.executeCommand('modelarts.refresh', node);
        return status(node);
      },
      (value) => value === wanted,
      `${name} to be ${wanted}`,
    );
    return node;
  }

  it('Save as Image asks organization, name, tag and description, confirms, shows Saving image in the tree, and the image is offered by Create Notebook', async () => {
    const node = await inStatus('data-cleaning-pandas', 'Running');
    assert.match(contextOf(node), /\bcanSaveImage\b/);

    under().ui.answer('modelarts-demo', 'pandas-env', 'v1', 'with pandas 2', undefined);
    await vscode.commands.executeCommand('modelarts.notebook.saveImage', node);
    assert.equal(under().emulator.requests.count({ method: 'POST', path: '/create-image' }), 0, 'declining saves nothing');
    const [nameBox, tagBox] = under().ui.inputBoxes;
    assert.equal(nameBox.value, 'data-cleaning-pandas', 'the notebook\'s name is suggested');
    assert.ok(await nameBox.validateInput?.('Pandas Env'), 'an image name with capitals or spaces is refused at the input');
    assert.ok(await tagBox.validateInput?.('v 1'), 'a tag with a space is refused at the input');

    let organizations: string[] = [];
    under().ui.answer(
      (items) => {
        organizations = items.map((item) => item.label);
        return items.find((item) => item.label === 'modelarts-demo');
      },
      'pandas-env',
      'v1',
      'with pandas 2',
      'Save Image',
    );
    const saving = vscode.commands.executeCommand('modelarts.notebook.saveImage', node);
    await until(() => description(node), (text) => text.startsWith('Saving image'), 'the tree to show the notebook saving its image');
    await saving;
    assert.deepEqual(under().ui.errors, []);
    assert.ok(!organizations.includes('shared-base'), `a read-only organization is not offered: ${organizations.join(', ')}`);
    assert.equal(under().ui.shown.find((message) => message.kind === 'warning')?.message, 'Save notebook "data-cleaning-pandas" as image modelarts-demo/pandas-env:v1?');
    assert.deepEqual(lastBody('POST', `${idOf(node)}/create-image`), { namespace: 'modelarts-demo', name: 'pandas-env', tag: 'v1', description: 'with pandas 2', workspace_id: '0' });
    assert.equal(under().ui.shown.at(-1)?.message, 'Image modelarts-demo/pandas-env:v1 is saved: Create Notebook offers it.');
    await until(() => status(node), (value) => value === 'Running', 'the notebook to run again');

    const panel = (await vscode.commands.executeCommand('modelarts.notebook.create', await under().category('Notebooks'))) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const options = await talk.next('notebookOptions');
      assert.equal(options.images[0].name, 'modelarts-demo/pandas-env:v1', 'the saved image comes first');
      assert.ok(options.images.some((image) => image.name.startsWith('pytorch')), 'the built-in images are still offered');
    } finally {
      talk.dispose();
      panel.dispose();
    }
  });

  it('a notebook expands to its mounted storage; Mount Storage asks an OBS folder and a path under /data/, Unmount confirms, and the tree follows', async () => {
    const node = await inStatus('scratch-notebook', 'Running');
    assert.deepEqual((await under().explorer.getChildren(node)).map(label), ['Mounted Storage']);
    const group = await under().child(node, 'Mounted Storage');
    const seeded = await under().child(group, '/data/datasets/');
    assert.equal(description(seeded), 'Mounted · obs://modelarts-demo-data/datasets/');

    under().ui.answer('OBS folder by its path', 'obs://team-data/mnist/', '/data/mnist/');
    await vscode.commands.executeCommand('modelarts.notebook.attachStorage', group);
    assert.deepEqual(under().ui.errors, []);
    const [obsBox, pathBox] = under().ui.inputBoxes;
    assert.ok(await obsBox.validateInput?.('obs://team-data/mnist'), 'an OBS folder must end with /');
    assert.equal(pathBox.value, '/data/mnist/', 'the mount path is suggested from the folder');
    assert.ok(await pathBox.validateInput?.('/home/ma-user/mnist/'), 'a mount path outside /data/ is refused');
    assert.deepEqual(lastBody('POST', `${idOf(node)}/storage`), { category: 'OBS', uri: 'obs://team-data/mnist/', mount_path: '/data/mnist/' });
    const mounted = await until(
      async () => (await under().explorer.getChildren(group)).find((child) => label(child) === '/data/mnist/'),
      (child) => child !== undefined && status(child) === 'Mounted',
      'the new storage to be shown mounted',
    );
    assert.ok(mounted);
    assert.match(contextOf(mounted), /^notebookStorage\b.*\bcanDetach\b/);

    under().ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.notebook.detachStorage', mounted);
    assert.equal(under().ui.shown.at(-1)?.message, 'Unmount obs://team-data/mnist/ from /data/mnist/ of notebook "scratch-notebook"?');
    assert.equal(under().emulator.requests.count({ method: 'DELETE', path: '/storage/' }), 0, 'declining unmounts nothing');

    under().ui.answer('Unmount');
    await vscode.commands.executeCommand('modelarts.notebook.detachStorage', mounted);
    assert.deepEqual(under().ui.errors, []);
    assert.equal(under().emulator.requests.count({ method: 'DELETE', path: `${idOf(node)}/storage/${idOf(mounted)}` }), 1);
    assert.equal(status(mounted), 'Unmounting');
    await until(async () => (await under().explorer.getChildren(group)).map(label), (labels) => !labels.includes('/data/mnist/'), 'the unmounted storage to leave the tree');
    assert.deepEqual((await under().explorer.getChildren(group)).map(label), ['/data/datasets/']);
  });

  it('Mount Storage browses the buckets of the notebook\'s region for the OBS folder', async () => {
    const node = await inStatus('scratch-notebook', 'Running');
    const group = await under().child(node, 'Mounted Storage');
    under().ui.answer('OBS folder', 'modelarts-demo-data', 'datasets/', 'flowers/', 'Use this folder', '/data/flowers/');
    await vscode.commands.executeCommand('modelarts.notebook.attachStorage', group);
    assert.deepEqual(under().ui.errors, []);
    assert.equal(under().ui.inputBoxes.at(-1)?.value, '/data/flowers/', 'the mount path is suggested from the picked folder');
    assert.deepEqual(lastBody('POST', `${idOf(node)}/storage`), { category: 'OBS', uri: 'obs://modelarts-demo-data/datasets/flowers/', mount_path: '/data/flowers/' });
    assert.deepEqual(
      under().emulator.obs.requests.list().map((request) => `${request.method} ${request.path} ${request.query.prefix ?? ''}`.trim()),
      ['GET /', 'GET /modelarts-demo-data', 'GET /modelarts-demo-data datasets/', 'GET /modelarts-demo-data datasets/flowers/'],
      'the bucket list, then one listing per folder opened',
    );
  });

  it('Mount Storage of an SFS Turbo file system asks its ID, then its shared path (suggested from the ID), then where', async () => {
    const node = await inStatus('scratch-notebook', 'Running');
    const group = await under().child(node, 'Mounted Storage');
    const id = '280a8bd5-03e2-4a5c-bea1-83d81e75bc53';
    under().ui.answer('SFS Turbo file system', id, `${id}.sfsturbo.internal:/team`, '/data/turbo/');
    await vscode.commands.executeCommand('modelarts.notebook.attachStorage', group);
    assert.deepEqual(under().ui.errors, []);
    const [idBox, pathBox] = under().ui.inputBoxes.slice(-3);
    assert.ok(await idBox.validateInput?.('not-an-id'), 'the ID is a UUID');
    assert.equal(pathBox.value, `${id}.sfsturbo.internal:/`, 'the shared path is suggested from the ID');
    assert.ok(await pathBox.validateInput?.('/team'), 'a shared path names its host');
    assert.deepEqual(lastBody('POST', `${idOf(node)}/storage`), { category: 'EFS', efs_id: id, uri: `${id}.sfsturbo.internal:/team`, mount_path: '/data/turbo/' });
  });

  it('Renew Lease offers durations, shows the time left in the tree and tooltip, and asks before shortening it', async () => {
    const node = await inStatus('rec-sys-deepfm', 'Running');
    assert.match(contextOf(node), /\bcanRenewLease\b/);
    let offered: string[] = [];
    under().ui.answer((items) => {
      offered = items.map((item) => item.label);
      return items.find((item) => item.label === '72 hours');
    });
    await vscode.commands.executeCommand('modelarts.notebook.renewLease', node);
    assert.deepEqual(under().ui.errors, []);
    assert.deepEqual(offered, ['1 hour', '2 hours', '4 hours', '8 hours', '12 hours', '24 hours', '48 hours', '72 hours']);
    assert.deepEqual(lastBody('PATCH', `${idOf(node)}/lease`), { duration: 72 * 3_600_000, type: 'TIMING' });
    assert.match(description(node), /^Running · stops in (71 h 59 min|72 h) · /);
    assert.match(await tooltipOf(node), /Auto-stop: at .+ \(in (71 h 59 min|72 h)\)/);

    under().ui.answer('1 hour', undefined);
    await vscode.commands.executeCommand('modelarts.notebook.renewLease', node);
    assert.match(under().ui.shown.at(-1)?.message ?? '', /^Stop notebook "rec-sys-deepfm" sooner, at .+\?$/);
    assert.equal(under().emulator.requests.count({ method: 'PATCH' }), 1, 'declining keeps the longer lease');

    under().ui.answer('1 hour', 'Stop Sooner');
    await vscode.commands.executeCommand('modelarts.notebook.renewLease', node);
    assert.deepEqual(lastBody('PATCH', `${idOf(node)}/lease`), { duration: 3_600_000, type: 'TIMING' });
    assert.match(description(node), /^Running · stops in (59 min|1 h) · /);
  });

  it('Change Flavor is offered for a stopped notebook only, lists the switchable flavors that are not sold out, confirms and PUTs the flavor', async () => {
    assert.doesNotMatch(contextOf(await inStatus('rec-sys-deepfm', 'Running')), /\bcanChangeFlavor\b/);
    const node = await inStatus('feature-eng-xgboost', 'Stopped');
    assert.match(contextOf(node), /\bcanChangeFlavor\b/);
    let offered: string[] = [];
    under().ui.answer((items) => {
      offered = items.map((item) => item.description ?? '');
      return items.find((item) => item.description === 'modelarts.vm.gpu.t4u8');
    }, 'Change Flavor');
    await vscode.commands.executeCommand('modelarts.notebook.changeFlavor', node);
    assert.deepEqual(under().ui.errors, []);
    assert.equal(under().emulator.requests.count({ method: 'GET', path: `${idOf(node)}/flavors` }), 1);
    assert.ok(!offered.includes('modelarts.vm.cpu.8u'), 'not its own flavor');
    assert.ok(!offered.includes('modelarts.vm.gpu.a100'), 'not a sold-out one');
    assert.ok(!offered.includes('modelarts.vm.npu.arm.1snt9b'), 'not one of another architecture');
    assert.equal(under().ui.shown.at(-1)?.message, 'Change the flavor of notebook "feature-eng-xgboost" to modelarts.vm.gpu.t4u8?');
    assert.deepEqual(lastBody('PUT', idOf(node)), { flavor: 'modelarts.vm.gpu.t4u8' });
    assert.match(description(node), /^Stopped · vm\.gpu\.t4u8 · /);
  });

  it('Connect via SSH without Remote - SSH shows the ssh command naming the key pair, and Copy Command puts it on the clipboard', async () => {
    assert.equal(vscode.extensions.getExtension('ms-vscode-remote.remote-ssh'), undefined, 'Remote - SSH is not installed here');
    assert.doesNotMatch(contextOf(await inStatus('data-cleaning-pandas', 'Running')), /\bcanSsh\b/, 'no SSH without an SSH endpoint');
    const node = await inStatus('rec-sys-deepfm', 'Running');
    assert.match(contextOf(node), /\bcanSsh\b/);
    const sshConfig = path.join(os.homedir(), '.ssh', 'config');
    const configBefore = await fs.readFile(sshConfig, 'utf8').catch(() => undefined);

    under().ui.answerInfos('Copy Command');
    await vscode.commands.executeCommand('modelarts.notebook.connectSsh', node);
    assert.deepEqual(under().ui.errors, []);
    const message = under().ui.shown.at(-1)?.message ?? '';
    const command = /ssh -i 'KeyPair-demo\.pem' -p (\d+) 'ma-user@dev-modelarts\.cn-north-4\.huaweicloud\.com'$/.exec(message);
    assert.ok(command, message);
    assert.match(message, /^Notebook "rec-sys-deepfm" takes SSH with the private key of key pair "KeyPair-demo"/);
    assert.equal(await vscode.env.clipboard.readText(), command[0]);
    assert.match(await tooltipOf(node), new RegExp(`SSH: dev-modelarts\\.cn-north-4\\.huaweicloud\\.com:${command[1]} · key pair KeyPair-demo`));
    assert.equal(await fs.readFile(sshConfig, 'utf8').catch(() => undefined), configBefore, 'nothing is written to the SSH config without Remote - SSH');
  });

  it('the notebook details show the lease, the SSH endpoint and the mounted storage, the save progress, and run Renew Lease and Connect via SSH', async () => {
    const node = await inStatus('scratch-notebook', 'Running');
    const panel = (await vscode.commands.executeCommand('modelarts.notebook.showDetails', node)) as Panel;
    const talk = conversation(panel);
    try {
      await panel.receive({ type: 'ready' });
      const fieldsOf = async (matches: (fields: Record<string, string>) => boolean) => {
        const asRecord = (message: { view: { fields: readonly { label: string; value: string }[] } }) => Object.fromEntries(message.view.fields.map((field) => [field.label, field.value]));
        return asRecord(await talk.next('details', (message) => matches(asRecord(message))));
      };
      const fields = await fieldsOf((shown) => 'Mounted at /data/datasets/' in shown);
      assert.equal(fields['Mounted at /data/datasets/'], 'Mounted · obs://modelarts-demo-data/datasets/');
      assert.match(fields.SSH, /^dev-modelarts\.cn-north-4\.huaweicloud\.com:\d+ · key pair KeyPair-demo$/);

      under().ui.answer('72 hours');
      await panel.receive({ type: 'runAction', action: 'renewLease' });
      assert.deepEqual(under().ui.errors, []);
      const renewed = await fieldsOf((shown) => /\(in (71 h 59 min|72 h)\)$/.test(shown['Auto-stop'] ?? ''));
      assert.match(renewed['Auto-stop'], /^at .+ \(in (71 h 59 min|72 h)\)$/);

      await panel.receive({ type: 'runAction', action: 'connectSsh' });
      assert.match(under().ui.shown.at(-1)?.message ?? '', /ssh -i 'KeyPair-demo\.pem' -p \d+ 'ma-user@/);

      // Saving an image: the state is held so the panel's refresh sees it whatever the timing.
      under().emulator.state.setNotebookStatus(idOf(node), 'SNAPSHOTTING');
      await panel.receive({ type: 'runAction', action: 'refresh' });
      const saving = await talk.next('details', (message) => message.view.status === 'Saving image');
      assert.deepEqual(saving.view.steps, [
        { label: 'Saving the image', state: 'active' },
        { label: 'Running', state: 'waiting' },
      ]);
      assert.equal(saving.view.live, true);
      assert.ok(!saving.view.actions.includes('saveImage'), 'no second save while one is under way');
    } finally {
      under().emulator.state.setNotebookStatus(idOf(node), 'RUNNING');
      talk.dispose();
      panel.dispose();
    }
  });
});
