import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { ExtensionUnderTest, label } from './harness';

function installedExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension('modelarts-community.modelarts-explorer');
  assert.ok(extension, 'the extension is installed');
  return extension;
}

/** The extension's files under `folder` of dist/ that the extension host has loaded (its module cache is the evidence). */
function loadedFiles(folder = ''): string[] {
  const dist = join(installedExtension().extensionPath, 'dist', folder);
  return Object.keys(require.cache)
    .filter((file) => file.startsWith(dist))
    .map((file) => file.slice(dist.length + 1))
    .sort();
}

const loadedVendorFiles = (): string[] => loadedFiles('vendor');

/** The obs:// file system's own file: dist/obsFileSystemProvider-<hash>.js. */
const isObsFileSystem = (file: string): boolean => file.startsWith('obsFileSystemProvider-');

/** The tree's rows and resource kinds: dist/treeCode-<hash>.js. */
const isTreeCode = (file: string): boolean => file.startsWith('treeCode-');

/** Which of the command groups' files (dist/<group>-<hash>.js, one per group) the extension host has loaded. */
function loadedCommandGroups(): string[] {
  return loadedFiles()
    .map((file) => /^(obsGroup|resourceGroup)-\w+\.js$/.exec(file)?.[1])
    .filter((group): group is string => group !== undefined);
}

/** The extension's commands VS Code knows now. */
async function registeredCommands(): Promise<string[]> {
  return (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('modelarts.')).sort();
}

// Runs first in the extension host (test/integration/index.ts): no other suite may have sent a request before it.
describe('Lazy loading: commands and SDKs load at their first use, not at activation', () => {
  let under: ExtensionUnderTest;

  before(async () => {
    under = await ExtensionUnderTest.start({});
  });

  after(() => under.stop());

  it('registers every command at activation, and loads each group of commands at the first call of one, the tree’s rows with the first of them, the signing SDK at the first request, the OBS SDK at the first OBS call', async () => {
    const atActivation = await registeredCommands();
    const declared = (installedExtension().packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map(({ command }) => command);
    assert.deepEqual(
      declared.filter((id) => !atActivation.includes(id)),
      [],
      'every command package.json declares is registered at activation',
    );
    assert.deepEqual(loadedCommandGroups(), [], "after activation, no command's code is loaded");
    assert.deepEqual(loadedVendorFiles(), [], 'after activation, before any request, no SDK is loaded');
    assert.ok(!loadedFiles().some(isTreeCode), "signed out, no code of the tree's rows is loaded");

    await under.signInWithDemoKey();
    assert.deepEqual(loadedCommandGroups(), ['resourceGroup'], "signing in loaded the commands of accounts and resources, not OBS's");
    const notebooks = await under.explorer.getChildren(await under.category('Notebooks'));
    assert.ok(notebooks.length > 0, 'the notebooks are listed');
    assert.ok(loadedFiles().some(isTreeCode), "the first rows loaded the tree's code");
    // debug and https-proxy-agent are files of their own, shared by the signing SDK, log4js and the OBS client.
    assert.deepEqual(loadedVendorFiles(), ['debug.js', 'https-proxy-agent.js', 'log4js.js', 'sdk-core.js'], 'signed in and a list shown: the signing SDK, and not the OBS SDK');

    // From the palette with nothing selected, Clear Filter has nothing to clear: it sends no request.
    await vscode.commands.executeCommand('modelarts.obs.clearFilter');
    assert.deepEqual(loadedCommandGroups(), ['obsGroup', 'resourceGroup'], 'an OBS command loaded the OBS commands');
    assert.ok(!loadedVendorFiles().includes('obs.js'), 'the OBS commands loaded without the OBS SDK');

    const buckets = await under.explorer.getChildren(await under.regionCategory('OBS Buckets'));
    assert.ok(buckets.some((bucket) => label(bucket) !== ''), 'the buckets are listed');
    assert.deepEqual(loadedVendorFiles(), ['debug.js', 'https-proxy-agent.js', 'log4js.js', 'obs.js', 'sdk-core.js'], 'the first OBS call loaded the OBS SDK, and no second log4js');

    assert.ok(!loadedFiles().some(isObsFileSystem), 'listing buckets loaded no code of the obs:// file system');
    // The emulator's demo account holds this bucket.
    const folder = await vscode.workspace.fs.readDirectory(vscode.Uri.parse('obs://modelarts-demo-outputs/'));
    assert.ok(folder.length > 0, 'an obs:// folder is read');
    assert.ok(loadedFiles().some(isObsFileSystem), "the first obs:// call loaded the file system's code");
    assert.deepEqual(await registeredCommands(), atActivation, 'the groups loaded registered no command that activation had not');
  });
});
