/**
 * SSH access to a notebook (§1.4 `endpoints[]`): where to connect, the `ssh` command for it and the
 * OpenSSH config entry Remote - SSH connects through. Only the key pair's name is known here: the
 * private key stays in the user's file, which is named, never read. No `vscode` import.
 */
import type { Notebook } from './notebooks';

/** Notebook containers run as this user and keep their files under its work directory. */
export const NOTEBOOK_SSH_USER = 'ma-user';
export const NOTEBOOK_WORK_DIR = '/home/ma-user/work';

export interface SshEndpoint {
  readonly host: string;
  readonly port: number;
  /** Key pairs whose private key logs in; the API names them, the user holds the `.pem` files. */
  readonly keyPairNames: readonly string[];
}

/**
 * The notebook's SSH endpoint, when it has one. The reference does not fix the form of `uri`: the
 * emulator answers `tcp://host:port`, the console shows `ssh://…`; a bare `host:port` (or no port,
 * meaning 22) is accepted too.
 */
export function sshEndpointOf(notebook: Notebook): SshEndpoint | undefined {
  const endpoint = notebook.endpoints?.find((candidate) => (candidate.service ?? candidate.dev_service) === 'SSH');
  const match = endpoint?.uri ? /^(?:[a-z]+:\/\/)?(?:[^@/]+@)?([^:/\s]+)(?::(\d{1,5}))?\/?$/i.exec(endpoint.uri.trim()) : null;
  if (!endpoint || !match) {
    return undefined;
  }
  return { host: match[1], port: match[2] ? Number(match[2]) : 22, keyPairNames: endpoint.key_pair_names ?? [] };
}

/** `ssh -i KeyPair-demo.pem -p 31205 ma-user@host`: the key file named after its key pair, as KPS downloads it. */
export function sshCommand(endpoint: SshEndpoint): string {
  const keyFile = `${endpoint.keyPairNames[0] ?? 'KeyPair'}.pem`;
  return `ssh -i ${keyFile} -p ${endpoint.port} ${NOTEBOOK_SSH_USER}@${endpoint.host}`;
}

/** The Host alias of a notebook: lower case (Remote - SSH escapes upper case in its authorities), unique by id. */
export function sshHostAlias(notebook: Pick<Notebook, 'id' | 'name'>): string {
  const name = notebook.name.toLowerCase().replace(/[^a-z0-9_-]/g, '-');
  return `modelarts-${name}-${notebook.id.replace(/-/g, '').slice(0, 8)}`;
}

const blockStart = (alias: string): string => `# >>> ${alias} (ModelArts notebook, written by ModelArts Explorer)`;
const blockEnd = (alias: string): string => `# <<< ${alias}`;

/**
 * The config entry of a notebook. Host keys are not kept: a notebook gets a new container, and a
 * new host key, at every start (the setup Huawei's documentation gives for notebooks).
 */
export function sshConfigBlock(alias: string, endpoint: SshEndpoint, identityFile: string): string {
  const quoted = /\s/.test(identityFile) ? `"${identityFile}"` : identityFile;
  return [
    blockStart(alias),
    `Host ${alias}`,
    `  HostName ${endpoint.host}`,
    `  Port ${endpoint.port}`,
    `  User ${NOTEBOOK_SSH_USER}`,
    `  IdentityFile ${quoted}`,
    '  IdentitiesOnly yes',
    '  StrictHostKeyChecking no',
    '  UserKnownHostsFile /dev/null',
    blockEnd(alias),
  ].join('\n');
}

/** The entry written for `alias` before, if any. */
export function existingSshConfigBlock(config: string, alias: string): string | undefined {
  const start = config.indexOf(blockStart(alias));
  const end = start < 0 ? -1 : config.indexOf(blockEnd(alias), start);
  return end < 0 ? undefined : config.slice(start, end + blockEnd(alias).length);
}

/** The IdentityFile of an entry written before, to offer it again. */
export function identityFileOf(block: string): string | undefined {
  const match = /^\s*IdentityFile\s+"?([^"\n]+?)"?\s*$/m.exec(block);
  return match?.[1];
}

/** The config with the notebook's entry replaced, or added at the end; nothing else changes. */
export function withSshConfigBlock(config: string, alias: string, block: string): string {
  const existing = existingSshConfigBlock(config, alias);
  if (existing !== undefined) {
    return config.replace(existing, () => block);
  }
  const separator = config === '' ? '' : config.endsWith('\n\n') ? '' : config.endsWith('\n') ? '\n' : '\n\n';
  return `${config}${separator}${block}\n`;
}
