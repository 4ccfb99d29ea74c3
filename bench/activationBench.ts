/**
 * Activation figures: (1) loading dist/extension.js with `vscode` stubbed and running `activate` to its return,
 * the median of fresh processes; (2) `activate()` in a real VS Code extension host (bench/activationHost.ts
 * through runInVsCode), the median of a few VS Code runs, each timed once the workbench's own start has quieted
 * down (see quietMachine there), and also reported as timed during that start. Also which of the bundle's files
 * each loaded.
 * Prints figures; asserts nothing. Alone: `node out/bench/activationBench.js [extension folder]` (default this
 * repository; another folder times its build, e.g. an older one). It launches VS Code: run no other
 * VS Code test at the same time, or both figures measure the contention.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../test/vscode-host/runOptions';
import type { HostActivation } from './activationHost';
import { eagerFiles } from './bundleBench';
import { benchRow } from './rows';
import { answerVscodeWith, extensionContextStub, vscodeStub } from './vscodeStub';

const TARGET = '≤ 50 ms';
const STUBBED_RUNS = 9;
const HOST_RUNS = 5;
const CHILD_FLAG = '--stubbed-child';

export async function activationRows(root = repoRoot): Promise<string[]> {
  const stubbed = Array.from({ length: STUBBED_RUNS }, () => stubbedRun(root));
  const host = Array.from({ length: HOST_RUNS }, () => hostRun(root, true));
  const duringStart = Array.from({ length: HOST_RUNS }, () => hostRun(root, false));
  return [
    `Activation of ${join(root, 'dist/extension.js')} (Node ${process.versions.node} stubbed; VS Code's extension host)`,
    benchRow(`stubbed vscode: load + activate (median of ${STUBBED_RUNS})`, loadAndActivate(stubbed), TARGET),
    benchRow(`real extension host: load + activate (median of ${HOST_RUNS})`, loadAndActivate(host), TARGET),
    benchRow('  activate() through VS Code, with its context preparation', `${median(host.map((run) => run.throughVsCodeMs ?? Number.NaN)).toFixed(1)} ms`, 'reported'),
    benchRow('  timed once the machine was quiet', quietness(host), 'reported'),
    benchRow('  the same, timed during the workbench\'s start', loadAndActivate(duringStart), 'reported'),
    benchRow('bundle files loaded at activation', loaded(root, host[0].loadedFiles), 'the eager bundle only'),
  ];
}

/** The median total, and the medians of its two parts. */
function loadAndActivate(runs: readonly { readonly loadMs: number; readonly activateMs: number }[]): string {
  const total = median(runs.map((run) => run.loadMs + run.activateMs));
  return `${total.toFixed(1)} ms (${median(runs.map((run) => run.loadMs)).toFixed(1)} + ${median(runs.map((run) => run.activateMs)).toFixed(1)})`;
}

/** How long the host runs waited for the workbench's start to quiet down, and how busy the processors then were. */
function quietness(runs: readonly HostActivation[]): string {
  const waited = median(runs.map((run) => run.quiet?.waitedMs ?? Number.NaN)) / 1000;
  const busiest = Math.max(...runs.map((run) => run.quiet?.busy ?? Number.NaN));
  return `waited ${waited.toFixed(1)} s (median); processors at most ${(busiest * 100).toFixed(0)}% busy`;
}

/** How many of the build's files activation loaded, naming any that is not part of the eager bundle. */
function loaded(root: string, files: readonly string[]): string {
  const eager = eagerFiles(JSON.parse(readFileSync(join(root, 'out/metafiles.json'), 'utf8'))).map((file) => file.slice('dist/'.length));
  const beyond = files.filter((file) => !eager.includes(file));
  return `${files.length - beyond.length} of the eager bundle's ${eager.length} files${beyond.length > 0 ? `; also ${beyond.join(', ')}` : ''}`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One fresh Node process that loads the bundle with `vscode` stubbed and activates it. */
function stubbedRun(root: string): HostActivation {
  const child = spawnSync(process.execPath, [__filename, CHILD_FLAG, root], { encoding: 'utf8' });
  if (child.status !== 0) {
    throw new Error(`the stubbed activation failed:\n${child.stderr}`);
  }
  return JSON.parse(child.stdout) as HostActivation;
}

/**
 * One VS Code run of bench/activationHost.ts against the extension at `root`, with that folder's runner; `quiet`:
 * timed once the workbench's start no longer keeps the processors busy, or at once.
 */
function hostRun(root: string, quiet: boolean): HostActivation {
  const folder = mkdtempSync(join(tmpdir(), 'modelarts-activation-'));
  const out = join(folder, 'activation.json');
  try {
    const runner = join(root, 'out/test/vscode-host/runInVsCode.js');
    const env = { ...process.env, MODELARTS_TEST_ACTIVATION_OUT: out, MODELARTS_TEST_ACTIVATION_QUIET: quiet ? '1' : '0' };
    const child = spawnSync(process.execPath, [runner, '--tests', join(repoRoot, 'out/bench/activationHost.js')], { env, encoding: 'utf8' });
    if (child.status !== 0) {
      throw new Error(`the activation run failed in VS Code (exit code ${child.status}):\n${(child.stdout + child.stderr).slice(-4000)}`);
    }
    return JSON.parse(readFileSync(out, 'utf8')) as HostActivation;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** In the child: load and activate, then print what it took. */
async function measureStubbed(root: string): Promise<void> {
  answerVscodeWith(vscodeStub());
  const packageJSON: object = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const bundle = join(root, 'dist/extension.js');
  const started = performance.now();
  const extension = require(bundle) as { activate(context: object): Promise<unknown> };
  const loadedAt = performance.now();
  await extension.activate(extensionContextStub(root, packageJSON));
  const activatedAt = performance.now();
  const dist = join(root, 'dist');
  const loadedFiles = Object.keys(require.cache).filter((file) => file.startsWith(dist));
  const record: HostActivation = { loadMs: loadedAt - started, activateMs: activatedAt - loadedAt, loadedFiles: loadedFiles.map((file) => file.slice(dist.length + 1)) };
  process.stdout.write(JSON.stringify(record));
  // Timers the activation started (polls, watches) would keep the process alive.
  process.exit(0);
}

if (require.main === module) {
  const [flag, folder] = process.argv.slice(2);
  if (flag === CHILD_FLAG) {
    void measureStubbed(folder);
  } else {
    void activationRows(flag ?? repoRoot).then((rows) => console.log(rows.join('\n')));
  }
}
