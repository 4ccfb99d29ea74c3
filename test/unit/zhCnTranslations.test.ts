import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const repoRoot = join(__dirname, '..', '..', '..');

type Strings = Record<string, string>;

function readStrings(relativePath: string): Strings {
  return JSON.parse(readFileSync(join(repoRoot, relativePath), 'utf8')) as Strings;
}

/** `{0}`-style placeholders: a translation may reorder them, but must use exactly the source's set. */
function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
}

/**
 * What must reach the user untranslated: codicons, command and setting ids, markdown link targets, code spans,
 * `%…%` references and the product names.
 */
const VERBATIM = [
  /\$\([\w~-]+\)/g,
  /\bmodelarts(?:\.\w+)+/g,
  /\]\([^)]+\)/g,
  /`[^`]+`/g,
  /%[\w.]+%/g,
  /\b(?:ModelArts|OBS|SWR|JupyterLab|Copilot|KooCLI|VS Code)\b/g,
];

function verbatimParts(text: string): string[] {
  return VERBATIM.flatMap((pattern) => text.match(pattern) ?? []);
}

/** Every way `translated` fails the English `source` strings (keys of the bundle are the English text). */
function translationProblems(source: Strings, translated: Strings, name: string): string[] {
  const problems: string[] = [];
  for (const [key, english] of Object.entries(source)) {
    const chinese = translated[key];
    if (typeof chinese !== 'string' || chinese.trim() === '') {
      problems.push(`${name}: no zh-CN text for ${JSON.stringify(key)}`);
      continue;
    }
    if (placeholders(english).join() !== placeholders(chinese).join()) {
      problems.push(`${name}: placeholders of ${JSON.stringify(key)} are ${placeholders(english).join() || 'none'}, the translation has ${placeholders(chinese).join() || 'none'}`);
    }
    const lost = verbatimParts(english).filter((part) => !chinese.includes(part));
    if (lost.length > 0) {
      problems.push(`${name}: the translation of ${JSON.stringify(key)} changed ${lost.join(', ')}`);
    }
  }
  for (const key of Object.keys(translated)) {
    if (!(key in source)) {
      problems.push(`${name}: stale zh-CN key ${JSON.stringify(key)} (not in the English source)`);
    }
  }
  return problems;
}

test('package.nls.zh-cn.json translates every package.nls.json key, keeping placeholders, ids and product names', () => {
  assert.deepEqual(translationProblems(readStrings('package.nls.json'), readStrings('package.nls.zh-cn.json'), 'package.nls.zh-cn.json'), []);
});

test('l10n/bundle.l10n.zh-cn.json translates every l10n/bundle.l10n.json string, keeping placeholders, ids and product names', () => {
  const source = readStrings('l10n/bundle.l10n.json');
  assert.ok(Object.keys(source).length > 500, 'the English bundle is read');
  assert.deepEqual(translationProblems(source, readStrings('l10n/bundle.l10n.zh-cn.json'), 'bundle.l10n.zh-cn.json'), []);
});

test('the check names each kind of flaw', () => {
  const source: Strings = {
    'Stop {0}?': 'Stop {0}?',
    'Open [Sign In](command:modelarts.signIn)': 'Open [Sign In](command:modelarts.signIn)',
    '$(add) Add': '$(add) Add',
    'Upload to OBS': 'Upload to OBS',
    'Untranslated': 'Untranslated',
  };
  const translated: Strings = {
    'Stop {0}?': '要停止 {1} 吗？',
    'Open [Sign In](command:modelarts.signIn)': '打开[登录](command:modelarts.登录)',
    '$(add) Add': '$(添加) 添加',
    'Upload to OBS': '上传到对象存储',
    'Gone': '已删除',
  };
  const problems = translationProblems(source, translated, 'sample');
  assert.equal(problems.length, 6, problems.join('\n'));
  assert.match(problems[0], /placeholders of "Stop \{0\}\?" are \{0\}, the translation has \{1\}/);
  assert.match(problems[1], /changed modelarts\.signIn, \]\(command:modelarts\.signIn\)/);
  assert.match(problems[2], /changed \$\(add\)/);
  assert.match(problems[3], /changed OBS/);
  assert.match(problems[4], /no zh-CN text for "Untranslated"/);
  assert.match(problems[5], /stale zh-CN key "Gone"/);
});
