/**
 * A v2 service's deployments (the SDK's `*_infer_deployment*` operations, §4.1): list, add,
 * show, delete, start, stop, interrupt, versions and switch, instances and pods. The
 * instance and pod paths name the deployment by its name (`{deployment_name}` in the SDK),
 * the others by its id; the router needs one capture name per segment, so both are
 * `{deployment_id}` here. Answers of the action routes (the deployment) are assumed.
 */
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, modelArtsError, ok, requestProject } from '../http';
import type { Router } from '../router';
import type { ProjectState } from '../state';
import { oneOf, optionalString } from '../validate';
import { sortDirection, v2Page } from './inferV2Catalog';
import { DEFAULT_VERSION_V2, newDeployment, parseDescriptionV2, parseGroupConfig, parseVersion } from './inferV2Create';
import {
  BUSY_DEPLOYMENT_STATUSES,
  type DeploymentRecord,
  deploymentStatus,
  liveDeployments,
  planDeploy,
  planInterrupt,
  planStop,
  requireDeployment,
  requireServiceV2,
  type ServiceV2Record,
  wrongV2State,
} from './inferV2Model';
import { deploymentInstances, deploymentItemView, groupConfigView, instanceView, versionView } from './inferV2View';

export function registerInferV2Deployments(router: Router<Handler>, base: string): void {
  const one = `${base}/{service_id}/deployments/{deployment_id}`;
  router
    .add('GET', `${base}/{service_id}/deployments`, listDeployments)
    .add('POST', `${base}/{service_id}/deployments`, addDeployment)
    .add('GET', one, (request) => withDeployment(request, () => undefined))
    .add('DELETE', one, deleteDeployment)
    .add('POST', `${one}/start`, (request) => act(request, ['STOPPED', 'FAILED', 'ERROR'], 'start', startDeployment))
    .add('POST', `${one}/stop`, (request) => act(request, ['RUNNING', 'CONCERNING', 'FAILED', 'ERROR'], 'stop', stopDeployment))
    .add('POST', `${one}/interrupt`, (request) => act(request, ['DEPLOYING', 'UPGRADING'], 'interrupt', (service, deployment, project, now) => planInterrupt(service, deployment, now, project.transitionMs)))
    .add('GET', `${one}/versions`, listVersions)
    .add('POST', `${one}/versions/{version}/switch`, switchVersion)
    .add('GET', `${one}/instances`, listInstances)
    .add('GET', `${one}/instances/{instance_name}/pods`, listPods);
}

export function startDeployment(service: ServiceV2Record, deployment: DeploymentRecord, project: ProjectState, now: number): void {
  planDeploy(service, deployment, project, now, project.transitionMs);
}

export function stopDeployment(service: ServiceV2Record, deployment: DeploymentRecord, project: ProjectState, now: number): void {
  planStop(service, deployment, now, project.transitionMs);
}

type DeploymentChange = (service: ServiceV2Record, deployment: DeploymentRecord, project: ProjectState, now: number) => void;

/** Runs `change` on the path's deployment and answers the deployment as its GET shows it. */
function withDeployment(request: ApiRequest, change: DeploymentChange): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const service = requireServiceV2(request);
  const deployment = requireDeployment(service, request.params.deployment_id, now);
  change(service, deployment, project, now);
  return ok(groupConfigView(service, deployment, now));
}

function act(request: ApiRequest, from: readonly string[], action: string, change: DeploymentChange): ApiResponse {
  return withDeployment(request, (service, deployment, project, now) => {
    const status = deploymentStatus(deployment, now);
    if (!from.includes(status)) {
      throw wrongV2State(`deployment ${deployment.name}`, status, action);
    }
    change(service, deployment, project, now);
    service.updatedAt = now;
  });
}

/** `?status&sort_key(create_at|update_at, default update_at)&sort_dir(default DESC)&limit&offset`, the SDK's defaults (`delete_after` is accepted and ignored). */
function listDeployments(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const service = requireServiceV2(request);
  const status = query.get('status');
  const key = oneOf(query.get('sort_key') ?? 'update_at', ['create_at', 'update_at'], 'sort_key');
  const direction = sortDirection(query);
  const matching = liveDeployments(service, now)
    .filter((deployment) => status === null || deploymentStatus(deployment, now) === status)
    .sort((a, b) => ((key === 'create_at' ? a.createdAt - b.createdAt : a.updatedAt - b.updatedAt) || (a.id < b.id ? -1 : 1)) * direction);
  return ok(v2Page(matching.map((deployment) => deploymentItemView(service, deployment, now)), query));
}

/**
 * The body is one group config (as in §4.4's `group_configs`) with an optional `version` (default 1.0.0, the
 * service's default in the SDK: assumed here). A SINGLE service takes one deployment; names are unique in the service.
 */
function addDeployment(request: ApiRequest): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const service = requireServiceV2(request);
  const body = bodyObject(request);
  const deployments = liveDeployments(service, now);
  if (service.deployType === 'SINGLE' && deployments.length > 0) {
    throw invalidParameter('deploy_type', `service ${service.name} is SINGLE: it has its deployment already`);
  }
  const group = parseGroupConfig(project, body, 'body', parseVersion(body, DEFAULT_VERSION_V2), parseDescriptionV2(body, ''), now);
  if (deployments.some((deployment) => deployment.name === group.name)) {
    throw invalidParameter('name', `service ${service.name} has a deployment named ${group.name} already`);
  }
  const deployment = newDeployment(group, now);
  service.deployments.push(deployment);
  service.updatedAt = now;
  planDeploy(service, deployment, project, now, project.transitionMs);
  return ok(groupConfigView(service, deployment, now));
}

/** Stopping for a transition, then gone; the service is INIT once its last deployment is. Answers `{}` (assumed). */
function deleteDeployment(request: ApiRequest): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const service = requireServiceV2(request);
  const deployment = requireDeployment(service, request.params.deployment_id, now);
  const status = deploymentStatus(deployment, now);
  if (BUSY_DEPLOYMENT_STATUSES.has(status)) {
    throw wrongV2State(`deployment ${deployment.name}`, status, 'delete');
  }
  deployment.timeline.plan(now, [['STOPPING', project.transitionMs]], 'GONE');
  service.updatedAt = now;
  return ok({});
}

/** `sort_key` create_at | update_at (the SDK's default), newest first (the operation takes no direction: assumed). */
function listVersions(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const service = requireServiceV2(request);
  const deployment = requireDeployment(service, request.params.deployment_id, now);
  const key = oneOf(query.get('sort_key') ?? 'update_at', ['create_at', 'update_at'], 'sort_key');
  const updatedAt = (version: DeploymentRecord['versions'][number]): number => (version.version === deployment.current ? deployment.updatedAt : version.createdAt);
  const versions = [...deployment.versions].sort((a, b) => (key === 'create_at' ? b.createdAt - a.createdAt : updatedAt(b) - updatedAt(a)));
  return ok(v2Page(versions.map((version) => versionView(service, deployment, version, now)), query));
}

/**
 * A running deployment upgrades to the version; a stopped or failed one takes it for its next start. The body is
 * optional (the SDK's SwitchInferDeploymentVersionRequestBody); when sent, its `service_id`, `infer_name` (the
 * deployment's id) and `target_deployment_version` must name what the path names (assumed). Answers `{id}`, the
 * deployment's id (the SDK's SwitchInferDeploymentVersionResponse).
 */
function switchVersion(request: ApiRequest): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const service = requireServiceV2(request);
  const deployment = requireDeployment(service, request.params.deployment_id, now);
  const target = request.params.version;
  const body = request.body === undefined || request.body === null ? {} : bodyObject(request);
  const named: [string, string][] = [
    ['service_id', service.id],
    ['infer_name', deployment.id],
    ['target_deployment_version', target],
  ];
  for (const [field, expected] of named) {
    const sent = optionalString(body, field, expected);
    if (sent !== expected) {
      throw invalidParameter(field, `must be ${expected}, as the path says`);
    }
  }
  switchTo(service, deployment, target, project, now);
  return ok({ id: deployment.id });
}

function switchTo(service: ServiceV2Record, deployment: DeploymentRecord, target: string, project: ProjectState, now: number): void {
  const status = deploymentStatus(deployment, now);
  if (BUSY_DEPLOYMENT_STATUSES.has(status)) {
    throw wrongV2State(`deployment ${deployment.name}`, status, 'switch the version of');
  }
  if (!deployment.versions.some((version) => version.version === target)) {
    throw invalidParameter('version', `deployment ${deployment.name} has no version ${target}`);
  }
  if (target === deployment.current) {
    throw invalidParameter('version', `deployment ${deployment.name} runs version ${target} already`);
  }
  deployment.previous = deployment.current;
  deployment.current = target;
  deployment.updatedAt = now;
  service.updatedAt = now;
  if (status === 'RUNNING' || status === 'CONCERNING') {
    planDeploy(service, deployment, project, now, project.transitionMs, 'UPGRADING');
  }
}

/** `?status&pod_name&limit&offset`; the path names the deployment by its name. */
function listInstances(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const project = requestProject(request);
  const service = requireServiceV2(request);
  const deployment = requireDeployment(service, request.params.deployment_id, now, 'name');
  const status = query.get('status');
  const podName = query.get('pod_name');
  const instances = deploymentInstances(project, deployment, now).filter(
    (instance) => (status === null || instance.status === status) && (podName === null || instance.pods.some((pod) => pod.pod_name === podName)),
  );
  // `offset` is the index of the page here (the SDK's field text).
  return ok(v2Page(instances.map((instance) => instanceView(instance, deployment)), query, 'page'));
}

/** `?status&pod_name&pod_id&pod_node_ip&pod_node_name&limit&offset`. An unknown instance is 400 ModelArts.6404 (illustrative). */
function listPods(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const project = requestProject(request);
  const service = requireServiceV2(request);
  const deployment = requireDeployment(service, request.params.deployment_id, now, 'name');
  const instance = deploymentInstances(project, deployment, now).find((candidate) => candidate.name === request.params.instance_name);
  if (!instance) {
    throw modelArtsError(400, 'ModelArts.6404', `Deployment ${deployment.name} has no instance ${request.params.instance_name}.`);
  }
  const filters = ['status', 'pod_name', 'pod_id', 'pod_node_ip', 'pod_node_name'].map((key) => [key, query.get(key)] as const);
  const pods = instance.pods.filter((pod) => filters.every(([key, value]) => value === null || pod[key] === value));
  return ok(v2Page(pods, query, 'page'));
}
