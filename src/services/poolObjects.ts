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

/** How many nodes of which flavor are in each state. */
export interface ResourceStates {
  readonly creating?: readonly ResourceCount[];
  readonly available?: readonly ResourceCount[];
  readonly abnormal?: readonly ResourceCount[];
  readonly deleting?: readonly ResourceCount[];
}

/** One `spec.resources` entry of a pool: a node pool's flavor and size (with more fields a merge patch must carry along). */
export interface PoolResource extends ResourceCount {
  readonly nodePool?: string;
  readonly maxCount?: number;
  readonly azs?: readonly unknown[];
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

export interface NodePool {
  readonly metadata: ObjectMeta;
  readonly spec?: { readonly resources?: { readonly flavor?: string; readonly count?: number; readonly maxCount?: number } };
  readonly status?: { readonly phase?: string; readonly resources?: ResourceStates };
}

export interface PoolPlugin {
  readonly metadata: ObjectMeta;
  readonly spec?: { readonly template?: { readonly name?: string; readonly version?: string } };
  readonly status?: { readonly phase?: string };
}

export interface PluginTemplate {
  readonly metadata: { readonly name: string };
  readonly spec?: { readonly description?: string; readonly versions?: readonly string[]; readonly defaultVersion?: string };
}

export interface ResourceFlavor {
  readonly metadata: ObjectMeta;
  readonly spec?: { readonly cpuArch?: string; readonly cpu?: string; readonly memory?: string; readonly gpu?: unknown; readonly npu?: unknown };
  /** Per availability zone: `normal` or `soldout` (the SDK's ResourceFlavorStatus). */
  readonly status?: { readonly phase?: Readonly<Record<string, string>> };
}

export interface PoolNetwork {
  readonly metadata: ObjectMeta;
  readonly spec?: { readonly cidr?: string };
}

/** A pool tag (TMS style, as the OTC API reference gives it). */
export interface PoolTag {
  readonly key: string;
  readonly value: string;
}

/** A tag key used on the project's pools, with every value it has. */
export interface PoolTagKey {
  readonly key: string;
  readonly values: readonly string[];
}

/** A node pool to add to a pool (§5.3 NodePool). */
export interface NewNodePool {
  readonly name: string;
  readonly flavor: string;
  readonly count: number;
  readonly maxCount?: number;
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

/** What a batch node action did to each node. */
export interface NodeActionResult {
  readonly name: string;
  readonly status: 'success' | 'failed';
  readonly message?: string;
}

export const POOL_NAME_LABEL = 'os.modelarts/name';
export const POOL_DESCRIPTION_ANNOTATION = 'os.modelarts/description';
/** Node labels of the SDK's node model: the node pool, and the creation batch a flavor change acts on. */
export const NODE_POOL_LABEL = 'os.modelarts.node/nodepool';
export const NODE_BATCH_LABEL = 'os.modelarts.node/batch.uid';
/**
 * How a lock shows on a node is not documented (§5.1 gives only batch-lock/unlock); this
 * annotation is the emulator's illustrative one, and the only place the product reads a lock.
 */
const NODE_LOCK_ANNOTATION = 'os.modelarts.node/lock.actions';

export function poolDisplayName(pool: Pool): string {
  return pool.metadata.labels?.[POOL_NAME_LABEL] ?? pool.metadata.name;
}

/** The actions (e.g. `delete`) a node is locked against. */
export function nodeLocks(node: PoolNode): string[] {
  return (node.metadata.annotations?.[NODE_LOCK_ANNOTATION] ?? '').split(',').filter(Boolean);
}
