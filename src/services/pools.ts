import { type Page } from './paging';
import { expectArray } from './responses';
import type { HttpMethod, QueryValue, SignedClient } from './signedClient';

/** The k8s-style metadata of pool objects (API reference §5.3). */
export interface ObjectMeta {
  readonly name: string;
  readonly creationTimestamp?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

interface ResourceCount {
  readonly flavor: string;
  readonly count: number;
}

/** How many nodes of which flavor are in each state. */
interface ResourceStates {
  readonly creating?: readonly ResourceCount[];
  readonly available?: readonly ResourceCount[];
  readonly abnormal?: readonly ResourceCount[];
  readonly deleting?: readonly ResourceCount[];
}

/** A dedicated resource pool; its id is metadata.name, its display name a label. */
export interface Pool {
  readonly metadata: ObjectMeta;
  readonly spec?: {
    readonly type?: string;
    readonly scope?: readonly string[];
    readonly resources?: readonly (ResourceCount & { readonly nodePool?: string; readonly azs?: readonly unknown[] })[];
    readonly network?: { readonly name?: string };
  };
  readonly status?: {
    readonly phase?: string;
    readonly message?: string;
    readonly resources?: ResourceStates;
  };
}

export interface PoolNode {
  readonly metadata: ObjectMeta;
  readonly spec?: { readonly flavor?: string };
  readonly status?: { readonly phase?: string; readonly az?: string; readonly privateIp?: string };
}

export interface NodePool {
  readonly metadata: ObjectMeta;
  readonly spec?: { readonly resources?: { readonly flavor?: string; readonly count?: number; readonly maxCount?: number } };
  readonly status?: { readonly phase?: string; readonly resources?: ResourceStates };
}

export interface PoolPlugin {
  readonly metadata: ObjectMeta;
  readonly spec?: { readonly template?: { readonly name?: string; readonly version?: string } };
  readonly status?: { readonly phase?: string };
}

/** A k8s-style list: items and, for paged lists, a continue token. */
interface ObjectList<T> {
  readonly items?: T[];
  readonly metadata?: { readonly continue?: string; readonly remainingItemCount?: number };
}

export interface PluginTemplate {
  readonly metadata: { readonly name: string };
  readonly spec?: { readonly description?: string; readonly versions?: readonly string[]; readonly defaultVersion?: string };
}

export interface ResourceFlavor {
  readonly metadata: ObjectMeta;
  readonly spec?: { readonly cpuArch?: string; readonly cpu?: string; readonly memory?: string; readonly gpu?: unknown; readonly npu?: unknown };
}

export interface PoolNetwork {
  readonly metadata: ObjectMeta;
  readonly spec?: { readonly cidr?: string };
}

/** What a batch node action did to each node. */
export interface NodeActionResult {
  readonly name: string;
  readonly status: 'success' | 'failed';
  readonly message?: string;
}

/** Pool updates are JSON merge patches (§0, §5.1). */
const MERGE_PATCH = 'application/merge-patch+json';

export const POOL_NAME_LABEL = 'os.modelarts/name';
/** The node list allows up to 500 a page (§5.1); the tree shows fewer at a time. */
export const NODE_PAGE_SIZE = 100;

export function poolDisplayName(pool: Pool): string {
  return pool.metadata.labels?.[POOL_NAME_LABEL] ?? pool.metadata.name;
}

/** Dedicated resource pools, their nodes, node pools and plugins (§5). */
export class PoolService {
  constructor(private readonly client: SignedClient) {}

  async list(region: string, workspaceId: string, signal?: AbortSignal): Promise<Pool[]> {
    const response = await this.read<ObjectList<Pool>>(region, 'pools', {}, signal, { workspaceId });
    return expectArray(response.items, 'pool list');
  }

  get(region: string, poolName: string, signal?: AbortSignal): Promise<Pool> {
    return this.read<Pool>(region, 'pools/{pool}', { pool: poolName }, signal);
  }

  async listNodes(region: string, poolName: string, pageToken?: string, signal?: AbortSignal): Promise<Page<PoolNode>> {
    const response = await this.read<ObjectList<PoolNode>>(region, 'pools/{pool}/nodes', { pool: poolName }, signal, { limit: NODE_PAGE_SIZE, continue: pageToken });
    const items = expectArray(response.items, 'node list');
    const remaining = response.metadata?.remainingItemCount;
    return { items, nextPageToken: response.metadata?.continue || undefined, total: remaining === undefined ? undefined : remaining + items.length };
  }

  getNode(region: string, poolName: string, nodeName: string, signal?: AbortSignal): Promise<PoolNode> {
    return this.read<PoolNode>(region, 'pools/{pool}/nodes/{node}', { pool: poolName, node: nodeName }, signal);
  }

  async listNodePools(region: string, poolName: string, signal?: AbortSignal): Promise<NodePool[]> {
    const response = await this.read<ObjectList<NodePool>>(region, 'pools/{pool}/nodepools', { pool: poolName }, signal);
    return expectArray(response.items, 'node pool list');
  }

  getNodePool(region: string, poolName: string, nodePoolName: string, signal?: AbortSignal): Promise<NodePool> {
    return this.read<NodePool>(region, 'pools/{pool}/nodepools/{nodepool}', { pool: poolName, nodepool: nodePoolName }, signal);
  }

  async listPlugins(region: string, poolName: string, signal?: AbortSignal): Promise<PoolPlugin[]> {
    const response = await this.read<ObjectList<PoolPlugin>>(region, 'pools/{pool}/plugins', { pool: poolName }, signal);
    return expectArray(response.items, 'plugin list');
  }

  getPlugin(region: string, poolName: string, pluginName: string, signal?: AbortSignal): Promise<PoolPlugin> {
    return this.read<PoolPlugin>(region, 'pools/{pool}/plugins/{plugin}', { pool: poolName, plugin: pluginName }, signal);
  }

  /** Creates a pool from a k8s-style Pool body (§5.2); it starts Creating. */
  create(region: string, body: object, signal?: AbortSignal): Promise<Pool> {
    return this.write<Pool>(region, 'POST', 'pools', {}, body, signal);
  }

  /** The node flavors a pool can be built from (a v1 path, §5.1). */
  async listResourceFlavors(region: string, signal?: AbortSignal): Promise<ResourceFlavor[]> {
    const response = await this.client.request<ObjectList<ResourceFlavor>>({ service: 'modelarts', region, method: 'GET', path: '/v1/{project_id}/resourceflavors', query: { limit: 500 }, signal });
    return expectArray(response.items, 'resource flavor list');
  }

  /** The networks a pool's nodes can join (a v1 path, §5.1). */
  async listNetworks(region: string, signal?: AbortSignal): Promise<PoolNetwork[]> {
    const response = await this.client.request<ObjectList<PoolNetwork>>({ service: 'modelarts', region, method: 'GET', path: '/v1/{project_id}/networks', query: { limit: 500 }, signal });
    return expectArray(response.items, 'network list');
  }

  /** Deleting a pool deletes its nodes; it goes Deleting, then is gone (§5.1). */
  delete(region: string, poolName: string, signal?: AbortSignal): Promise<unknown> {
    return this.write(region, 'DELETE', 'pools/{pool}', { pool: poolName }, undefined, signal);
  }

  /** Reboots nodes of one pool together; they pass through Checking. */
  rebootNodes(region: string, poolName: string, nodeNames: readonly string[], signal?: AbortSignal): Promise<unknown> {
    return this.write(region, 'POST', 'pools/{pool}/nodes/batch-reboot', { pool: poolName }, { nodeNames }, signal);
  }

  /** Deletes nodes; nodes locked against deletion are refused one by one, not the whole call. */
  async deleteNodes(region: string, poolName: string, nodeNames: readonly string[], signal?: AbortSignal): Promise<NodeActionResult[]> {
    const response = await this.write<{ nodes?: NodeActionResult[] }>(region, 'POST', 'pools/{pool}/nodes/batch-delete', { pool: poolName }, { deleteNodeNames: nodeNames }, signal);
    return response.nodes ?? [];
  }

  /** Locks or unlocks nodes against deletion. */
  async setNodesLocked(region: string, poolName: string, nodeNames: readonly string[], locked: boolean, signal?: AbortSignal): Promise<NodeActionResult[]> {
    const action = locked ? 'batch-lock' : 'batch-unlock';
    const response = await this.write<{ nodes?: NodeActionResult[] }>(region, 'POST', `pools/{pool}/nodes/${action}`, { pool: poolName }, { nodeNames, actions: ['delete'] }, signal);
    return response.nodes ?? [];
  }

  /** Scales a node pool to `count` nodes (a merge patch, §5.2). */
  scaleNodePool(region: string, poolName: string, nodePoolName: string, count: number, signal?: AbortSignal): Promise<NodePool> {
    return this.write<NodePool>(
      region,
      'PATCH',
      'pools/{pool}/nodepools/{nodepool}',
      { pool: poolName, nodepool: nodePoolName },
      { spec: { resources: { count } } },
      signal,
      MERGE_PATCH,
    );
  }

  deleteNodePool(region: string, poolName: string, nodePoolName: string, signal?: AbortSignal): Promise<unknown> {
    return this.write(region, 'DELETE', 'pools/{pool}/nodepools/{nodepool}', { pool: poolName, nodepool: nodePoolName }, undefined, signal);
  }

  async listPluginTemplates(region: string, signal?: AbortSignal): Promise<PluginTemplate[]> {
    const response = await this.read<ObjectList<PluginTemplate>>(region, 'plugintemplates', {}, signal);
    return expectArray(response.items, 'plugin template list');
  }

  installPlugin(region: string, poolName: string, templateName: string, version: string, signal?: AbortSignal): Promise<PoolPlugin> {
    return this.write<PoolPlugin>(region, 'POST', 'pools/{pool}/plugins', { pool: poolName }, { spec: { template: { name: templateName, version } } }, signal);
  }

  nodeConfigTemplate(region: string, poolName: string, signal?: AbortSignal): Promise<unknown> {
    return this.read(region, 'pools/{pool}/node-config-template', { pool: poolName }, signal);
  }

  private write<T>(region: string, method: HttpMethod, path: string, pathParams: Record<string, string>, body: object | undefined, signal?: AbortSignal, contentType?: string): Promise<T> {
    return this.client.request<T>({ service: 'modelarts', region, method, path: `/v2/{project_id}/${path}`, pathParams, body, contentType, signal });
  }

  /** A GET under /v2/{project_id}/: every pool read has this shape. */
  private read<T>(region: string, path: string, pathParams: Record<string, string>, signal?: AbortSignal, query?: Record<string, QueryValue>): Promise<T> {
    return this.client.request<T>({ service: 'modelarts', region, method: 'GET', path: `/v2/{project_id}/${path}`, pathParams, query, signal });
  }
}
