/**
 * Hyper clusters (`GET/POST …/dev-servers/hyper-clusters`, `GET/DELETE …/{id}`), as the SDK has them:
 * `{id, name, network_info:[{hyper_cluster_subnet_id, is_default}]}`, no status; the list answers
 * `{hyper_clusters:[…]}` unpaged. `?type=HPS|ECS` (default HPS) picks the kind of cluster that list,
 * show and delete see: a cluster of the other type is not found. Delete removes the cluster at once.
 */
import { randomUUID } from 'node:crypto';
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, ok, requestProject } from '../http';
import type { Router } from '../router';
import type { ProjectState } from '../state';
import { oneOf, optionalString } from '../validate';
import { validLiteName } from './devServerCreate';
import { defaultNetwork, HYPER_CLUSTER_TYPES, type HyperClusterRecord, type HyperClusterType, liveAll, notFound } from './devServerModel';
import { subnetsOf } from './vpcSeed';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function registerDevServerClusters(router: Router<Handler>, base: string): void {
  const clusters = `${base}/hyper-clusters`;
  router
    .add('GET', clusters, listClusters)
    .add('POST', clusters, createCluster)
    .add('GET', `${clusters}/{id}`, (request) => ok(clusterView(requireCluster(request))))
    .add('DELETE', `${clusters}/{id}`, deleteCluster);
}

export function clusterView(cluster: HyperClusterRecord): Record<string, unknown> {
  // (uncertain) The SDK documents `is_default`, not when a network is the default one: a cluster has one network here.
  return { id: cluster.id, name: cluster.name, network_info: [{ hyper_cluster_subnet_id: cluster.subnetId, is_default: true }] };
}

/** `?type`, HPS when absent. */
function queriedType(request: ApiRequest): HyperClusterType {
  return oneOf(request.query.get('type') ?? 'HPS', HYPER_CLUSTER_TYPES, 'type');
}

function requireCluster(request: ApiRequest): HyperClusterRecord {
  const type = queriedType(request);
  const cluster = requestProject(request).hyperClusters.get(request.params.id);
  if (!cluster || cluster.type !== type) {
    throw notFound(`${type} hyper cluster`, request.params.id);
  }
  return cluster;
}

function listClusters(request: ApiRequest): ApiResponse {
  const type = queriedType(request);
  const clusters = [...requestProject(request).hyperClusters.values()].filter((cluster) => cluster.type === type);
  return ok({ hyper_clusters: clusters.map(clusterView) });
}

/**
 * HyperClusterCreateRequest `{name, hyper_cluster_subnet_id?, type?}`. Emulator choices: the subnet must be one
 * of the project's (the default subnet when absent), the type defaults to HPS, and names are unique per type.
 */
function createCluster(request: ApiRequest): ApiResponse {
  const project = requestProject(request);
  const body = bodyObject(request);
  const name = validLiteName(body.name, 'name');
  const type = oneOf(optionalString(body, 'type', 'HPS'), HYPER_CLUSTER_TYPES, 'type');
  const subnetId = optionalString(body, 'hyper_cluster_subnet_id', '') || defaultNetwork(project).subnetId;
  if (!UUID.test(subnetId) || !subnetsOf(project).some((subnet) => subnet.id === subnetId)) {
    throw invalidParameter('hyper_cluster_subnet_id', `${subnetId} is not a subnet of the project`);
  }
  if ([...project.hyperClusters.values()].some((cluster) => cluster.type === type && cluster.name === name)) {
    throw invalidParameter('name', `a ${type} hyper cluster named ${name} exists`);
  }
  const cluster: HyperClusterRecord = { id: randomUUID(), name, type, subnetId };
  project.hyperClusters.set(cluster.id, cluster);
  return ok(clusterView(cluster));
}

/** The hyperinstances whose network is the cluster's. */
function hyperinstancesOf(project: ProjectState, cluster: HyperClusterRecord, now: number): string[] {
  return liveAll(project.hyperinstances, now, 'GONE')
    .filter((hyper) => hyper.hpsClusterId === cluster.id)
    .map((hyper) => hyper.id);
}

/**
 * Removes the cluster; the SDK types the answer as any JSON, the emulator answers the cluster as it was.
 * Refused while hyperinstances use it (illustrative rule).
 */
function deleteCluster(request: ApiRequest): ApiResponse {
  const project = requestProject(request);
  const cluster = requireCluster(request);
  const users = hyperinstancesOf(project, cluster, request.now);
  if (users.length > 0) {
    throw invalidParameter('id', `hyper cluster ${cluster.id} is used by hyperinstances ${users.join(', ')}`);
  }
  project.hyperClusters.delete(cluster.id);
  return ok(clusterView(cluster));
}
