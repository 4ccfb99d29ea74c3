// Where scripts/vscode/install-tools.sh puts what runs the extension in a real VS Code without downloading one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './runOptions';

const tools = path.join(repoRoot, '.tools');
const codeServerPackage = path.join(tools, 'code-server/node_modules/code-server');

export const installToolsScript = path.join(repoRoot, 'scripts/vscode/install-tools.sh');
/** code-server 4.139 needs Node 24; the machine's Node may be older. */
export const node24 = path.join(tools, 'node24/node_modules/node/bin/node');
/** The `code-server` command; its bin script would run under whichever `node` is first on PATH. */
export const codeServerEntry = path.join(codeServerPackage, 'out/node/entry.js');
/** VS Code's own server inside code-server: unlike `code-server`, it accepts --enable-smoke-test-driver. */
export const vscodeServerMain = path.join(codeServerPackage, 'lib/vscode/out/server-main.js');
export const playwrightCore = path.join(tools, 'playwright/node_modules/playwright-core');
export const chromiumPath = '/usr/bin/chromium';
export const extensionBundle = path.join(repoRoot, 'dist/extension.js');
/** What `npm run package` writes. */
export const extensionPackage = path.join(repoRoot, 'out/modelarts-explorer.vsix');

/** The installed tools that are missing, each with how to get it. */
export function missingTools(): string[] {
  const install = `run ${path.relative(repoRoot, installToolsScript)}`;
  return missingFiles([
    [node24, `Node 24 (${install})`],
    [codeServerEntry, `code-server (${install})`],
    [playwrightCore, `playwright-core (${install})`],
    [chromiumPath, `chromium (${install})`],
  ]);
}

/** "file: what it is" for each [file, what it is] that does not exist. */
export function missingFiles(checks: ReadonlyArray<readonly [string, string]>): string[] {
  return checks.filter(([file]) => !fs.existsSync(file)).map(([file, what]) => `${file}: ${what}`);
}
