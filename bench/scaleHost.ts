/**
 * The scale bench's driver, run in a real VS Code extension host (runInVsCode's `--tests` entry, launched by
 * bench/scaleBench.ts): the installed extension, signed in to a scale-mode emulator in the bench's process. Each
 * big list is revealed expanded in the explorer, as a person opens it, and paged with Load more until 2,000
 * items (or its end) are shown; the requests of its first page and of each Load more, and the host's heap
 * after each list, are written to MODELARTS_TEST_SCALE_OUT for scaleBench.ts to turn into figures.
 */
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ModelArtsExtensionApi } from '../src/extension';
import type { ExplorerNode } from '../src/views/nodes/explorerNode';
import { VirtualScheduler } from '../test/integration/virtualScheduler';
import { EmulatorControl, garbageCollector, requiredEnv, signedInExtension } from './hostControl';

export const SCALE_HOST_REGION = 'cn-north-4';
/** How many items of each kind are paged through. */
const ITEMS_PAGED = 2_000;
const LOAD_MORE = 'Load more…';
/** How long the workbench is given to render a list again after a page is added (it asks for the rows itself). */
const RENDER_SETTLE_MS = 200;

/** Each big list: its name, and the labels of the rows that lead to it from the region's. */
export const SCALE_LISTS: readonly { readonly kind: string; readonly path: readonly string[] }[] = [
  { kind: 'training jobs', path: ['default', 'Training Jobs'] },
  { kind: 'notebooks', path: ['default', 'Notebooks'] },
  { kind: 'pool nodes', path: ['nlp-research', 'Resource Pools', 'pool-gpu-v100', 'Nodes'] },
  { kind: 'OBS objects in one folder', path: ['Storage and Images', 'OBS Buckets', 'modelarts-demo-data', 'datasets', 'imagenet-val'] },
  { kind: 'Lite Servers', path: ['Lite Server', 'Lite Servers'] },
];

export interface ScaleListRecord {
  readonly kind: string;
  /** Requests (API and OBS) while the list's first page was shown. */
  readonly firstPageRequests: number;
  /** Requests of each Load more, in order. */
  readonly loadMoreRequests: readonly number[];
  readonly itemsShown: number;
  /** Heap used (bytes, after a full collection) once this list was paged through. */
  readonly heapAfter: number;
}

export interface ScaleRecord {
  /** How many items of each kind were to be paged through (fewer when a list ends before). */
  readonly itemsWanted: number;
  /** Heap used (bytes, after a full collection) once signed in, with the region shown and nothing else loaded. */
  readonly heapBaseline: number;
  readonly lists: readonly ScaleListRecord[];
}

type Explorer = ModelArtsExtensionApi['context']['explorer'];

export async function run(): Promise<void> {
  const emulatorUrl = requiredEnv('MODELARTS_TEST_SCALE_EMULATOR');
  const control = new EmulatorControl(emulatorUrl);
  await vscode.workspace.getConfiguration('modelarts').update('costGuard.enabled', false, vscode.ConfigurationTarget.Global);
  const { api } = await signedInExtension(emulatorUrl, SCALE_HOST_REGION);
  const { explorer, treeView } = api.context;
  // Polls run only when this clock is moved, which it never is: what is counted is what paging asks.
  explorer.poller.useScheduler(new VirtualScheduler((ms) => control.advanceClock(ms)));
  const region = await child(explorer, undefined, SCALE_HOST_REGION);
  await treeView.reveal(region, { expand: true });
  // The control routes' first use sets up fetch in this host: done before the baseline, so that only paging is measured.
  await control.clearRequests();
  await control.requests();
  await control.obsRequests();
  const heapBaseline = await keptHeap();

  const lists: ScaleListRecord[] = [];
  for (const { kind, path } of SCALE_LISTS) {
    let list = region;
    for (const name of path) {
      list = await child(explorer, list, name);
    }
    const requests = async (work: () => PromiseLike<unknown>): Promise<number> => {
      await control.clearRequests();
      await work();
      await new Promise((resolve) => setTimeout(resolve, RENDER_SETTLE_MS));
      return (await control.requests()).length + (await control.obsRequests()).length;
    };
    const firstPageRequests = await requests(() => treeView.reveal(list, { expand: true }));
    const loadMoreRequests: number[] = [];
    let shown = await explorer.getChildren(list);
    while (shown.length - 1 < ITEMS_PAGED && shown.some(isLoadMore)) {
      loadMoreRequests.push(await requests(() => vscode.commands.executeCommand('modelarts.loadMore', list)));
      shown = await explorer.getChildren(list);
    }
    lists.push({ kind, firstPageRequests, loadMoreRequests, itemsShown: shown.filter((node) => !isLoadMore(node)).length, heapAfter: await keptHeap() });
  }
  const record: ScaleRecord = { itemsWanted: ITEMS_PAGED, heapBaseline, lists };
  writeFileSync(requiredEnv('MODELARTS_TEST_SCALE_OUT'), JSON.stringify(record));
  await vscode.commands.executeCommand('modelarts.signOut');
  await vscode.workspace.getConfiguration('modelarts').update('costGuard.enabled', undefined, vscode.ConfigurationTarget.Global);
}

const collectGarbage = garbageCollector();

/** Heap used after two full collections a task apart: what the first frees may let finalizers free more. */
async function keptHeap(): Promise<number> {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 0));
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

function labelOf(node: ExplorerNode): string {
  const label = node.getTreeItem().label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

function isLoadMore(node: ExplorerNode): boolean {
  return labelOf(node) === LOAD_MORE;
}

async function child(explorer: Explorer, parent: ExplorerNode | undefined, name: string): Promise<ExplorerNode> {
  const children = await explorer.getChildren(parent);
  const found = children.find((node) => labelOf(node) === name);
  if (!found) {
    throw new Error(`"${name}" is not among ${children.map(labelOf).join(', ')}`);
  }
  return found;
}
