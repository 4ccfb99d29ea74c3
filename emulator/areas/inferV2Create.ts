/**
 * `POST /v2/{project_id}/services` (§4.4) and the parts of its body the update and
 * "add deployment" routes share: a group config (one deployment: framework, pool or
 * flavor, instances, and one unit with its SWR image, command, port and environment),
 * the version and the description. Every field is checked before anything changes.
 */
import { type ApiRequest, type ApiResponse, bodyObject, invalidParameter, isRecord, ok, requestProject } from '../http';
import type { ProjectState } from '../state';
import { oneOf, optionalInteger, optionalObject, optionalString, requiredObject, requiredString, validName } from '../validate';
import { flavorV2, inferencePoolProblem } from './inferV2Catalog';
import {
  type DeploymentRecord,
  type DeploymentVersion,
  newDeploymentTimeline,
  newV2Id,
  planDeploy,
  type ServiceV2Record,
  SWR_IMAGE_PATH,
  type UnitV2,
  workspaceServicesV2,
} from './inferV2Model';
import { serviceV2View } from './inferV2View';
import { livePool } from './poolModel';
import { Timeline } from '../clock';
import { changeableWorkspace } from './workspaces';

/** (assumed) Instances of one deployment, as the v1 limit. */
const MAX_INSTANCES = 128;
/** (assumed) The reference gives no limit; the workspaces' one. */
const MAX_DESCRIPTION = 256;
/** (assumed) The TF example's "0.0.1": three numbers. */
const VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseDescriptionV2(body: Record<string, unknown>, fallback: string): string {
  const description = optionalString(body, 'description', fallback);
  if (description.length > MAX_DESCRIPTION) {
    throw invalidParameter('description', `must be at most ${MAX_DESCRIPTION} characters`);
  }
  return description;
}

export function parseVersion(body: Record<string, unknown>, fallback: string | undefined): string {
  const version = optionalString(body, 'version', fallback ?? '');
  if (!VERSION.test(version)) {
    throw invalidParameter('version', 'is required and looks like 0.0.1');
  }
  return version;
}

function parseEnvs(value: unknown, path: string): Record<string, string> {
  if (value === undefined || value === null) {
    return {};
  }
  if (!isRecord(value) || Object.entries(value).some(([name, text]) => !ENV_NAME.test(name) || typeof text !== 'string')) {
    throw invalidParameter(path, 'must map names (letters, digits and _, not starting with a digit) to string values');
  }
  return value as Record<string, string>;
}

/** `custom_spec{cpu, memory (MB), gpu, ascend}`: only on a dedicated pool (assumed: public resources are sold as flavors). */
function parseCustomSpec(spec: Record<string, unknown>, path: string): Record<string, number> {
  if (typeof spec.cpu !== 'number' || !(spec.cpu > 0 && spec.cpu <= 256)) {
    throw invalidParameter(`${path}.cpu`, 'must be a number of cores above 0');
  }
  const memory = optionalInteger(spec, 'memory', 1, 4_194_304, `${path}.memory`);
  if (memory === undefined) {
    throw invalidParameter(`${path}.memory`, 'is required (MB)');
  }
  const accelerators = (['gpu', 'ascend'] as const).flatMap((key) => {
    const count = optionalInteger(spec, key, 0, 16, `${path}.${key}`);
    return count === undefined ? [] : [[key, count] as const];
  });
  return { cpu: spec.cpu, memory, ...Object.fromEntries(accelerators) };
}

function parseUnit(project: ProjectState, value: unknown, path: string, onPool: boolean): UnitV2 {
  if (!isRecord(value)) {
    throw invalidParameter(path, 'must be an object');
  }
  const image = requiredObject(value, 'image', `${path}.image`);
  // Emulator limitation: images come from SWR only (the reference's example); OBS model files are not emulated.
  oneOf(optionalString(image, 'source', 'SWR', `${path}.image.source`), ['SWR'], `${path}.image.source`);
  const swrPath = requiredString(image, 'swr_path', `${path}.image.swr_path`).trim();
  const match = SWR_IMAGE_PATH.exec(swrPath);
  if (!match) {
    throw invalidParameter(`${path}.image.swr_path`, 'must look like swr.<region>.myhuaweicloud.com/<namespace>/<repository>:<tag>');
  }
  if (match[1] !== project.region) {
    // (assumed) A service pulls from its own region's SWR.
    throw invalidParameter(`${path}.image.swr_path`, `the image is in the SWR of ${match[1]}; a service in ${project.region} runs images of ${project.region}`);
  }
  const flavor = optionalString(value, 'flavor', '', `${path}.flavor`);
  const spec = optionalObject(value, 'custom_spec', `${path}.custom_spec`);
  if ((flavor === '') === (spec === undefined)) {
    throw invalidParameter(path, 'needs either a flavor or a custom_spec');
  }
  if (flavor) {
    const known = flavorV2(flavor);
    if (!known || known.soldOut) {
      throw invalidParameter(`${path}.flavor`, known ? `${flavor} is sold out` : `unknown flavor ${flavor}`);
    }
  } else if (!onPool) {
    throw invalidParameter(`${path}.custom_spec`, 'needs a dedicated pool (pool_id); public resources take a flavor');
  }
  // Emulator limitation: one pod per instance.
  optionalInteger(value, 'count', 1, 1, `${path}.count`);
  return {
    image: swrPath,
    ...(flavor ? { flavor } : { customSpec: parseCustomSpec(spec ?? {}, `${path}.custom_spec`) }),
    cmd: optionalString(value, 'cmd', '', `${path}.cmd`),
    port: optionalInteger(value, 'port', 1, 65535, `${path}.port`) ?? 8080,
    envs: parseEnvs(value.envs, `${path}.envs`),
  };
}

export interface ParsedGroup {
  readonly name: string;
  readonly weight: number;
  readonly version: DeploymentVersion;
}

/** One entry of `group_configs` (or the body of "add deployment"): a deployment's configuration as `version`. */
export function parseGroupConfig(project: ProjectState, value: unknown, path: string, version: string, description: string, now: number): ParsedGroup {
  if (!isRecord(value)) {
    throw invalidParameter(path, 'must be an object');
  }
  const name = validName(requiredString(value, 'name', `${path}.name`), `${path}.name`);
  const weight = optionalInteger(value, 'weight', 0, 100, `${path}.weight`);
  if (weight === undefined) {
    throw invalidParameter(`${path}.weight`, 'is required: 0 to 100');
  }
  const poolId = optionalString(value, 'pool_id', '', `${path}.pool_id`);
  const poolProblem = poolId ? inferencePoolProblem(livePool(project, poolId, now), now) : undefined;
  if (poolProblem) {
    throw invalidParameter(`${path}.pool_id`, poolProblem);
  }
  const units = value.unit_configs;
  // Emulator limitation: one unit per instance (no multi-role deployments).
  if (!Array.isArray(units) || units.length !== 1) {
    throw invalidParameter(`${path}.unit_configs`, 'must hold exactly one unit');
  }
  return {
    name,
    weight,
    version: {
      version,
      versionId: newV2Id(),
      description,
      framework: oneOf(optionalString(value, 'framework', 'COMMON', `${path}.framework`), ['COMMON', 'VLLM', 'MINDIE'] as const, `${path}.framework`),
      ...(poolId ? { poolId } : {}),
      count: optionalInteger(value, 'count', 1, MAX_INSTANCES, `${path}.count`) ?? 1,
      unit: parseUnit(project, units[0], `${path}.unit_configs[0]`, poolId !== ''),
      createdAt: now,
    },
  };
}

export function newDeployment(group: ParsedGroup, now: number): DeploymentRecord {
  return { id: newV2Id(), name: group.name, weight: group.weight, createdAt: now, updatedAt: now, versions: [group.version], current: group.version.version, timeline: newDeploymentTimeline(now) };
}

/** `runtime_config.service_invoke`: protocol, authentication and port of the inference address (checked as the SDK enumerates them). */
function parseRuntimeConfig(body: Record<string, unknown>): { config: Record<string, unknown>; authType: string } {
  const config = requiredObject(body, 'runtime_config');
  const invoke = optionalObject(config, 'service_invoke', 'runtime_config.service_invoke') ?? {};
  oneOf(optionalString(invoke, 'protocol', 'HTTPS', 'runtime_config.service_invoke.protocol'), ['HTTP', 'HTTPS'], 'runtime_config.service_invoke.protocol');
  optionalInteger(invoke, 'port', 1, 65535, 'runtime_config.service_invoke.port');
  const authType = oneOf(optionalString(invoke, 'auth_type', 'TOKEN', 'runtime_config.service_invoke.auth_type'), ['TOKEN', 'API_KEY', 'NONE'], 'runtime_config.service_invoke.auth_type');
  return { config, authType };
}

function parseTags(value: unknown): { key: string; value: string }[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value) || value.some((tag) => !isRecord(tag) || typeof tag.key !== 'string' || typeof (tag.value ?? '') !== 'string')) {
    throw invalidParameter('tags', 'must be a list of {key, value} strings');
  }
  return value.map((tag: Record<string, unknown>) => ({ key: String(tag.key), value: String(tag.value ?? '') }));
}

/** §4.4. `group_configs` holds at most one deployment (none: the service is INIT until one is added). Answers the service (200). */
export function createServiceV2(request: ApiRequest): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const body = bodyObject(request);
  const name = validName(requiredString(body, 'name'), 'name');
  const type = oneOf(requiredString(body, 'type'), ['REAL_TIME', 'ASYNC_REAL_TIME'] as const, 'type');
  const deployType = oneOf(requiredString(body, 'deploy_type'), ['SINGLE', 'MULTI'] as const, 'deploy_type');
  const workspaceId = optionalString(body, 'workspace_id', '0');
  changeableWorkspace(project, workspaceId, now);
  if (workspaceServicesV2(project, workspaceId, now).some((service) => service.name === name)) {
    // Emulator choice (the reference names no code): names are unique in a workspace.
    throw invalidParameter('name', `a service named ${name} already exists in this workspace`);
  }
  const version = parseVersion(body, '0.0.1');
  const description = parseDescriptionV2(body, '');
  const groups = body.group_configs;
  if (!Array.isArray(groups) || groups.length > 1) {
    throw invalidParameter('group_configs', 'is required: a list of at most one deployment');
  }
  const parsed = groups.map((group, index) => parseGroupConfig(project, group, `group_configs[${index}]`, version, description, now));
  const { config, authType } = parseRuntimeConfig(body);
  const service: ServiceV2Record = {
    id: newV2Id(),
    name,
    description,
    workspaceId,
    type,
    deployType,
    createdVersion: version,
    runtimeConfig: config,
    authType,
    tags: parseTags(body.tags),
    userName: request.account.domainName,
    createdAt: now,
    updatedAt: now,
    deployments: parsed.map((group) => newDeployment(group, now)),
    events: [],
    timeline: new Timeline<'LIVE' | 'DELETING' | 'GONE'>('LIVE', now),
  };
  service.deployments.forEach((deployment) => planDeploy(service, deployment, project, now, project.transitionMs));
  project.servicesV2.set(service.id, service);
  return ok(serviceV2View(service, project, now, true));
}
