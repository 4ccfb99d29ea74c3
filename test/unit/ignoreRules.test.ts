import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { listFolder } from '../../src/services/folderSync';
import { type IgnoreFile, isIgnored, parseIgnoreRules } from '../../src/services/ignoreRules';

/** Whether one root ignore file with `text` ignores `file` (a folder when it ends with `/`). */
function ignores(text: string, file: string): boolean {
  const isDirectory = file.endsWith('/');
  return isIgnored([{ base: '', rules: parseIgnoreRules(text) }], isDirectory ? file.slice(0, -1) : file, isDirectory);
}

test('a pattern without a slash matches a name at any depth; with one, from the ignore file\'s folder', () => {
  assert.equal(ignores('*.pyc', 'a.pyc'), true);
  assert.equal(ignores('*.pyc', 'pkg/sub/a.pyc'), true);
  assert.equal(ignores('*.pyc', 'a.py'), false);
  assert.equal(ignores('/build', 'build'), true);
  assert.equal(ignores('/build', 'src/build'), false);
  assert.equal(ignores('doc/frotz', 'doc/frotz'), true);
  assert.equal(ignores('doc/frotz', 'a/doc/frotz'), false, 'a middle slash anchors too');
  assert.equal(ignores('data', 'src/data'), true);
});

test('a trailing slash matches folders only', () => {
  assert.equal(ignores('logs/', 'logs/'), true);
  assert.equal(ignores('logs/', 'deep/logs/'), true);
  assert.equal(ignores('logs/', 'logs'), false, 'a file named logs stays');
});

test('** matches any number of folders, and everything inside at the end', () => {
  assert.equal(ignores('**/cache', 'cache'), true);
  assert.equal(ignores('**/cache', 'a/b/cache'), true);
  assert.equal(ignores('a/**/b', 'a/b'), true);
  assert.equal(ignores('a/**/b', 'a/x/y/b'), true);
  assert.equal(ignores('a/**/b', 'c/a/x/b'), false);
  assert.equal(ignores('out/**', 'out/x/y.bin'), true);
  assert.equal(ignores('out/**', 'out/'), false, 'the folder itself is not matched, only what is inside');
});

test('the last matching rule decides: ! re-includes, and later rules win over earlier ones', () => {
  assert.equal(ignores('*.log\n!keep.log', 'keep.log'), false);
  assert.equal(ignores('*.log\n!keep.log', 'other.log'), true);
  assert.equal(ignores('!keep.log\n*.log', 'keep.log'), true);
});

test('comments, blank lines, escapes, ? and character classes', () => {
  const text = '# a comment\n\n\\#hash\n\\!bang\nfile?.txt\n[abc].csv\n[!x]y\ntrailing   \n';
  assert.equal(ignores(text, '# a comment'), false);
  assert.equal(ignores(text, '#hash'), true);
  assert.equal(ignores(text, '!bang'), true);
  assert.equal(ignores(text, 'file1.txt'), true);
  assert.equal(ignores(text, 'file12.txt'), false);
  assert.equal(ignores(text, 'b.csv'), true);
  assert.equal(ignores(text, 'd.csv'), false);
  assert.equal(ignores(text, 'zy'), true);
  assert.equal(ignores(text, 'xy'), false);
  assert.equal(ignores(text, 'trailing'), true, 'trailing spaces are dropped');
  assert.equal(ignores('a.b', 'axb'), false, 'a dot is a dot');
});

test('a nested ignore file applies below its folder only, and wins over a shallower one', () => {
  const files: IgnoreFile[] = [
    { base: '', rules: parseIgnoreRules('*.csv\n') },
    { base: 'data/', rules: parseIgnoreRules('!small.csv\n/raw\n') },
  ];
  assert.equal(isIgnored(files, 'data/small.csv', false), false);
  assert.equal(isIgnored(files, 'small.csv', false), true);
  assert.equal(isIgnored(files, 'data/raw', true), true);
  assert.equal(isIgnored(files, 'raw', true), false);
});

test('a folder listing honours .gitignore files (nested and above, up to the repository), .modelartsignore and never sends .git', (t) => {
  const root = mkdtempSync(path.join(tmpdir(), 'ignore-rules-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const files: Record<string, string> = {
    '.git/HEAD': 'ref',
    '.gitignore': 'secrets.env\n/project/top-only.txt\n',
    'project/train.py': 'print(1)',
    'project/top-only.txt': 'x',
    'project/secrets.env': 'K=V',
    'project/.gitignore': '__pycache__/\n*.ckpt\n',
    'project/.modelartsignore': 'data/raw/\n!best.ckpt\n',
    'project/__pycache__/train.cpython-311.pyc': 'x',
    'project/model/last.ckpt': 'x',
    'project/model/best.ckpt': 'x',
    'project/data/.gitignore': '*.tmp\n',
    'project/data/labels.csv': 'a,b',
    'project/data/scratch.tmp': 'x',
    'project/data/raw/huge.bin': 'x',
    'project/notes.tmp': 'kept: the *.tmp rule is data/\'s',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return listFolder(path.join(root, 'project')).then(({ files: listed, ignored }) => {
    assert.deepEqual(
      listed.map((file) => file.name),
      ['.gitignore', '.modelartsignore', 'data/.gitignore', 'data/labels.csv', 'model/best.ckpt', 'notes.tmp', 'train.py'],
    );
    // __pycache__/, data/raw/, data/scratch.tmp, model/last.ckpt, secrets.env, top-only.txt
    assert.equal(ignored, 6);
    assert.equal(listed.find((file) => file.name === 'train.py')?.size, 8);
  });
});

test('a folder that is itself a repository ignores its .git folder and nothing above it applies', async (t) => {
  const root = mkdtempSync(path.join(tmpdir(), 'ignore-rules-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, 'repo', '.git'), { recursive: true });
  writeFileSync(path.join(root, 'repo', '.git', 'config'), '');
  writeFileSync(path.join(root, '.gitignore'), '*.py\n');
  writeFileSync(path.join(root, 'repo', 'main.py'), '');
  const { files, ignored } = await listFolder(path.join(root, 'repo'));
  assert.deepEqual(files.map((file) => file.name), ['main.py']);
  assert.equal(ignored, 1);
});
