/** The §3.4 v1 service object — list item, or detail with config and addresses — derived from a record at a given time. */
import type { ProjectState } from '../state';
import { SERVICE_SPECIFICATIONS } from './inferV1Catalog';
import { type ServiceV1Record, serviceV1Status } from './inferV1Model';
import { sha256Hex } from './devServerModel';

/** The inference address (assumed form: the reference names `access_address` but gives no example). */
function accessAddress(service: ServiceV1Record, project: ProjectState): string {
  return `https://${sha256Hex(`apig:${service.id}`).slice(0, 32)}.apig.${project.region}.huaweicloudapis.com/v1/infers/${service.id}`;
}

/** A service has an address once it has been deployed (reached running), and keeps it while stopped. */
function hasBeenDeployed(service: ServiceV1Record, now: number): boolean {
  return service.timeline.enteredAt('running', now) !== undefined || service.timeline.enteredAt('concerning', now) !== undefined;
}

export function serviceV1View(service: ServiceV1Record, project: ProjectState, now: number, detail: boolean): Record<string, unknown> {
  const current = service.timeline.current(now);
  const status = serviceV1Status(service, now);
  // While running under a stop schedule, when it will stop.
  const stopsAt = status === 'running' && service.schedule.length > 0 ? service.timeline.nextChangeAfter(current.at)?.at : undefined;
  const item: Record<string, unknown> = {
    service_id: service.id,
    service_name: service.name,
    status,
    infer_type: 'real-time',
    description: service.description,
    owner: service.owner,
    tenant: project.ref.account.domainId,
    project: project.id,
    workspace_id: service.workspaceId,
    publish_at: service.publishAt,
    transition_at: current.at,
    invocation_times: service.invocationTimes,
    failed_times: service.failedTimes,
    is_shared: false,
    shared_count: 0,
    is_free: service.config.every((config) => SERVICE_SPECIFICATIONS.find((spec) => spec.specification === config.specification)?.free === true),
    ...(status === 'deploying' ? { progress: Math.min(99, Math.floor(((now - current.at) / project.transitionMs) * 100)) } : {}),
    ...(stopsAt !== undefined ? { due_time: stopsAt } : {}),
    schedule: service.schedule.map((entry) => ({ type: entry.type, time_unit: entry.timeUnit, duration: entry.duration })),
    additional_properties: {},
  };
  if (!detail) {
    return item;
  }
  const deployed = hasBeenDeployed(service, now);
  return {
    ...item,
    config: service.config.map((config) => {
      const model = project.models.get(config.modelId);
      return {
        model_id: config.modelId,
        model_name: model?.name,
        model_version: model?.version,
        specification: config.specification,
        ...(config.customSpec ? { custom_spec: { ...config.customSpec } } : {}),
        weight: config.weight,
        instance_count: config.instanceCount,
        envs: { ...config.envs },
        // (assumed) Each model's own status follows the service's.
        status,
      };
    }),
    access_address: deployed ? accessAddress(service, project) : '',
    bind_access_address: '',
    debug_url: deployed ? `${accessAddress(service, project)}/debug` : '',
    ...(status === 'failed' && service.errorMsg ? { error_msg: service.errorMsg } : {}),
    ...(service.updateTime !== undefined ? { update_time: service.updateTime } : {}),
  };
}
