import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { credentialsFromEnvironment, credentialsFromNotebook, type DetectedCredentials, notebookSignals } from '../../../src/services/credentialSources';
import { ModelArtsError } from '../../../src/services/errors';

describe('environment credentials', () => {
  test('absent AK and SK mean no environment credentials', () => {
    assert.equal(credentialsFromEnvironment({}), undefined);
  });

  test('reads AK, SK, token, region and the project id of that region', () => {
    const detected = credentialsFromEnvironment({
      MODELARTS_AK: ' HPUAENVIRONMENTKEY01 ',
      MODELARTS_SK: 'environment-secret-key-0123456789',
      MODELARTS_SECURITY_TOKEN: 'token-abc',
      MODELARTS_REGION: 'cn-east-3',
      MODELARTS_PROJECT_ID: '0123456789abcdef0123456789abcdef',
    });
    assert.equal(detected?.region, 'cn-east-3');
    assert.equal(detected?.credentials.accessKey, 'HPUAENVIRONMENTKEY01');
    assert.equal(detected?.credentials.securityToken, 'token-abc');
    assert.deepEqual(detected?.credentials.knownProject, { region: 'cn-east-3', projectId: '0123456789abcdef0123456789abcdef' });
  });

  test('a half-set environment is an error that names what is missing, not the values', () => {
    assert.throws(
      () => credentialsFromEnvironment({ MODELARTS_AK: 'HPUAENVIRONMENTKEY01' }),
      (error: unknown) => error instanceof ModelArtsError && /MODELARTS_SK/.test(error.message) && !error.message.includes('HPUAENVIRONMENTKEY01'),
    );
    assert.throws(() => credentialsFromEnvironment({ MODELARTS_AK: 'a', MODELARTS_SK: 'b', MODELARTS_PROJECT_ID: 'p' }), /needs MODELARTS_REGION/);
    assert.throws(() => credentialsFromEnvironment({ MODELARTS_AK: 'a', MODELARTS_SK: 'b', MODELARTS_REGION: 'north' }), /not a region id/);
  });
});

describe('notebook credentials', () => {
  const root = mkdtempSync(join(tmpdir(), 'notebook-root-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  /** A stand-in for the notebook's python that prints what the ModelArts SDK's Session would hold. */
  function fakePython(name: string, script: string): string {
    const path = join(root, name);
    writeFileSync(path, `#!/bin/sh\n${script}\n`);
    chmodSync(path, 0o755);
    return path;
  }

  test('outside a notebook nothing is detected and nothing is run', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'plain-root-'));
    try {
      assert.deepEqual(notebookSignals({ rootDir: empty, userName: 'alice' }), []);
      assert.equal(await credentialsFromNotebook({ rootDir: empty, userName: 'alice', python: '/nonexistent/python' }), undefined);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('inside a notebook the SDK session provides temporary credentials', async () => {
    mkdirSync(join(root, 'home/ma-user/work'), { recursive: true });
    const python = fakePython('python-ok', `echo '{"ak":"HPUANOTEBOOKKEY0001","sk":"notebook-secret-0123456789","token":"tok-1","project_id":"abcdefabcdefabcdefabcdefabcdefab","region":"cn-north-9"}'`);
    const detected = await credentialsFromNotebook({ rootDir: root, userName: 'ma-user', python });
    assert.equal(detected?.credentials.accessKey, 'HPUANOTEBOOKKEY0001');
    assert.equal(detected?.credentials.securityToken, 'tok-1');
    assert.equal(detected?.region, 'cn-north-9');
    assert.deepEqual(detected?.credentials.knownProject, { region: 'cn-north-9', projectId: 'abcdefabcdefabcdefabcdefabcdefab' });
  });

  test('a notebook whose SDK fails gives a clear error naming the signals, never the output', async () => {
    const python = fakePython('python-broken', `echo 'Traceback: secret-material-here' >&2; exit 1`);
    await assert.rejects(credentialsFromNotebook({ rootDir: root, userName: 'ma-user', python }), (error: unknown) => {
      assert.ok(error instanceof ModelArtsError);
      assert.match(error.message, /looks like a ModelArts notebook \(user ma-user, \/home\/ma-user\/work\)/);
      assert.doesNotMatch(error.message, /secret-material/);
      return true;
    });
  });

  test('a session without keys is reported, not used', async () => {
    const python = fakePython('python-empty', `echo '{"ak":null,"sk":null}'`);
    await assert.rejects(credentialsFromNotebook({ rootDir: root, userName: 'ma-user', python }), /has no access key/);
  });
});

/** The real python: the isolation is python's own, so only python can show it. */
const PYTHON_ABSENT = spawnSync('python3', ['--version']).status === 0 ? false : 'python3 is not installed on this machine, and only a real python shows what -I keeps out';

describe('notebook credential detection runs python isolated', { skip: PYTHON_ABSENT }, () => {
  const root = mkdtempSync(join(tmpdir(), 'notebook-isolated-'));
  const traps = mkdtempSync(join(tmpdir(), 'notebook-traps-'));
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(traps, { recursive: true, force: true });
  });
  // A notebook's layout, with a stand-in for its preinstalled SDK that holds the credentials.
  mkdirSync(join(root, 'home/ma-user/work'), { recursive: true });
  mkdirSync(join(root, 'modelarts/tools/sdk/modelarts'), { recursive: true });
  writeFileSync(join(root, 'modelarts/tools/sdk/modelarts/__init__.py'), '');
  writeFileSync(
    join(root, 'modelarts/tools/sdk/modelarts/session.py'),
    'class Session:\n    access_key = "HPUANOTEBOOKKEY0002"\n    secret_key = "notebook-secret-isolated-0123"\n    security_token = "tok-isolated"\n',
  );

  /** A folder with a json.py that records, in `marker`, that it was imported: it would see the credentials printed through it. */
  function trapFolder(name: string): { folder: string; marker: string } {
    const folder = join(traps, name);
    const marker = join(traps, `${name}.imported`);
    mkdirSync(folder);
    writeFileSync(join(folder, 'json.py'), `open(${JSON.stringify(marker)}, "w").write("imported")\n`);
    return { folder, marker };
  }

  /** Detection's credentials, or what it threw (a json.py that shadows the real one breaks the script too). */
  async function detectWith(setUp: () => () => void): Promise<unknown> {
    const restore = setUp();
    try {
      return await credentialsFromNotebook({ rootDir: root, userName: 'ma-user', python: 'python3' }).catch((error: unknown) => error);
    } finally {
      restore();
    }
  }

  test('a json.py in the current folder is never imported', async () => {
    const { folder, marker } = trapFolder('cwd');
    const detected = await detectWith(() => {
      const previous = process.cwd();
      process.chdir(folder);
      return () => process.chdir(previous);
    });
    assert.equal(existsSync(marker), false, 'the json.py of the current folder was imported');
    assert.equal((detected as DetectedCredentials).credentials.secretKey, 'notebook-secret-isolated-0123', String(detected));
  });

  test('a json.py on PYTHONPATH, or a PYTHONSTARTUP file, is never run', async () => {
    const { folder, marker } = trapFolder('pythonpath');
    const startup = trapFolder('startup');
    const detected = await detectWith(() => {
      const saved = { PYTHONPATH: process.env.PYTHONPATH, PYTHONSTARTUP: process.env.PYTHONSTARTUP };
      process.env.PYTHONPATH = folder;
      process.env.PYTHONSTARTUP = join(startup.folder, 'json.py');
      return () => {
        for (const [name, value] of Object.entries(saved)) {
          if (value === undefined) {
            delete process.env[name];
          } else {
            process.env[name] = value;
          }
        }
      };
    });
    assert.equal(existsSync(marker), false, 'the json.py on PYTHONPATH was imported');
    assert.equal(existsSync(startup.marker), false, 'the PYTHONSTARTUP file was run');
    assert.equal((detected as DetectedCredentials).credentials.accessKey, 'HPUANOTEBOOKKEY0002', String(detected));
  });
});
