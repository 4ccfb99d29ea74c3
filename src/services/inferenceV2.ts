import { LocalErrorCode, ModelArtsError } from './errors';
import type {
  CreateServiceV2Request,
  InferenceCluster,
  ServiceV2,
  ServiceV2DeleteResult,
  ServiceV2Deployment,
  ServiceV2DeploymentVersion,
  ServiceV2Event,
  ServiceV2Flavor,
  ServiceV2Instance,
  ServiceV2Pod,
} from './inferenceV2Objects';
import { resourceNameProblem } from './naming';
import { collectPages, type Page, pageIndexPage, recordOffsetPage, tokenToNumber } from './paging';
import { expectArray } from './responses';
import { checkImageRegion, checkServiceRegion } from './serviceRegion';
import type { HttpMethod, QueryValue, SignedClient } from './signedClient';
import type { WorkspaceScope } from './workspaces';

export * from './inferenceV2Objects';

/** Pages of the tree; the API allows 1–500 and wants `offset` to be a multiple of `limit` (§4.2). */
export const SERVICE_V2_PAGE_SIZE = 50;
/** The largest page: what a service's deployments, versions, instances or events are read with. */
const LARGEST_PAGE = 500;
/** Enough for any one service's sub-resources; the lists are read whole. */
const SUB_RESOURCE_LIMIT = 5000;

interface V2List<T> {
  readonly data?: T[];
  readonly total?: number;
}

type TextTimes<T> = Omit<T, 'create_at' | 'update_at'> & { readonly create_at?: number | string; readonly update_at?: number | string };

function epochMs(value: number | string | undefined): number | undefined {
  const ms = typeof value === 'string' ? Number(value) : value;
  return ms !== undefined && Number.isFinite(ms) ? ms : undefined;
}

/** The service's detail gives its times as strings of epoch ms, its list items as numbers (§4.2, §4.3): numbers from here on. */
function withNumericTimes<T extends { readonly create_at?: number; readonly update_at?: number }>(raw: TextTimes<T>): T {
  return { ...raw, create_at: epochMs(raw.create_at), update_at: epochMs(raw.update_at) } as T;
}

function normalizeService(raw: TextTimes<ServiceV2>): ServiceV2 {
  const service = withNumericTimes<ServiceV2>(raw);
  if (typeof service.version !== 'object') {
    return service;
  }
  const groups = service.version.instance_groups?.map((group) => withNumericTimes<ServiceV2Deployment>(group));
  return { ...service, version: { ...service.version, instance_groups: groups } };
}

/**
 * Real-time services of the v2 ("new version") inference API (§4), under `/v2/{project_id}/services`, with
 * their deployments, versions, instances and pods. Every change to an existing service first reads it and
 * checks that its inference address is in the request's region (`checkServiceRegion`); a create checks that
 * its images are in the region's SWR (`checkImageRegion`).
 */
export class InferenceV2Service {
  constructor(private readonly client: SignedClient) {}

  /** Newest first, a page at a time, narrowed on the server to `status` when given; the page token is the record offset. */
  async list(scope: WorkspaceScope, pageToken?: string, signal?: AbortSignal, status?: string): Promise<Page<ServiceV2>> {
    const offset = tokenToNumber(pageToken);
    const query = { workspace_id: scope.workspaceId, offset, limit: SERVICE_V2_PAGE_SIZE, sort_key: 'create_at', sort_dir: 'DESC', status };
    const response = await this.call<V2List<TextTimes<ServiceV2>>>(scope.region, 'GET', 'services', {}, signal, query);
    const items = expectArray(response.data, 'service list').map(normalizeService);
    return recordOffsetPage(items, offset, response.total ?? offset + items.length);
  }

  async get(region: string, id: string, signal?: AbortSignal): Promise<ServiceV2> {
    return normalizeService(await this.call<TextTimes<ServiceV2>>(region, 'GET', 'services/{id}', { id }, signal));
  }

  /** Creates the service (§4.4) and answers it as the API does: deploying (or INIT without a deployment). */
  async create(scope: WorkspaceScope, request: CreateServiceV2Request, signal?: AbortSignal): Promise<ServiceV2> {
    const problem = resourceNameProblem(request.name);
    if (problem) {
      throw new ModelArtsError(LocalErrorCode.invalidInput, `service name "${request.name}": ${problem}`, 'config');
    }
    for (const group of request.group_configs) {
      group.unit_configs.forEach((unit) => checkImageRegion(unit.image?.swr_path ?? '', scope.region));
    }
    const body = { ...request, workspace_id: scope.workspaceId };
    return normalizeService(await this.call<TextTimes<ServiceV2>>(scope.region, 'POST', 'services', {}, signal, undefined, body));
  }

  /**
   * Start, stop or interrupt (a deploy or an upgrade under way), without a body. The answer is not read: interrupt
   * is not an SDK operation (the Terraform provider's service action documents it and reads nothing back), and
   * callers read the service again with its deployments anyway.
   */
  async change(region: string, id: string, action: 'start' | 'stop' | 'interrupt', signal?: AbortSignal): Promise<void> {
    await this.inRegion(region, id, signal);
    await this.call(region, 'POST', `services/{id}/${action}`, { id }, signal);
  }

  /** One `POST …/services/delete` for all of them; each answers deleting, or why it was not deleted. */
  async deleteMany(region: string, ids: readonly string[], signal?: AbortSignal): Promise<ServiceV2DeleteResult[]> {
    await Promise.all(ids.map((id) => this.inRegion(region, id, signal)));
    const response = await this.call<{ service_responses?: ServiceV2DeleteResult[] }>(region, 'POST', 'services/delete', {}, signal, undefined, { service_ids: ids });
    return expectArray(response.service_responses, 'delete answer');
  }

  /** The service's events, newest first: the largest page, and how many there are in all. */
  async events(region: string, id: string, signal?: AbortSignal): Promise<{ events: ServiceV2Event[]; total: number }> {
    const query = { sort_key: 'create_at', sort_dir: 'DESC', offset: 0, limit: LARGEST_PAGE };
    const response = await this.call<V2List<ServiceV2Event>>(region, 'GET', 'services/{id}/events', { id }, signal, query);
    const events = expectArray(response.data, 'event list');
    return { events: [...events].sort((a, b) => b.create_at - a.create_at), total: response.total ?? events.length };
  }

  /** The public flavors services deploy on (§4.1). */
  flavors(region: string, signal?: AbortSignal): Promise<ServiceV2Flavor[]> {
    return this.all<ServiceV2Flavor>(region, 'services/flavors', {}, {}, 'flavor list', signal);
  }

  /** A dedicated pool as the inference service sees it: its status and flavors. */
  cluster(region: string, poolId: string, signal?: AbortSignal): Promise<InferenceCluster> {
    return this.call<InferenceCluster>(region, 'GET', 'services/clusters/{pool}', { pool: poolId }, signal);
  }

  /** In the order they were added: the API's default order, the most recently updated first, would reorder the tree as they change. */
  async deployments(region: string, serviceId: string, signal?: AbortSignal): Promise<ServiceV2Deployment[]> {
    const raw = await this.all<TextTimes<ServiceV2Deployment>>(region, 'services/{id}/deployments', { id: serviceId }, { sort_key: 'create_at', sort_dir: 'ASC' }, 'deployment list', signal);
    return raw.map((deployment) => withNumericTimes<ServiceV2Deployment>(deployment));
  }

  async deployment(region: string, serviceId: string, deploymentId: string, signal?: AbortSignal): Promise<ServiceV2Deployment> {
    const raw = await this.call<TextTimes<ServiceV2Deployment>>(region, 'GET', 'services/{id}/deployments/{deployment}', { id: serviceId, deployment: deploymentId }, signal);
    return withNumericTimes<ServiceV2Deployment>(raw);
  }

  /** Start, stop or interrupt one deployment; answers the deployment as it now is. */
  async changeDeployment(region: string, serviceId: string, deploymentId: string, action: 'start' | 'stop' | 'interrupt', signal?: AbortSignal): Promise<ServiceV2Deployment> {
    await this.inRegion(region, serviceId, signal);
    const raw = await this.call<TextTimes<ServiceV2Deployment>>(region, 'POST', `services/{id}/deployments/{deployment}/${action}`, { id: serviceId, deployment: deploymentId }, signal);
    return withNumericTimes<ServiceV2Deployment>(raw);
  }

  /** The newest version first. */
  versions(region: string, serviceId: string, deploymentId: string, signal?: AbortSignal): Promise<ServiceV2DeploymentVersion[]> {
    const path = 'services/{id}/deployments/{deployment}/versions';
    return this.all<ServiceV2DeploymentVersion>(region, path, { id: serviceId, deployment: deploymentId }, { sort_key: 'create_at' }, 'version list', signal);
  }

  /** A running deployment upgrades to the version; a stopped one runs it when next started. The answer is the deployment's id alone. */
  async switchVersion(region: string, serviceId: string, deploymentId: string, version: string, signal?: AbortSignal): Promise<void> {
    await this.inRegion(region, serviceId, signal);
    const params = { id: serviceId, deployment: deploymentId, version };
    await this.call(region, 'POST', 'services/{id}/deployments/{deployment}/versions/{version}/switch', params, signal);
  }

  /** The instances of a deployment: the API names the deployment by its name here, not its id, and pages by page index. */
  instances(region: string, serviceId: string, deploymentName: string, signal?: AbortSignal): Promise<ServiceV2Instance[]> {
    return this.allByPage<ServiceV2Instance>(region, 'services/{id}/deployments/{name}/instances', { id: serviceId, name: deploymentName }, 'instance list', signal);
  }

  pods(region: string, serviceId: string, deploymentName: string, instanceName: string, signal?: AbortSignal): Promise<ServiceV2Pod[]> {
    const params = { id: serviceId, name: deploymentName, instance: instanceName };
    return this.allByPage<ServiceV2Pod>(region, 'services/{id}/deployments/{name}/instances/{instance}/pods', params, 'pod list', signal);
  }

  /** The service, after checking that it is where the request goes. */
  private async inRegion(region: string, id: string, signal?: AbortSignal): Promise<ServiceV2> {
    const service = await this.get(region, id, signal);
    checkServiceRegion(service, region);
    return service;
  }

  /** Every item of a v2 list whose `offset` counts records, the largest page at a time. */
  private all<T>(region: string, path: string, pathParams: Record<string, string>, query: Record<string, QueryValue>, what: string, signal?: AbortSignal): Promise<T[]> {
    return collectPages(async (token, pageSignal) => {
      const offset = tokenToNumber(token);
      const response = await this.call<V2List<T>>(region, 'GET', path, pathParams, pageSignal, { ...query, offset, limit: LARGEST_PAGE });
      const items = expectArray(response.data, what);
      return recordOffsetPage(items, offset, response.total ?? offset + items.length);
    }, SUB_RESOURCE_LIMIT, signal);
  }

  /** Every item of a v2 list whose `offset` is the page index (instances and pods, the SDK's field text), the largest page at a time. */
  private allByPage<T>(region: string, path: string, pathParams: Record<string, string>, what: string, signal?: AbortSignal): Promise<T[]> {
    return collectPages(async (token, pageSignal) => {
      const page = tokenToNumber(token);
      const response = await this.call<V2List<T>>(region, 'GET', path, pathParams, pageSignal, { offset: page, limit: LARGEST_PAGE });
      return pageIndexPage(expectArray(response.data, what), page, LARGEST_PAGE, response.total);
    }, SUB_RESOURCE_LIMIT, signal);
  }

  private call<T>(region: string, method: HttpMethod, path: string, pathParams: Record<string, string>, signal?: AbortSignal, query?: Record<string, QueryValue>, body?: object): Promise<T> {
    return this.client.request<T>({ service: 'modelarts', region, method, path: `/v2/{project_id}/${path}`, pathParams, query, body, signal });
  }
}
