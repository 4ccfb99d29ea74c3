import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'modelarts-community.modelarts-explorer';

/** Activates the extension; each test does so itself so that any one of them can run alone (--grep). */
async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `${extensionId} is not loaded`);
  await extension.activate();
  return extension;
}

describe('Extension activation', () => {
  it('activates', async () => {
    const extension = await activateExtension();
    assert.equal(extension.isActive, true);
  });

  it('registers its commands', async () => {
    await activateExtension();
    const expected = [
      'modelarts.signIn',
      'modelarts.signOut',
      'modelarts.showAccount',
      'modelarts.refresh',
      'modelarts.notebook.stop',
      'modelarts.trainingJob.viewLogs',
    ];
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      expected.filter((command) => !registered.has(command)),
      [],
      'commands not registered',
    );
  });

  it('shows the explorer view', async () => {
    await activateExtension();
    // Both commands exist only when the view container and the view are contributed; unknown commands reject.
    await vscode.commands.executeCommand('workbench.view.extension.modelarts');
    await vscode.commands.executeCommand('modelarts.explorer.focus');
  });
});
