import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const repoRoot = join(__dirname, '..', '..', '..');

/** Every string the code localizes must be in the exported bundle, or translators never see it (`npm run l10n`). */
test('l10n/bundle.l10n.json holds every l10n.t string of src/ and webview/', () => {
  const bundle = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
  const sources = ['src', 'webview'].flatMap((folder) =>
    readdirSync(join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(folder, file)),
  );
  const missing: string[] = [];
  let found = 0;
  for (const file of sources) {
    const text = readFileSync(join(repoRoot, file), 'utf8');
    for (const match of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      found++;
      const key = match[1].replace(/\\(['\\])/g, '$1');
      if (!(key in bundle)) {
        missing.push(`${file}: ${key}`);
      }
    }
  }
  assert.ok(found > 50, 'the scan finds the localized strings');
  assert.deepEqual(missing, [], 'run `npm run l10n` to export new strings');
});
