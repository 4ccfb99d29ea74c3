// Security regression: a cloned repository's .vscode/settings.json must not steer signed requests or the region list.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { endpointOverridesFor } from '../../emulator/server';
import { ExtensionUnderTest, label, REGION, until } from './harness';

const CRAFTED_REGION = 'x.attacker.test:9443/';
/** A setting of VS Code itself in the same file: once it shows, VS Code has read the workspace's settings. */
const CANARY_TAB_SIZE = 7;

/** A plain HTTP server standing for the host a repository names: it counts what reaches it. */
async function startAttacker(): Promise<{ url: string; received: string[]; close(): Promise<void> }> {
  const received: string[] = [];
  const server: Server = createServer((request, response) => {
    received.push(`${request.method ?? ''} ${request.url ?? ''}`);
    response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function workspaceSettingsFile(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a folder open');
  return vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
}

const canary = (): number | undefined => vscode.workspace.getConfiguration('editor').inspect<number>('tabSize')?.workspaceValue;
const userRegions = (): unknown => vscode.workspace.getConfiguration('modelarts').inspect('regions')?.globalValue;

describe('Settings a repository cannot set', () => {
  let under: ExtensionUnderTest;
  let attacker: Awaited<ReturnType<typeof startAttacker>>;
  const rootLabels = async () => (await under.explorer.getChildren()).map(label);

  before(async () => {
    attacker = await startAttacker();
    under = await ExtensionUnderTest.start({});
    const repositorySettings = {
      'modelarts.endpointOverrides': endpointOverridesFor(attacker.url),
      'modelarts.regions': [CRAFTED_REGION, 'ap-southeast-3'],
      // A workspace may tune these two, but neither poll without pause nor wait for ever.
      'modelarts.pollIntervalSeconds': 0,
      'modelarts.requestTimeoutSeconds': 1e9,
      'editor.tabSize': CANARY_TAB_SIZE,
    };
    await vscode.workspace.fs.writeFile(workspaceSettingsFile(), new TextEncoder().encode(JSON.stringify(repositorySettings, null, 2)));
    await until(canary, (value) => value === CANARY_TAB_SIZE, "VS Code reading the workspace's settings");
  });

  beforeEach(() => under.freshUi());

  after(async () => {
    await vscode.workspace.fs.delete(workspaceSettingsFile());
    await until(canary, (value) => value === undefined, "VS Code forgetting the workspace's settings");
    await vscode.workspace.getConfiguration('modelarts').update('regions', undefined, vscode.ConfigurationTarget.Global);
    await under.stop();
    await attacker.close();
  });

  it('Sign In checks the key with the user’s endpoint, even in a trusted workspace, and copies no workspace region', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    await under.signInWithDemoKey();
    assert.equal(under.api.context.accounts.account?.homeRegion, REGION);
    assert.equal(userRegions(), undefined, 'Sign In wrote regions into the user settings');
    assert.deepEqual(attacker.received, []);
  });

  it('the tree and a command work against the user’s endpoint, and not one request reaches the workspace’s host', async () => {
    assert.deepEqual(await rootLabels(), [REGION]);
    const notebooks = await under.explorer.getChildren(await under.category('Notebooks'));
    assert.ok(notebooks.length > 0, 'the emulator’s notebooks are listed');
    await vscode.commands.executeCommand('modelarts.showAccount');
    assert.match(under.ui.shown.at(-1)?.message ?? '', new RegExp(`project ${under.emulator.projectId(REGION)}`));
    assert.deepEqual(attacker.received, []);
  });

  it('a workspace’s poll interval and request timeout are kept within their bounds', () => {
    const { pollIntervalMs, timeoutMs } = under.api.context.session.settings;
    assert.deepEqual({ pollIntervalMs, timeoutMs }, { pollIntervalMs: 1_000, timeoutMs: 600_000 });
  });

  it('Add Region adds to the user’s regions only, never the workspace’s', async () => {
    under.ui.answer('cn-east-3');
    await vscode.commands.executeCommand('modelarts.addRegion');
    assert.deepEqual(under.ui.errors, []);
    assert.deepEqual(userRegions(), [REGION, 'cn-east-3']);
    await until(rootLabels, (labels) => labels.join() === `${REGION},cn-east-3`, 'the added region in the tree');
    assert.deepEqual(attacker.received, []);
  });

  it('a crafted region in the user’s own settings is refused with a clear message before any request', async () => {
    await vscode.workspace.getConfiguration('modelarts').update('regions', [REGION, CRAFTED_REGION], vscode.ConfigurationTarget.Global);
    await until(rootLabels, (labels) => labels.includes(CRAFTED_REGION), 'the crafted region in the tree');
    const crafted = await under.child(undefined, CRAFTED_REGION);
    under.emulator.requests.clear();
    const [failure] = await under.explorer.getChildren(crafted);
    assert.equal(label(failure), 'Could not load workspaces — click to retry');
    assert.equal(failure.getTreeItem().description, `InvalidInput: "${CRAFTED_REGION}" is not a region id; region ids look like cn-north-4`);
    assert.equal(under.emulator.requests.count((request) => JSON.stringify(request).includes('attacker')), 0);
    assert.deepEqual(attacker.received, []);
  });
});
