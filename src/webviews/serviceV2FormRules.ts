/**
 * The rules of the Create Real-Time Service (v2) form, shared by the browser (live) and the
 * host (again before any request), and the §4.4 body it sends. No `vscode` import: bundled
 * into the browser app.
 */
import { type CreateServiceV2Request, instanceGroups, type ServiceV2, serviceAuthType, serviceDescription, serviceVersionLabel } from '../services/inferenceV2Objects';
import { resourceNameProblem } from '../services/naming';
import { imageRegionProblem } from '../services/serviceRegion';
import { copyName, environmentErrors, type FieldErrors } from './formRules';
import { SERVICE_V2_AUTH_TYPES, SERVICE_V2_FRAMEWORKS, SERVICE_V2_RATE_UNITS, type ServiceV2FormValues, type ServiceV2Options } from './protocol';
import * as l10n from '@vscode/l10n';

/** The SDK's GroupConfig.count: 1 to 128 instances. */
export const SERVICE_V2_MAX_INSTANCES = 128;
/** The SDK's field text: at most 512 characters, without "<" or ">". */
export const SERVICE_V2_MAX_DESCRIPTION = 512;
/** Most cores and memory (MB) a custom spec asks of a pool node (assumed); at least 0.01 cores (the SDK's CustomResourceSpec). */
export const SERVICE_V2_MAX_CPU = 256;
export const SERVICE_V2_MAX_MEMORY_MB = 4_194_304;
/** The SDK's ServiceLimit: calls per second or minute, request size (MB) and timeout (s). */
export const SERVICE_V2_MAX_RATE = 10_000;
export const SERVICE_V2_MAX_REQUEST_MB = 50;
export const SERVICE_V2_MAX_TIMEOUT_S = 7200;
/** The deployment a form-created service starts with (the reference's example name). */
export const FIRST_DEPLOYMENT = 'group-1';
/** The SDK's field text: three numbers up to 99.99.99, at most 8 characters. */
const VERSION = /^\d{1,2}\.\d{1,2}\.\d{1,2}$/;
/** §4.4: `swr.<region>.myhuaweicloud.com/<namespace>/<repository>:<tag>`. */
const SWR_IMAGE = /^swr\.[a-z0-9-]+\.myhuaweicloud\.com\/[a-z0-9._-]+\/[a-z0-9._/-]+:[A-Za-z0-9._-]+$/;

/** What is wrong with an image path for a service in `region` (given once the choices are loaded). */
export function imageProblem(image: string, region: string | undefined): string | undefined {
  const path = image.trim();
  if (!path) {
    return l10n.t('Choose an image of your SWR, or type its path.');
  }
  if (!SWR_IMAGE.test(path)) {
    return l10n.t('An SWR image path with its tag: swr.<region>.myhuaweicloud.com/<namespace>/<repository>:<tag>.');
  }
  return region === undefined ? undefined : imageRegionProblem(path, region);
}

const wholeBetween = (value: number, min: number, max: number): boolean => Number.isInteger(value) && value >= min && value <= max;
/** At most two decimals: the API rounds the third away. */
const twoDecimals = (value: number): boolean => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;

/** The resources: a public flavor offered (and not sold out), or a pool of the chosen workspace with cores and memory. */
function resourceErrors(errors: FieldErrors, values: ServiceV2FormValues, options: ServiceV2Options | undefined): void {
  if (values.resources === 'flavor') {
    const flavor = options?.flavors.find((candidate) => candidate.id === values.flavor);
    if (!values.flavor) {
      errors.flavor = l10n.t('Choose a flavor.');
    } else if (options && !flavor) {
      errors.flavor = l10n.t('This flavor is not offered in this region.');
    } else if (flavor?.soldOut) {
      errors.flavor = l10n.t('This flavor is sold out; choose another.');
    }
    return;
  }
  if (!values.poolId) {
    errors.poolId = l10n.t('Choose a dedicated pool.');
  } else if (options && !options.pools.some((pool) => pool.id === values.poolId && pool.workspaceId === values.workspaceId)) {
    errors.poolId = l10n.t('Choose a running pool of this workspace that is used for inference.');
  }
  if (!(Number.isFinite(values.cpu) && values.cpu >= 0.01 && values.cpu <= SERVICE_V2_MAX_CPU && twoDecimals(values.cpu))) {
    errors.cpu = l10n.t('Enter 0.01 to {0} cores, with at most two decimals (0.5 is half a core).', SERVICE_V2_MAX_CPU);
  }
  if (!wholeBetween(values.memoryMb, 1, SERVICE_V2_MAX_MEMORY_MB)) {
    errors.memoryMb = l10n.t('Enter the memory in MB, a whole number (8192 is 8 GB).');
  }
}

/** With the choices loaded, the image's region and the flavor or pool are checked against them too. */
export function validateServiceV2Form(values: ServiceV2FormValues, options?: ServiceV2Options): FieldErrors {
  const errors: FieldErrors = {};
  const name = resourceNameProblem(values.name);
  if (name) {
    errors.name = name;
  }
  if (values.description.length > SERVICE_V2_MAX_DESCRIPTION) {
    errors.description = l10n.t('At most {0} characters.', SERVICE_V2_MAX_DESCRIPTION);
  } else if (/[<>]/.test(values.description)) {
    errors.description = l10n.t('The description cannot contain "<" or ">".');
  }
  if (!VERSION.test(values.version)) {
    errors.version = l10n.t('Three numbers up to 99, such as 1.0.0.');
  }
  const image = imageProblem(values.image, options?.region);
  if (image) {
    errors.image = image;
  }
  resourceErrors(errors, values, options);
  if (!wholeBetween(values.instanceCount, 1, SERVICE_V2_MAX_INSTANCES)) {
    errors.instanceCount = l10n.t('Enter 1 to {0} instances.', SERVICE_V2_MAX_INSTANCES);
  }
  if (!wholeBetween(values.port, 1, 65535)) {
    errors.port = l10n.t('The port the container listens on: 1 to 65535.');
  }
  environmentErrors(errors, 'environment', values.environment);
  // The SDK's UnitConfig.envs: names of at most 64 characters, values without markup.
  const long = values.environment.findIndex((row) => row.name.length > 64);
  const markup = values.environment.findIndex((row) => /[<>]/.test(row.value));
  if (!errors.environment && long >= 0) {
    errors.environment = l10n.t('Row {0} needs a name of at most 64 characters.', long + 1);
  } else if (!errors.environment && markup >= 0) {
    errors.environment = l10n.t('Row {0} needs a value without "<" or ">".', markup + 1);
  }
  limitErrors(errors, values);
  return errors;
}

/** What the service lets through: the SDK's ServiceLimit ranges. */
function limitErrors(errors: FieldErrors, values: ServiceV2FormValues): void {
  if (!wholeBetween(values.rateLimit, 1, SERVICE_V2_MAX_RATE)) {
    errors.rateLimit = l10n.t('Enter 1 to {0} calls.', SERVICE_V2_MAX_RATE);
  }
  if (!wholeBetween(values.requestTimeout, 1, SERVICE_V2_MAX_TIMEOUT_S)) {
    errors.requestTimeout = l10n.t('Enter 1 to {0} seconds.', SERVICE_V2_MAX_TIMEOUT_S);
  }
  if (!wholeBetween(values.requestSizeLimit, 1, SERVICE_V2_MAX_REQUEST_MB)) {
    errors.requestSizeLimit = l10n.t('Enter 1 to {0} MB.', SERVICE_V2_MAX_REQUEST_MB);
  }
}

export function emptyServiceV2Form(workspaceId: string): ServiceV2FormValues {
  return {
    name: '',
    description: '',
    workspaceId,
    version: '1.0.0',
    framework: 'COMMON',
    image: '',
    resources: 'flavor',
    flavor: '',
    poolId: '',
    cpu: 2,
    memoryMb: 8192,
    instanceCount: 1,
    port: 8080,
    command: '',
    authType: 'TOKEN',
    environment: [],
    // The documented defaults: 100 calls a second and a 60 s timeout (bestpractice-modelarts modelarts_llm_infer_90851),
    // and APIG's 12 MB request body (modelarts_faq modelarts_05_3134).
    rateLimit: 100,
    rateLimitUnit: 'SECONDS',
    requestTimeout: 60,
    requestSizeLimit: 12,
  };
}

/** §4.4's body: one SINGLE deployment taking all the traffic, one unit per instance, called over HTTPS, no custom metrics. */
export function toCreateServiceV2Request(values: ServiceV2FormValues): CreateServiceV2Request {
  const onPool = values.resources === 'pool';
  return {
    name: values.name,
    version: values.version,
    ...(values.description ? { description: values.description } : {}),
    type: 'REAL_TIME',
    deploy_type: 'SINGLE',
    group_configs: [
      {
        name: FIRST_DEPLOYMENT,
        framework: values.framework,
        weight: 100,
        count: values.instanceCount,
        ...(onPool ? { pool_id: values.poolId } : {}),
        unit_configs: [
          {
            image: { source: 'SWR', swr_path: values.image.trim() },
            ...(onPool ? { custom_spec: { cpu: values.cpu, memory: values.memoryMb } } : { flavor: values.flavor }),
            ...(values.command.trim() ? { cmd: values.command.trim() } : {}),
            count: 1,
            port: values.port,
            envs: Object.fromEntries(values.environment.map((row) => [row.name, row.value])),
          },
        ],
      },
    ],
    runtime_config: {
      service_invoke: { port: values.port, protocol: 'HTTPS', auth_type: values.authType },
      service_limit: { rate_limit: { num: values.rateLimit, unit: values.rateLimitUnit }, request_size_limit: values.requestSizeLimit, request_timeout: values.requestTimeout },
    },
    custom_metrics_path: '',
  };
}

const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T => allowed.find((candidate) => candidate === value) ?? fallback;

/** "Create similar…": the form filled from a service's details (its first deployment). */
export function serviceV2ToFormValues(service: ServiceV2, workspaceId: string): ServiceV2FormValues {
  const [group] = instanceGroups(service);
  const [unit] = group?.unit_configs ?? [];
  const empty = emptyServiceV2Form(workspaceId);
  const limit = typeof service.version === 'object' ? service.version.runtime_config?.service_limit : undefined;
  return {
    ...empty,
    name: copyName(service.name),
    description: serviceDescription(service) ?? '',
    version: serviceVersionLabel(service) ?? empty.version,
    framework: oneOf(group?.framework, SERVICE_V2_FRAMEWORKS, empty.framework),
    image: unit?.image?.swr_path ?? '',
    resources: group?.pool_id ? 'pool' : 'flavor',
    flavor: unit?.flavor ?? '',
    poolId: group?.pool_id ?? '',
    cpu: unit?.custom_spec?.cpu ?? empty.cpu,
    memoryMb: unit?.custom_spec?.memory ?? empty.memoryMb,
    instanceCount: group?.count ?? empty.instanceCount,
    port: unit?.port ?? empty.port,
    command: unit?.cmd ?? '',
    authType: oneOf(serviceAuthType(service), SERVICE_V2_AUTH_TYPES, empty.authType),
    environment: Object.entries(unit?.envs ?? {}).map(([name, value]) => ({ name, value })),
    rateLimit: limit?.rate_limit?.num ?? empty.rateLimit,
    rateLimitUnit: oneOf(limit?.rate_limit?.unit, SERVICE_V2_RATE_UNITS, empty.rateLimitUnit),
    requestTimeout: limit?.request_timeout ?? empty.requestTimeout,
    requestSizeLimit: limit?.request_size_limit ?? empty.requestSizeLimit,
  };
}
