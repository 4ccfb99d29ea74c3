import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { rawTexts } from './l10nScan';

const repoRoot = join(__dirname, '..', '..', '..');

/** Names, API values and sample input that read the same in every language. */
const NOT_TRANSLATED = new Set([
  // Product and architecture names.
  'EVS', 'OBS', 'SWR', 'CPU', 'GPU', 'Ascend', 'Ascend NPU', 'Arm', 'MindIE', 'ModelArts',
  // What the pool API calls a pool and its uses (§5.2).
  'Pool', 'Train', 'Infer', 'Notebook',
  // Codicon classes.
  'codicon-loading codicon-modifier-spin',
  // Sample input in placeholders.
  'python serve.py', 'python /home/ma-user/code/train.py --epochs 10', 'obs://my-bucket/code/train.py', 'swr.cn-north-4.myhuaweicloud.com/my-org/train:1.0', '{}.sfsturbo.internal:/',
  // A notebook signal the error names as the system shows it.
  'user ma-user',
]);

const tsFiles = (folder: string): string[] =>
  readdirSync(join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(folder, file));

/** The browser apps, and the rules that word their validation messages on both sides. */
const SHOWN_CODE = [
  ...tsFiles('webview'),
  ...tsFiles('src/webviews').filter((file) => /Rules\.ts$/.test(file)),
  'src/services/notebookRules.ts',
  'src/services/naming.ts',
  'src/services/credentialSources.ts',
  'src/views/format.ts',
];

test('no webview app or form rule shows an English literal outside l10n.t', () => {
  const raw = SHOWN_CODE.flatMap((file) => rawTexts(file, readFileSync(join(repoRoot, file), 'utf8'), NOT_TRANSLATED).map(({ line, text }) => `${file}:${line}: ${text}`));
  assert.deepEqual(raw, []);
});

test('the scan sees raw text, and l10n.t calls are not raw', () => {
  const sample = "const a = html`<span>Loading…</span>`; const b = { label: 'Flavor' }; const c = l10n.t('Name'); const d = html`<b>${l10n.t('Ok')}</b>`;";
  assert.deepEqual(rawTexts('sample.ts', sample, NOT_TRANSLATED).map((found) => found.text), ['Loading…', 'Flavor']);
});

/** `npm run l10n` exports into l10n/; the same command into a scratch folder must hold every source string. */
test('npm run l10n exports every l10n.t string of src/ and webview/', () => {
  const script = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.l10n;
  const [command, ...args] = script.split(/\s+/);
  assert.equal(command, 'vscode-l10n-dev');
  const outDir = mkdtempSync(join(tmpdir(), 'l10n-export-'));
  try {
    const outIndex = args.indexOf('-o');
    assert.ok(outIndex >= 0, 'the script names its output folder');
    args[outIndex + 1] = outDir;
    execFileSync(process.execPath, [join(repoRoot, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js'), ...args], { cwd: repoRoot, stdio: 'pipe' });
    const bundle = JSON.parse(readFileSync(join(outDir, 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
    const missing: string[] = [];
    let found = 0;
    for (const file of [...tsFiles('src'), ...tsFiles('webview')]) {
      for (const match of readFileSync(join(repoRoot, file), 'utf8').matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        found++;
        const key = match[1].replace(/\\(['\\])/g, '$1');
        if (!(key in bundle)) {
          missing.push(`${file}: ${key}`);
        }
      }
    }
    assert.ok(found > 50, 'the scan finds the localized strings');
    assert.deepEqual(missing, []);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
