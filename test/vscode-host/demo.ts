// `npm run demo`: the extension in a throw-away VS Code, signed in to a local emulator full of demo data.
// Installs the tools, builds and packages the extension, starts the emulator in this process, then either opens
// desktop VS Code (when a `code` command is on PATH) or serves code-server and prints its URL.
// Ctrl+C stops everything it started and removes its temporary folders.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../../emulator/server';
import {
  createScratch,
  emulatorSettings,
  installExtension,
  packageExtension,
  type Scratch,
  startCodeServer,
  withoutCredentials,
  workbenchUrl,
  writeUserSettings,
} from './codeServer';
import { Cleanup, runToCompletion, spawnGroup } from './processes';
import { repoRoot } from './runOptions';
import { extensionPackage, installToolsScript } from './tools';

const defaultPort = 8080;
const region = 'cn-north-4';
const usage = `usage: npm run demo [-- --port N]   (or MODELARTS_DEMO_PORT=N; default ${defaultPort}, or a free port when that is taken)`;

async function main(): Promise<number> {
  let requestedPort: number | undefined;
  try {
    requestedPort = parsePort(process.argv.slice(2), process.env.MODELARTS_DEMO_PORT);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const cleanup = new Cleanup();
  const interruption = new AbortController();
  const interrupted = new Promise<number>((resolve) => {
    const stop = (reason: string, exitCode: number): void => {
      console.log(interruption.signal.aborted ? 'Still stopping…' : `\n${reason}: stopping the demo…`);
      interruption.abort();
      resolve(exitCode);
    };
    process.on('SIGINT', () => stop('SIGINT', 130));
    process.on('SIGTERM', () => stop('SIGTERM', 143));
    // A closed terminal.
    process.on('SIGHUP', () => stop('SIGHUP', 129));
    // `kill <npm>` reaches only the shell npm started, not this process, which is left to init.
    const parent = process.ppid;
    const orphanWatch = setInterval(() => {
      if (process.ppid === parent) return;
      clearInterval(orphanWatch);
      stop('npm ended', 143);
    }, 1000).unref();
  });

  let exitCode: number;
  try {
    exitCode = await Promise.race([runDemo(requestedPort, cleanup, interruption.signal), interrupted]);
  } catch (error) {
    console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  }
  await cleanup.run();
  console.log('Demo stopped; its processes and temporary folders are gone.');
  return exitCode;
}

/** Sets everything up and opens VS Code; resolves with the exit code once VS Code ends, unless `interrupted` first. */
async function runDemo(requestedPort: number | undefined, cleanup: Cleanup, interrupted: AbortSignal): Promise<number> {
  const started = Date.now();
  console.log('→ Installing the tools (Node 24, code-server, chromium) if needed');
  await runToCompletion('bash', [installToolsScript], { env: process.env, cwd: repoRoot }, cleanup);
  const desktop = desktopCode();
  if (desktop) {
    console.log('→ Building the extension');
    await runToCompletion('npm', ['run', '--silent', 'build'], { env: process.env, cwd: repoRoot }, cleanup);
  } else {
    console.log('→ Building and packaging the extension');
    await packageExtension(cleanup);
  }

  const emulator = await startEmulator({ port: 0 });
  cleanup.add(() => emulator.close());
  const scratch = createScratch('modelarts-demo-', cleanup, 'modelarts-demo');
  writeUserSettings(scratch, emulatorSettings(emulator.url));
  // The extension's environment-credential mode: it starts signed in, no Sign In needed.
  const credentials = { MODELARTS_AK: emulator.demo.ak, MODELARTS_SK: emulator.demo.sk, MODELARTS_REGION: region };
  const about = [
    `Signed in from the environment with the emulator's demo key, region ${region}.`,
    `Emulator: ${emulator.url} (resources change state like the cloud; see emulator/README.md)`,
  ];

  if (desktop) {
    const closed = openDesktop(desktop, scratch, { ...withoutCredentials(process.env), ...credentials }, cleanup);
    banner(`ModelArts Explorer demo: opened desktop VS Code (${desktop}) in ${seconds(started)}.`, about, scratch);
    await closed;
    if (!interrupted.aborted) console.log('The VS Code window was closed.');
    return 0;
  }
  const env = { ...scratch.environment(withoutCredentials(process.env)), ...credentials };
  console.log('→ Installing the extension into a fresh code-server');
  await installExtension(extensionPackage, scratch, env, cleanup);
  const serverLog: string[] = [];
  const server = await startCodeServer(scratch, await portToUse(requestedPort), env, serverLog, cleanup);
  const url = workbenchUrl(server.port, scratch.workspace);
  banner(`ModelArts Explorer demo is ready (${seconds(started)}). Open this in a browser:`, about, scratch, url);
  // Runs until Ctrl+C, unless code-server ends by itself.
  const code = await server.exited;
  if (!interrupted.aborted) console.error(`code-server exited (code ${code}). It said:\n${serverLog.join('')}`);
  return 1;
}

function parsePort(args: readonly string[], fromEnvironment: string | undefined): number | undefined {
  const { values } = parseArgs({ args: [...args], options: { port: { type: 'string' } } });
  const text = values.port ?? fromEnvironment;
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`not a port: ${text}`);
  return port;
}

/** The requested port, which must be free; by default 8080, or any free port when 8080 is taken. */
async function portToUse(requested: number | undefined): Promise<number> {
  const port = requested ?? defaultPort;
  if (await isFree(port)) return port;
  if (requested !== undefined) throw new Error(`port ${requested} is in use; pick another with --port N`);
  console.log(`  Port ${defaultPort} is in use: taking a free one.`);
  return 0;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A desktop VS Code's `code` on PATH; not the one VS Code's remote terminals provide, which opens a remote window. */
function desktopCode(): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(folder, 'code');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile() && !fs.realpathSync(candidate).includes(`${path.sep}remote-cli${path.sep}`)) return candidate;
    } catch {
      // Not there, or not runnable: look further.
    }
  }
  return undefined;
}

/** Opens a new desktop window with the extension from this repository; resolves when the window is closed. */
function openDesktop(code: string, scratch: Scratch, env: NodeJS.ProcessEnv, cleanup: Cleanup): Promise<void> {
  const userDataArgument = `--user-data-dir=${scratch.userData}`;
  // `code` starts VS Code in a session of its own, out of reach of the launcher's process group:
  // the window is found by the user data folder only it uses.
  cleanup.add(() => stopProcessesWith(userDataArgument));
  const launcher = spawnGroup(
    code,
    [
      '--new-window',
      '--wait',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--extensionDevelopmentPath=${repoRoot}`,
      userDataArgument,
      `--extensions-dir=${scratch.extensions}`,
      scratch.workspace,
    ],
    { env, output: 'inherit' },
    cleanup,
  );
  return new Promise((resolve) => launcher.once('exit', () => resolve()));
}

/** Asks the processes whose command line has `argument` to end, and kills those left after 5 s. */
async function stopProcessesWith(argument: string): Promise<void> {
  const signal = (pids: number[], name: NodeJS.Signals): void =>
    pids.forEach((pid) => {
      try {
        process.kill(pid, name);
      } catch {
        // Already gone.
      }
    });
  signal(processesWith(argument), 'SIGTERM');
  for (let waited = 0; waited < 5_000 && processesWith(argument).length > 0; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signal(processesWith(argument), 'SIGKILL');
}

/** Ids of the processes whose command line has `argument` (Linux; elsewhere none are found: close the window yourself). */
function processesWith(argument: string): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  return entries.map(Number).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(argument);
    } catch {
      return false; // gone meanwhile, or not ours to read
    }
  });
}

function banner(title: string, about: readonly string[], scratch: Scratch, url?: string): void {
  const rule = '─'.repeat(78);
  const lines = [rule, `  ${title}`, ...(url ? ['', `      ${url}`, ''] : []), ...about.map((line) => `  ${line}`)];
  lines.push(`  Press Ctrl+C to stop everything and remove ${scratch.root}.`, rule);
  console.log(`\n${lines.join('\n')}\n`);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

void main().then((exitCode) => process.exit(exitCode));
