import type { Hyperinstance } from './devServers';
import { asModelArtsError } from './errors';
import { expectArray } from './responses';
import type { HttpMethod, QueryValue, SignedClient } from './signedClient';

/** The kinds of hyper cluster (the SDK's `type`): for HPS hyperinstances, or for ECS servers. */
export const HYPER_CLUSTER_TYPES = ['HPS', 'ECS'] as const;
export type HyperClusterType = (typeof HYPER_CLUSTER_TYPES)[number];

/** The SDK's HyperCluster: it has no status and names no type (the query that found it does). */
export interface HyperCluster {
  readonly id: string;
  readonly name: string;
  readonly network_info?: readonly { readonly hyper_cluster_subnet_id?: string; readonly is_default?: boolean }[];
}

/** A cluster with the type it was listed, read or created as. */
export interface TypedHyperCluster extends HyperCluster {
  readonly type: HyperClusterType;
}

/** HyperClusterCreateRequest. */
export interface CreateHyperClusterRequest {
  readonly name: string;
  readonly hyper_cluster_subnet_id: string;
  readonly type: HyperClusterType;
}

/** `live-scale-up` adds one server to a hyperinstance; HPS servers log in with a key pair only. */
export interface ScaleUpRequest {
  readonly flavor: string;
  readonly image_id: string;
  readonly key_pair_name: string;
}

/** Hyper clusters, and growing or shrinking a hyperinstance while it runs. */
export class HyperClusterService {
  constructor(private readonly client: SignedClient) {}

  /** Every cluster, HPS ones first: one unpaged request per type (the list has no paging parameters). */
  async list(region: string, signal?: AbortSignal): Promise<TypedHyperCluster[]> {
    const lists = await Promise.all(HYPER_CLUSTER_TYPES.map((type) => this.listOfType(region, type, signal)));
    return lists.flat();
  }

  async listOfType(region: string, type: HyperClusterType, signal?: AbortSignal): Promise<TypedHyperCluster[]> {
    const response = await this.call<{ hyper_clusters?: HyperCluster[] }>(region, 'GET', 'hyper-clusters', {}, signal, { type });
    return expectArray(response.hyper_clusters, 'hyper cluster list').map((cluster) => ({ ...cluster, type }));
  }

  async get(region: string, id: string, type: HyperClusterType, signal?: AbortSignal): Promise<TypedHyperCluster> {
    return { ...(await this.call<HyperCluster>(region, 'GET', 'hyper-clusters/{id}', { id }, signal, { type })), type };
  }

  /**
   * A cluster known by its id alone: read as HPS, then as ECS when no HPS cluster has that id.
   * (uncertain) The SDK says `type` selects which kind of cluster is read; one of the other kind is assumed not found.
   */
  async find(region: string, id: string, signal?: AbortSignal): Promise<TypedHyperCluster> {
    try {
      return await this.get(region, id, 'HPS', signal);
    } catch (error) {
      if (!asModelArtsError(error).isNotFound) {
        throw error;
      }
      return this.get(region, id, 'ECS', signal);
    }
  }

  async create(region: string, request: CreateHyperClusterRequest, signal?: AbortSignal): Promise<TypedHyperCluster> {
    return { ...(await this.call<HyperCluster>(region, 'POST', 'hyper-clusters', {}, signal, undefined, request)), type: request.type };
  }

  /** The cluster is gone once this answers (the SDK gives the answer no shape, so none is read). */
  async delete(region: string, cluster: TypedHyperCluster, signal?: AbortSignal): Promise<void> {
    await this.call<unknown>(region, 'DELETE', 'hyper-clusters/{id}', { id: cluster.id }, signal, { type: cluster.type });
  }

  /** One more server in the hyperinstance; answers the hyperinstance with it. */
  scaleUp(region: string, hyperinstanceId: string, request: ScaleUpRequest, signal?: AbortSignal): Promise<Hyperinstance> {
    return this.call<Hyperinstance>(region, 'POST', 'hyperinstance/{id}/live-scale-up', { id: hyperinstanceId }, signal, undefined, request);
  }

  /** Removes (deletes) these servers of the hyperinstance; answers the hyperinstance. */
  scaleDown(region: string, hyperinstanceId: string, serverIds: readonly string[], signal?: AbortSignal): Promise<Hyperinstance> {
    return this.call<Hyperinstance>(region, 'POST', 'hyperinstance/{id}/live-scale-down', { id: hyperinstanceId }, signal, undefined, { server_ids: serverIds });
  }

  private call<T>(region: string, method: HttpMethod, path: string, pathParams: Record<string, string>, signal?: AbortSignal, query?: Record<string, QueryValue>, body?: object): Promise<T> {
    return this.client.request<T>({ service: 'modelarts', region, method, path: `/v1/{project_id}/dev-servers/${path}`, pathParams, query, body, signal });
  }
}
