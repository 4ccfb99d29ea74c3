/**
 * The activation figure in a real VS Code extension host (runInVsCode's `--tests` entry, launched by
 * bench/activationBench.ts): loads the bundle of the extension, which nothing has activated yet, then activates it,
 * timing each (VS Code's activation is both: it loads the same bundle, from the host's module cache now), and writes
 * the times and the bundle's files then loaded to MODELARTS_TEST_ACTIVATION_OUT. Imports nothing of the
 * extension's code, so that it can time an older build too.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { quietMachine } from './quietMachine';

/** What one host run measured. */
export interface HostActivation {
  /** Requiring the bundle (`vscode` answered by the host, as for the extension itself). */
  readonly loadMs: number;
  /** The extension's activate function, from VS Code's call to its result (what VS Code counts as activation after loading). */
  readonly activateMs: number;
  /** `extension.activate()` to its end: also VS Code's own preparation of the extension's context (its storage). */
  readonly throughVsCodeMs?: number;
  /** The extension's files under dist/ in the host's module cache after activation. */
  readonly loadedFiles: string[];
  /** How long the run waited for the machine to be quiet before timing, and how busy its processors then were (0–1). */
  readonly quiet?: { readonly waitedMs: number; readonly busy: number };
}

export async function run(): Promise<void> {
  const out = process.env.MODELARTS_TEST_ACTIVATION_OUT;
  const extension = vscode.extensions.getExtension('modelarts-community.modelarts-explorer');
  if (!out || !extension) {
    throw new Error('needs MODELARTS_TEST_ACTIVATION_OUT and the extension installed');
  }
  if (extension.isActive) {
    throw new Error('the extension was active already: its activation cannot be timed');
  }
  const quiet = process.env.MODELARTS_TEST_ACTIVATION_QUIET === '0' ? undefined : await quietMachine();
  const started = performance.now();
  const main = require.resolve(join(extension.extensionPath, String(extension.packageJSON.main)));
  const bundle = require(main) as { activate(...args: unknown[]): unknown; deactivate?: () => unknown };
  const loadedAt = performance.now();
  // VS Code requires this same cached module and calls its activate: timed there, the figure leaves out the host's
  // own preparation of the context, which VS Code's activation times (Developer: Show Running Extensions) leave out
  // too. The bundle's exports are read-only getters, so the cache answers a wrapper instead.
  let activateMs = Number.NaN;
  const timedActivate = async (...args: unknown[]): Promise<unknown> => {
    const called = performance.now();
    const result: unknown = await bundle.activate(...args);
    activateMs = performance.now() - called;
    return result;
  };
  const cached = require.cache[main];
  if (!cached) {
    throw new Error('the bundle is not in the module cache');
  }
  cached.exports = { activate: timedActivate, deactivate: bundle.deactivate };
  await extension.activate();
  const activatedAt = performance.now();
  const dist = join(extension.extensionPath, 'dist');
  const loadedFiles = Object.keys(require.cache).filter((file) => file.startsWith(dist));
  const record: HostActivation = { loadMs: loadedAt - started, activateMs, throughVsCodeMs: activatedAt - loadedAt, loadedFiles: loadedFiles.map((file) => file.slice(dist.length + 1)), quiet };
  writeFileSync(out, JSON.stringify(record));
}
