/** Demo resource pools: stable names and ages (relative to start-up), built directly as records. */
import { Timeline } from '../clock';
import type { PoolSeed } from '../seedData';
import type { ProjectState } from '../state';
import { networkNames, PLUGIN_TEMPLATES } from './poolCatalog';
import { addNode, type Gone, newNodePool, type NodePhase, type PluginPhase, type PoolPhase, type PoolRecord, seededHex32 } from './poolModel';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A timeline that went through `history` ([status, at] ascending). */
function history<S extends string>(entries: readonly (readonly [S, number])[]): Timeline<S> {
  const timeline = new Timeline<S>(entries[0][0], entries[0][1]);
  entries.slice(1).forEach(([status, at]) => timeline.force(at, status));
  return timeline;
}

export function seedPools(project: ProjectState, seeds: readonly PoolSeed[], workspaceIds: readonly string[], now: number): void {
  const t = project.transitionMs;
  seeds.forEach((seed, index) => {
    const creating = seed.phase === 'Creating';
    const createdAt = creating ? now - 1_000 : now - (120 - index * 30) * DAY;
    const readyAt = createdAt + 12 * MINUTE;
    const id = seededHex32(`pool:${project.id}:${seed.name}`);
    const timeline = history<PoolPhase | Gone>(creating ? [['Creating', createdAt]] : [['Creating', createdAt], ['Running', readyAt]]);
    if (creating) {
      // Still creating at start-up: Running one transition later, like a fresh create.
      timeline.plan(now, [['Creating', t]], 'Running');
    }
    const pool: PoolRecord = {
      name: `${seed.name}-${id}`,
      displayName: seed.name,
      workspaceId: workspaceIds[seed.workspace] ?? '0',
      createdAt,
      type: 'Dedicate',
      network: networkNames(project)[index % 2],
      scope: [...seed.scope],
      annotations: { 'os.modelarts/description': seed.description },
      specExtra: {},
      tags: new Map(Object.entries(seed.tags ?? {})),
      timeline,
      nodePools: new Map(),
      nodes: new Map(),
      plugins: new Map(),
      nextSeq: 0,
    };
    for (const npSeed of seed.nodePools) {
      const nodePool = newNodePool(pool, npSeed.name, npSeed.flavor, npSeed.count, createdAt);
      pool.nodePools.set(nodePool.name, nodePool);
      const batchUid = seededHex32(`batch:${pool.name}:${nodePool.name}`);
      for (let i = 0; i < npSeed.count; i++) {
        const nodeTimeline = history<NodePhase | Gone>([['Creating', createdAt]]);
        if (creating) {
          nodeTimeline.plan(now, [['Creating', t]], 'Available');
        } else {
          nodeTimeline.force(readyAt, 'Available');
          if (i >= npSeed.count - (npSeed.abnormal ?? 0)) {
            nodeTimeline.force(now - (i % 5 + 1) * 60 * MINUTE, 'Abnormal');
          }
        }
        addNode(pool, project, nodePool, { createdAt, timeline: nodeTimeline, batchUid });
      }
    }
    for (const plugin of seed.plugins) {
      const template = PLUGIN_TEMPLATES.find((candidate) => candidate.name === plugin.name);
      pool.plugins.set(plugin.name, {
        name: plugin.name,
        version: plugin.version,
        inputs: { ...template?.inputs },
        createdAt: readyAt,
        timeline: history<PluginPhase | Gone>([
          ['Pending', readyAt],
          ['Running', readyAt + MINUTE],
        ]),
      });
    }
    project.pools.set(pool.name, pool);
  });
}
