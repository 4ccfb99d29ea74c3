/**
 * The v2 objects (§4.2, §4.3 and the SDK's response models) derived from the records
 * at a given time: list item, detail (whose `create_at`/`update_at` are strings of
 * epoch ms, as the SDK types them, while the list item's are numbers), deployment
 * item and detail, version item, instance, pod and event. Assumed shapes are noted.
 */
import type { ProjectState } from '../state';
import { rfc3339 } from './poolFields';
import { livePool, nodesOf } from './poolModel';
import {
  currentVersion,
  type DeploymentRecord,
  deploymentStatus,
  liveDeployments,
  type ServiceV2Event,
  type ServiceV2Record,
  serviceV2Status,
  seededV2Id,
} from './inferV2Model';
import { sha256Hex } from './devServerModel';

/** (assumed form) The inference address: the reference names `predict_url[{type, urls}]` but gives no example. */
function publicUrl(service: ServiceV2Record, project: ProjectState): string {
  return `https://${sha256Hex(`apig-v2:${service.id}`).slice(0, 32)}.apig.${project.region}.huaweicloudapis.com/v2/infers/${service.id}`;
}

/** A service has an address once one of its deployments has run, and keeps it while stopped. */
function hasBeenDeployed(service: ServiceV2Record, now: number): boolean {
  return service.deployments.some((deployment) => deployment.timeline.enteredAt('RUNNING', now) !== undefined || deployment.timeline.enteredAt('CONCERNING', now) !== undefined);
}

/** The service's version is its first deployment's current one (assumed for MULTI services), or the one it was created with. */
function serviceVersion(service: ServiceV2Record, now: number): { version: string; count: number; id: string } {
  const [first] = liveDeployments(service, now);
  return first
    ? { version: first.current, count: first.versions.length, id: currentVersion(first).versionId }
    : { version: service.createdVersion, count: 1, id: seededV2Id(`version:${service.id}`) };
}

function trafficRatio(service: ServiceV2Record, deployment: DeploymentRecord): string {
  const total = service.deployments.reduce((sum, candidate) => sum + candidate.weight, 0);
  return `${total === 0 ? 0 : Math.round((deployment.weight / total) * 100)}%`;
}

/** Instances serving now: all while running or upgrading, all but one while concerning. */
function runningCount(deployment: DeploymentRecord, now: number): number {
  const { count } = currentVersion(deployment);
  switch (deploymentStatus(deployment, now)) {
    case 'RUNNING':
    case 'UPGRADING':
      return count;
    case 'CONCERNING':
      return Math.max(0, count - 1);
    default:
      return 0;
  }
}

/** `instance_groups[]` of the detail, and the deployment's own detail (the SDK's GroupConfigResponse). */
export function groupConfigView(service: ServiceV2Record, deployment: DeploymentRecord, now: number): Record<string, unknown> {
  const version = currentVersion(deployment);
  const { unit } = version;
  const status = deploymentStatus(deployment, now);
  return {
    id: deployment.id,
    name: deployment.name,
    ...(version.poolId ? { pool_id: version.poolId } : {}),
    count: version.count,
    unit_configs: [
      {
        image: { source: 'SWR', swr_path: unit.image },
        ...(unit.flavor ? { flavor: unit.flavor } : { custom_spec: { ...unit.customSpec } }),
        cmd: unit.cmd,
        count: 1,
        port: unit.port,
        envs: { ...unit.envs },
      },
    ],
    weight: deployment.weight,
    traffic_ratio: trafficRatio(service, deployment),
    framework: version.framework,
    version: version.version,
    version_id: version.versionId,
    status,
    running_count: runningCount(deployment, now),
    deploy_type: service.deployType,
    version_count: deployment.versions.length,
    infer_name: deployment.id,
    description: version.description,
    create_at: String(deployment.createdAt),
    update_at: deployment.updatedAt,
  };
}

export function serviceV2View(service: ServiceV2Record, project: ProjectState, now: number, detail: boolean): Record<string, unknown> {
  const status = serviceV2Status(service, now);
  const version = serviceVersion(service, now);
  const common = { id: service.id, name: service.name, status, type: service.type, deploy_type: service.deployType, workspace_id: service.workspaceId, tags: service.tags.map((tag) => ({ ...tag })), schedule: [], frozen_infos: [] };
  if (!detail) {
    return {
      ...common,
      description: service.description,
      version: version.version,
      version_count: version.count,
      user_name: service.userName,
      create_at: service.createdAt,
      update_at: service.updatedAt,
      auth_type: service.authType,
    };
  }
  const deployments = liveDeployments(service, now);
  const url = hasBeenDeployed(service, now) ? publicUrl(service, project) : '';
  const failed = deployments.find((deployment) => deploymentStatus(deployment, now) === 'FAILED' && deployment.failureReason);
  return {
    ...common,
    ...(failed && (status === 'FAILED' || status === 'CONCERNING') ? { failure_reason: failed.failureReason } : {}),
    // The detail has no top-level description: the service's is its version's (the Terraform provider reads
    // `version.description` for huaweicloud_modelartsv2_service's description).
    version: {
      id: version.id,
      version: version.version,
      description: service.description,
      predict_url: url,
      runtime_config: service.runtimeConfig,
      instance_groups: deployments.map((deployment) => groupConfigView(service, deployment, now)),
      lts_strategy: 'AUTO_CREATE',
      deploy_timeout_minutes: 30,
    },
    predict_url: url ? [{ type: 'PUBLIC', urls: [url] }] : [],
    dispatcher_group_id: seededV2Id(`dispatcher:${service.id}`),
    deploy_timeout_minutes: 30,
    create_at: String(service.createdAt),
    update_at: String(service.updatedAt),
    provider: 'USER',
  };
}

/** A `GET …/deployments` item (the SDK's InferDeploymentItemResponseData; times are numbers here). */
export function deploymentItemView(service: ServiceV2Record, deployment: DeploymentRecord, now: number): Record<string, unknown> {
  const version = currentVersion(deployment);
  return {
    id: deployment.id,
    name: deployment.name,
    infer_name: deployment.id,
    status: deploymentStatus(deployment, now),
    weight: deployment.weight,
    traffic_ratio: trafficRatio(service, deployment),
    ...(version.poolId ? { pool_id: version.poolId } : {}),
    version: version.version,
    deploy_type: service.deployType,
    create_at: deployment.createdAt,
    update_at: deployment.updatedAt,
    frozen_infos: [],
  };
}

/** A version item: times as RFC 3339 strings (the SDK types them as dates); `version_status` of older versions is assumed. */
export function versionView(service: ServiceV2Record, deployment: DeploymentRecord, version: DeploymentRecord['versions'][number], now: number): Record<string, unknown> {
  return {
    infer_name: deployment.id,
    version: version.version,
    version_status: version.version === deployment.current ? deploymentStatus(deployment, now) : 'INACTIVE',
    description: version.description,
    create_at: rfc3339(version.createdAt),
    update_at: rfc3339(version.version === deployment.current ? deployment.updatedAt : version.createdAt),
    deploy_type: service.deployType,
  };
}

export interface InstanceV2 {
  readonly name: string;
  readonly status: string;
  readonly pods: readonly Record<string, unknown>[];
}

/**
 * The instances of a deployment and their pods (one each), derived from its status (assumed statuses:
 * the SDK names the fields only). Pods of a dedicated pool sit on its nodes; others on public nodes.
 */
export function deploymentInstances(project: ProjectState, deployment: DeploymentRecord, now: number): InstanceV2[] {
  const version = currentVersion(deployment);
  const status = deploymentStatus(deployment, now);
  if (status === 'STOPPED' || status === 'STOPPING' || status === 'INTERRUPTING') {
    return [];
  }
  const pool = version.poolId ? livePool(project, version.poolId, now) : undefined;
  const nodes = pool ? nodesOf(pool) : [];
  return Array.from({ length: version.count }, (_, index) => {
    const seed = sha256Hex(`instance:${deployment.id}:${version.version}:${index}`);
    const unhealthy = status === 'CONCERNING' && index === version.count - 1;
    const [instanceStatus, podStatus] =
      status === 'FAILED' || status === 'ERROR' ? ['FAILED', 'Failed'] : status === 'DEPLOYING' ? ['PENDING', 'Pending'] : unhealthy ? ['ABNORMAL', 'Running'] : ['RUNNING', 'Running'];
    const node = nodes.length > 0 ? nodes[index % nodes.length] : undefined;
    const name = `${deployment.name}-${seed.slice(0, 5)}`;
    const pod = {
      pod_id: `${seed.slice(5, 13)}-${seed.slice(13, 17)}-${seed.slice(17, 21)}-${seed.slice(21, 25)}-${seed.slice(25, 37)}`,
      pod_name: `${name}-${seed.slice(37, 42)}`,
      pod_node_ip: node?.privateIp ?? `172.16.${parseInt(seed.slice(42, 44), 16)}.${parseInt(seed.slice(44, 46), 16)}`,
      pod_node_name: node?.name ?? `infer-node-${seed.slice(46, 52)}`,
      pod_role: 'NONE',
      status: podStatus,
      update_time: deployment.updatedAt,
    };
    return { name, status: instanceStatus, pods: [pod] };
  });
}

export function instanceView(instance: InstanceV2, deployment: DeploymentRecord): Record<string, unknown> {
  const running = instance.pods.filter((pod) => pod.status === 'Running').length;
  return { instance_name: instance.name, status: instance.status, weight: deployment.weight, pod_count: instance.pods.length, running_pod_count: running, update_at: deployment.updatedAt };
}

export function eventV2View(service: ServiceV2Record, event: ServiceV2Event): Record<string, unknown> {
  return { id: event.id, service_id: service.id, event_count: 1, event_type: event.type, event_info: event.info, create_at: event.at, update_at: event.at };
}
