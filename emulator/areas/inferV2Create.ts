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

/** The SDK's GroupConfig.count: [1, 128]. */
const MAX_INSTANCES = 128;
/** The SDK's field text: at most 512 characters, without "<" or ">". */
const MAX_DESCRIPTION = 512;
/**
 * The SDK's field text: digits and dots, "1.0.0 ~ 99.99.99", at most 8 characters. A first number of 0 is accepted
 * too: the Terraform provider's huaweicloud_modelartsv2_service example deploys "0.0.1".
 */
const VERSION = /^\d{1,2}\.\d{1,2}\.\d{1,2}$/;
/** The SDK's default when no version is sent. */
export const DEFAULT_VERSION_V2 = '1.0.0';
/** The SDK's UnitConfig.envs: keys of at most 64 letters, digits, "_", "-" and ".", not starting with a digit; no "<" or ">" in values. */
const ENV_NAME = /^[A-Za-z_.-][A-Za-z0-9_.-]{0,63}$/;
/** The SDK's field text: "<protocol>,<port>,<path>", the path of letters, digits, ".", "-", "_" and "/" not starting with "/"; at most 255 characters. */
const CUSTOM_METRICS_PATH = /^(http|https),(\d{1,5}),([A-Za-z0-9._-][A-Za-z0-9._/-]*)$/;

export function parseDescriptionV2(body: Record<string, unknown>, fallback: string): string {
  const description = optionalString(body, 'description', fallback);
  if (description.length > MAX_DESCRIPTION || /[<>]/.test(description)) {
    throw invalidParameter('description', `must be at most ${MAX_DESCRIPTION} characters, without "<" or ">"`);
  }
  return description;
}

export function parseVersion(body: Record<string, unknown>, fallback: string | undefined): string {
  const version = optionalString(body, 'version', fallback ?? '');
  if (!VERSION.test(version)) {
    throw invalidParameter('version', 'is required and looks like 1.0.0 (three numbers up to 99)');
  }
  return version;
}

function parseEnvs(value: unknown, path: string): Record<string, string> {
  if (value === undefined || value === null) {
    return {};
  }
  if (!isRecord(value) || Object.entries(value).some(([name, text]) => !ENV_NAME.test(name) || typeof text !== 'string' || /[<>]/.test(text))) {
    throw invalidParameter(path, 'must map names (up to 64 letters, digits, "_", "-" and ".", not starting with a digit) to string values without "<" or ">"');
  }
  return value as Record<string, string>;
}

/** At most two decimals (the SDK rounds the third away). */
const twoDecimals = (value: number): boolean => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;

/** `custom_spec{cpu (at least 0.01), memory (MB), gpu (0 or more), ascend}`: only on a dedicated pool (assumed: public resources are sold as flavors). */
function parseCustomSpec(spec: Record<string, unknown>, path: string): Record<string, number> {
  if (typeof spec.cpu !== 'number' || !(spec.cpu >= 0.01 && spec.cpu <= 256) || !twoDecimals(spec.cpu)) {
    throw invalidParameter(`${path}.cpu`, 'must be a number of cores from 0.01, with at most two decimals');
  }
  const memory = optionalInteger(spec, 'memory', 1, 4_194_304, `${path}.memory`);
  if (memory === undefined) {
    throw invalidParameter(`${path}.memory`, 'is required (MB)');
  }
  if (spec.gpu !== undefined && (typeof spec.gpu !== 'number' || !(spec.gpu >= 0 && spec.gpu <= 16) || !twoDecimals(spec.gpu))) {
    throw invalidParameter(`${path}.gpu`, 'must be a number of GPUs from 0, with at most two decimals');
  }
  const ascend = optionalInteger(spec, 'ascend', 0, 16, `${path}.ascend`);
  return { cpu: spec.cpu, memory, ...(typeof spec.gpu === 'number' ? { gpu: spec.gpu } : {}), ...(ascend === undefined ? {} : { ascend }) };
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

function requiredInteger(source: Record<string, unknown>, key: string, min: number, max: number, path: string): number {
  const value = optionalInteger(source, key, min, max, path);
  if (value === undefined) {
    throw invalidParameter(path, `is required: an integer between ${min} and ${max}`);
  }
  return value;
}

/**
 * `runtime_config` (the SDK's RuntimeConfigCreateRequest): `service_invoke` (protocol, port, authentication of the
 * inference address) and `service_limit` (rate limit, request size in MB, request timeout in seconds), with the
 * SDK's ranges. WebSocket protocols are refused for asynchronous services, as the SDK's field text says.
 */
function parseRuntimeConfig(body: Record<string, unknown>, type: string): { config: Record<string, unknown>; authType: string } {
  const config = requiredObject(body, 'runtime_config');
  const invoke = requiredObject(config, 'service_invoke', 'runtime_config.service_invoke');
  const protocols = type === 'ASYNC_REAL_TIME' ? ['HTTP', 'HTTPS'] : ['HTTP', 'HTTPS', 'WSS', 'WS'];
  oneOf(requiredString(invoke, 'protocol', 'runtime_config.service_invoke.protocol'), protocols, 'runtime_config.service_invoke.protocol');
  requiredInteger(invoke, 'port', 1, 65535, 'runtime_config.service_invoke.port');
  const authType = oneOf(requiredString(invoke, 'auth_type', 'runtime_config.service_invoke.auth_type'), ['TOKEN', 'API_KEY', 'NONE'], 'runtime_config.service_invoke.auth_type');
  const limit = requiredObject(config, 'service_limit', 'runtime_config.service_limit');
  const rate = requiredObject(limit, 'rate_limit', 'runtime_config.service_limit.rate_limit');
  requiredInteger(rate, 'num', 1, 10_000, 'runtime_config.service_limit.rate_limit.num');
  oneOf(requiredString(rate, 'unit', 'runtime_config.service_limit.rate_limit.unit'), ['SECONDS', 'MINUTES'], 'runtime_config.service_limit.rate_limit.unit');
  requiredInteger(limit, 'request_size_limit', 1, 50, 'runtime_config.service_limit.request_size_limit');
  requiredInteger(limit, 'request_timeout', 1, 7200, 'runtime_config.service_limit.request_timeout');
  return { config, authType };
}

/** `custom_metrics_path`: empty (no custom metrics), or "<http|https>,<port>,<path>". */
function parseCustomMetricsPath(body: Record<string, unknown>): void {
  const text = optionalString(body, 'custom_metrics_path', '');
  const match = CUSTOM_METRICS_PATH.exec(text);
  const port = Number(match?.[2]);
  if (text !== '' && (text.length > 255 || !match || !(port >= 1 && port <= 65535))) {
    throw invalidParameter('custom_metrics_path', 'must be empty or "<http|https>,<port>,<path>", such as "http,8080,metrics"');
  }
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
  const version = parseVersion(body, DEFAULT_VERSION_V2);
  const description = parseDescriptionV2(body, '');
  const groups = body.group_configs;
  if (!Array.isArray(groups) || groups.length > 1) {
    throw invalidParameter('group_configs', 'is required: a list of at most one deployment');
  }
  const parsed = groups.map((group, index) => parseGroupConfig(project, group, `group_configs[${index}]`, version, description, now));
  const { config, authType } = parseRuntimeConfig(body, type);
  parseCustomMetricsPath(body);
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
