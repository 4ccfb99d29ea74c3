// Runs the integration tests inside a real VS Code without downloading one: VS Code's own server from the
// code-server package (Node 24) serves the web workbench, which Debian's chromium opens through playwright-core.
// The workbench loads this extension from the repository and calls the tests entry's run() in its extension host.
// Needs `npm run build`, `npx tsc -p .` and scripts/vscode/install-tools.sh first.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseRunOptions, repoRoot, usage } from './runOptions';

const tools = path.join(repoRoot, '.tools');
const node24 = path.join(tools, 'node24/node_modules/node/bin/node');
const serverMain = path.join(tools, 'code-server/node_modules/code-server/lib/vscode/out/server-main.js');
const playwrightCore = path.join(tools, 'playwright/node_modules/playwright-core');
const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const overallTimeoutMs = 10 * 60_000;
const serverStopGraceMs = 5_000;

/** The few playwright-core calls used here: it lives in .tools, outside node_modules, so its types are not visible. */
interface Chromium {
  launch(options: {
    executablePath: string;
    args: string[];
    env: NodeJS.ProcessEnv;
    handleSIGINT: boolean;
    handleSIGTERM: boolean;
    handleSIGHUP: boolean;
  }): Promise<Browser>;
}
interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
  on(event: 'disconnected', listener: () => void): void;
}
interface Page {
  exposeFunction(name: string, callback: (...args: any[]) => unknown): Promise<void>;
  goto(url: string): Promise<unknown>;
}

interface Outcome {
  readonly exitCode: number;
  /** Why the run ended, when it did not end with all tests passing. */
  readonly failure?: string;
  /** Whether the server's output may explain the failure: not so when tests merely failed. */
  readonly showServerLog?: boolean;
}

/** Things to stop at the end, newest first; anything added after the end is stopped at once. */
class Cleanup {
  private readonly stops: Array<() => Promise<void>> = [];
  private done = false;

  add(stop: () => Promise<void>): void {
    if (this.done) void stop().catch(() => undefined);
    else this.stops.unshift(stop);
  }

  async run(): Promise<void> {
    this.done = true;
    for (const stop of this.stops) await stop().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  }
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

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'modelarts-vscode-'));
  const cleanup = new Cleanup();
  cleanup.add(async () => fs.rmSync(scratch, { recursive: true, force: true }));
  writeUserSettings(scratch);
  // Code-server and chromium otherwise write their configuration and caches into the home folder.
  const env: NodeJS.ProcessEnv = {
    ...withoutCredentials(process.env),
    XDG_CONFIG_HOME: path.join(scratch, 'xdg-config'),
    XDG_DATA_HOME: path.join(scratch, 'xdg-data'),
    XDG_CACHE_HOME: path.join(scratch, 'xdg-cache'),
    // Sockets the server and built-in extensions create go there too, and are removed with it.
    TMPDIR: makeFolder(path.join(scratch, 'tmp')),
  };
  const workspace = options.workspace ?? makeFolder(path.join(scratch, 'workspace'));

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
    const { chromium } = require(playwrightCore) as { chromium: Chromium };
    // Signals are handled here, so the server is stopped too, not only the browser.
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
      env,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
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
  const install = 'run scripts/vscode/install-tools.sh';
  const checks: Array<[string, string]> = [
    [node24, `Node 24 (${install})`],
    [serverMain, `code-server (${install})`],
    [playwrightCore, `playwright-core (${install})`],
    [chromiumPath, `chromium (${install})`],
    [path.join(repoRoot, 'dist/extension.js'), 'the extension bundle (run npm run build)'],
    [testsEntry, 'the compiled tests entry (run npx tsc -p .)'],
  ];
  return checks.filter(([file]) => !fs.existsSync(file)).map(([file, what]) => `${file}: ${what}`);
}

/**
 * The web workbench logs its chat agent's sign-in attempts many times a minute; turning AI features off keeps
 * the log about the tests. Code-server keeps user settings on the server, in the user data folder.
 */
function writeUserSettings(scratch: string): void {
  const userFolder = makeFolder(path.join(scratch, 'user-data', 'User'));
  fs.writeFileSync(path.join(userFolder, 'settings.json'), JSON.stringify({ 'chat.disableAIFeatures': true }));
}

function logAtLevel(level: string): (...args: unknown[]) => void {
  if (level === 'error') return console.error;
  if (level === 'warn') return console.warn;
  return console.log;
}

function makeFolder(folder: string): string {
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/**
 * Starts VS Code's server on a free loopback port (it picks one for --port 0 and prints it) in its own process group,
 * so stopping it also stops its extension host and other children. Resolves with the port once it listens.
 */
function startServer(
  scratch: string,
  env: NodeJS.ProcessEnv,
  serverLog: string[],
  cleanup: Cleanup,
  onExit: (code: number | null) => void,
): Promise<number> {
  const server = spawn(
    node24,
    [
      serverMain,
      ...['--host', '127.0.0.1', '--port', '0'],
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--disable-telemetry',
      '--disable-workspace-trust',
      ...['--user-data-dir', path.join(scratch, 'user-data')],
      ...['--server-data-dir', path.join(scratch, 'server-data')],
      ...['--extensions-dir', path.join(scratch, 'extensions')],
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  cleanup.add(() => stopProcessGroup(server));
  server.stderr.on('data', (chunk: Buffer) => serverLog.push(chunk.toString()));
  server.once('exit', onExit);

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('exit', (code) => reject(new Error(`VS Code's server exited before listening (code ${code})`)));
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      serverLog.push(chunk.toString());
      output += chunk.toString();
      const listening = /Extension host agent listening on (\d+)/.exec(output);
      if (listening) resolve(Number(listening[1]));
    });
  });
}

/** Asks the whole group to stop, and kills whatever is left once the server is gone or the grace time is over. */
async function stopProcessGroup(leader: ChildProcess): Promise<void> {
  const groupId = leader.pid;
  if (groupId === undefined) return;
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-groupId, signal);
    } catch {
      // The group is already gone.
    }
  };
  const exited =
    leader.exitCode !== null || leader.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => leader.once('exit', () => resolve()));
  signalGroup('SIGTERM');
  let graceTimer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise<void>((resolve) => (graceTimer = setTimeout(resolve, serverStopGraceMs)))]);
  clearTimeout(graceTimer);
  signalGroup('SIGKILL');
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

/** Credentials of the person running the tests must not reach the extension under test; test variables may. */
function withoutCredentials(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('MODELARTS_') || name.startsWith('MODELARTS_TEST_')));
}
