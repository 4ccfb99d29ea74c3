// The integration tests' entry: VS Code's extension host calls run() (the @vscode/test-electron contract,
// also used by the web workbench's smoke-test driver) and counts a rejection as failure.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 30_000,
    color: false,
    reporter: 'spec',
    grep: process.env.MODELARTS_TEST_GREP || undefined,
  });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    mocha.run((failures) =>
      failures === 0 ? resolve() : reject(new Error(`${failures} integration test(s) failed`)),
    );
  });
}

/** Sees what the extension host loads before and at the first request: no other suite may send one before it. */
const FIRST = 'lazyLoading.test.js';

function testFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .sort((a, b) => Number(b === FIRST) - Number(a === FIRST))
    .map((file) => path.join(folder, file));
}
