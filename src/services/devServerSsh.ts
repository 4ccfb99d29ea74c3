/**
 * SSH access to a Lite Server (dev server, §7.3). The server object names its private address
 * (`endpoints[]` with service SSH, `uri` the address) and its key pair (`key_pair_name`); its public
 * address is an EIP bound to it (`GET …/{id}/publicips`). No `vscode` import.
 */
import { isIP } from 'node:net';
import type { DevServer } from './devServers';
import type { SshEndpoint } from './notebookSsh';

/**
 * Neither the SDK's models nor the API reference name the login user or the SSH port of a Lite Server. A Lite
 * Server is an ECS or BMS whose Linux images log in as `root` on port 22 (Huawei Cloud's ECS/BMS login guides,
 * and the Lite Server password rules, which forbid "root" in the password as the user name): those defaults.
 */
export const DEV_SERVER_SSH_USER = 'root';
export const DEV_SERVER_SSH_PORT = 22;
/** The folder a Remote - SSH window opens: the login user's home. */
export const DEV_SERVER_HOME = '/root';

/** The private address of the server's SSH endpoint (`uri`, documented as the private IP), when it names one. */
export function devServerPrivateAddress(server: DevServer): string | undefined {
  const endpoint = server.endpoints?.find((candidate) => (candidate.service ?? candidate.dev_service) === 'SSH');
  const address = endpoint?.uri?.trim();
  return address ? address : undefined;
}

/**
 * Where to connect: the first EIP bound to the server, reachable from anywhere its security group allows; else
 * the private address, reachable only from inside its VPC (a VPN, Direct Connect or a host in the VPC).
 * An address that is not an IP is still returned: sshEndpointProblem judges it before any use.
 */
export function devServerSshEndpoint(server: DevServer, publicAddresses: readonly string[]): SshEndpoint | undefined {
  const host = publicAddresses.find((address) => isIP(address) !== 0) ?? publicAddresses[0] ?? devServerPrivateAddress(server);
  if (host === undefined) {
    return undefined;
  }
  return { host, port: DEV_SERVER_SSH_PORT, user: DEV_SERVER_SSH_USER, keyPairNames: server.key_pair_name ? [server.key_pair_name] : [] };
}
