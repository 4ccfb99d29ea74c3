/** Runs a bench driver (a `--tests` entry exporting run()) in a real VS Code extension host, through runInVsCode. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmulatorOptions, startEmulator } from '../emulator/server';
import { Cleanup, spawnGroup } from '../test/vscode-host/processes';
import { repoRoot } from '../test/vscode-host/runOptions';

/** `entry`: the driver's compiled file under out/; `env`: what it reads. Rejects with the run's last output when it fails. */
export async function runInExtensionHost(entry: string, env: Readonly<Record<string, string>>): Promise<void> {
  const cleanup = new Cleanup();
  try {
    const runner = join(repoRoot, 'out/test/vscode-host/runInVsCode.js');
    const child = spawnGroup(process.execPath, [runner, '--tests', join(repoRoot, entry)], { env: { ...process.env, ...env }, output: 'pipe' }, cleanup);
    const log: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (exitCode !== 0) {
      throw new Error(`${entry} failed in VS Code (exit code ${exitCode}):\n${log.join('').slice(-4000)}`);
    }
  } finally {
    await cleanup.run();
  }
}

/**
 * Runs a driver against an emulator in this process (so the heap and CPU measured are the extension host's alone)
 * and answers the JSON record it wrote. `env` names the emulator's URL and the record's file to the driver.
 */
export async function hostRecord<T>(entry: string, emulatorOptions: EmulatorOptions, env: (emulatorUrl: string, recordFile: string) => Record<string, string>): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), 'modelarts-bench-'));
  const recordFile = join(folder, 'record.json');
  const emulator = await startEmulator(emulatorOptions);
  try {
    await runInExtensionHost(entry, env(emulator.url, recordFile));
    return JSON.parse(readFileSync(recordFile, 'utf8')) as T;
  } finally {
    await emulator.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
