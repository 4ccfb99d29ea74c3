/**
 * Hyper clusters (§7.1: `GET/POST …/dev-servers/hyper-clusters`, `GET/DELETE …/{id}`).
 * The reference gives the paths only, so the whole object is illustrative:
 * `{id, name, type, status, description, availability_zone, hyperinstance_ids[], create_at, update_at}`,
 * listed in the `{current,data,pages,size,total}` envelope. Statuses (illustrative):
 * CREATING → ACTIVE (ERROR for a name containing "fail"); delete → DELETING → gone.
 */
import { randomUUID } from 'node:crypto';
import { Timeline } from '../clock';
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, ok, requestProject } from '../http';
import type { Router } from '../router';
import type { ProjectState } from '../state';
import { oneOf, optionalString } from '../validate';
import { validLiteName } from './devServerCreate';
import { type Gone, type HyperClusterRecord, type HyperClusterStatus, live, liveAll, notFound, wrongState } from './devServerModel';
import { offsetPage, sortByTime } from './devServerView';

const CLUSTER_TYPES = ['HPS', 'SPOD'];

export function registerDevServerClusters(router: Router<Handler>, base: string): void {
  const clusters = `${base}/hyper-clusters`;
  router
    .add('GET', clusters, listClusters)
    .add('POST', clusters, createCluster)
    .add('GET', `${clusters}/{id}`, (request) => ok(clusterView(requireCluster(request), requestProject(request), request.now)))
    .add('DELETE', `${clusters}/{id}`, deleteCluster);
}

export function clusterView(cluster: HyperClusterRecord, project: ProjectState, now: number): Record<string, unknown> {
  const current = cluster.timeline.current(now);
  return {
    id: cluster.id,
    name: cluster.name,
    type: cluster.type,
    status: current.status,
    description: cluster.description,
    availability_zone: cluster.availabilityZone,
    hyperinstance_ids: hyperinstancesOf(project, cluster, now),
    create_at: cluster.createAt,
    update_at: Math.max(cluster.createAt, Math.min(now, current.at)),
  };
}

function hyperinstancesOf(project: ProjectState, cluster: HyperClusterRecord, now: number): string[] {
  return liveAll(project.hyperinstances, now, 'GONE')
    .filter((hyper) => hyper.hpsClusterId === cluster.id)
    .map((hyper) => hyper.id);
}

function requireCluster(request: ApiRequest): HyperClusterRecord {
  const cluster = live(requestProject(request).hyperClusters, request.params.id, request.now, 'GONE');
  if (!cluster) {
    throw notFound('hyper cluster', request.params.id);
  }
  return cluster;
}

/** `?type&offset&limit&sort_dir&sort_key`. */
function listClusters(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const project = requestProject(request);
  const type = query.get('type');
  const records = liveAll(project.hyperClusters, now, 'GONE').filter((cluster) => type === null || cluster.type === type);
  const sorted = sortByTime(records, query, (cluster) => Math.max(cluster.createAt, Math.min(now, cluster.timeline.current(now).at)));
  return ok(offsetPage(sorted, query, (cluster) => clusterView(cluster, project, now), 1));
}

/** Body (illustrative): `{name, type?: HPS|SPOD, availability_zone?, description?}`. */
function createCluster(request: ApiRequest): ApiResponse {
  const project = requestProject(request);
  const body = bodyObject(request);
  const { now } = request;
  const name = validLiteName(body.name, 'name');
  if (liveAll(project.hyperClusters, now, 'GONE').some((cluster) => cluster.name === name)) {
    throw invalidParameter('name', `a hyper cluster named ${name} exists`);
  }
  const cluster: HyperClusterRecord = {
    id: randomUUID(),
    name,
    type: oneOf(optionalString(body, 'type', 'HPS'), CLUSTER_TYPES, 'type'),
    description: optionalString(body, 'description', ''),
    availabilityZone: optionalString(body, 'availability_zone', `${project.region}a`),
    createAt: now,
    timeline: new Timeline<HyperClusterStatus | Gone>('CREATING', now),
  };
  cluster.timeline.plan(now, [['CREATING', project.transitionMs]], name.toLowerCase().includes('fail') ? 'ERROR' : 'ACTIVE');
  project.hyperClusters.set(cluster.id, cluster);
  return ok(clusterView(cluster, project, now));
}

/** Refused while hyperinstances use the cluster (illustrative rule). */
function deleteCluster(request: ApiRequest): ApiResponse {
  const project = requestProject(request);
  const cluster = requireCluster(request);
  const status = cluster.timeline.status(request.now);
  if (status === 'CREATING' || status === 'DELETING') {
    throw wrongState('hyper cluster', cluster.id, status, 'delete');
  }
  const users = hyperinstancesOf(project, cluster, request.now);
  if (users.length > 0) {
    throw invalidParameter('id', `hyper cluster ${cluster.id} is used by hyperinstances ${users.join(', ')}`);
  }
  cluster.timeline.plan(request.now, [['DELETING', project.transitionMs]], 'GONE');
  return ok(clusterView(cluster, project, request.now));
}
