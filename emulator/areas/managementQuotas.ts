/**
 * Workspace quotas (§6.1): `GET/PUT /v1/{p}/workspaces/{id}/quotas`. The resource ids follow the
 * reference's `<feature>.<resource>` style (its example is `exemlProject.gpu_duration`); the list,
 * defaults and bounds are illustrative. `used_quota` is counted from the workspace's notebooks,
 * active training jobs, v1 services and pools; it is null when the quota is -1 (unlimited), as documented.
 * Only the service quota is enforced (ModelArts.3520, §3.4); creating a notebook past its quota still succeeds.
 */
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, isRecord, ok, requestProject } from '../http';
import type { Router } from '../router';
import type { ProjectState, TrainingPhase, WorkspaceRecord } from '../state';
import { workspaceServicesV1 } from './inferV1Model';
import { livePools } from './poolModel';
import { changeableWorkspace, existingWorkspace } from './workspaces';

export interface QuotaOverride {
  readonly quota: number;
  readonly updateTime: number;
}

interface QuotaDefinition {
  readonly resource: string;
  readonly quota: number;
  readonly min: number;
  readonly max: number;
  readonly nameEn: string;
  readonly unitEn: string;
  readonly nameCn: string;
  readonly unitCn: string;
  /** Current use in the workspace; 0 for resources the emulator does not serve. */
  readonly used: (project: ProjectState, workspaceId: string, now: number) => number;
}

const ACTIVE_JOB_PHASES: ReadonlySet<TrainingPhase> = new Set<TrainingPhase>(['Creating', 'Pending', 'Running', 'Terminating']);

export const QUOTA_DEFINITIONS: readonly QuotaDefinition[] = [
  {
    resource: 'notebook.instance_count',
    quota: 100,
    min: -1,
    max: 1000,
    nameEn: 'Notebook instances',
    unitEn: 'count',
    nameCn: 'Notebook实例数',
    unitCn: '个',
    used: (project, id, now) => project.notebooks(now).filter((n) => n.workspaceId === id).length,
  },
  {
    resource: 'train-job.running_count',
    quota: 50,
    min: -1,
    max: 500,
    nameEn: 'Concurrent training jobs',
    unitEn: 'count',
    nameCn: '并发训练作业数',
    unitCn: '个',
    used: (project, id, now) =>
      project.trainingJobsOldestFirst().filter((j) => j.workspaceId === id && ACTIVE_JOB_PHASES.has(j.timeline.status(now))).length,
  },
  {
    resource: 'service.instance_count',
    quota: 20,
    min: -1,
    max: 200,
    nameEn: 'Real-time services',
    unitEn: 'count',
    nameCn: '在线服务数',
    unitCn: '个',
    used: (project, id, now) => workspaceServicesV1(project, id, now).length,
  },
  {
    resource: 'pool.instance_count',
    quota: 10,
    min: -1,
    max: 100,
    nameEn: 'Dedicated resource pools',
    unitEn: 'count',
    nameCn: '专属资源池数',
    unitCn: '个',
    used: (project, id, now) => livePools(project, now).filter((p) => p.workspaceId === id).length,
  },
  {
    resource: 'exemlProject.gpu_duration',
    quota: -1,
    min: -1,
    max: 60000,
    nameEn: 'ExeML training duration (image classification, object detection, and sound classification)',
    unitEn: 'minute',
    nameCn: '自动学习训练时长',
    unitCn: '分钟',
    used: () => 0,
  },
];

export function registerManagementQuotas(router: Router<Handler>): void {
  const path = '/v1/{project_id}/workspaces/{workspace_id}/quotas';
  router.add('GET', path, showQuotas).add('PUT', path, updateQuotas);
}

/** A workspace's quota of a resource (-1 = unlimited), changes applied; creating v1 services checks it. */
export function workspaceQuota(project: ProjectState, workspaceId: string, resource: string): number {
  const definition = QUOTA_DEFINITIONS.find((candidate) => candidate.resource === resource);
  return project.workspaceQuotas.get(workspaceId)?.get(resource)?.quota ?? definition?.quota ?? -1;
}

function quotaView(project: ProjectState, workspace: WorkspaceRecord, definition: QuotaDefinition, now: number, withUsed: boolean): Record<string, unknown> {
  const override = project.workspaceQuotas.get(workspace.id)?.get(definition.resource);
  const quota = override?.quota ?? definition.quota;
  return {
    resource: definition.resource,
    quota,
    ...(withUsed ? { used_quota: quota === -1 ? null : definition.used(project, workspace.id, now) } : {}),
    min_quota: definition.min,
    max_quota: definition.max,
    name_en: definition.nameEn,
    unit_en: definition.unitEn,
    name_cn: definition.nameCn,
    unit_cn: definition.unitCn,
    // §6.1: the workspace's creation time until the quota is changed.
    update_time: override?.updateTime ?? workspace.createTime,
  };
}

function showQuotas(request: ApiRequest): ApiResponse {
  const project = requestProject(request);
  const workspace = existingWorkspace(project, request.params.workspace_id, request.now);
  return ok({ quotas: QUOTA_DEFINITIONS.map((definition) => quotaView(project, workspace, definition, request.now, true)) });
}

/** Validates every entry first, then applies them all; answers the changed quotas (no `used_quota`, as documented). */
function updateQuotas(request: ApiRequest): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const workspace = changeableWorkspace(project, request.params.workspace_id, now);
  const entries = bodyObject(request).quotas;
  if (!Array.isArray(entries) || entries.length === 0) {
    throw invalidParameter('quotas', 'is required and must be a non-empty array');
  }
  const changes = entries.map((entry, index) => {
    const field = `quotas[${index}]`;
    if (!isRecord(entry) || typeof entry.resource !== 'string') {
      throw invalidParameter(`${field}.resource`, 'is required and must be a string');
    }
    const definition = QUOTA_DEFINITIONS.find((candidate) => candidate.resource === entry.resource);
    if (!definition) {
      throw invalidParameter(`${field}.resource`, `unknown resource ${entry.resource}`);
    }
    const quota = entry.quota;
    if (typeof quota !== 'number' || !Number.isInteger(quota) || quota < definition.min || quota > definition.max) {
      throw invalidParameter(`${field}.quota`, `must be an integer between ${definition.min} and ${definition.max} (-1 = unlimited)`);
    }
    return { definition, quota };
  });
  let overrides = project.workspaceQuotas.get(workspace.id);
  if (!overrides) {
    overrides = new Map();
    project.workspaceQuotas.set(workspace.id, overrides);
  }
  for (const { definition, quota } of changes) {
    overrides.set(definition.resource, { quota, updateTime: now });
  }
  return ok({ quotas: changes.map(({ definition }) => quotaView(project, workspace, definition, now, false)) });
}
