/**
 * `npm run bench`: figures for the explorer's request pattern against the
 * emulator with an injected round-trip latency, OBS transfer throughput
 * against its OBS stand-in, and an hour of polling in VS Code (bench/soak.ts).
 * Prints numbers; asserts nothing.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { endpointOverridesFor, startEmulator } from '../emulator/server';
import { createServices } from '../src/services';
import { obsThroughputRows } from './obsBench';
import { benchRow } from './rows';
import { soakRows } from './soak';

const LATENCY_MS = 50;
const REGION = 'cn-north-4';
const RUNS = 7;
const WORKSPACE_CATEGORIES = 6;
/** Requests for the region's own lists: eight lists, hyper clusters asked once per type (HPS, ECS). */
const REGION_REQUESTS = 9;

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ latencyMs: LATENCY_MS, scaleTrainingJobs: 10_000 });
  try {
    const services = createServices({
      credentials: { accessKey: emulator.demo.ak, secretKey: emulator.demo.sk },
      endpointOverrides: endpointOverridesFor(emulator.url),
      userAgent: 'modelarts-explorer-bench',
    });
    await services.client.projectId(REGION);
    const scope = { region: REGION, workspaceId: '0' };

    const roundTrip = await median(RUNS, () => services.workspaces.list(REGION));
    // What the explorer lists under each workspace, and under the region outside any workspace.
    const everyCategory = (workspaceId: string) => {
      const workspace = { region: REGION, workspaceId };
      return Promise.all([
        services.notebooks.list(workspace),
        services.trainingJobs.search(workspace),
        services.pools.list(REGION, workspaceId),
        services.models.list(workspace),
        services.inferenceV1.list(workspace),
        services.inferenceV2.list(workspace),
      ]);
    };
    const regionLists = () =>
      Promise.all([
        services.devServers.list(REGION),
        services.devServers.listHyperinstances(REGION),
        services.hyperClusters.list(REGION),
        services.devServerJobs.list(REGION),
        services.management.listScheduledEvents(REGION),
        services.swr.listRepositories(REGION, {}),
        services.vpc.listVpcs(REGION),
        services.keyPairs.list(REGION),
      ]);
    const categories = await median(RUNS, () => everyCategory(scope.workspaceId));
    const firstJobPage = await median(RUNS, () => services.trainingJobs.search(scope));

    // One full refresh as the explorer does it: workspaces of the region, then every category of every workspace
    // and every list of the region, all at once.
    emulator.requests.clear();
    const workspaces = await services.workspaces.list(REGION);
    await Promise.all([...workspaces.map((workspace) => everyCategory(workspace.id)), regionLists()]);
    const issued = emulator.requests.count();
    const needed = 1 + WORKSPACE_CATEGORIES * workspaces.length + REGION_REQUESTS;

    const bundleBytes = statSync(join(__dirname, '..', '..', 'dist', 'extension.js')).size;

    const rows: [string, string, string][] = [
      ['round trip (median of ' + RUNS + ')', `${roundTrip.toFixed(1)} ms`, `injected latency ${LATENCY_MS} ms`],
      ['list every category of a workspace', `${(categories / roundTrip).toFixed(2)} round trips`, 'target ≤ 1.2 (parallel)'],
      ['requests for one full refresh of a region', `${issued} issued / ${needed} needed`, 'target: no duplicates'],
      ['first page of a 10,000-job account', `${(firstJobPage / roundTrip).toFixed(2)} round trips`, 'target ≤ 1.2'],
      ['minified bundle', `${(bundleBytes / 1024).toFixed(0)} KiB`, 'target ≤ 1024 KiB'],
    ];
    for (const [what, value, target] of rows) {
      console.log(benchRow(what, value, target));
    }
    for (const line of await obsThroughputRows(services)) {
      console.log(line);
    }
  } finally {
    await emulator.close();
  }
  for (const line of await soakRows()) {
    console.log(line);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
