import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { devServerSshEndpoint } from '../../src/services/devServerSsh';
import type { DevServer } from '../../src/services/devServers';
import { existingSshConfigBlock, identityFileOf, sshCommand, sshConfigBlock, sshEndpointProblem, withSshConfigBlock } from '../../src/services/notebookSsh';

const server = (extra: Partial<DevServer> = {}): DevServer => ({
  id: '3f2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d',
  name: 'lite-910b-dev',
  status: 'RUNNING',
  key_pair_name: 'KeyPair-demo',
  endpoints: [{ dev_service: 'SSH', service: 'SSH', uri: '192.168.0.23', key_pair_names: ['KeyPair-demo'] }],
  ...extra,
});

describe('Lite Server SSH', () => {
  test('connects as root on port 22 to the bound EIP, else to the private address of its SSH endpoint; none without either', () => {
    assert.deepEqual(devServerSshEndpoint(server(), ['124.70.18.42']), { host: '124.70.18.42', port: 22, user: 'root', keyPairNames: ['KeyPair-demo'] });
    assert.equal(devServerSshEndpoint(server(), [])?.host, '192.168.0.23');
    assert.equal(devServerSshEndpoint(server({ endpoints: [] }), []), undefined);
    assert.deepEqual(devServerSshEndpoint(server({ key_pair_name: undefined }), [])?.keyPairNames, []);
  });

  test('an address from the cloud that is not a host is refused before it reaches a command or a config', () => {
    const endpoint = devServerSshEndpoint(server({ endpoints: [{ service: 'SSH', uri: '-oProxyCommand=touch$IFS/x' }] }), []);
    assert.ok(endpoint);
    assert.deepEqual(sshEndpointProblem(endpoint), { part: 'host', value: '-oProxyCommand=touch$IFS/x' });
    const hostileKey = devServerSshEndpoint(server({ key_pair_name: 'k\nProxyCommand x' }), ['124.70.18.42']);
    assert.ok(hostileKey);
    assert.equal(sshEndpointProblem(hostileKey)?.part, 'keyPair');
  });

  test('a password login has no key file in the command and no IdentityFile in the config entry', () => {
    const endpoint = devServerSshEndpoint(server({ key_pair_name: undefined }), ['124.70.18.42']);
    assert.ok(endpoint);
    assert.equal(sshCommand(endpoint), "ssh -p 22 'root@124.70.18.42'");
    const block = sshConfigBlock('modelarts-lite-910b-dev-3f2b1c0d', endpoint, undefined, 'Lite Server');
    assert.deepEqual(
      block.split('\n').map((line) => line.trim().split(' ')[0]),
      ['#', 'Host', 'HostName', 'Port', 'User', 'StrictHostKeyChecking', 'UserKnownHostsFile', '#'],
    );
    assert.match(block, /^# >>> modelarts-lite-910b-dev-3f2b1c0d \(ModelArts Lite Server, written by ModelArts Explorer\)$/m);
    assert.match(block, /^ {2}User root$/m);
    assert.equal(identityFileOf(block), undefined);
  });

  test('an entry is found and replaced by its alias whatever kind of resource it was written for', () => {
    const endpoint = devServerSshEndpoint(server(), ['124.70.18.42']);
    assert.ok(endpoint);
    const alias = 'modelarts-lite-910b-dev-3f2b1c0d';
    const block = sshConfigBlock(alias, endpoint, '/home/me/.ssh/KeyPair-demo.pem', 'Lite Server');
    const config = withSshConfigBlock('Host work\n', alias, block);
    assert.equal(existingSshConfigBlock(config, alias), block);
    const moved = sshConfigBlock(alias, { ...endpoint, host: '124.70.18.43' }, '/home/me/.ssh/KeyPair-demo.pem', 'Lite Server');
    assert.equal(withSshConfigBlock(config, alias, moved), `Host work\n\n${moved}\n`);
  });
});
