import { collectPages, type Page, pageIndexPage, tokenToNumber } from './paging';
import {
  type NewNodePool,
  type NodeActionResult,
  type NodePool,
  type NodeResize,
  type PluginTemplate,
  type Pool,
  type PoolNetwork,
  type PoolNode,
  type PoolPlugin,
  type PoolTag,
  type PoolTagKey,
  pluginTemplateName,
  type ResourceFlavor,
} from './poolObjects';
import { expectArray, findListed } from './responses';
import type { HttpMethod, QueryValue, SignedClient } from './signedClient';

export * from './poolObjects';

/** A k8s-style list: items and, for paged lists, a continue token. */
interface ObjectList<T> {
  readonly items?: T[];
  readonly metadata?: { readonly continue?: string; readonly remainingItemCount?: number };
}

/** Pool updates are JSON merge patches (§0, §5.1). */
const MERGE_PATCH = 'application/merge-patch+json';
/** The account-wide tag list pages by page index, 200 a page by default (OTC ListPoolTags). */
const TAG_PAGE_SIZE = 200;
/** The node list allows up to 500 a page (§5.1); the tree shows fewer at a time. */
export const NODE_PAGE_SIZE = 100;

/** Dedicated resource pools, their nodes, node pools, plugins and tags (§5). */
export class PoolService {
  constructor(private readonly client: SignedClient) {}

  async list(region: string, workspaceId: string, signal?: AbortSignal): Promise<Pool[]> {
    const response = await this.read<ObjectList<Pool>>(region, 'pools', {}, signal, { workspaceId });
    return expectArray(response.items, 'pool list');
  }

  get(region: string, poolName: string, signal?: AbortSignal): Promise<Pool> {
    return this.read<Pool>(region, 'pools/{pool}', { pool: poolName }, signal);
  }

  listNodes(region: string, poolName: string, pageToken?: string, signal?: AbortSignal): Promise<Page<PoolNode>> {
    return this.nodePage(region, 'pools/{pool}/nodes', { pool: poolName }, pageToken, signal);
  }

  /** The nodes of one node pool, paged like the pool's nodes. */
  listNodePoolNodes(region: string, poolName: string, nodePoolName: string, pageToken?: string, signal?: AbortSignal): Promise<Page<PoolNode>> {
    return this.nodePage(region, 'pools/{pool}/nodepools/{nodepool}/nodes', { pool: poolName, nodepool: nodePoolName }, pageToken, signal);
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

  /** A plugin by its template's name, read from the list: the SDK has no call for one plugin. */
  async getPlugin(region: string, poolName: string, templateName: string, signal?: AbortSignal): Promise<PoolPlugin> {
    return findListed(await this.listPlugins(region, poolName, signal), (plugin) => pluginTemplateName(plugin) === templateName, `plugin ${templateName}`);
  }

  /** Creates a pool from a k8s-style Pool body (§5.2); it starts Creating. */
  create(region: string, body: object, signal?: AbortSignal): Promise<Pool> {
    return this.write<Pool>(region, 'POST', 'pools', {}, body, signal);
  }

  /** Changes a pool with an RFC 7386 merge patch (§5.1): only the fields given change, and a list replaces the whole list. */
  update(region: string, poolName: string, patch: object, signal?: AbortSignal): Promise<Pool> {
    return this.write<Pool>(region, 'PATCH', 'pools/{pool}', { pool: poolName }, patch, signal, MERGE_PATCH);
  }

  /**
   * Adds a node pool of another flavor; its nodes start Creating. The SDK requires maxCount, the elastic size,
   * which equals count in a physical (Dedicate) pool.
   */
  async createNodePool(region: string, poolName: string, nodePool: NewNodePool, signal?: AbortSignal): Promise<void> {
    const { name, flavor, count, az } = nodePool;
    const resources = { flavor, count, maxCount: count, ...(az ? { azs: [{ az, count }] } : {}) };
    await this.write(region, 'POST', 'pools/{pool}/nodepools', { pool: poolName }, { apiVersion: 'v2', kind: 'NodePool', metadata: { name }, spec: { resources } }, signal);
  }

  /**
   * Changes the flavor of every node of the given creation batches in a node pool; they pass
   * through Checking. The body follows the SDK's model (source/target node pool and flavor,
   * nodes as batch ids); its answer is not described, so it is not read.
   */
  async resizeNodes(region: string, poolName: string, resize: NodeResize, signal?: AbortSignal): Promise<void> {
    const body = {
      source: { nodePool: resize.nodePool, flavor: resize.fromFlavor },
      target: { nodePool: resize.nodePool, flavor: resize.toFlavor },
      nodes: resize.batchUids.map((batchUID) => ({ batchUID })),
    };
    await this.write(region, 'POST', 'pools/{pool}/nodes/batch-resize', { pool: poolName }, body, signal);
  }

  /**
   * A pool's tags (a v1 path), each the SDK's PoolTag: a key and its values, of which a pool's tag has one. The
   * docs answer these with 204 and a body; an empty answer means no tags.
   */
  async listTags(region: string, poolName: string, signal?: AbortSignal): Promise<PoolTag[]> {
    const response = await this.tagRequest<{ tags?: PoolTagKey[] }>(region, 'GET', 'pools/{pool}/tags', { pool: poolName }, undefined, signal);
    return (response.tags ?? []).map((tag) => ({ key: tag.key, value: (tag.values ?? []).join(', ') }));
  }

  /** Adds tags; a key the pool already has takes the new value. */
  async addTags(region: string, poolName: string, tags: readonly PoolTag[], signal?: AbortSignal): Promise<void> {
    await this.tagRequest(region, 'POST', 'pools/{pool}/tags/create', { pool: poolName }, { tags }, signal);
  }

  /** Removes tags by key, whatever their values. */
  async removeTags(region: string, poolName: string, keys: readonly string[], signal?: AbortSignal): Promise<void> {
    await this.tagRequest(region, 'DELETE', 'pools/{pool}/tags/delete', { pool: poolName }, { tags: keys.map((key) => ({ key })) }, signal);
  }

  /** Every tag key used on the project's pools, with its values (for suggestions). */
  listTagKeys(region: string, signal?: AbortSignal): Promise<PoolTagKey[]> {
    return collectPages(async (token) => {
      const pageIndex = tokenToNumber(token);
      const response = await this.client.request<{ tags?: PoolTagKey[] }>({
        service: 'modelarts',
        region,
        method: 'GET',
        path: '/v1/{project_id}/pools/tags',
        query: { limit: TAG_PAGE_SIZE, offset: pageIndex },
        signal,
      });
      return pageIndexPage(expectArray(response.tags, 'tag list'), pageIndex, TAG_PAGE_SIZE, undefined);
    }, 10 * TAG_PAGE_SIZE);
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

  /** Deletes nodes; the answer says nothing, so a node the service will not delete (one locked) is an error. */
  async deleteNodes(region: string, poolName: string, nodeNames: readonly string[], signal?: AbortSignal): Promise<void> {
    await this.write(region, 'POST', 'pools/{pool}/nodes/batch-delete', { pool: poolName }, { deleteNodeNames: nodeNames }, signal);
  }

  /** Locks or unlocks nodes against deletion. */
  async setNodesLocked(region: string, poolName: string, nodeNames: readonly string[], locked: boolean, signal?: AbortSignal): Promise<NodeActionResult[]> {
    const action = locked ? 'batch-lock' : 'batch-unlock';
    const response = await this.write<{ nodes?: NodeActionResult[] }>(region, 'POST', `pools/{pool}/nodes/${action}`, { pool: poolName }, { nodeNames, actions: ['delete'] }, signal);
    return response.nodes ?? [];
  }

  /**
   * Scales a node pool to `count` nodes: a merge patch of its PoolResource, whose flavor, count and maxCount the
   * SDK requires (maxCount = count: the elastic size of a physical pool). Nodes pinned to one zone stay there;
   * a split over several zones is dropped, as it no longer adds up. The answer has no name or status: read the
   * node pool again.
   */
  async scaleNodePool(region: string, poolName: string, nodePool: NodePool, count: number, signal?: AbortSignal): Promise<void> {
    const { flavor, azs } = nodePool.spec?.resources ?? {};
    const zones = azs === undefined ? {} : { azs: azs.length === 1 ? [{ az: azs[0].az, count }] : null };
    const resources = { flavor, count, maxCount: count, ...zones };
    await this.write(region, 'PATCH', 'pools/{pool}/nodepools/{nodepool}', { pool: poolName, nodepool: nodePool.metadata.name }, { spec: { resources } }, signal, MERGE_PATCH);
  }

  deleteNodePool(region: string, poolName: string, nodePoolName: string, signal?: AbortSignal): Promise<unknown> {
    return this.write(region, 'DELETE', 'pools/{pool}/nodepools/{nodepool}', { pool: poolName, nodepool: nodePoolName }, undefined, signal);
  }

  /** The plugin templates a pool can install (the SDK's `poolName` filter). */
  async listPluginTemplates(region: string, poolName: string, signal?: AbortSignal): Promise<PluginTemplate[]> {
    const response = await this.read<ObjectList<PluginTemplate>>(region, 'plugintemplates', {}, signal, { poolName });
    return expectArray(response.items, 'plugin template list');
  }

  /** The SDK's whole body: apiVersion v2 and kind Plugin (its field texts swap the two; the docs' example has these). */
  installPlugin(region: string, poolName: string, templateName: string, version: string, signal?: AbortSignal): Promise<PoolPlugin> {
    const body = { apiVersion: 'v2', kind: 'Plugin', spec: { template: { name: templateName, version } } };
    return this.write<PoolPlugin>(region, 'POST', 'pools/{pool}/plugins', { pool: poolName }, body, signal);
  }

  nodeConfigTemplate(region: string, poolName: string, signal?: AbortSignal): Promise<unknown> {
    return this.read(region, 'pools/{pool}/node-config-template', { pool: poolName }, signal);
  }

  private async nodePage(region: string, path: string, pathParams: Record<string, string>, pageToken: string | undefined, signal?: AbortSignal): Promise<Page<PoolNode>> {
    const response = await this.read<ObjectList<PoolNode>>(region, path, pathParams, signal, { limit: NODE_PAGE_SIZE, continue: pageToken });
    const items = expectArray(response.items, 'node list');
    const remaining = response.metadata?.remainingItemCount;
    return { items, nextPageToken: response.metadata?.continue || undefined, total: remaining === undefined ? undefined : remaining + items.length };
  }

  private tagRequest<T>(region: string, method: HttpMethod, path: string, pathParams: Record<string, string>, body: object | undefined, signal?: AbortSignal): Promise<T> {
    return this.client.request<T>({ service: 'modelarts', region, method, path: `/v1/{project_id}/${path}`, pathParams, body, signal });
  }

  private write<T>(region: string, method: HttpMethod, path: string, pathParams: Record<string, string>, body: object | undefined, signal?: AbortSignal, contentType?: string): Promise<T> {
    return this.client.request<T>({ service: 'modelarts', region, method, path: `/v2/{project_id}/${path}`, pathParams, body, contentType, signal });
  }

  /** A GET under /v2/{project_id}/: every pool read has this shape. */
  private read<T>(region: string, path: string, pathParams: Record<string, string>, signal?: AbortSignal, query?: Record<string, QueryValue>): Promise<T> {
    return this.client.request<T>({ service: 'modelarts', region, method: 'GET', path: `/v2/{project_id}/${path}`, pathParams, query, signal });
  }
}
