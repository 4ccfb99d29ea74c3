import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ExtensionUnderTest, label, type Node, until } from './harness';

describe('Lite Servers against the emulator', () => {
  let under: ExtensionUnderTest;

  const status = (node: Node) => String(node.getTreeItem().description).split(' · ')[0];
  async function servers(): Promise<Node[]> {
    const group = await under.regionCategory('Lite Servers');
    return under.explorer.getChildren(group);
  }
  const idOf = (node: Node) => node.id.split('/').pop() as string;

  before(async () => {
    under = await ExtensionUnderTest.start({ transitionMs: 300 });
    await under.signInWithDemoKey();
  });

  beforeEach(() => under.freshUi());

  after(() => under.stop());

  it('lists the account\'s Lite Servers under the region, with their states', async () => {
    const listed = await servers();
    assert.ok(listed.length >= 3, `servers: ${listed.map(label).join(', ')}`);
    assert.ok(listed.some((node) => status(node) === 'Running'));
    assert.ok(listed.every((node) => /^devServer\b/.test(String(node.getTreeItem().contextValue))));
  });

  it('Stop asks first, then the server stops in place; Start brings it back', async () => {
    const running = (await servers()).find((node) => status(node) === 'Running');
    assert.ok(running);
    under.ui.answer('Stop');
    await vscode.commands.executeCommand('modelarts.devServer.stop', running);
    assert.deepEqual(under.ui.errors, []);
    assert.match(under.ui.shown[0].message, new RegExp(`^Stop Lite Server "${label(running)}"\\?$`));
    await until(() => status(running), (value) => value === 'Stopped', 'the server to show Stopped');
    assert.equal(under.emulator.state.devServerStatus(idOf(running)), 'STOPPED');

    await vscode.commands.executeCommand('modelarts.devServer.start', running);
    const record = under.emulator.state.findDevServer(idOf(running))?.server;
    const [start] = under.emulator.requests.list({ method: 'PUT', path: `${idOf(running)}/start` });
    assert.deepEqual(JSON.parse(start.body ?? '{}'), { arch: record?.arch, server_type: record?.serverType, charging_mode: record?.chargingMode }, 'ServerStartRequest as the server is');
    await until(() => status(running), (value) => value === 'Running', 'the server to show Running again');
  });

  it('several selected servers are rebooted with one batch request', async () => {
    const running = (await servers()).filter((node) => status(node) === 'Running').slice(0, 2);
    assert.equal(running.length, 2, 'two running servers to select');
    under.emulator.requests.clear();
    under.ui.answer('Reboot');
    await vscode.commands.executeCommand('modelarts.devServer.reboot', running[0], running);
    assert.deepEqual(under.ui.errors, []);
    const batches = under.emulator.requests.list({ method: 'POST', path: '/dev-servers/action' });
    assert.equal(batches.length, 1);
    const body = JSON.parse(batches[0].body ?? '{}');
    assert.equal(body.type, 'REBOOT');
    assert.deepEqual(body.servers.map((server: { id: string }) => server.id).sort(), running.map(idOf).sort());
    assert.deepEqual(running.map(status), ['Rebooting', 'Rebooting'], 'the answer\'s states show at once');
    await until(() => running.map(status).join(), (value) => value === 'Running,Running', 'both servers to show Running again');
  });

  it('a batch one server refuses changes none, says which, and shows the servers as they are', async () => {
    const running = (await servers()).filter((node) => status(node) === 'Running').slice(0, 2);
    assert.equal(running.length, 2, 'two running servers to select');
    // The second one started rebooting elsewhere since the tree showed it.
    under.emulator.state.setDevServerStatus(idOf(running[1]), 'REBOOTING');
    under.ui.answer('Reboot');
    await vscode.commands.executeCommand('modelarts.devServer.reboot', running[0], running);
    assert.equal(under.ui.errors.length, 1);
    assert.match(under.ui.errors[0], new RegExp(idOf(running[1])));
    assert.equal(under.emulator.state.devServerStatus(idOf(running[0])), 'RUNNING', 'the other one was not rebooted');
    assert.deepEqual(running.map(status), ['Running', 'Rebooting']);
    under.emulator.state.setDevServerStatus(idOf(running[1]), 'RUNNING');
  });

  it('Delete confirms with the server\'s name and the server goes away', async () => {
    const stopped = (await servers()).find((node) => status(node) === 'Stopped');
    assert.ok(stopped, 'a stopped server to delete');
    under.ui.answer(undefined);
    await vscode.commands.executeCommand('modelarts.devServer.delete', stopped);
    assert.equal(under.emulator.requests.count({ method: 'DELETE', path: idOf(stopped) }), 0, 'declining deletes nothing');
    under.ui.answer('Delete');
    await vscode.commands.executeCommand('modelarts.devServer.delete', stopped);
    assert.deepEqual(under.ui.errors, []);
    await until(async () => (await servers()).some((node) => node.id === stopped.id), (present) => !present, 'the server to leave the tree');
  });
});
