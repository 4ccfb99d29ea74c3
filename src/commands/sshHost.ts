import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type PollScheduler, realTimers } from '../views/transitionPoller';

/** Microsoft's Remote - SSH: it opens `vscode-remote://ssh-remote+<Host alias>/<folder>` from the user's SSH config. */
export const REMOTE_SSH_EXTENSION = 'ms-vscode-remote.remote-ssh';

/**
 * What SSH connections need of the workbench and of time: Remote - SSH (installed? install it, open a folder
 * through it), the SSH config file it reads, and the clock Start and Connect waits on. A test replaces it
 * (CommandContext.sshHost) to install nothing, open no window, write a config file of its own and move a
 * virtual clock.
 */
export interface SshHost {
  hasRemoteSsh(): boolean;
  /** Installs Remote - SSH; the user was asked before. */
  installRemoteSsh(): Thenable<unknown>;
  /** Opens a folder of an SSH host (`vscode-remote://ssh-remote+alias/folder`) in a new window. */
  openRemoteFolder(uri: vscode.Uri): Thenable<unknown>;
  /** The SSH config file Remote - SSH reads. */
  configFile(): string;
  readonly scheduler: PollScheduler;
}

export const vscodeSshHost: SshHost = {
  hasRemoteSsh: () => vscode.extensions.getExtension(REMOTE_SSH_EXTENSION) !== undefined,
  installRemoteSsh: () => vscode.commands.executeCommand('workbench.extensions.installExtension', REMOTE_SSH_EXTENSION),
  openRemoteFolder: (uri) => vscode.commands.executeCommand('vscode.openFolder', uri, { forceNewWindow: true }),
  configFile: sshConfigPath,
  scheduler: realTimers,
};

/**
 * The SSH config Remote - SSH reads: its `remote.SSH.configFile` setting, or ~/.ssh/config. Only the user's
 * own value counts: a repository's settings must not choose which file a Host block is written to.
 */
function sshConfigPath(): string {
  const configured = vscode.workspace.getConfiguration('remote.SSH').inspect<string>('configFile')?.globalValue;
  return expandHome(configured || path.join('~', '.ssh', 'config'));
}

export function expandHome(file: string): string {
  return file === '~' || file.startsWith(`~${path.sep}`) || file.startsWith('~/') ? path.join(os.homedir(), file.slice(1)) : file;
}
