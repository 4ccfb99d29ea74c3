import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ExtensionUnderTest, label, type Node, PROFILE, REGION, until } from './harness';

describe('ModelArts explorer against the emulator', () => {
  let under: ExtensionUnderTest;
  const explorer = () => under.explorer;
  const child = (parent: Node | undefined, name: string) => under.child(parent, name);
  const notebooksOfDefaultWorkspace = async () => explorer().getChildren(await under.category('Notebooks'));

  before(async () => {
    // 120 extra training jobs make the default workspace's list span three pages.
    under = await ExtensionUnderTest.start({ transitionMs: 300, scaleTrainingJobs: 120 });
    await under.signInWithDemoKey();
  });

  beforeEach(() => under.freshUi());

  after(() => under.stop());

  it('a wrong secret key is reported as such and nothing is saved', async () => {
    await under.signOut();
    under.ui.answer(PROFILE, under.emulator.demo.ak, 'this-is-not-the-secret-key-000000', '', REGION);
    await vscode.commands.executeCommand('modelarts.signIn');
    assert.equal(under.ui.errors.length, 1);
    assert.match(under.ui.errors[0], /^APIG\.0301: the access key or secret key was rejected .*nothing was saved \(request id [0-9a-f]{32}\)$/);
    assert.equal(under.api.context.accounts.account, undefined);
    await under.signInWithDemoKey();
  });

  it('Sign In keeps the keys in SecretStorage and nowhere in settings', async () => {
    await under.signOut();
    await under.signInWithDemoKey();
    const account = under.api.context.accounts.account;
    assert.equal(account?.source, 'secretStorage');
    assert.match(under.ui.shown.at(-1)?.message ?? '', /EMUL\*\*\*\*0001/);
    // Reading the store again proves the keys were persisted there.
    await under.api.context.accounts.reload();
    assert.equal(under.api.context.accounts.account?.source, 'secretStorage');
    const settings = JSON.stringify(vscode.workspace.getConfiguration());
    assert.ok(!settings.includes(under.emulator.demo.sk) && !settings.includes(under.emulator.demo.ak), 'a key was written to settings');
  });

  it('the tree shows regions → workspaces → notebooks and training jobs with status icons', async () => {
    const region = await child(undefined, REGION);
    const workspaces = await explorer().getChildren(region);
    assert.equal(label(workspaces[0]), 'default');
    assert.ok(workspaces.length >= 2);
    const groups = (await explorer().getChildren(workspaces[0])).map(label);
    assert.deepEqual(groups, ['Notebooks', 'Training Jobs', 'Resource Pools', 'Models', 'Real-Time Services (v1)', 'Real-Time Services (v2)']);
    const notebooks = await notebooksOfDefaultWorkspace();
    const running = notebooks.find((node) => String(node.getTreeItem().description).startsWith('Running'));
    assert.ok(running, 'a running notebook is listed');
    assert.equal((running.getTreeItem().iconPath as vscode.ThemeIcon).id, 'vm-running');
    assert.match(String(running.getTreeItem().contextValue), /^notebook\b.*\bcanStop\b/);
    const jobs = await explorer().getChildren(await child(workspaces[0], 'Training Jobs'));
    assert.ok(jobs.length > 0);
    assert.match(String(jobs[0].getTreeItem().contextValue), /^trainingJob\b/);
  });

  it('Stop asks first, then the notebook stops in the emulator and in place in the tree, and polling ends', async () => {
    // Only the default workspace's notebooks are shown, none of them in a changing state.
    under.api.context.explorer.reload();
    const notebooks = await notebooksOfDefaultWorkspace();
    assert.equal(under.api.context.explorer.poller.trackedCount, 0);
    const running = notebooks.find((node) => String(node.getTreeItem().description).startsWith('Running'));
    assert.ok(running);
    const id = running.id.split('/').pop() as string;

    under.ui.answer(undefined); // the confirmation is dismissed
    await vscode.commands.executeCommand('modelarts.notebook.stop', running);
    assert.equal(under.emulator.state.notebookStatus(id), 'RUNNING');
    assert.match(under.ui.shown.at(-1)?.message ?? '', /^Stop notebook ".+"\?$/);

    under.ui.answer('Stop');
    await vscode.commands.executeCommand('modelarts.notebook.stop', running);
    assert.deepEqual(under.ui.errors, []);
    assert.ok(['STOPPING', 'STOPPED'].includes(under.emulator.state.notebookStatus(id) ?? ''));
    assert.equal(under.api.context.explorer.poller.trackedCount, 1, 'the stopping notebook is polled');
    await until(() => String(running.getTreeItem().description), (description) => description.startsWith('Stopped'), 'the tree item to show Stopped');
    assert.equal(under.api.context.explorer.poller.trackedCount, 0, 'no changing resource is polled');
  });

  it('Delete asks for confirmation naming the notebook, then removes it', async () => {
    const notebooks = await notebooksOfDefaultWorkspace();
    const stopped = notebooks.find((node) => String(node.getTreeItem().description).startsWith('Stopped'));
    assert.ok(stopped);
    const id = stopped.id.split('/').pop() as string;

    under.ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.notebook.delete', stopped);
    assert.ok(under.emulator.state.findNotebook(id), 'declining keeps the notebook');
    assert.equal(under.ui.shown.at(-1)?.message, `Delete notebook "${label(stopped)}"?`);

    under.ui.answer('Delete');
    await vscode.commands.executeCommand('modelarts.notebook.delete', stopped);
    await until(async () => (await notebooksOfDefaultWorkspace()).some((node) => node.id === stopped.id), (present) => !present, 'the notebook to leave the tree');
  });

  it('an API error reaches the user with its error code and request id', async () => {
    const notebooks = await notebooksOfDefaultWorkspace();
    const stopped = notebooks.find((node) => /canStart/.test(String(node.getTreeItem().contextValue)));
    assert.ok(stopped);
    under.emulator.faults.add({ kind: 'status', status: 400, errorCode: 'ModelArts.6357', errorMsg: 'another operation is in progress', path: '/start' });
    await vscode.commands.executeCommand('modelarts.notebook.start', stopped);
    assert.equal(under.ui.errors.length, 1);
    // The row is read again after a refusal, and the message names the notebook and its state.
    assert.match(under.ui.errors[0], /^ModelArts\.6357: Start was refused for notebook ".+": it is Stopped now\. another operation is in progress \(request id [0-9a-f]{32}\)$/);
  });

  it('long lists load a page at a time through "Load more…"', async () => {
    under.api.context.explorer.reload();
    const workspace = await child(await child(undefined, REGION), 'default');
    const group = await child(workspace, 'Training Jobs');
    const firstPage = await explorer().getChildren(group);
    assert.equal(firstPage.length, 51);
    const loadMore = firstPage[50].getTreeItem();
    assert.equal(loadMore.label, 'Load more…');
    await vscode.commands.executeCommand(loadMore.command?.command as string, ...(loadMore.command?.arguments ?? []));
    const twoPages = await explorer().getChildren(group);
    assert.equal(twoPages.length, 101);
    assert.equal(new Set(twoPages.slice(0, 100).map((node) => node.id)).size, 100, 'pages do not overlap');
  });

  it('a failed load becomes one node naming the error, and clicking it loads again', async () => {
    under.api.context.explorer.reload();
    const workspace = await child(await child(undefined, REGION), 'default');
    under.emulator.faults.add({ kind: 'status', status: 503, path: '/notebooks', times: 4 });
    const group = await child(workspace, 'Notebooks');
    const failed = await explorer().getChildren(group);
    assert.equal(failed.length, 1);
    const item = failed[0].getTreeItem();
    assert.equal(item.label, 'Could not load notebooks — click to retry');
    assert.match(String(item.description), /^ModelArts\.\d+: .+ \(request id [0-9a-f]{32}\)$/);
    assert.deepEqual(under.ui.errors, [], 'a failed load is not a pop-up');
    await vscode.commands.executeCommand(item.command?.command as string, ...(item.command?.arguments ?? []));
    const loaded = await explorer().getChildren(group);
    assert.ok(loaded.length > 1 && loaded.every((node) => /^notebook\b/.test(String(node.getTreeItem().contextValue))));
  });

  it('View Logs opens the training job log read-only', async () => {
    const workspace = await child(await child(undefined, REGION), 'default');
    const jobs = await explorer().getChildren(await child(workspace, 'Training Jobs'));
    const finished = jobs.find((node) => /^(Completed|Failed)\b/.test(String(node.getTreeItem().description)));
    assert.ok(finished, 'a finished job is listed');
    await vscode.commands.executeCommand('modelarts.trainingJob.viewLogs', finished);
    assert.deepEqual(under.ui.errors, []);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, 'modelarts');
    assert.equal(editor?.document.languageId, 'log');
    assert.ok((editor?.document.lineCount ?? 0) > 3, 'the log has lines');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Stop on a running training job terminates it after confirmation', async () => {
    const workspace = await child(await child(undefined, REGION), 'default');
    const jobs = await explorer().getChildren(await child(workspace, 'Training Jobs'));
    const running = jobs.find((node) => /\bcanStop\b/.test(String(node.getTreeItem().contextValue)));
    assert.ok(running, 'a stoppable job is listed');
    const id = running.id.split('/').pop() as string;
    // Seeded jobs finish on their own schedule; this one keeps running until stopped.
    under.emulator.state.setTrainingJobPhase(id, 'Running');
    under.ui.answer('Stop');
    await vscode.commands.executeCommand('modelarts.trainingJob.stop', running);
    assert.deepEqual(under.ui.errors, []);
    assert.match(under.ui.shown[0].message, /^Stop training job ".+"\?$/);
    assert.ok(['Terminating', 'Terminated'].includes(under.emulator.state.trainingJobPhase(id) ?? ''));
  });

  it('resource pools list their nodes (paged), node pools and plugins', async () => {
    const pools = await explorer().getChildren(await under.category('Resource Pools'));
    const cpuPool = pools.find((node) => label(node) === 'pool-cpu-etl');
    assert.ok(cpuPool, `the CPU pool is listed: ${pools.map(label).join(', ')}`);
    assert.match(String(cpuPool.getTreeItem().description), /^Running · /);
    const sections = await explorer().getChildren(cpuPool);
    assert.deepEqual(sections.map(label), ['Nodes', 'Node Pools', 'Plugins']);
    const [nodes, nodePools, plugins] = await Promise.all(sections.map((section) => explorer().getChildren(section)));
    assert.equal(nodes.length, 5);
    assert.deepEqual(nodePools.map(label).sort(), ['default', 'highmem']);
    assert.ok(plugins.some((plugin) => label(plugin) === 'volcano'));

    // The GPU pool of another workspace has 300 nodes: the first page and "Load more…".
    const workspace = await child(await child(undefined, REGION), 'nlp-research');
    const gpuPool = (await explorer().getChildren(await child(workspace, 'Resource Pools'))).find((node) => label(node) === 'pool-gpu-v100');
    assert.ok(gpuPool);
    const gpuNodes = await explorer().getChildren(await child(gpuPool, 'Nodes'));
    assert.equal(gpuNodes.length, 101);
    assert.equal(label(gpuNodes[100]), 'Load more…');
    const expectedIcon: Record<string, string> = { Available: 'vm-running', Abnormal: 'error' };
    for (const node of gpuNodes.slice(0, 100)) {
      const phase = String(node.getTreeItem().description).split(' · ')[0];
      assert.equal((node.getTreeItem().iconPath as vscode.ThemeIcon).id, expectedIcon[phase], `the icon of a node in phase ${phase}`);
    }
  });

  it('one full refresh sends each needed request once', async () => {
    // The project id is looked up once per session, not per refresh: looked up here already when this test runs alone.
    await explorer().getChildren(await child(undefined, REGION));
    under.emulator.requests.clear();
    under.emulator.obs.requests.clear();
    await vscode.commands.executeCommand('modelarts.refresh');
    const region = await child(undefined, REGION);
    const regionChildren = await explorer().getChildren(region);
    const workspaces = regionChildren.filter((node) => /^workspace\b/.test(String(node.getTreeItem().contextValue)));
    const categoryGroups = regionChildren.filter((node) => !workspaces.includes(node));
    const accountGroups = (await Promise.all(categoryGroups.map((group) => explorer().getChildren(group)))).flat();
    for (const workspace of workspaces) {
      for (const group of await explorer().getChildren(workspace)) {
        await explorer().getChildren(group);
      }
    }
    await Promise.all(accountGroups.map((group) => explorer().getChildren(group)));
    const seen = under.emulator.requests.list().map((request) => `${request.method} ${request.path} ${JSON.stringify(request.query)} ${request.body ?? ''}`);
    assert.equal(new Set(seen).size, seen.length, `duplicate requests: ${seen.join('\n')}`);
    assert.deepEqual(accountGroups.map(label), ['Lite Servers', 'Hyperinstances', 'Hyper Clusters', 'Lite Server Jobs', 'Scheduled Events', 'OBS Buckets', 'SWR Images', 'VPCs', 'Key Pairs']);
    // OBS requests go to the OBS stand-in's own log: one bucket list. Hyper clusters are listed once per type (HPS, ECS).
    assert.equal(seen.length, 1 + 6 * workspaces.length + accountGroups.length - 1 + 1, `the workspace list, six categories per workspace, and the account-wide lists: ${seen.join('\n')}`);
    assert.deepEqual(under.emulator.obs.requests.list().map((request) => `${request.method} ${request.path}`), ['GET /']);
  });

  it('regions are added and removed, and the signed-in region shows while none is chosen', async () => {
    const roots = async () => (await explorer().getChildren()).map(label);
    assert.deepEqual(await roots(), [REGION]);
    under.ui.answer('cn-east-3');
    await vscode.commands.executeCommand('modelarts.addRegion');
    await until(roots, (names) => names.join() === `${REGION},cn-east-3`, 'cn-east-3 to be listed');
    const east = await child(undefined, 'cn-east-3');
    under.ui.answer(REGION);
    await vscode.commands.executeCommand('modelarts.removeRegion');
    await until(roots, (names) => names.join() === 'cn-east-3', 'only cn-east-3 to remain');
    await vscode.commands.executeCommand('modelarts.removeRegion', east);
    await until(roots, (names) => names.length === 0, 'no region to remain');
    assert.deepEqual(under.ui.errors, []);
    await vscode.workspace.getConfiguration('modelarts').update('regions', undefined, vscode.ConfigurationTarget.Global);
    await until(roots, (names) => names.join() === REGION, 'the signed-in region to show again');
  });

  it('environment credentials are used after signing out, shown as from environment', async () => {
    await under.signOut();
    process.env.MODELARTS_AK = under.emulator.demo.ak;
    process.env.MODELARTS_SK = under.emulator.demo.sk;
    process.env.MODELARTS_REGION = REGION;
    try {
      await under.api.context.accounts.reload();
      assert.equal(under.api.context.accounts.account?.source, 'environment');
      await vscode.commands.executeCommand('modelarts.showAccount');
      assert.match(under.ui.shown.at(-1)?.message ?? '', /EMUL\*\*\*\*0001 \(from environment\); region cn-north-4; project [0-9a-f]{32}/);
      assert.ok((await notebooksOfDefaultWorkspace()).length > 0);
    } finally {
      delete process.env.MODELARTS_AK;
      delete process.env.MODELARTS_SK;
      delete process.env.MODELARTS_REGION;
      await under.api.context.accounts.reload();
      await under.signInWithDemoKey();
    }
  });
});
