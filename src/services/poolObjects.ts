/** The k8s-style objects of the pool API (§5.3) and the labels and annotations the product reads on them. */

/** The k8s-style metadata of pool objects (API reference §5.3). */
export interface ObjectMeta {
  readonly name: string;
  readonly creationTimestamp?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface ResourceCount {
  readonly flavor: string;
  readonly count: number;
}

/**
 * How many nodes are in one state: the SDK's PoolResourceFlavorCount, one object. The OTC API reference gives a
 * list of them (one per flavor) for the same field, so a list is read too: `stateCounts` takes either.
 */
export type StateCount = ResourceCount | readonly ResourceCount[];

/** How many nodes of which flavor are in each state. */
export interface ResourceStates {
  readonly creating?: StateCount;
  readonly available?: StateCount;
  readonly abnormal?: StateCount;
  readonly deleting?: StateCount;
}

/** The counts of one state as a list, whichever shape the service answered. */
export function stateCounts(state: StateCount | undefined): readonly ResourceCount[] {
  return state === undefined ? [] : 'count' in state ? [state] : state;
}

/** A zone and how many of a node pool's nodes run in it. */
export interface ZoneCount {
  readonly az: string;
  readonly count: number;
}

/**
 * One `spec.resources` entry of a pool: a node pool's flavor and size. `nodePool` names it (the SDK's model lacks
 * it; Terraform reads and sends it). `maxCount` is the elastic size, equal to `count` in a physical pool: no limit.
 */
export interface PoolResource extends ResourceCount {
  readonly nodePool?: string;
  readonly maxCount?: number;
  readonly azs?: readonly ZoneCount[];
}

/** A dedicated resource pool; its id is metadata.name, its display name a label. */
export interface Pool {
  readonly metadata: ObjectMeta;
  readonly spec?: {
    readonly type?: string;
    readonly scope?: readonly string[];
    readonly resources?: readonly PoolResource[];
    readonly network?: { readonly name?: string };
  };
  readonly status?: {
    readonly phase?: string;
    readonly message?: string;
    readonly resources?: ResourceStates;
    /** Enabling, Enabled, Disabling or Disabled per use (§5.3). */
    readonly scope?: readonly { readonly scopeType: string; readonly state: string }[];
  };
}

export interface PoolNode {
  readonly metadata: ObjectMeta;
  readonly spec?: { readonly flavor?: string };
  readonly status?: { readonly phase?: string; readonly az?: string; readonly privateIp?: string };
}

/** A node pool: its name, its size (the SDK's PoolResource) and its nodes by state; no phase, no creation time. */
export interface NodePool {
  readonly metadata: { readonly name: string };
  readonly spec?: { readonly resources?: { readonly flavor?: string; readonly count?: number; readonly maxCount?: number; readonly azs?: readonly ZoneCount[] } };
  readonly status?: { readonly resources?: ResourceStates };
}

/** A plugin instance; the paths name it by its template (`spec.template.name`). */
export interface PoolPlugin {
  readonly metadata: ObjectMeta;
  readonly spec?: { readonly template?: { readonly name?: string; readonly version?: string } };
  readonly status?: { readonly phase?: string; readonly version?: string };
}

/** One version of a plugin template (the SDK's PluginTemplateVersionV2). */
export interface PluginTemplateVersion {
  readonly version: string;
  readonly description?: string;
  readonly creationTimestamp?: string;
}

export interface PluginTemplate {
  readonly metadata: { readonly name: string };
  readonly spec?: { readonly description?: string; readonly versions?: readonly PluginTemplateVersion[] };
}

export interface ResourceFlavor {
  readonly metadata: ObjectMeta;
  readonly spec?: {
    readonly cpuArch?: string;
    readonly cpu?: string;
    /** e.g. `32Gi`. */
    readonly memory?: string;
    readonly gpu?: { readonly type?: string; readonly size?: string };
    readonly npu?: { readonly type?: string; readonly size?: string };
    readonly billingCode?: string;
  };
  /** Per availability zone: `normal` or `soldout` (the SDK's ResourceFlavorStatus). */
  readonly status?: { readonly phase?: Readonly<Record<string, string>> };
}

export interface PoolNetwork {
  readonly metadata: ObjectMeta;
  readonly spec?: { readonly cidr?: string };
}

/** A pool tag as the product shows and sends it (the SDK's Tag); the service answers it as a PoolTagKey of one value. */
export interface PoolTag {
  readonly key: string;
  readonly value: string;
}

/** A tag key with its values (the SDK's PoolTag): every value it has on the project's pools, or its one on a pool. */
export interface PoolTagKey {
  readonly key: string;
  readonly values?: readonly string[];
}

/** A node pool to add to a pool (§5.3 NodePool). */
export interface NewNodePool {
  readonly name: string;
  readonly flavor: string;
  readonly count: number;
  /** Put every node in this availability zone; any zone when absent. */
  readonly az?: string;
}

/** Nodes whose flavor changes: whole creation batches of one node pool. */
export interface NodeResize {
  readonly nodePool: string;
  readonly fromFlavor: string;
  readonly toFlavor: string;
  readonly batchUids: readonly string[];
}

/** What a lock or unlock did to each node (the SDK's NodesResultMsg). */
export interface NodeActionResult {
  readonly name: string;
  readonly status: 'success' | 'failed';
}

export const POOL_NAME_LABEL = 'os.modelarts/name';
export const POOL_DESCRIPTION_ANNOTATION = 'os.modelarts/description';
/**
 * Node labels of the SDK's node model: the name of the node's node pool (`os.modelarts.node/nodepool` is its id,
 * which no path takes), and the creation batch a flavor change acts on. No label or annotation of the model says
 * whether a node is locked, so the product does not show it.
 */
export const NODE_POOL_LABEL = 'os.modelarts.node/nodepoolname';
export const NODE_BATCH_LABEL = 'os.modelarts.node/batch.uid';

export function poolDisplayName(pool: Pool): string {
  return pool.metadata.labels?.[POOL_NAME_LABEL] ?? pool.metadata.name;
}

/** The template a plugin instance was installed from: what its paths are named by. */
export function pluginTemplateName(plugin: PoolPlugin): string {
  return plugin.spec?.template?.name ?? plugin.metadata.name;
}
