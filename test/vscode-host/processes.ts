// Child processes that must not outlive the program that started them: each runs in its own process group,
// so stopping it also stops what it started (VS Code's server starts extension hosts, npm starts node…).
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';

const stopGraceMs = 5_000;

/** Things to stop at the end, newest first; anything added after the end is stopped at once. */
export class Cleanup {
  private readonly stops: Array<() => Promise<void>> = [];
  private done = false;

  /** Returns a function that takes `stop` off the list, for things that ended by themselves. */
  add(stop: () => Promise<void>): () => void {
    if (this.done) void stop().catch(() => undefined);
    else this.stops.unshift(stop);
    return () => {
      const index = this.stops.indexOf(stop);
      if (index >= 0) this.stops.splice(index, 1);
    };
  }

  async run(): Promise<void> {
    this.done = true;
    for (const stop of this.stops.splice(0)) {
      await stop().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
    }
  }
}

export interface GroupOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** 'inherit' shows the output as it comes; 'pipe' keeps it for the caller. */
  readonly output: 'inherit' | 'pipe';
}

/** Starts a process as the leader of a new process group that `cleanup` stops, with everything it started. */
export function spawnGroup(command: string, args: readonly string[], options: GroupOptions, cleanup: Cleanup): ChildProcess {
  const child = spawnDetached(command, args, options);
  cleanup.add(() => stopProcessGroup(child));
  return child;
}

/** Runs a command to completion with its output shown; rejects when it fails. Stopped with `cleanup` if still running. */
export function runToCompletion(
  command: string,
  args: readonly string[],
  options: Omit<GroupOptions, 'output'>,
  cleanup: Cleanup,
): Promise<void> {
  const child = spawnDetached(command, args, { ...options, output: 'inherit' });
  const forget = cleanup.add(() => stopProcessGroup(child));
  const shown = [command, ...args].join(' ');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      // Once the leader is gone its group id may be reused by an unrelated process: never signal it again.
      forget();
      if (code === 0) resolve();
      else reject(new Error(`${shown} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

function spawnDetached(command: string, args: readonly string[], options: GroupOptions): ChildProcess {
  return spawn(command, args, { detached: true, cwd: options.cwd, env: options.env, stdio: ['ignore', options.output, options.output] });
}

/**
 * Resolves with the first match of `pattern` in a piped child's output, which is also appended to `log`;
 * rejects if the child exits first.
 */
export function waitForOutput(child: ChildProcess, pattern: RegExp, log: string[], what: string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      log.push(chunk.toString());
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolve(match);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${what} exited before it was ready (code ${code})`)));
  });
}

/** Asks the whole group to stop, and kills whatever is left once the leader is gone or the grace time is over. */
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
  await Promise.race([exited, new Promise<void>((resolve) => (graceTimer = setTimeout(resolve, stopGraceMs)))]);
  clearTimeout(graceTimer);
  signalGroup('SIGKILL');
}

export function makeFolder(folder: string): string {
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}
