/**
 * The log bench's driver, run in a real VS Code extension host (runInVsCode's `--tests` entry, launched by
 * bench/logBench.ts): the installed extension, signed in to an emulator in the bench's process, follows the log of a
 * job that writes MODELARTS_TEST_LOG_RATE bytes a second, on real timers. It reads the host's CPU time while
 * following against the same time idle, and each change of the log's document, and writes them to
 * MODELARTS_TEST_LOG_OUT for logBench.ts to turn into figures.
 */
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ModelArtsExtensionApi } from '../src/extension';
import type { ExplorerNode } from '../src/views/nodes/explorerNode';
import { EmulatorControl, requiredEnv, signedInExtension } from './hostControl';

const REGION = 'cn-north-4';
/** Following settles (the first preview, the editor opened) before this, and is measured for as long after. */
const SETTLE_MS = 5_000;
const MEASURE_MS = 20_000;

export interface LogRecord {
  readonly pollIntervalMs: number;
  readonly bytesPerSecond: number;
  readonly measuredMs: number;
  /** Extension host CPU time (user + system) over MEASURE_MS, idle before the log opened and while following. */
  readonly idleCpuMs: number;
  readonly followingCpuMs: number;
  /** Log previews read over MEASURE_MS while following. */
  readonly polls: number;
  /** When (ms into the measured time) each change of the log's document arrived. */
  readonly changesAt: readonly number[];
  /** The document's size in UTF-8 bytes after each change of a further SETTLE_MS, and its lines of log. */
  readonly documentBytes: readonly number[];
  readonly documentLines: number;
}

export async function run(): Promise<void> {
  const emulatorUrl = requiredEnv('MODELARTS_TEST_LOG_EMULATOR');
  const bytesPerSecond = Number(requiredEnv('MODELARTS_TEST_LOG_RATE'));
  const { api } = await signedInExtension(emulatorUrl, REGION);
  await vscode.workspace.getConfiguration('modelarts').update('pollIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
  const control = new RateControl(emulatorUrl);
  const { node, id } = await singleNodeJob(api, control);

  const idleCpuMs = await cpuOver(MEASURE_MS);
  await control.run(id, bytesPerSecond);
  await vscode.commands.executeCommand('modelarts.trainingJob.viewLogs', node);
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.uri.scheme !== 'modelarts') {
    throw new Error('View Logs opened no log');
  }
  await sleep(SETTLE_MS);

  const requests = new EmulatorControl(emulatorUrl);
  await requests.clearRequests();
  const changesAt: number[] = [];
  const started = performance.now();
  const counting = vscode.workspace.onDidChangeTextDocument((event) => event.document === document && changesAt.push(performance.now() - started));
  const followingCpuMs = await cpuOver(MEASURE_MS);
  counting.dispose();
  const polls = (await requests.requests()).filter((request) => request.path.endsWith('/logs/preview')).length;

  // Sizes are read after the measured time: reading 2 MB of text at each change would add to the CPU measured.
  const documentBytes: number[] = [];
  const sizing = vscode.workspace.onDidChangeTextDocument((event) => event.document === document && documentBytes.push(Buffer.byteLength(document.getText())));
  await sleep(SETTLE_MS);
  sizing.dispose();
  const record: LogRecord = {
    pollIntervalMs: api.context.session.settings.pollIntervalMs,
    bytesPerSecond,
    measuredMs: MEASURE_MS,
    idleCpuMs,
    followingCpuMs,
    polls,
    changesAt,
    documentBytes,
    documentLines: document.lineCount,
  };
  writeFileSync(requiredEnv('MODELARTS_TEST_LOG_OUT'), JSON.stringify(record));
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.getConfiguration('modelarts').update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('modelarts.signOut');
}

/** A listed training job of the default workspace that runs on one node (View Logs then asks for no task). */
async function singleNodeJob(api: ModelArtsExtensionApi, control: RateControl): Promise<{ node: ExplorerNode; id: string }> {
  const { explorer } = api.context;
  const child = async (parent: ExplorerNode | undefined, label: string): Promise<ExplorerNode> => {
    const found = (await explorer.getChildren(parent)).find((node) => node.getTreeItem().label === label);
    if (!found) {
      throw new Error(`no "${label}" in the explorer`);
    }
    return found;
  };
  const jobs = await explorer.getChildren(await child(await child(await child(undefined, REGION), 'default'), 'Training Jobs'));
  for (const node of jobs) {
    const id = node.id.split('/').pop() ?? '';
    if ((await control.nodeCount(id)) === 1) {
      return { node, id };
    }
  }
  throw new Error('no single-node training job is listed');
}

async function cpuOver(ms: number): Promise<number> {
  const before = process.cpuUsage();
  await sleep(ms);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The emulator's training-job control routes: a fresh run, and its log's rate. */
class RateControl {
  constructor(private readonly url: string) {}

  async nodeCount(id: string): Promise<number> {
    const job = (await this.send('GET', `state/training-jobs/${id}`)) as { spec?: { resource?: { node_count?: number } } };
    return job.spec?.resource?.node_count ?? 1;
  }

  async run(id: string, bytesPerSecond: number): Promise<void> {
    await this.send('PUT', `state/training-jobs/${id}`, { phase: 'Running' });
    await this.send('PUT', `state/training-jobs/${id}/log`, { bytes_per_second: bytesPerSecond });
  }

  private async send(method: string, route: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}/__emulator/${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) {
      throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    }
    return response.status === 204 ? undefined : response.json();
  }
}
