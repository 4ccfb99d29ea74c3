import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SshHost } from '../../src/commands/sshHost';
import { type Node, signedInSuite, until } from './harness';
import { VirtualScheduler } from './virtualScheduler';

/**
 * Remote - SSH as the extension reaches it, in place of the workbench's: it installs nothing and opens no window,
 * but records both; the SSH config is a file of the test's own; the wait of Start and Connect runs on a virtual clock.
 */
class RecordingSshHost implements SshHost {
  installs = 0;
  readonly opened: string[] = [];

  constructor(
    private installed: boolean,
    private readonly config: string,
    readonly scheduler: VirtualScheduler,
  ) {}

  hasRemoteSsh(): boolean {
    return this.installed;
  }

  async installRemoteSsh(): Promise<void> {
    this.installs++;
    this.installed = true;
  }

  async openRemoteFolder(uri: vscode.Uri): Promise<void> {
    this.opened.push(uri.toString(true));
  }

  configFile(): string {
    return this.config;
  }
}

describe('SSH for notebooks and Lite Servers', () => {
  // Long enough that only the virtual clock moves a start to its end.
  const TRANSITION_MS = 600_000;
  const under = signedInSuite({ transitionMs: TRANSITION_MS });
  let folder: string;
  let keyFile: string;
  let original: SshHost;
  let host: RecordingSshHost;

  const contextOf = (node: Node) => String(node.getTreeItem().contextValue);
  const idOf = (node: Node) => node.id.split('/').pop() as string;
  const server = async (name: string) => under().child(await under().regionCategory('Lite Servers'), name);
  const notebook = async (name: string) => under().child(await under().category('Notebooks'), name);
  const useHost = (installed: boolean) => {
    host = new RecordingSshHost(installed, path.join(folder, `config-${Date.now()}`), new VirtualScheduler((ms) => under().emulator.clock.advance(ms)));
    under().api.context.sshHost = host;
  };
  const config = () => fs.readFile(host.configFile(), 'utf8').catch(() => '');
  const pollMs = () => under().api.context.session.settings.pollIntervalMs;

  before(async () => {
    original = under().api.context.sshHost;
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'modelarts-ssh-'));
    keyFile = path.join(folder, 'KeyPair-demo.pem');
    await fs.writeFile(keyFile, 'not a key: only its path is written');
  });
  after(async () => {
    under().api.context.sshHost = original;
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('Connect via SSH on a running Lite Server writes its Host entry (root, port 22, its EIP, its key file), after asking, and opens /root', async () => {
    useHost(true);
    const node = await server('lite-910b-dev');
    assert.match(contextOf(node), /\bcanSsh\b/);
    assert.doesNotMatch(contextOf(node), /\bcanStartAndSsh\b/, 'a running server has nothing to start');

    under().ui.answer(keyFile, 'Add and Connect');
    await vscode.commands.executeCommand('modelarts.devServer.connectSsh', node);
    assert.deepEqual(under().ui.errors, []);
    assert.equal(under().emulator.requests.count({ method: 'GET', path: `${idOf(node)}/publicips` }), 1);
    const alias = `modelarts-lite-910b-dev-${idOf(node).replace(/-/g, '').slice(0, 8)}`;
    const question = under().ui.shown.find((shown) => shown.message.startsWith('Add host'));
    assert.equal(question?.message, `Add host "${alias}" to ${host.configFile()}?`);
    const written = await config();
    assert.match(written, new RegExp(`^Host ${alias}\\n {2}HostName 124\\.70\\.18\\.42\\n {2}Port 22\\n {2}User root\\n {2}IdentityFile ${keyFile.replace(/[.\\/]/g, '\\$&')}$`, 'm'));
    assert.deepEqual(host.opened, [`vscode-remote://ssh-remote+${alias}/root`]);
  });

  it('Start and Connect on a stopped Lite Server starts it, waits for Running on the emulator\'s clock with progress, then connects', async () => {
    useHost(true);
    const node = await server('lite-910b-bench');
    assert.match(contextOf(node), /\bcanStartAndSsh\b/);
    assert.doesNotMatch(contextOf(node), /\bcanSsh\b/);

    under().ui.answer(keyFile, 'Add and Connect');
    const done = vscode.commands.executeCommand('modelarts.devServer.startAndConnect', node);
    await until(() => host.scheduler.pending, (pending) => pending === 1, 'the wait for Running');
    assert.equal(under().emulator.requests.count({ method: 'PUT', path: `${idOf(node)}/start` }), 1);
    assert.equal(under().emulator.state.devServerStatus(idOf(node)), 'STARTING');

    await host.scheduler.advance(pollMs());
    assert.equal(host.scheduler.pending, 1, 'still starting: read again at the next poll');
    assert.deepEqual(host.opened, []);
    // The start's end comes on the emulator's clock; the next read sees it.
    under().emulator.clock.advance(TRANSITION_MS);
    await host.scheduler.advance(pollMs());
    await done;
    assert.deepEqual(under().ui.errors, []);
    const steps = under().ui.progress.filter((step) => step.title === 'Starting Lite Server "lite-910b-bench" to connect via SSH…').map((step) => step.message);
    assert.deepEqual(steps, ['Starting', 'Running']);
    assert.equal(host.opened.length, 1);
    assert.match(await config(), /^ {2}User root$/m);
  });

  it('Start and Connect on a stopped notebook: Cancel ends the wait, not the start, and nothing connects', async () => {
    useHost(true);
    const node = await notebook('rec-sys-deepfm');
    under().emulator.state.setNotebookStatus(idOf(node), 'STOPPED');
    await vscode.commands.executeCommand('modelarts.refresh', node);
    await until(() => contextOf(node), (value) => /\bcanStartAndSsh\b/.test(value), 'the stopped notebook to offer Start and Connect');

    under().ui.cancelProgressWhen((step) => step.message === 'Starting');
    const done = vscode.commands.executeCommand('modelarts.notebook.startAndConnect', node);
    await until(() => host.scheduler.pending, (pending) => pending === 1, 'the wait for Running');
    await host.scheduler.advance(pollMs());
    await done;
    assert.deepEqual(under().ui.errors, []);
    assert.equal(under().ui.shown.at(-1)?.message, 'Stopped waiting for notebook "rec-sys-deepfm": it goes on starting.');
    assert.equal(host.scheduler.pending, 0, 'no further read after Cancel');
    assert.equal(under().emulator.state.notebookStatus(idOf(node)), 'STARTING', 'the start goes on');
    assert.deepEqual(host.opened, []);
    assert.equal(await config(), '', 'nothing written');
  });

  it('an address from the cloud that is not a host name or IP is refused: nothing written, nothing opened', async () => {
    useHost(true);
    const node = await server('lite-cpu-etl');
    const record = under().emulator.state.findDevServer(idOf(node))?.server;
    assert.ok(record);
    const hostile = '-oProxyCommand=touch /tmp/pwned';
    record.publicIps.push({ id: 'eip-hostile', address: hostile });
    try {
      await vscode.commands.executeCommand('modelarts.devServer.connectSsh', node);
    } finally {
      record.publicIps.pop();
    }
    assert.match(under().ui.errors[0] ?? '', new RegExp(`Lite Server "lite-cpu-etl" gives "${hostile}" as its SSH host, which is not a host name or IP address: nothing was written to the SSH config`));
    assert.equal(await config(), '');
    assert.deepEqual(host.opened, []);
  });

  it('without Remote - SSH, Connect via SSH shows the ssh command and installs Remote - SSH only when the user chooses it', async () => {
    useHost(false);
    const node = await server('lite-910b-dev');
    await vscode.commands.executeCommand('modelarts.devServer.connectSsh', node);
    const offer = under().ui.shown.at(-1);
    assert.match(offer?.message ?? '', /^Lite Server "lite-910b-dev" takes SSH with the private key of key pair "KeyPair-demo" .*: ssh -i 'KeyPair-demo\.pem' -p 22 'root@124\.70\.18\.42'$/);
    assert.deepEqual(offer?.actions, ['Copy Command', 'Install Remote - SSH']);
    assert.equal(host.installs, 0, 'dismissed: nothing installed');
    assert.equal(await config(), '');

    under().ui.answerInfos('Install Remote - SSH');
    under().ui.answer(keyFile, 'Add and Connect');
    await vscode.commands.executeCommand('modelarts.devServer.connectSsh', node);
    assert.deepEqual(under().ui.errors, []);
    assert.equal(host.installs, 1);
    assert.equal(host.opened.length, 1, 'installed, then connected');
  });
});
