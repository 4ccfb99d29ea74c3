/**
 * The soak's driver, run in a real VS Code extension host (runInVsCode's `--tests` entry, launched by
 * bench/soak.ts): the installed extension, signed in to an emulator in the bench's process, with changing
 * resources in view, through one simulated hour of polling. The poller runs on a virtual clock moved in
 * lockstep with the emulator's (its control route), so the hour takes as long as its requests do. Each poll's
 * requests and the host's heap are written to MODELARTS_TEST_SOAK_OUT for soak.ts to turn into figures.
 */
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { LoggedRequest } from '../emulator/server';
import type { ModelArtsExtensionApi } from '../src/extension';
import type { ExplorerNode } from '../src/views/nodes/explorerNode';
import type { TestUserInput } from '../test/integration/testUserInput';
import { VirtualScheduler } from '../test/integration/virtualScheduler';
import { EmulatorControl, garbageCollector, requiredEnv, signedInExtension } from './hostControl';

export const SOAK_REGION = 'cn-north-4';
const MINUTE_MS = 60_000;
const SIMULATED_MINUTES = 60;
/** Every notebook shown is started or stopped at these minutes; the view is hidden from HIDE_AT to SHOW_AT. */
const TOGGLE_AT = [0, 10, 20, 30, 40];
const HIDE_AT = 40;
const SHOW_AT = 45;
/** The training jobs still queued then are stopped (queued jobs may wait for hours), so that nothing changes after. */
const STOP_QUEUED_AT = 50;

/** One poll interval of the hour: what was in view, and the requests the explorer sent in it. */
export interface SoakPoll {
  readonly minute: number;
  readonly visible: boolean;
  /** Categories with a changing resource among their loaded children when the interval began. */
  readonly changingCategories: number;
  /** Changing resources among them: the requests a poll would send reading each by itself. */
  readonly changingResources: number;
  /** Categories with running resources (read once a running interval) and none changing when the interval began. */
  readonly runningCategories: number;
  readonly timersPending: number;
  /** Each request's method, path, query and body: the same key twice in one poll is a category listed twice. */
  readonly requests: readonly string[];
}

export interface SoakRecord {
  readonly pollIntervalMs: number;
  readonly runningPollIntervalMs: number;
  readonly transitionMs: number;
  readonly polls: readonly SoakPoll[];
  /** Heap used (bytes, after a full garbage collection) once everything was loaded, and at each minute's end. */
  readonly heapBaseline: number;
  readonly heapByMinute: readonly number[];
  readonly resourcesShown: number;
}

export async function run(): Promise<void> {
  const emulatorUrl = requiredEnv('MODELARTS_TEST_SOAK_EMULATOR');
  const control = new EmulatorControl(emulatorUrl);
  const { api, ui } = await signedInExtension(emulatorUrl, SOAK_REGION);

  const { explorer } = api.context;
  const scheduler = new VirtualScheduler((ms) => control.advanceClock(ms));
  explorer.poller.useScheduler(scheduler);
  const shown = await loadEverything(explorer);
  const collectGarbage = garbageCollector();
  collectGarbage();
  const heapBaseline = process.memoryUsage().heapUsed;

  const intervalMs = api.context.session.settings.pollIntervalMs;
  const polls: SoakPoll[] = [];
  const heapByMinute: number[] = [];
  for (let minute = 0; minute < SIMULATED_MINUTES; minute++) {
    if (TOGGLE_AT.includes(minute)) {
      await toggleNotebooks(explorer, ui);
    }
    if (minute === STOP_QUEUED_AT) {
      await stopChangingTrainingJobs(explorer, ui);
    }
    if (minute === HIDE_AT || minute === SHOW_AT) {
      await vscode.commands.executeCommand(minute === HIDE_AT ? 'workbench.view.explorer' : 'modelarts.explorer.focus');
      await waitFor(() => api.context.treeView.visible === (minute === SHOW_AT));
    }
    for (let elapsed = 0; elapsed < MINUTE_MS; elapsed += intervalMs) {
      const changing = changingResources(explorer.loadedRoots());
      const changingCategories = new Set(changing.map((node) => node.parent)).size;
      const runningCategories = new Set(runningResources(explorer.loadedRoots()).map((node) => node.parent).filter((parent) => !changing.some((node) => node.parent === parent))).size;
      const timersPending = scheduler.pending;
      await control.clearRequests();
      await scheduler.advance(intervalMs);
      const requests = (await control.requests()).map(requestKey);
      polls.push({ minute, visible: api.context.treeView.visible, changingCategories, changingResources: changing.length, runningCategories, timersPending, requests });
    }
    collectGarbage();
    heapByMinute.push(process.memoryUsage().heapUsed);
  }
  const runningPollIntervalMs = api.context.session.settings.runningPollIntervalMs;
  const record: SoakRecord = { pollIntervalMs: intervalMs, runningPollIntervalMs, transitionMs: Number(requiredEnv('MODELARTS_TEST_SOAK_TRANSITION_MS')), polls, heapBaseline, heapByMinute, resourcesShown: shown };
  writeFileSync(requiredEnv('MODELARTS_TEST_SOAK_OUT'), JSON.stringify(record));
  await vscode.commands.executeCommand('modelarts.signOut');
}

type Explorer = ModelArtsExtensionApi['context']['explorer'];

/** Every workspace and category of the region expanded, as a person looking at all of it; returns how many resources are shown. */
async function loadEverything(explorer: Explorer): Promise<number> {
  let resources = 0;
  const expand = async (node: ExplorerNode | undefined, depth: number): Promise<void> => {
    const children = await explorer.getChildren(node);
    resources += children.filter(isChangeable).length;
    if (depth < 3) {
      // Regions, workspaces and categories; a resource's own sub-categories stay collapsed.
      await Promise.all(children.filter((child) => !isChangeable(child) || isWorkspace(child)).map((child) => expand(child, depth + 1)));
    }
  };
  await expand(undefined, 0);
  return resources;
}

/** Starts every stopped notebook shown and stops every running one, through the tree's own commands. */
async function toggleNotebooks(explorer: Explorer, ui: TestUserInput): Promise<void> {
  const notebooks = allLoaded(explorer.loadedRoots()).filter((node) => /^notebook\b/.test(node.getTreeItem().contextValue ?? ''));
  for (const node of notebooks) {
    const contextValue = node.getTreeItem().contextValue ?? '';
    if (/\bcanStart\b/.test(contextValue)) {
      await vscode.commands.executeCommand('modelarts.notebook.start', node);
    } else if (/\bcanStop\b/.test(contextValue)) {
      ui.answer('Stop');
      await vscode.commands.executeCommand('modelarts.notebook.stop', node);
    }
  }
}

async function stopChangingTrainingJobs(explorer: Explorer, ui: TestUserInput): Promise<void> {
  const changing = allLoaded(explorer.loadedRoots()).filter((node) => isChangeable(node) && node.isTransitional());
  for (const node of changing.filter((candidate) => /^trainingJob\b.*\bcanStop\b/.test(candidate.getTreeItem().contextValue ?? ''))) {
    ui.answer('Stop');
    await vscode.commands.executeCommand('modelarts.trainingJob.stop', node);
  }
}

function allLoaded(nodes: readonly ExplorerNode[]): ExplorerNode[] {
  return nodes.flatMap((node) => [node, ...allLoaded(node.loadedChildren?.() ?? [])]);
}

function changingResources(roots: readonly ExplorerNode[]): ExplorerNode[] {
  return allLoaded(roots).filter((node) => isChangeable(node) && node.isTransitional());
}

function runningResources(roots: readonly ExplorerNode[]): ExplorerNode[] {
  return allLoaded(roots).filter((node) => isChangeable(node) && node.isRunning());
}

function isChangeable(node: ExplorerNode): node is ExplorerNode & { isTransitional(): boolean; isRunning(): boolean } {
  return 'isTransitional' in node && 'isRunning' in node;
}

function isWorkspace(node: ExplorerNode): boolean {
  return /^workspace\b/.test(node.getTreeItem().contextValue ?? '');
}

/** Two requests of one category in one poll are identical: the same method, path, query and body. */
function requestKey(request: LoggedRequest): string {
  return [request.method, request.path, JSON.stringify(request.query), request.body ?? ''].join(' ');
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 200) {
      throw new Error('the explorer view did not change visibility');
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
