import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import type { Notebook } from '../services/notebooks';
import {
  existingSshConfigBlock,
  identityFileOf,
  NOTEBOOK_WORK_DIR,
  sshCommand,
  sshConfigBlock,
  type SshEndpoint,
  sshEndpointOf,
  sshEndpointProblem,
  sshHostAlias,
  withSshConfigBlock,
} from '../services/notebookSsh';
import { readableStatus } from '../views/format';
import { notebookKind } from '../views/kinds/notebookKind';
import { withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction } from './confirm';
import { resolveTarget } from './resourceTarget';
import { ask } from './userInput';

/** Microsoft's Remote - SSH: it opens `vscode-remote://ssh-remote+<Host alias>/<folder>` from the user's SSH config. */
const REMOTE_SSH_EXTENSION = 'ms-vscode-remote.remote-ssh';

/** Connect via SSH: open the notebook in a Remote - SSH window, or show the `ssh` command to use. */
export function registerNotebookSshCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.notebook.connectSsh', async (node) => {
      const target = await resolveTarget(context, notebookKind, node, withCapability(notebookKind, 'canSsh'));
      const notebook = target.item;
      const endpoint = sshEndpointOf(notebook);
      if (!endpoint) {
        throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Notebook "{0}" has no SSH access: it is enabled with a key pair when a notebook is created.', notebook.name), 'config');
      }
      if (notebook.status !== 'RUNNING') {
        throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Notebook "{0}" is {1}: start it to connect.', notebook.name, readableStatus(notebook.status)), 'config');
      }
      refuseUnsafeEndpoint(notebook, endpoint);
      if (vscode.extensions.getExtension(REMOTE_SSH_EXTENSION)) {
        await openWithRemoteSsh(context, notebook, endpoint);
      } else {
        await showSshCommand(context, notebook, endpoint);
      }
    }),
  ];
}

/** Before any SSH config is written or command offered: what the cloud sent must not add a line, an option or a shell word. */
function refuseUnsafeEndpoint(notebook: Notebook, endpoint: SshEndpoint): void {
  const problem = sshEndpointProblem(endpoint);
  if (!problem) {
    return;
  }
  // JSON quoting shows a line break or a quote in the value as text.
  const value = JSON.stringify(problem.value);
  const messages = {
    host: () => vscode.l10n.t('Notebook "{0}" gives {1} as its SSH host, which is not a host name or IP address: nothing was written to the SSH config.', notebook.name, value),
    port: () => vscode.l10n.t('Notebook "{0}" gives {1} as its SSH port, which is not a port number: nothing was written to the SSH config.', notebook.name, value),
    keyPair: () => vscode.l10n.t('Notebook "{0}" names key pair {1}, which has characters other than letters, digits, "_", "." and "-": nothing was written to the SSH config.', notebook.name, value),
  };
  throw new ModelArtsError(LocalErrorCode.invalidInput, messages[problem.part](), 'config');
}

/** Without Remote - SSH: the command line for a terminal, with the key pair whose private key it needs. */
async function showSshCommand(context: CommandContext, notebook: Notebook, endpoint: SshEndpoint): Promise<void> {
  const command = sshCommand(endpoint);
  const copy = vscode.l10n.t('Copy Command');
  const answer = await context.ui.showInformationMessage(
    vscode.l10n.t(
      'Notebook "{0}" takes SSH with the private key of key pair "{1}" (with the Remote - SSH extension it opens here): {2}',
      notebook.name,
      endpoint.keyPairNames.join('", "'),
      command,
    ),
    copy,
  );
  if (answer === copy) {
    await vscode.env.clipboard.writeText(command);
    // The command copied is the user's way in without Remote - SSH: as connected as the extension can make it.
    context.walkthrough.reach('notebookConnected');
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the SSH command of "{0}"', notebook.name), 3000);
  }
}

/**
 * The SSH config Remote - SSH reads: its `remote.SSH.configFile` setting, or ~/.ssh/config. Only the user's
 * own value counts: a repository's settings must not choose which file a Host block is written to.
 */
function sshConfigPath(): string {
  const configured = vscode.workspace.getConfiguration('remote.SSH').inspect<string>('configFile')?.globalValue;
  return expandHome(configured || path.join('~', '.ssh', 'config'));
}

function expandHome(file: string): string {
  return file === '~' || file.startsWith(`~${path.sep}`) || file.startsWith('~/') ? path.join(os.homedir(), file.slice(1)) : file;
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

/**
 * Writes (or updates) the notebook's Host entry in the SSH config, asking before a new entry is added,
 * and opens its work directory in a new Remote - SSH window. The private key file is only named.
 */
async function openWithRemoteSsh(context: CommandContext, notebook: Notebook, endpoint: SshEndpoint): Promise<void> {
  const configFile = sshConfigPath();
  const config = await readIfPresent(configFile);
  const alias = sshHostAlias(notebook);
  const previous = existingSshConfigBlock(config, alias);
  const keyPair = endpoint.keyPairNames[0] ?? 'KeyPair';
  const identityFile = await ask(context.ui, {
    title: vscode.l10n.t('Connect to "{0}" via SSH', notebook.name),
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
  const block = sshConfigBlock(alias, endpoint, identityFile.trim());
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
  await vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.parse(`vscode-remote://ssh-remote+${alias}${NOTEBOOK_WORK_DIR}`), { forceNewWindow: true });
  context.walkthrough.reach('notebookConnected');
}
