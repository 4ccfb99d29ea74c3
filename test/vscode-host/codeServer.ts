// A throw-away VS Code: its own folders and user settings, and code-server with the packaged extension installed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { endpointOverridesFor } from '../../emulator/server';
import { type Cleanup, makeFolder, runToCompletion, spawnGroup, waitForOutput } from './processes';
import { repoRoot } from './runOptions';
import { codeServerEntry, node24 } from './tools';

/** Folders of one run, under one temporary folder that `cleanup` removes. */
export interface Scratch {
  readonly root: string;
  readonly userData: string;
  readonly serverData: string;
  readonly extensions: string;
  readonly workspace: string;
  /**
   * `base` with XDG and temp folders in the scratch folder: code-server and chromium otherwise write their
   * configuration and caches into the home folder, and leave sockets in /tmp.
   */
  environment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
}

/** `workspaceName` is the folder VS Code opens, shown in its title bar. */
export function createScratch(prefix: string, cleanup: Cleanup, workspaceName = 'workspace'): Scratch {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanup.add(async () => fs.rmSync(root, { recursive: true, force: true }));
  const tmp = makeFolder(path.join(root, 'tmp'));
  return {
    root,
    userData: path.join(root, 'user-data'),
    serverData: path.join(root, 'server-data'),
    extensions: path.join(root, 'extensions'),
    workspace: makeFolder(path.join(root, workspaceName)),
    environment: (base) => ({
      ...base,
      XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
      XDG_DATA_HOME: path.join(root, 'xdg-data'),
      XDG_CACHE_HOME: path.join(root, 'xdg-cache'),
      TMPDIR: tmp,
    }),
  };
}

/** Code-server keeps user settings on the server, in the user data folder. */
export function writeUserSettings(scratch: Scratch, settings: Record<string, unknown>): void {
  const userFolder = makeFolder(path.join(scratch.userData, 'User'));
  fs.writeFileSync(path.join(userFolder, 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * Settings for a person's first look at the extension against the emulator, without distractions: the web
 * workbench's chat panel would fill the right side and log sign-in attempts many times a minute, an editor would
 * open at start, and code-server would announce every port anything on the machine starts listening on.
 */
export function emulatorSettings(emulatorUrl: string): Record<string, unknown> {
  return {
    'modelarts.endpointOverrides': endpointOverridesFor(emulatorUrl),
    'chat.disableAIFeatures': true,
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'remote.autoForwardPorts': false,
  };
}

/** Credentials of the person running this must not reach the extension; test and emulator variables may. */
export function withoutCredentials(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !name.startsWith('MODELARTS_') || name.startsWith('MODELARTS_TEST_') || name.startsWith('MODELARTS_EMULATOR_')),
  );
}

/** Builds `extensionPackage` (out/modelarts-explorer.vsix) with `npm run package`, which also bundles the extension. */
export function packageExtension(cleanup: Cleanup): Promise<void> {
  return runToCompletion('npm', ['run', '--silent', 'package'], { env: process.env, cwd: repoRoot }, cleanup);
}

export function installExtension(vsix: string, scratch: Scratch, env: NodeJS.ProcessEnv, cleanup: Cleanup): Promise<void> {
  return runToCompletion(
    node24,
    [
      codeServerEntry,
      ...['--install-extension', vsix],
      ...['--extensions-dir', scratch.extensions],
      ...['--user-data-dir', scratch.userData],
    ],
    { env },
    cleanup,
  );
}

export interface RunningCodeServer {
  readonly port: number;
  /** Resolves with the exit code if code-server ends before it is stopped. */
  readonly exited: Promise<number | null>;
}

/**
 * Starts code-server on 127.0.0.1:`port` (0 = a free one) in its own process group; resolves once it listens.
 * Its output goes to `log`, to show when something fails. `locale` sets the display language (a language pack for it
 * must be in the user data folder, see test/ui/zhCnSteps.ts).
 */
export async function startCodeServer(
  scratch: Scratch,
  port: number,
  env: NodeJS.ProcessEnv,
  log: string[],
  cleanup: Cleanup,
  locale?: string,
): Promise<RunningCodeServer> {
  const server = spawnGroup(
    node24,
    [
      codeServerEntry,
      ...['--auth', 'none'],
      ...['--bind-addr', `127.0.0.1:${port}`],
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...['--user-data-dir', scratch.userData],
      ...['--extensions-dir', scratch.extensions],
      ...(locale ? ['--locale', locale] : []),
    ],
    { env, output: 'pipe' },
    cleanup,
  );
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
  const [, listeningPort] = await waitForOutput(server, /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/, log, 'code-server');
  return { port: Number(listeningPort), exited };
}

/** The workbench opening `folder`; slashes stay as they are, so a person can read the URL. */
export function workbenchUrl(port: number, folder: string): string {
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
}
