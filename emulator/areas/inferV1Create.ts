/**
 * `POST /v1/{project_id}/services` (§3.3) and the body parts it shares with the
 * config update: `config[]` (published models, known specifications, weights
 * that sum to 100), `schedule[]` and `description`. A new service is deploying
 * for one transition, then running (failed when its name contains "fail").
 */
import { randomUUID } from 'node:crypto';
import { type ApiRequest, type ApiResponse, bodyObject, invalidParameter, isRecord, modelArtsError, ok, requestProject } from '../http';
import type { ProjectState } from '../state';
import { oneOf, optionalInteger, optionalString, requiredString, validName } from '../validate';
import { SERVICE_SPECIFICATIONS } from './inferV1Catalog';
import { newServiceTimeline, planDeploy, type ServiceV1Config, type ServiceV1Record, type ServiceV1Schedule, workspaceServicesV1 } from './inferV1Model';
import { workspaceQuota } from './managementQuotas';
import { changeableWorkspace } from './workspaces';

/** (uncertain) The console's limit on instances per model. */
const MAX_INSTANCES = 128;
const MAX_DESCRIPTION = 100;
/** §3.3 (documentation of the description field): these characters are refused. */
const FORBIDDEN_DESCRIPTION = /[<>=&"']/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseDescription(body: Record<string, unknown>, fallback: string): string {
  const description = optionalString(body, 'description', fallback);
  if (description.length > MAX_DESCRIPTION || FORBIDDEN_DESCRIPTION.test(description)) {
    throw invalidParameter('description', `must be at most ${MAX_DESCRIPTION} characters, without < > = & " '`);
  }
  return description;
}

function parseEnvs(value: unknown, path: string): Record<string, string> {
  if (value === undefined || value === null) {
    return {};
  }
  if (!isRecord(value)) {
    throw invalidParameter(path, 'must be an object of name → value');
  }
  for (const [name, text] of Object.entries(value)) {
    if (!ENV_NAME.test(name) || typeof text !== 'string') {
      throw invalidParameter(`${path}.${name}`, 'names are letters, digits and _ (not starting with a digit); values are strings');
    }
  }
  return value as Record<string, string>;
}

function parseCustomSpec(entry: Record<string, unknown>, path: string): Record<string, number> {
  const spec = entry.custom_spec;
  if (!isRecord(spec)) {
    throw invalidParameter(`${path}.custom_spec`, 'is required with specification "custom"');
  }
  const cpu = spec.cpu;
  if (typeof cpu !== 'number' || !(cpu > 0)) {
    throw invalidParameter(`${path}.custom_spec.cpu`, 'must be a positive number of cores');
  }
  const memory = optionalInteger(spec, 'memory', 1, 1_048_576, `${path}.custom_spec.memory`);
  if (memory === undefined) {
    throw invalidParameter(`${path}.custom_spec.memory`, 'is required (MB)');
  }
  const accelerators = Object.fromEntries(
    (['gpu_p4', 'ascend_a310'] as const).flatMap((key) => {
      const count = optionalInteger(spec, key, 0, 16, `${path}.custom_spec.${key}`);
      return count === undefined ? [] : [[key, count]];
    }),
  );
  return { cpu, memory, ...accelerators };
}

/** `config[]` of a real-time service: each entry deploys a published model of the project on a known specification. */
export function parseConfig(project: ProjectState, value: unknown, now: number): ServiceV1Config[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw invalidParameter('config', 'is required and must be a non-empty array');
  }
  const config = value.map((entry: unknown, index): ServiceV1Config => {
    const path = `config[${index}]`;
    if (!isRecord(entry)) {
      throw invalidParameter(path, 'must be an object');
    }
    const modelId = requiredString(entry, 'model_id', `${path}.model_id`);
    const model = project.models.get(modelId);
    if (!model) {
      throw invalidParameter(`${path}.model_id`, `model ${modelId} does not exist`);
    }
    const modelStatus = model.timeline.status(now);
    if (modelStatus !== 'published') {
      throw invalidParameter(`${path}.model_id`, `model ${model.name} ${model.version} is ${modelStatus}; only published models can be deployed`);
    }
    const specification = requiredString(entry, 'specification', `${path}.specification`);
    if (specification !== 'custom' && !SERVICE_SPECIFICATIONS.some((spec) => spec.specification === specification)) {
      throw invalidParameter(`${path}.specification`, `unknown specification ${specification}`);
    }
    const weight = optionalInteger(entry, 'weight', 0, 100, `${path}.weight`);
    if (weight === undefined) {
      throw invalidParameter(`${path}.weight`, 'is required for a real-time service');
    }
    const instanceCount = optionalInteger(entry, 'instance_count', 1, MAX_INSTANCES, `${path}.instance_count`);
    if (instanceCount === undefined) {
      throw invalidParameter(`${path}.instance_count`, `is required: 1 to ${MAX_INSTANCES}`);
    }
    return {
      modelId,
      specification,
      weight,
      instanceCount,
      envs: parseEnvs(entry.envs, `${path}.envs`),
      ...(specification === 'custom' ? { customSpec: parseCustomSpec(entry, path) } : {}),
    };
  });
  const total = config.reduce((sum, entry) => sum + entry.weight, 0);
  if (total !== 100) {
    throw invalidParameter('config', `the weights of a real-time service must sum to 100, not ${total}`);
  }
  return config;
}

/** `schedule[]`: at most one stop schedule (the only type the reference names). */
export function parseSchedule(value: unknown): ServiceV1Schedule[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value) || value.length > 1) {
    throw invalidParameter('schedule', 'must be an array of at most one entry');
  }
  return value.map((entry: unknown) => {
    if (!isRecord(entry)) {
      throw invalidParameter('schedule[0]', 'must be an object');
    }
    const type = oneOf(requiredString(entry, 'type', 'schedule[0].type').toLowerCase(), ['stop'] as const, 'schedule[0].type');
    const timeUnit = oneOf(requiredString(entry, 'time_unit', 'schedule[0].time_unit'), ['MINUTES', 'HOURS', 'DAYS'] as const, 'schedule[0].time_unit');
    const duration = optionalInteger(entry, 'duration', 1, 10_000, 'schedule[0].duration');
    if (duration === undefined) {
      throw invalidParameter('schedule[0].duration', 'is required');
    }
    return { type, timeUnit, duration };
  });
}

/** §3.4: ModelArts.3520 once the workspace holds as many services as its `service.instance_count` quota allows. */
function checkQuota(project: ProjectState, workspaceId: string, now: number): void {
  const quota = workspaceQuota(project, workspaceId, 'service.instance_count');
  if (quota !== -1 && workspaceServicesV1(project, workspaceId, now).length >= quota) {
    throw modelArtsError(400, 'ModelArts.3520', `The number of services has reached the limit (${quota}).`);
  }
}

export function createServiceV1(request: ApiRequest): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const body = bodyObject(request);
  const name = validName(requiredString(body, 'service_name'), 'service_name');
  const inferType = oneOf(requiredString(body, 'infer_type'), ['real-time', 'batch', 'edge'], 'infer_type');
  if (inferType !== 'real-time') {
    // Emulator limitation: batch and edge services are not emulated.
    throw invalidParameter('infer_type', 'the emulator serves real-time services only');
  }
  const workspaceId = optionalString(body, 'workspace_id', '0');
  changeableWorkspace(project, workspaceId, now);
  if (workspaceServicesV1(project, workspaceId, now).some((service) => service.name === name)) {
    // Emulator choice (the reference names no code): names are unique in a workspace.
    throw invalidParameter('service_name', `a service named ${name} already exists in this workspace`);
  }
  const service: ServiceV1Record = {
    id: randomUUID(),
    name,
    description: parseDescription(body, ''),
    workspaceId,
    config: parseConfig(project, body.config, now),
    schedule: parseSchedule(body.schedule),
    owner: request.account.domainName,
    publishAt: now,
    invocationTimes: 0,
    failedTimes: 0,
    events: [],
    timeline: newServiceTimeline(now),
  };
  checkQuota(project, workspaceId, now);
  planDeploy(service, project, now, project.transitionMs);
  project.servicesV1.set(service.id, service);
  // `resource_ids` are billing resources; one per model here (illustrative).
  return ok({ service_id: service.id, resource_ids: service.config.map(() => randomUUID()) });
}
