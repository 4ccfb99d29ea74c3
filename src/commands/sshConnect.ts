import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import {
  existingSshConfigBlock,
  identityFileOf,
  sshCommand,
  sshConfigBlock,
  type SshEndpoint,
  sshEndpointProblem,
  sshHostAlias,
  withSshConfigBlock,
} from '../services/notebookSsh';
import type { CommandContext } from './commandContext';
import { confirmAction } from './confirm';
import { expandHome } from './sshHost';
import { ask } from './userInput';

/** What Connect via SSH connects to: a notebook or a Lite Server, with its endpoint. */
export interface SshTarget {
  /** "Notebook" or "Lite Server": begins the messages. */
  readonly kindLabel: string;
  /** "notebook" or "Lite Server": what the SSH config entry's marker says it is for. */
  readonly configLabel: string;
  readonly id: string;
  readonly name: string;
  readonly endpoint: SshEndpoint;
  /** The remote folder a Remote - SSH window opens. */
  readonly folder: string;
  /** Called once the user is as connected as the extension can make them (a window opened, or the command copied). */
  readonly onConnected?: () => void;
}

/** Opens the target in a Remote - SSH window; without Remote - SSH, shows the `ssh` command and offers to install it. */
export async function connectViaSsh(context: CommandContext, target: SshTarget): Promise<void> {
  refuseUnsafeEndpoint(target);
  if (context.sshHost.hasRemoteSsh()) {
    await openWithRemoteSsh(context, target);
  } else {
    await offerSshCommand(context, target);
  }
}

/** Before any SSH config is written or command offered: what the cloud sent must not add a line, an option or a shell word. */
function refuseUnsafeEndpoint(target: SshTarget): void {
  const problem = sshEndpointProblem(target.endpoint);
  if (!problem) {
    return;
  }
  // JSON quoting shows a line break or a quote in the value as text.
  const value = JSON.stringify(problem.value);
  const messages = {
    host: () => vscode.l10n.t('{0} "{1}" gives {2} as its SSH host, which is not a host name or IP address: nothing was written to the SSH config.', target.kindLabel, target.name, value),
    port: () => vscode.l10n.t('{0} "{1}" gives {2} as its SSH port, which is not a port number: nothing was written to the SSH config.', target.kindLabel, target.name, value),
    keyPair: () =>
      vscode.l10n.t('{0} "{1}" names key pair {2}, which has characters other than letters, digits, "_", "." and "-": nothing was written to the SSH config.', target.kindLabel, target.name, value),
  };
  throw new ModelArtsError(LocalErrorCode.invalidInput, messages[problem.part](), 'config');
}

/**
 * Without Remote - SSH: the command line for a terminal, with the key pair whose private key it needs, and an
 * offer to install Remote - SSH (installed only when the user chooses it), after which the target opens in it.
 */
async function offerSshCommand(context: CommandContext, target: SshTarget): Promise<void> {
  const { endpoint } = target;
  const command = sshCommand(endpoint);
  const copy = vscode.l10n.t('Copy Command');
  const install = vscode.l10n.t('Install Remote - SSH');
  const message =
    endpoint.keyPairNames.length > 0
      ? vscode.l10n.t(
          '{0} "{1}" takes SSH with the private key of key pair "{2}" (with the Remote - SSH extension it opens here): {3}',
          target.kindLabel,
          target.name,
          endpoint.keyPairNames.join('", "'),
          command,
        )
      : vscode.l10n.t('{0} "{1}" takes SSH with its login password (with the Remote - SSH extension it opens here): {2}', target.kindLabel, target.name, command);
  const answer = await context.ui.showInformationMessage(message, copy, install);
  if (answer === copy) {
    await vscode.env.clipboard.writeText(command);
    // The command copied is the user's way in without Remote - SSH: as connected as the extension can make it.
    target.onConnected?.();
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the SSH command of "{0}"', target.name), 3000);
  } else if (answer === install) {
    await context.sshHost.installRemoteSsh();
    context.log.info(`Installed Remote - SSH to connect to ${target.id}`);
    await openWithRemoteSsh(context, target);
  }
}

async function readIfPresent(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return '';
    }
    throw error;
  }
}

/** The private key file of the target's key pair, asked for (offering the one named before); none for a password login. */
async function askIdentityFile(context: CommandContext, target: SshTarget, previous: string | undefined): Promise<string | undefined> {
  const keyPair = target.endpoint.keyPairNames[0];
  if (keyPair === undefined) {
    return undefined;
  }
  const identityFile = await ask(context.ui, {
    title: vscode.l10n.t('Connect to "{0}" via SSH', target.name),
    prompt: vscode.l10n.t('Private key file of key pair "{0}" (only its path is written to the SSH config)', keyPair),
    value: (previous && identityFileOf(previous)) ?? path.join('~', '.ssh', `${keyPair}.pem`),
    ignoreFocusOut: true,
    validateInput: async (value) =>
      // An SSH config value cannot hold a double quote, and a line break would start another option.
      /["\p{Cc}]/u.test(value.trim())
        ? vscode.l10n.t('A path for the SSH config cannot contain a double quote or a control character.')
        : (await fs.stat(expandHome(value.trim())).then((stat) => stat.isFile(), () => false))
          ? undefined
          : vscode.l10n.t('There is no file at {0}.', value.trim()),
  });
  return identityFile.trim();
}

/**
 * Writes (or updates) the target's Host entry in the SSH config, asking before a new entry is added,
 * and opens its folder in a new Remote - SSH window. The private key file is only named.
 */
async function openWithRemoteSsh(context: CommandContext, target: SshTarget): Promise<void> {
  const configFile = context.sshHost.configFile();
  const config = await readIfPresent(configFile);
  const alias = sshHostAlias(target);
  const previous = existingSshConfigBlock(config, alias);
  const identityFile = await askIdentityFile(context, target, previous);
  const block = sshConfigBlock(alias, target.endpoint, identityFile, target.configLabel);
  if (previous === undefined) {
    const confirmed = await confirmAction(context.ui, vscode.l10n.t('Add host "{0}" to {1}?', alias, configFile), block, vscode.l10n.t('Add and Connect'));
    if (!confirmed) {
      return;
    }
  }
  if (previous !== block) {
    await fs.mkdir(path.dirname(configFile), { recursive: true, mode: 0o700 });
    await fs.writeFile(configFile, withSshConfigBlock(config, alias, block), { mode: 0o600 });
    context.log.info(`${previous === undefined ? 'Added' : 'Updated'} SSH host ${alias} in ${configFile}`);
  }
  await context.sshHost.openRemoteFolder(vscode.Uri.parse(`vscode-remote://ssh-remote+${alias}${target.folder}`));
  target.onConnected?.();
}
