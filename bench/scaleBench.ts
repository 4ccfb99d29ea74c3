/**
 * The tree at scale, against a scale-mode emulator (emulator/seedScale.ts): each big list's first page and every
 * category of a workspace in round trips of an injected latency (each run against a round trip timed just before
 * it), then a real VS Code run (bench/scaleHost.ts) paging 2,000 items of each kind through the explorer: requests
 * per first page and per Load more, and the extension host's heap growth. Prints each figure beside its target;
 * asserts nothing.
 * Runs alone too (it launches VS Code): `npx tsc -p . && npm run build && node out/bench/scaleBench.js`.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_CREDENTIALS } from '../emulator/accounts';
import { SCALE, SCALE_OBS_BUCKET, SCALE_OBS_FOLDER, SCALE_REGION } from '../emulator/seedScale';
import { endpointOverridesFor, type LoggedRequest } from '../emulator/server';
import { createServices, type ModelArtsServices } from '../src/services';
import { hostRecord } from './hostRun';
import { quietMachine } from './quietMachine';
import { benchRow, printRows } from './rows';
import type { ScaleRecord } from './scaleHost';

const LATENCY_MS = 50;
const RUNS = 9;
/**
 * Calls after a list's first (which sets up its client) before it is timed. V8 optimizes the code they run, and
 * for the OBS SDK's XML parser it takes about twenty calls (some deoptimized again) before its time settles.
 */
const WARM_UP_CALLS = 24;
const ROUND_TRIP_TARGET = 1.2;
const HEAP_TARGET_MB = 50;
const MB = 1024 * 1024;
const WORKSPACE_CATEGORIES = 6;
/** Requests for the region's own lists: eight lists, hyper clusters asked once per type (HPS, ECS). */
const REGION_REQUESTS = 9;
/** The workspace of the demo's 300-node pool. */
const POOL_WORKSPACE = 'nlp-research';

export async function scaleRows(): Promise<string[]> {
  const heading = `Tree at scale: ${SCALE.trainingJobs} training jobs, ${SCALE.notebooks} notebooks, ${SCALE.poolNodes} pool nodes, ${SCALE.obsObjects} objects in one OBS folder, ${SCALE.liteServers} Lite Servers`;
  return [heading, ...(await roundTripRows()), ...(process.env.MODELARTS_BENCH_SCALE_HOST === '0' ? [] : await hostRows())];
}

/** The median of numbers. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * `work` in round trips: each of `runs` times it right after one round trip (`roundTrip`), and answers their ratios,
 * so that the machine's speed, which drifts from one minute to the next, is the same on both sides of each.
 * `roundTripsMs` collects the round trips timed.
 */
async function inRoundTrips(work: () => Promise<unknown>, roundTrip: () => Promise<unknown>, runs: number, roundTripsMs: number[]): Promise<number[]> {
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await roundTrip();
    const between = performance.now();
    await work();
    const ended = performance.now();
    roundTripsMs.push(between - started);
    ratios.push((ended - between) / (between - started));
  }
  return ratios;
}

/** How calls that ran before their code was optimized compared: their median and their slowest. */
function warmingUp(ratios: readonly number[]): string {
  return `its ${ratios.length} calls before: ${median(ratios).toFixed(2)}, slowest ${Math.max(...ratios).toFixed(2)}`;
}

/** What the explorer lists under one workspace (one request per category). */
function everyCategory(services: ModelArtsServices, workspaceId: string): Promise<unknown> {
  const workspace = { region: SCALE_REGION, workspaceId };
  return Promise.all([
    services.notebooks.list(workspace),
    services.trainingJobs.search(workspace),
    services.pools.list(SCALE_REGION, workspaceId),
    services.models.list(workspace),
    services.inferenceV1.list(workspace),
    services.inferenceV2.list(workspace),
  ]);
}

/** What the explorer lists under the region outside any workspace. */
function regionLists(services: ModelArtsServices): Promise<unknown> {
  return Promise.all([
    services.devServers.list(SCALE_REGION),
    services.devServers.listHyperinstances(SCALE_REGION),
    services.hyperClusters.list(SCALE_REGION),
    services.devServerJobs.list(SCALE_REGION),
    services.management.listScheduledEvents(SCALE_REGION),
    services.swr.listRepositories(SCALE_REGION, {}),
    services.vpc.listVpcs(SCALE_REGION),
    services.keyPairs.list(SCALE_REGION),
  ]);
}

/**
 * A scale-mode emulator with injected latency in a process of its own, as the cloud is: its work on a request
 * then counts as part of the round trip, not as the client's.
 */
async function emulatorProcess(): Promise<{ readonly url: string; requestCount(): Promise<number>; clearRequests(): Promise<void>; stop(): void }> {
  const child = spawn(process.execPath, [join(__dirname, '../emulator/cli.js'), '--scale', '--latency', String(LATENCY_MS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const listening = /listening on (http:\/\/\S+)/.exec(printed);
      if (listening) {
        resolve(listening[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the emulator ended (exit code ${code}) before listening`)));
  });
  const control = (method: string): Promise<Response> => fetch(`${url}/__emulator/requests`, { method });
  return {
    url,
    requestCount: async () => ((await (await control('GET')).json()) as { requests: LoggedRequest[] }).requests.length,
    clearRequests: async () => void (await control('DELETE')),
    stop: () => void child.kill(),
  };
}

/** First pages and listings, in round trips of the injected latency (one round trip = one small list). */
async function roundTripRows(): Promise<string[]> {
  const emulator = await emulatorProcess();
  try {
    const services = createServices({
      credentials: { accessKey: DEMO_CREDENTIALS.ak, secretKey: DEMO_CREDENTIALS.sk },
      endpointOverrides: endpointOverridesFor(emulator.url),
      userAgent: 'modelarts-explorer-bench',
    });
    await services.client.projectId(SCALE_REGION);
    const scope = { region: SCALE_REGION, workspaceId: '0' };
    const workspaces = await services.workspaces.list(SCALE_REGION);
    const poolWorkspace = workspaces.find((workspace) => workspace.name === POOL_WORKSPACE)?.id ?? '0';
    const pools = await services.pools.list(SCALE_REGION, poolWorkspace);
    const bigPool = pools.find((pool) => pool.metadata.name.startsWith('pool-gpu-v100'))?.metadata.name ?? '';

    // The emulator's seeding, or a VS Code run of the bench just ended, would take turns with the client timed here.
    const quiet = await quietMachine();
    const roundTrip = (): Promise<unknown> => services.workspaces.list(SCALE_REGION);
    const roundTripsMs: number[] = [];
    await inRoundTrips(roundTrip, roundTrip, WARM_UP_CALLS, []);
    const firstPages: [string, () => Promise<unknown>][] = [
      [`training jobs (${SCALE.trainingJobs})`, () => services.trainingJobs.search(scope)],
      [`notebooks (${SCALE.notebooks})`, () => services.notebooks.list(scope)],
      [`pool nodes (${SCALE.poolNodes})`, () => services.pools.listNodes(SCALE_REGION, bigPool)],
      [`OBS objects in one folder (${SCALE.obsObjects})`, () => services.obs.listEntries(SCALE_REGION, SCALE_OBS_BUCKET, { prefix: SCALE_OBS_FOLDER }, undefined)],
      [`Lite Servers (${SCALE.liteServers})`, () => services.devServers.list(SCALE_REGION)],
    ];
    const rows: string[] = [benchRow('  timed once the machine was quiet', `waited ${(quiet.waitedMs / 1000).toFixed(1)} s; processors ${Math.round(quiet.busy * 100)}% busy`, 'reported')];
    const pageRows: string[] = [];
    for (const [what, firstPage] of firstPages) {
      await firstPage(); // a client's first call sets it up (and may load its SDK): not a page's cost
      // The next calls run code V8 has not optimized yet, as in a window's first listings: reported beside the figure.
      const before = await inRoundTrips(firstPage, roundTrip, WARM_UP_CALLS, []);
      const steady = median(await inRoundTrips(firstPage, roundTrip, RUNS, roundTripsMs));
      pageRows.push(benchRow(`first page: ${what}`, `${steady.toFixed(2)} round trips (${warmingUp(before)})`, `target ≤ ${ROUND_TRIP_TARGET}`));
    }
    const listEveryCategory = (): Promise<unknown> => everyCategory(services, scope.workspaceId);
    const categoriesBefore = await inRoundTrips(listEveryCategory, roundTrip, WARM_UP_CALLS, []);
    const categories = median(await inRoundTrips(listEveryCategory, roundTrip, RUNS, roundTripsMs));
    rows.push(
      benchRow(`round trip (median of ${roundTripsMs.length}, each timed beside a figure's run)`, `${median(roundTripsMs).toFixed(1)} ms`, `injected latency ${LATENCY_MS} ms`),
      ...pageRows,
      benchRow('list every category of a workspace', `${categories.toFixed(2)} round trips (${warmingUp(categoriesBefore)})`, `target ≤ ${ROUND_TRIP_TARGET} (parallel)`),
    );

    // One full refresh as the explorer does it: workspaces of the region, then every category of every workspace
    // and every list of the region, all at once.
    await emulator.clearRequests();
    const listed = await services.workspaces.list(SCALE_REGION);
    await Promise.all([...listed.map((workspace) => everyCategory(services, workspace.id)), regionLists(services)]);
    const needed = 1 + WORKSPACE_CATEGORIES * listed.length + REGION_REQUESTS;
    rows.push(benchRow('requests for one full refresh of a region', `${await emulator.requestCount()} issued / ${needed} needed`, 'target: no duplicates'));
    return rows;
  } finally {
    emulator.stop();
  }
}

/** The VS Code run's figures: requests per page of each list, and the heap after paging them all. */
async function hostRows(): Promise<string[]> {
  const record = await hostRecord<ScaleRecord>('out/bench/scaleHost.js', { scale: true }, (emulatorUrl, recordFile) => ({
    MODELARTS_TEST_SCALE_EMULATOR: emulatorUrl,
    MODELARTS_TEST_SCALE_OUT: recordFile,
  }));
  const rows: string[] = [];
  let heapBefore = record.heapBaseline;
  for (const list of record.lists) {
    const pages = list.loadMoreRequests;
    const perPage = pages.length === 0 ? 'no Load more' : `${Math.max(...pages)} max, ${(pages.reduce((a, b) => a + b, 0) / pages.length).toFixed(2)} mean`;
    rows.push(benchRow(`${list.kind}: first page`, `${list.firstPageRequests} request(s)`, 'target 1'));
    rows.push(benchRow(`${list.kind}: requests per Load more (${pages.length} pages)`, perPage, 'target 1'));
    rows.push(benchRow(`${list.kind}: items paged through`, `${list.itemsShown} (+${((list.heapAfter - heapBefore) / MB).toFixed(1)} MB heap)`, `${record.itemsWanted}, or all there are`));
    heapBefore = list.heapAfter;
  }
  const growth = (record.lists[record.lists.length - 1].heapAfter - record.heapBaseline) / MB;
  rows.push(benchRow('extension host heap growth, every list paged', `${growth.toFixed(1)} MB`, `target ≤ ${HEAP_TARGET_MB} MB`));
  return rows;
}

if (require.main === module) {
  printRows(scaleRows);
}
