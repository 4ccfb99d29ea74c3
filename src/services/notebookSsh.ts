/**
 * SSH access to a notebook (§1.4 `endpoints[]`), and what every SSH target shares (Lite Servers too, see
 * devServerSsh.ts): the `ssh` command and the OpenSSH config entry Remote - SSH connects through. Only the
 * key pair's name is known here: the private key stays in the user's file, which is named, never read.
 * No `vscode` import.
 */
import { isIP } from 'node:net';
import type { Notebook } from './notebooks';

/** Notebook containers run as this user and keep their files under its work directory. */
export const NOTEBOOK_SSH_USER = 'ma-user';
export const NOTEBOOK_WORK_DIR = '/home/ma-user/work';

export interface SshEndpoint {
  readonly host: string;
  readonly port: number;
  /** The login user: fixed by the kind of resource, never taken from the cloud. */
  readonly user: string;
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
  const match = endpoint?.uri ? /^(?:[a-z]+:\/\/)?(?:[^@/]+@)?(?:\[([^\]\s]+)\]|([^:/\s]+))(?::(\d{1,5}))?\/?$/i.exec(endpoint.uri.trim()) : null;
  if (!endpoint || !match) {
    return undefined;
  }
  return { host: match[1] ?? match[2], port: match[3] ? Number(match[3]) : 22, user: NOTEBOOK_SSH_USER, keyPairNames: endpoint.key_pair_names ?? [] };
}

/** A DNS name: labels of letters, digits and inner hyphens (RFC 1123), so never an option, a quote or a space. */
const HOST_NAME = /^(?=.{1,253}$)[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)*\.?$/i;
/** Key pair names as KPS allows them; the name also becomes the private key's file name. */
const KEY_PAIR_NAME = /^[\w.-]+$/;

/**
 * What of an endpoint the cloud sent cannot go into an SSH config or a command line: anything but a host
 * name or an IP address as the host, a port out of range, a key pair name with other characters.
 */
export function sshEndpointProblem(endpoint: SshEndpoint): { readonly part: 'host' | 'port' | 'keyPair'; readonly value: string } | undefined {
  if (!HOST_NAME.test(endpoint.host) && isIP(endpoint.host) === 0) {
    return { part: 'host', value: endpoint.host };
  }
  if (!Number.isInteger(endpoint.port) || endpoint.port < 1 || endpoint.port > 65535) {
    return { part: 'port', value: String(endpoint.port) };
  }
  const keyPair = endpoint.keyPairNames.find((name) => !KEY_PAIR_NAME.test(name));
  return keyPair === undefined ? undefined : { part: 'keyPair', value: keyPair };
}

/** POSIX shell single quotes: nothing inside is expanded; a quote itself is closed, escaped and reopened. */
export function shellQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * `ssh -i 'KeyPair-demo.pem' -p 31205 'ma-user@host'`: the key file named after its key pair, as KPS downloads
 * it; without a key pair (a server that logs in with its password) no key file.
 */
export function sshCommand(endpoint: SshEndpoint): string {
  const keyFile = endpoint.keyPairNames[0] === undefined ? '' : `-i ${shellQuoted(`${endpoint.keyPairNames[0]}.pem`)} `;
  return `ssh ${keyFile}-p ${endpoint.port} ${shellQuoted(`${endpoint.user}@${endpoint.host}`)}`;
}

/** Lower case letters, digits, `_` and `-`: Remote - SSH escapes upper case in its authorities, and nothing else can break a config line. */
function aliasPart(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9_-]/g, '-');
}

/** The Host alias of a notebook or server, unique by id; the id is cleaned as the name is, since both come from the cloud. */
export function sshHostAlias(resource: { readonly id: string; readonly name: string }): string {
  return `modelarts-${aliasPart(resource.name)}-${aliasPart(resource.id).replace(/-/g, '').slice(0, 8)}`;
}

/** The marker's start, without what the entry is for: entries are found by alias whatever they were written for. */
const markerOf = (alias: string): string => `# >>> ${alias} (ModelArts `;
const blockStart = (alias: string, what: string): string => `${markerOf(alias)}${what}, written by ModelArts Explorer)`;
const blockEnd = (alias: string): string => `# <<< ${alias}`;

/**
 * The config entry of a notebook (`what`: "notebook") or a Lite Server ("Lite Server"); without an identity
 * file (a server that logs in with its password) ssh asks for the password. Host keys are not kept: a notebook
 * gets a new container, and a new host key, at every start (the setup Huawei's documentation gives for
 * notebooks); a server's operating system can be changed or reinstalled, which changes its host key too.
 */
export function sshConfigBlock(alias: string, endpoint: SshEndpoint, identityFile: string | undefined, what = 'notebook'): string {
  const identity = identityFile === undefined ? [] : [`  IdentityFile ${/\s/.test(identityFile) ? `"${identityFile}"` : identityFile}`, '  IdentitiesOnly yes'];
  return [
    blockStart(alias, what),
    `Host ${alias}`,
    `  HostName ${endpoint.host}`,
    `  Port ${endpoint.port}`,
    `  User ${endpoint.user}`,
    ...identity,
    '  StrictHostKeyChecking no',
    '  UserKnownHostsFile /dev/null',
    blockEnd(alias),
  ].join('\n');
}

/** The entry written for `alias` before, if any. */
export function existingSshConfigBlock(config: string, alias: string): string | undefined {
  const start = config.indexOf(markerOf(alias));
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
