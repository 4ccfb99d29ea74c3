/**
 * What v2 services deploy on (§4.1): the public flavors (`GET /v2/{project_id}/services/flavors`,
 * the SDK's `InferFlavor`) and a dedicated pool as the inference service sees it
 * (`GET /v2/{project_id}/services/clusters/{id}`), and the v2 list envelope (§4.2, §11.3).
 * The flavor names and figures are illustrative: the reference gives the fields only.
 */
import { type ApiRequest, type ApiResponse, invalidParameter, modelArtsError, ok, queryInt, requestProject } from '../http';
import type { ProjectState } from '../state';
import { oneOf } from '../validate';
import { poolFlavor } from './poolCatalog';
import { livePool, nodesOf, type PoolRecord, poolPhase } from './poolModel';

export interface V2Page<T> {
  readonly data: T[];
  /** 0-based page number (§4.2). */
  readonly current: number;
  readonly size: number;
  readonly pages: number;
  readonly total: number;
}

/**
 * How a v2 list reads `offset` (the SDK's field texts): a record offset, which the service and event lists want a
 * multiple of `limit`, or (instances and pods) the index of the page.
 */
export type V2Offset = 'record' | 'multiple' | 'page';

/**
 * §4.2: `limit` 1–500 (default 10), `offset` as `reading` says; `current` is the 0-based page. (uncertain) `size` is
 * the page size, as in the other `{current,…}` lists here.
 */
export function v2Page<T>(items: readonly T[], query: URLSearchParams, reading: V2Offset = 'record'): V2Page<T> {
  const limit = queryInt(query, 'limit', 10, 1, 500);
  const offset = queryInt(query, 'offset', 0);
  if (reading === 'multiple' && offset % limit !== 0) {
    throw invalidParameter('offset', `must be a multiple of limit (${limit})`);
  }
  const start = reading === 'page' ? offset * limit : offset;
  return { data: items.slice(start, start + limit), current: Math.floor(start / limit), size: limit, pages: Math.ceil(items.length / limit), total: items.length };
}

/** `sort_dir` (ASC or DESC, upper case as the v2 API spells it; DESC by default). */
export function sortDirection(query: URLSearchParams): 1 | -1 {
  return oneOf(query.get('sort_dir') ?? 'DESC', ['ASC', 'DESC'], 'sort_dir') === 'ASC' ? 1 : -1;
}

export interface FlavorV2 {
  readonly id: string;
  readonly category: 'CPU' | 'GPU' | 'ASCEND';
  readonly arch: 'X86_64' | 'arm64';
  readonly vcpus: number;
  /** MB (assumed: the SDK gives no unit). */
  readonly memory: number;
  readonly gpu?: { readonly gpu: number; readonly gpu_memory: string; readonly type: string };
  readonly ascend?: { readonly npu: number; readonly npu_memory: string; readonly type: string };
  readonly free?: boolean;
  readonly soldOut?: boolean;
}

/** Illustrative public flavors; `modelarts.vm.gpu.v100u8` is sold out so clients can show it greyed. */
export const FLAVORS_V2: readonly FlavorV2[] = [
  { id: 'modelarts.vm.cpu.1u4g.free', category: 'CPU', arch: 'X86_64', vcpus: 1, memory: 4096, free: true },
  { id: 'modelarts.vm.cpu.2u8g', category: 'CPU', arch: 'X86_64', vcpus: 2, memory: 8192 },
  { id: 'modelarts.vm.cpu.8u32g', category: 'CPU', arch: 'X86_64', vcpus: 8, memory: 32768 },
  { id: 'modelarts.vm.gpu.t4u8', category: 'GPU', arch: 'X86_64', vcpus: 8, memory: 32768, gpu: { gpu: 1, gpu_memory: '16GiB', type: 'NVIDIA-T4' } },
  { id: 'modelarts.vm.gpu.v100u8', category: 'GPU', arch: 'X86_64', vcpus: 8, memory: 65536, gpu: { gpu: 1, gpu_memory: '32GiB', type: 'NVIDIA-V100' }, soldOut: true },
  { id: 'modelarts.vm.ascend.snt3pu8', category: 'ASCEND', arch: 'arm64', vcpus: 8, memory: 32768, ascend: { npu: 1, npu_memory: '24GiB', type: 'Ascend-310P3' } },
];

export function flavorV2(id: string): FlavorV2 | undefined {
  return FLAVORS_V2.find((flavor) => flavor.id === id);
}

function describe(flavor: FlavorV2): string {
  const accelerator = flavor.gpu ? ` | ${flavor.gpu.gpu} × ${flavor.gpu.type} (${flavor.gpu.gpu_memory})` : flavor.ascend ? ` | ${flavor.ascend.npu} × ${flavor.ascend.type} (${flavor.ascend.npu_memory})` : '';
  return `${flavor.category}: ${flavor.vcpus} vCPUs | ${flavor.memory / 1024} GiB${accelerator}`;
}

export function flavorV2View(flavor: FlavorV2): Record<string, unknown> {
  return {
    id: flavor.id,
    name: flavor.id,
    category: flavor.category,
    arch: flavor.arch,
    vcpus: flavor.vcpus,
    memory: flavor.memory,
    ...(flavor.gpu ? { gpu: { ...flavor.gpu } } : {}),
    ...(flavor.ascend ? { ascend: { ...flavor.ascend } } : {}),
    description: describe(flavor),
    feature: 'DEFAULT',
    free: flavor.free === true,
    sold_out: flavor.soldOut === true,
    storages: ['EVS', 'OBS'],
    billing: { code: flavor.id, unit_num: 1 },
  };
}

/** `?flavor_type=CPU|GPU|ASCEND&limit&offset`, in the v2 list envelope. */
export function listFlavorsV2(request: ApiRequest): ApiResponse {
  const type = request.query.get('flavor_type');
  if (type !== null) {
    oneOf(type, ['CPU', 'GPU', 'ASCEND'], 'flavor_type');
  }
  const matching = FLAVORS_V2.filter((flavor) => type === null || flavor.category === type);
  return ok(v2Page(matching.map(flavorV2View), request.query));
}

/** A dedicated pool that can run services: Running, and used for inference (§5.3 `scope` holds Infer). */
export function inferencePoolProblem(pool: PoolRecord | undefined, now: number): string | undefined {
  if (!pool) {
    return 'no such dedicated pool';
  }
  if (!pool.scope.includes('Infer')) {
    return `pool ${pool.displayName} is not used for inference (its uses: ${pool.scope.join(', ') || 'none'})`;
  }
  const phase = poolPhase(pool, now);
  return phase === 'Running' ? undefined : `pool ${pool.displayName} is ${phase}`;
}

/** §5.3 phases as the inference service names a cluster's status (the SDK's enum; the mapping is assumed). */
const CLUSTER_STATUS: Readonly<Record<string, string>> = { Creating: 'INITIALIZING', Running: 'ACTIVE', Deleting: 'DELETING', CreationFailed: 'INITIALIZE_FAILED', Waiting: 'PENDING' };

/** The pool's node flavors as InferFlavors (memory in MB), with the categories they give. */
function poolFlavors(pool: PoolRecord): Record<string, unknown>[] {
  const names = [...new Set(nodesOf(pool).map((node) => node.flavor))];
  return names.flatMap((name) => {
    const flavor = poolFlavor(name);
    if (!flavor) {
      return [];
    }
    const category = flavor.resourceType === 'NPU' ? 'ASCEND' : flavor.resourceType;
    const accelerator = flavor.accelerator && { type: flavor.accelerator.type, [category === 'GPU' ? 'gpu' : 'npu']: flavor.accelerator.count };
    return [{ id: name, name, category, arch: flavor.cpuArch === 'x86' ? 'X86_64' : 'arm64', vcpus: flavor.cpu, memory: flavor.memoryGi * 1024, ...(accelerator ? { [category === 'GPU' ? 'gpu' : 'ascend']: accelerator } : {}), sold_out: false }];
  });
}

/** `GET …/services/clusters/{id}`: the pool by id (`metadata.name`), as the inference service sees it. Unknown: 400 ModelArts.6404 (illustrative). */
export function showClusterV2(request: ApiRequest): ApiResponse {
  const project: ProjectState = requestProject(request);
  const id = request.params.cluster_id;
  const pool = livePool(project, id, request.now);
  if (!pool) {
    throw modelArtsError(400, 'ModelArts.6404', `The dedicated pool ${id} does not exist.`);
  }
  const flavors = poolFlavors(pool);
  return ok({
    workspace_id: pool.workspaceId,
    logic_cluster_id: pool.name,
    status: CLUSTER_STATUS[poolPhase(pool, request.now)] ?? 'PENDING',
    pool_id: pool.name,
    type: 'DEDICATED',
    resource_categories: [...new Set(flavors.map((flavor) => String(flavor.category)))],
    project_id: project.id,
    create_at: pool.createdAt,
    update_at: pool.createdAt,
    flavors,
  });
}
