import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kooCliConfigPath, parseKooCliConfig } from '../../src/account/koocliImport';
import { ProfileStore } from '../../src/account/profileStore';

const AK = 'KOOCLIPROFILEAK00001';
const SK = 'KooCliProfileSecretKey000000000000000001';
const anyName = () => true;

test('the KooCLI config is read from ~/.hcloud/config.json of the home given, and nowhere else', () => {
  assert.equal(kooCliConfigPath('/home/someone'), '/home/someone/.hcloud/config.json');
});

test('an AK/SK profile is importable with its token, region and project id; a missing mode counts as AK/SK', () => {
  const config = {
    current: 'a',
    profiles: [
      { name: 'a', mode: 'AKSK', accessKeyId: AK, secretAccessKey: SK, securityToken: 'token-value-0001', region: 'cn-north-4', projectId: 'p1' },
      { name: 'b', accessKeyId: AK, secretAccessKey: SK, region: 'cn-east-3' },
    ],
  };
  assert.deepEqual(parseKooCliConfig(JSON.stringify(config), anyName), {
    importable: [
      { name: 'a', profile: { accessKey: AK, secretKey: SK, securityToken: 'token-value-0001', region: 'cn-north-4', projectIds: { 'cn-north-4': 'p1' } } },
      { name: 'b', profile: { accessKey: AK, secretKey: SK, securityToken: undefined, region: 'cn-east-3', projectIds: undefined } },
    ],
    skipped: [],
  });
});

test('entries that cannot be used are skipped, each with its reason', () => {
  const config = {
    profiles: [
      { name: 'sso', mode: 'SSO', region: 'cn-north-4' },
      { name: 'nosk', mode: 'AKSK', accessKeyId: AK, region: 'cn-north-4' },
      { name: 'shortak', mode: 'AKSK', accessKeyId: 'AK1', secretAccessKey: SK, region: 'cn-north-4' },
      { name: 'noregion', mode: 'AKSK', accessKeyId: AK, secretAccessKey: SK },
      { name: 'badregion', mode: 'AKSK', accessKeyId: AK, secretAccessKey: SK, region: 'cn north 4' },
      { name: 'Environment', mode: 'AKSK', accessKeyId: AK, secretAccessKey: SK, region: 'cn-north-4' },
      'not an object',
    ],
  };
  const parsed = parseKooCliConfig(JSON.stringify(config), (name) => name !== 'Environment' && !name.startsWith('#'));
  assert.deepEqual(parsed?.importable, []);
  assert.deepEqual(parsed?.skipped, [
    { name: 'sso', reason: 'unsupportedMode', mode: 'SSO' },
    { name: 'nosk', reason: 'missingKeys' },
    { name: 'shortak', reason: 'missingKeys' },
    { name: 'noregion', reason: 'missingRegion' },
    { name: 'badregion', reason: 'missingRegion' },
    { name: 'Environment', reason: 'invalidName' },
    { name: '#7', reason: 'invalidName' },
  ]);
});

test('when KooCLI keeps its keys encrypted (authEncrypt, a string or a boolean), every AK/SK entry is skipped as encrypted', () => {
  for (const authEncrypt of ['true', true]) {
    const config = { authEncrypt, profiles: [{ name: 'a', mode: 'AKSK', accessKeyId: 'c2VjcmV0a2V5MDAwMQ', secretAccessKey: 'c2VjcmV0c2VjcmV0', region: 'cn-north-4' }] };
    assert.deepEqual(parseKooCliConfig(JSON.stringify(config), anyName), { importable: [], skipped: [{ name: 'a', reason: 'encrypted' }] });
  }
});

test('a file that is not a KooCLI config is not read at all', () => {
  assert.equal(parseKooCliConfig('{"profiles": {}}', anyName), undefined);
  assert.equal(parseKooCliConfig('not json', anyName), undefined);
});

/** A SecretStorage in memory: enough for the profile store, which only gets, stores and deletes. */
function memorySecrets(initial: Record<string, string>) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    get: async (key: string) => values.get(key),
    store: async (key: string, value: string) => void values.set(key, value),
    delete: async (key: string) => void values.delete(key),
    keys: async () => [...values.keys()],
    onDidChange: () => ({ dispose: () => undefined }),
  };
}

test('the single account kept before profiles becomes the profile "default" by itself, and the old secret is gone', async () => {
  const secrets = memorySecrets({ 'modelarts.account': JSON.stringify({ accessKey: AK, secretKey: SK, region: 'cn-east-3' }) });
  const problems: string[] = [];
  const profiles = await new ProfileStore(secrets).read((what) => problems.push(what));
  assert.deepEqual(profiles, { default: { accessKey: AK, secretKey: SK, securityToken: undefined, region: 'cn-east-3', projectIds: undefined } });
  assert.deepEqual([...secrets.values.keys()], ['modelarts.profiles']);
  assert.deepEqual(problems, []);
  // Read again: the same profile, from the new secret.
  assert.deepEqual(await new ProfileStore(secrets).read(() => undefined), profiles);
});

test('an unreadable profile is reported by name and left out; the others are kept', async () => {
  const secrets = memorySecrets({ 'modelarts.profiles': JSON.stringify({ good: { accessKey: AK, secretKey: SK, region: 'cn-north-4' }, broken: { accessKey: AK } }) });
  const problems: string[] = [];
  const profiles = await new ProfileStore(secrets).read((what) => problems.push(what));
  assert.deepEqual(Object.keys(profiles), ['good']);
  assert.deepEqual(problems, ['broken']);
});
