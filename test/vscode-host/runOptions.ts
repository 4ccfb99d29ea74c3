// Options shared by both ways of running the integration tests: web VS Code (runInVsCode) and desktop VS Code (runDesktop).
import * as path from 'node:path';
import { parseArgs } from 'node:util';

/** The repository root, which is also the extension's folder (this file runs from out/test/vscode-host/). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

export interface RunOptions {
  /** The compiled mocha entry that exports run(). */
  readonly testsEntry: string;
  /** The folder VS Code opens; undefined means a fresh empty one. */
  readonly workspace: string | undefined;
  /** Variables for the extension host: every MODELARTS_TEST_* variable of this process, and MODELARTS_TEST_GREP from --grep. */
  readonly extensionEnvironment: Record<string, string>;
}

export const usage = `Options (or environment variables):
  --tests <file>        compiled mocha entry (MODELARTS_TEST_ENTRY), default out/test/integration/index.js
  --grep <pattern>      run only the tests whose title matches (MODELARTS_TEST_GREP)
  --workspace <folder>  folder to open (MODELARTS_TEST_WORKSPACE), default a new empty temp folder`;

export function parseRunOptions(args: readonly string[], env: NodeJS.ProcessEnv = process.env): RunOptions {
  const { values } = parseArgs({
    args: [...args],
    options: { tests: { type: 'string' }, grep: { type: 'string' }, workspace: { type: 'string' } },
  });
  const extensionEnvironment: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('MODELARTS_TEST_') && value !== undefined) extensionEnvironment[name] = value;
  }
  if (values.grep !== undefined) extensionEnvironment.MODELARTS_TEST_GREP = values.grep;
  const testsEntry = values.tests ?? env.MODELARTS_TEST_ENTRY ?? path.join(repoRoot, 'out/test/integration/index.js');
  const workspace = values.workspace ?? env.MODELARTS_TEST_WORKSPACE;
  return {
    testsEntry: path.resolve(testsEntry),
    workspace: workspace === undefined ? undefined : path.resolve(workspace),
    extensionEnvironment,
  };
}
