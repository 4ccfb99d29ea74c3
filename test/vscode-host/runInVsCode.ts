// Runs the integration tests inside a real VS Code without downloading one: VS Code's own server from the
// code-server package (Node 24) serves the web workbench, which Debian's chromium opens through playwright-core.
// The workbench loads this extension from the repository and calls the tests entry's run() in its extension host.
// Needs `npm run build`, `npx tsc -p .` and scripts/vscode/install-tools.sh first.
import { pathToFileURL } from 'node:url';
import { createScratch, type Scratch, withoutCredentials, writeUserSettings } from './codeServer';
import { launchChromium } from './playwright';
import { Cleanup, spawnGroup, waitForOutput } from './processes';
import { parseRunOptions, repoRoot, usage } from './runOptions';
import { extensionBundle, missingFiles, missingTools, node24, vscodeServerMain } from './tools';

// About 7 minutes on an idle 2-core machine; the margin is for a loaded one.
const overallTimeoutMs = 20 * 60_000;

interface Outcome {
  readonly exitCode: number;
  /** Why the run ended, when it did not end with all tests passing. */
  readonly failure?: string;
  /** Whether the server's output may explain the failure: not so when tests merely failed. */
  readonly showServerLog?: boolean;
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseRunOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const missing = missingPrerequisites(options.testsEntry);
  if (missing.length > 0) {
    console.error(`Cannot run the integration tests:\n${missing.map((line) => `  - ${line}`).join('\n')}`);
    return 2;
  }

  const cleanup = new Cleanup();
  const scratch = createScratch('modelarts-vscode-', cleanup);
  // The web workbench logs its chat agent's sign-in attempts many times a minute; this keeps the log about the tests.
  writeUserSettings(scratch, { 'chat.disableAIFeatures': true });
  const env = scratch.environment(withoutCredentials(process.env));
  const workspace = options.workspace ?? scratch.workspace;

  let finish!: (outcome: Outcome) => void;
  const finished = new Promise<Outcome>((resolve) => (finish = resolve));
  const fail = (failure: string): void => finish({ exitCode: 1, failure, showServerLog: true });
  const timeout = setTimeout(() => fail(`timed out after ${overallTimeoutMs / 60_000} minutes`), overallTimeoutMs);
  process.once('SIGINT', () => finish({ exitCode: 130, failure: 'interrupted (SIGINT)' }));
  process.once('SIGTERM', () => finish({ exitCode: 143, failure: 'terminated (SIGTERM)' }));

  const serverLog: string[] = [];
  const start = async (): Promise<Outcome> => {
    const port = await startServer(scratch, env, serverLog, cleanup, (code) =>
      fail(`VS Code's server exited early (code ${code})`),
    );
    const browser = await launchChromium(env);
    cleanup.add(() => browser.close());
    browser.on('disconnected', () => fail('the browser closed before the tests finished'));

    const page = await browser.newPage();
    // With --enable-smoke-test-driver the workbench reports through these two window functions.
    // The log carries the workbench's own log and, in test mode, the extension host's console (mocha's reporter).
    await page.exposeFunction('codeAutomationLog', (level: string, args: unknown[]) => logAtLevel(level)(...args));
    await page.exposeFunction('codeAutomationExit', (code: number) =>
      finish(code === 0 ? { exitCode: 0 } : { exitCode: code, failure: `tests failed (run() rejected, exit code ${code})` }),
    );
    await page.goto(workbenchUrl(port, workspace, options.testsEntry, options.extensionEnvironment));
    return finished;
  };

  let outcome: Outcome;
  try {
    outcome = await Promise.race([start(), finished]);
  } catch (error) {
    const failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
    outcome = { exitCode: 1, failure, showServerLog: true };
  }
  clearTimeout(timeout);
  await cleanup.run();
  if (outcome.failure !== undefined) {
    if (outcome.showServerLog && serverLog.length > 0) console.error(`VS Code's server said:\n${serverLog.join('')}`);
    console.error(`Integration tests in VS Code: ${outcome.failure}`);
  }
  return outcome.exitCode;
}

function missingPrerequisites(testsEntry: string): string[] {
  return [
    ...missingTools(),
    ...missingFiles([
      [vscodeServerMain, 'VS Code\'s server in code-server (run scripts/vscode/install-tools.sh)'],
      [extensionBundle, 'the extension bundle (run npm run build)'],
      [testsEntry, 'the compiled tests entry (run npx tsc -p .)'],
    ]),
  ];
}

function logAtLevel(level: string): (...args: unknown[]) => void {
  if (level === 'error') return console.error;
  if (level === 'warn') return console.warn;
  return console.log;
}

/**
 * Starts VS Code's server on a free loopback port (it picks one for --port 0 and prints it) in its own process group,
 * so stopping it also stops its extension host and other children. Resolves with the port once it listens.
 */
async function startServer(
  scratch: Scratch,
  env: NodeJS.ProcessEnv,
  serverLog: string[],
  cleanup: Cleanup,
  onExit: (code: number | null) => void,
): Promise<number> {
  const server = spawnGroup(
    node24,
    [
      vscodeServerMain,
      ...['--host', '127.0.0.1', '--port', '0'],
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--disable-telemetry',
      '--disable-workspace-trust',
      ...['--user-data-dir', scratch.userData],
      ...['--server-data-dir', scratch.serverData],
      ...['--extensions-dir', scratch.extensions],
    ],
    { env, output: 'pipe' },
    cleanup,
  );
  server.once('exit', onExit);
  const [, port] = await waitForOutput(server, /Extension host agent listening on (\d+)/, serverLog, "VS Code's server");
  return Number(port);
}

/** The workbench URL that opens `workspace` with this extension in development mode and runs `testsEntry`. */
function workbenchUrl(
  port: number,
  workspace: string,
  testsEntry: string,
  extensionEnvironment: Record<string, string>,
): string {
  // The URIs' authority must be the one the workbench is opened with.
  const authority = `127.0.0.1:${port}`;
  const remoteUri = (file: string): string => `vscode-remote://${authority}${pathToFileURL(file).pathname}`;
  const payload = [
    ['extensionDevelopmentPath', remoteUri(repoRoot)],
    ['extensionTestsPath', remoteUri(testsEntry)],
    ['extensionEnvironment', JSON.stringify(extensionEnvironment)],
  ];
  const url = new URL(`http://${authority}/`);
  url.searchParams.set('folder', workspace);
  url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

void main().then((exitCode) => process.exit(exitCode));
