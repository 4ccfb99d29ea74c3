// Runs the integration tests in desktop VS Code through @vscode/test-electron, which downloads VS Code first
// (so it needs a network that reaches Microsoft). Same tests entry and options as runInVsCode, which needs no download.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { parseRunOptions, repoRoot } from './runOptions';

async function main(): Promise<void> {
  const options = parseRunOptions(process.argv.slice(2));
  const workspace = options.workspace ?? fs.mkdtempSync(path.join(os.tmpdir(), 'modelarts-workspace-'));
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: options.testsEntry,
      extensionTestsEnv: options.extensionEnvironment,
      // Installed extensions stay out of the way; built-in ones still load.
      launchArgs: [workspace, '--disable-extensions'],
    });
  } finally {
    if (workspace !== options.workspace) fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
