/**
 * The objects of the v2 ("new version") inference API (§4.2–4.4 and the SDK's response
 * models) that the product reads. Field names are the API's; the adapter turns the detail's
 * string times into numbers, so every `create_at`/`update_at` here is epoch ms.
 */

/** What one instance runs (`unit_configs[]`). */
export interface ServiceV2Unit {
  readonly image?: { readonly source?: string; readonly swr_path?: string };
  /** A public flavor; a unit on a dedicated pool has a `custom_spec` instead. */
  readonly flavor?: string;
  readonly custom_spec?: Readonly<Record<string, number>>;
  readonly cmd?: string;
  readonly count?: number;
  readonly port?: number;
  readonly envs?: Readonly<Record<string, string>>;
}

/**
 * A deployment: an item of `GET …/deployments`, its own GET, or an `instance_groups[]` entry of the
 * service's detail (which carry the configuration; the list item does not).
 */
export interface ServiceV2Deployment {
  readonly id: string;
  readonly name: string;
  /** UPPERCASE, as the service's. */
  readonly status: string;
  readonly weight?: number;
  /** "80%". */
  readonly traffic_ratio?: string;
  readonly pool_id?: string;
  /** The version it runs, "0.0.2". */
  readonly version?: string;
  readonly version_count?: number;
  readonly framework?: string;
  /** Instances. */
  readonly count?: number;
  readonly running_count?: number;
  readonly unit_configs?: readonly ServiceV2Unit[];
  readonly create_at?: number;
  readonly update_at?: number;
}

/** How often a service may be called, how large and how long a request may be (the SDK's ServiceLimit). */
export interface ServiceV2Limit {
  /** Calls per `unit`: 1–10000. */
  readonly rate_limit: { readonly num: number; readonly unit: 'SECONDS' | 'MINUTES' };
  /** MB, 1–50. */
  readonly request_size_limit: number;
  /** Seconds, 1–7200. */
  readonly request_timeout: number;
}

/** The detail's `version` object: the version the service runs and its deployments' configuration. */
export interface ServiceV2Version {
  readonly id?: string;
  readonly version?: string;
  /** The service's description (the detail has none at the top). */
  readonly description?: string;
  readonly predict_url?: string;
  readonly instance_groups?: readonly ServiceV2Deployment[];
  readonly runtime_config?: {
    readonly service_invoke?: { readonly port?: number; readonly protocol?: string; readonly auth_type?: string };
    readonly service_limit?: Partial<ServiceV2Limit>;
  };
}

/**
 * A v2 real-time service. A list item has `version` as a string, with `version_count`, `description`, `auth_type`
 * and `user_name`; the service's own GET (and create, start, stop) has `version` as an object holding the
 * description and the runtime configuration, and adds `predict_url` and `failure_reason`.
 */
export interface ServiceV2 {
  readonly id: string;
  readonly name: string;
  /** UPPERCASE (§4.3): INIT, DEPLOYING, RUNNING, STOPPING, STOPPED, FAILED, DELETING, CONCERNING, UPGRADING, ERROR, INTERRUPTING. */
  readonly status: string;
  /** A list item's; the detail's is `version.description` (`serviceDescription`). */
  readonly description?: string;
  /** REAL_TIME or ASYNC_REAL_TIME. */
  readonly type?: string;
  /** SINGLE or MULTI (several deployments sharing the traffic). */
  readonly deploy_type?: string;
  readonly workspace_id?: string;
  readonly user_name?: string;
  readonly auth_type?: string;
  readonly version?: string | ServiceV2Version;
  readonly version_count?: number;
  readonly failure_reason?: string;
  /** `{type: CONSOLE | PUBLIC | INTERNAL, urls}`: the inference addresses, once deployed. */
  readonly predict_url?: readonly { readonly type?: string; readonly urls?: readonly string[] }[];
  readonly tags?: readonly { readonly key: string; readonly value?: string }[];
  readonly create_at?: number;
  readonly update_at?: number;
}

/** The version label of a service, from a list item or a detail. */
export function serviceVersionLabel(service: ServiceV2): string | undefined {
  return typeof service.version === 'string' ? service.version : service.version?.version;
}

/** The description of a list item or a detail. */
export function serviceDescription(service: ServiceV2): string | undefined {
  return typeof service.version === 'object' ? service.version.description : service.description;
}

/** How callers authenticate: a list item's `auth_type`, or the detail's runtime configuration. */
export function serviceAuthType(service: ServiceV2): string | undefined {
  return typeof service.version === 'object' ? service.version.runtime_config?.service_invoke?.auth_type : service.auth_type;
}

/** The deployments' configuration, when the object is a detail. */
export function instanceGroups(service: ServiceV2): readonly ServiceV2Deployment[] {
  return typeof service.version === 'object' ? (service.version.instance_groups ?? []) : [];
}

/** The inference addresses of a detail, public ones first. */
export function accessAddresses(service: ServiceV2): string[] {
  const entries = [...(service.predict_url ?? [])].sort((a, b) => Number(b.type === 'PUBLIC') - Number(a.type === 'PUBLIC'));
  return entries.flatMap((entry) => entry.urls ?? []);
}

/** NORMAL, ABNORMAL or WARNING (upper case, unlike v1's). */
export interface ServiceV2Event {
  readonly id?: string;
  readonly event_type: string;
  readonly event_info: string;
  readonly create_at: number;
}

/** A flavor of `GET …/services/flavors` (the SDK's InferFlavor); memory in MB as seen. */
export interface ServiceV2Flavor {
  readonly id: string;
  readonly name?: string;
  readonly category?: string;
  readonly arch?: string;
  readonly vcpus?: number;
  readonly memory?: number;
  readonly gpu?: { readonly gpu?: number; readonly gpu_memory?: string; readonly type?: string };
  readonly ascend?: { readonly npu?: number; readonly npu_memory?: string; readonly type?: string };
  readonly description?: string;
  readonly billing?: { readonly code?: string };
  readonly free?: boolean;
  readonly sold_out?: boolean;
}

/** A dedicated pool as the inference service sees it (`GET …/services/clusters/{id}`). */
export interface InferenceCluster {
  readonly pool_id: string;
  /** ACTIVE, INITIALIZING, PENDING, DELETING… */
  readonly status?: string;
  readonly type?: string;
  readonly resource_categories?: readonly string[];
  readonly flavors?: readonly ServiceV2Flavor[];
}

export interface ServiceV2DeploymentVersion {
  readonly version: string;
  readonly version_status?: string;
  readonly description?: string;
  /** RFC 3339. */
  readonly create_at?: string;
}

export interface ServiceV2Instance {
  readonly instance_name: string;
  readonly status?: string;
  readonly pod_count?: number;
  readonly running_pod_count?: number;
}

export interface ServiceV2Pod {
  readonly pod_id?: string;
  readonly pod_name: string;
  readonly pod_node_ip?: string;
  readonly pod_node_name?: string;
  readonly status?: string;
}

/** One entry of the batch delete's answer: the service, or why it was not deleted. */
export interface ServiceV2DeleteResult {
  readonly id: string;
  readonly name?: string;
  readonly status?: string;
  readonly failure_reason?: string;
}

/** One deployment of §4.4's create body. */
export interface ServiceV2GroupConfig {
  readonly name: string;
  readonly framework: string;
  readonly weight: number;
  readonly count: number;
  readonly pool_id?: string;
  readonly unit_configs: readonly ServiceV2Unit[];
}

/** §4.4's create body (the SDK's ServiceCreateRequest); the adapter adds `workspace_id`. */
export interface CreateServiceV2Request {
  readonly name: string;
  readonly version: string;
  readonly description?: string;
  readonly type: 'REAL_TIME';
  readonly deploy_type: 'SINGLE';
  readonly group_configs: readonly ServiceV2GroupConfig[];
  readonly runtime_config: {
    readonly service_invoke: { readonly port: number; readonly protocol: 'HTTPS'; readonly auth_type: string };
    readonly service_limit: ServiceV2Limit;
  };
  /**
   * "<protocol>,<port>,<path>" of custom metrics, or empty for none. The SDK requires the field; its Go SDK sends
   * it empty whenever the caller sets none (`custom_metrics_path` without omitempty), so empty means none.
   */
  readonly custom_metrics_path: string;
}
