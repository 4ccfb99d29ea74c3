import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Notebook } from '../../src/services/notebooks';
import { imageNameProblem, imageTagProblem, mountPathProblem, normalizedMountPath, obsFolderProblem, suggestedImageName } from '../../src/services/notebookRules';
import {
  existingSshConfigBlock,
  identityFileOf,
  shellQuoted,
  sshCommand,
  sshConfigBlock,
  sshEndpointOf,
  sshEndpointProblem,
  sshHostAlias,
  withSshConfigBlock,
} from '../../src/services/notebookSsh';

const notebook = (uri: string | undefined, extra: Partial<Notebook> = {}): Notebook => ({
  id: '6c1f2a9e-0b7d-4c2e-9f1a-2b3c4d5e6f70',
  name: 'BERT-finetune',
  status: 'RUNNING',
  flavor: 'modelarts.vm.cpu.2u',
  endpoints: [
    { service: 'NOTEBOOK', uri: 'https://example/lab' },
    ...(uri === undefined ? [] : [{ dev_service: 'SSH', uri, key_pair_names: ['KeyPair-demo'] }]),
  ],
  ...extra,
});

describe('notebook SSH', () => {
  test('the endpoint is read from tcp://, ssh:// and bare host:port forms; none without an SSH endpoint', () => {
    for (const uri of ['tcp://dev-modelarts.cn-north-4.huaweicloud.com:31205', 'ssh://ma-user@dev-modelarts.cn-north-4.huaweicloud.com:31205', 'dev-modelarts.cn-north-4.huaweicloud.com:31205']) {
      assert.deepEqual(sshEndpointOf(notebook(uri)), { host: 'dev-modelarts.cn-north-4.huaweicloud.com', port: 31205, user: 'ma-user', keyPairNames: ['KeyPair-demo'] }, uri);
    }
    assert.equal(sshEndpointOf(notebook('192.168.0.12'))?.port, 22);
    assert.equal(sshEndpointOf(notebook(undefined)), undefined);
    assert.equal(sshEndpointOf(notebook('not a host name')), undefined);
  });

  test('the command names the key pair\'s file and the port, never key material', () => {
    const endpoint = sshEndpointOf(notebook('tcp://dev-modelarts.cn-north-4.huaweicloud.com:31205'));
    assert.ok(endpoint);
    assert.equal(sshCommand(endpoint), "ssh -i 'KeyPair-demo.pem' -p 31205 'ma-user@dev-modelarts.cn-north-4.huaweicloud.com'");
  });

  test('only a host name or an IP address is a host, and a key pair name has letters, digits, _ . - only', () => {
    const problemOf = (uri: string, keyPairNames = ['KeyPair-demo']) => {
      const endpoint = sshEndpointOf(notebook(uri));
      return endpoint && sshEndpointProblem({ ...endpoint, keyPairNames });
    };
    for (const uri of ['tcp://dev-modelarts.cn-north-4.huaweicloud.com:31205', 'tcp://192.168.0.12:22', 'tcp://[2001:db8::12]:2222', 'host-1.example.']) {
      assert.equal(problemOf(uri), undefined, uri);
    }
    assert.equal(sshEndpointOf(notebook('tcp://[2001:db8::12]:2222'))?.host, '2001:db8::12');
    for (const host of ['-oProxyCommand=touch$IFS/x', 'a"b', "it's", 'a;b', '$(id)', 'a`id`', '*', 'a..b', '-host', '[::1']) {
      assert.deepEqual(problemOf(`tcp://${host}:22`) ?? { part: 'host', value: host }, { part: 'host', value: host }, host);
    }
    assert.deepEqual(problemOf('tcp://h.example:0'), { part: 'port', value: '0' });
    assert.deepEqual(problemOf('tcp://h.example:70000'), { part: 'port', value: '70000' });
    for (const name of ['key\nProxyCommand touch x', 'key pair', "key'", 'key$(id)', 'key/../x', '']) {
      assert.deepEqual(problemOf('tcp://h.example:22', ['KeyPair-demo', name]), { part: 'keyPair', value: name }, name);
    }
  });

  test('the ssh command quotes every part from the cloud, quotes included', () => {
    assert.equal(shellQuoted("it's $(id) `id` ; x"), `'it'\\''s $(id) \`id\` ; x'`);
    const command = sshCommand({ host: '2001:db8::12', port: 2222, user: 'ma-user', keyPairNames: ["o'brien.key"] });
    assert.equal(command, `ssh -i 'o'\\''brien.key.pem' -p 2222 'ma-user@2001:db8::12'`);
  });

  test('the Host alias is cleaned the same way from the id as from the name: nothing from the cloud adds a config line', () => {
    const hostile = { id: 'Ab\nProxyCommand touch /tmp/x', name: 'x\nProxyCommand touch /tmp/y' };
    const alias = sshHostAlias(hostile);
    assert.equal(alias, 'modelarts-x-proxycommand-touch--tmp-y-abproxyc');
    assert.match(alias, /^[a-z0-9_-]+$/);
    const block = sshConfigBlock(alias, { host: 'h.example', port: 22, user: 'ma-user', keyPairNames: ['k'] }, '/home/me/k.pem');
    assert.deepEqual(
      block.split('\n').map((line) => line.trim().split(' ')[0]),
      ['#', 'Host', 'HostName', 'Port', 'User', 'IdentityFile', 'IdentitiesOnly', 'StrictHostKeyChecking', 'UserKnownHostsFile', '#'],
    );
  });

  test('the config entry is added once, replaced in place when it changes, and leaves the rest of the file alone', () => {
    const endpoint = { host: 'dev-modelarts.cn-north-4.huaweicloud.com', port: 31205, user: 'ma-user', keyPairNames: ['KeyPair-demo'] };
    const alias = sshHostAlias(notebook(undefined));
    assert.equal(alias, 'modelarts-bert-finetune-6c1f2a9e');
    const block = sshConfigBlock(alias, endpoint, '/home/me/keys/My Key$1.pem');
    assert.match(block, /^Host modelarts-bert-finetune-6c1f2a9e\n {2}HostName dev-modelarts\.cn-north-4\.huaweicloud\.com\n {2}Port 31205\n {2}User ma-user\n {2}IdentityFile "\/home\/me\/keys\/My Key\$1\.pem"$/m);
    assert.equal(identityFileOf(block), '/home/me/keys/My Key$1.pem');

    const original = 'Host work\n  HostName work.example.com\n';
    const added = withSshConfigBlock(original, alias, block);
    assert.equal(added, `${original}\n${block}\n`);
    assert.equal(existingSshConfigBlock(added, alias), block);

    const moved = sshConfigBlock(alias, { ...endpoint, port: 30001 }, '/home/me/keys/My Key$1.pem');
    const replaced = withSshConfigBlock(`${added}Host later\n`, alias, moved);
    assert.equal(replaced, `${original}\n${moved}\nHost later\n`);
    assert.equal(withSshConfigBlock('', alias, block), `${block}\n`);
  });
});

describe('notebook input rules', () => {
  test('image names and tags follow the SDK rules; a suggested name passes them', () => {
    assert.equal(imageNameProblem('my-env.v2_x'), undefined);
    assert.ok(imageNameProblem('My-Env'));
    assert.ok(imageNameProblem('-env'));
    assert.ok(imageNameProblem('x'.repeat(129)));
    assert.equal(imageTagProblem('V1.0-rc_2'), undefined);
    assert.ok(imageTagProblem('v 1'));
    assert.equal(suggestedImageName('BERT finetune (zh)'), 'bert-finetune--zh');
    assert.equal(imageNameProblem(suggestedImageName('__Scratch__')), undefined);
  });

  test('mount paths are folders under /data/; OBS folders end with a slash', () => {
    assert.equal(mountPathProblem('/data/datasets'), undefined);
    assert.equal(normalizedMountPath('/data/datasets'), '/data/datasets/');
    assert.ok(mountPathProblem('/data/'));
    assert.ok(mountPathProblem('/home/ma-user/work/data/'));
    assert.ok(mountPathProblem('/data/../etc/'));
    assert.equal(obsFolderProblem('obs://team-data/mnist/'), undefined);
    assert.ok(obsFolderProblem('obs://team-data/mnist'));
    assert.ok(obsFolderProblem('s3://team-data/mnist/'));
  });
});
