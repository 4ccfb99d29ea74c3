/** The Create Resource Pool form, and the same app in its edit mode. */
import { type Check, checkArray, checkLiteral, checkNumber, checkObject, checkOneOf, checkString } from '../checks';
import type { FormScope, MessageChecks } from './common';

/** What a pool is used for (§5.2 spec.scope). */
export type PoolUse = 'Train' | 'Infer' | 'Notebook';

export interface PoolFormValues {
  /** The display name (label os.modelarts/name); the pool's id is generated from it. */
  readonly name: string;
  readonly description: string;
  readonly workspaceId: string;
  readonly flavorId: string;
  readonly nodeCount: number;
  readonly networkName: string;
  readonly uses: readonly PoolUse[];
}

export interface PoolFlavorChoice {
  readonly id: string;
  /** "T4 ×1 · 8 vCPU · 32 GB · price unknown (id)": what the list shows; the value sent is the id. */
  readonly name: string;
  /** CPU, GPU or NPU (or what the flavor list says). */
  readonly category: string;
  readonly description: string;
}

export interface NetworkChoice {
  readonly name: string;
  readonly description: string;
}

/** One node pool of the pool being edited: its size is what may change. */
export interface PoolResourceRow {
  /** Empty when the pool does not name its node pools. */
  readonly nodePool: string;
  readonly flavor: string;
  readonly count: number;
  /** The most nodes it may have: its maxCount, else the form's limit. */
  readonly max: number;
}

/** The create form's fields but flavor and size; the name, workspace and network are shown, not changed. */
export interface PoolEditValues extends Pick<PoolFormValues, 'name' | 'workspaceId' | 'networkName' | 'description' | 'uses'> {
  readonly resources: readonly PoolResourceRow[];
}

export type PoolHostMessage =
  | { readonly type: 'poolForm'; readonly scope: FormScope; readonly values: PoolFormValues }
  | { readonly type: 'poolOptions'; readonly flavors: readonly PoolFlavorChoice[]; readonly networks: readonly NetworkChoice[] }
  | { readonly type: 'poolEditForm'; readonly scope: FormScope; readonly values: PoolEditValues };

export type PoolWebviewMessage =
  | { readonly type: 'submitPool'; readonly values: PoolFormValues }
  | { readonly type: 'submitPoolEdit'; readonly values: PoolEditValues };

const poolFormValues: Check<PoolFormValues> = checkObject({
  name: checkString,
  description: checkString,
  workspaceId: checkString,
  flavorId: checkString,
  nodeCount: checkNumber,
  networkName: checkString,
  uses: checkArray(checkOneOf(['Train', 'Infer', 'Notebook'] as const)),
});

const poolEditValues: Check<PoolEditValues> = checkObject({
  name: checkString,
  workspaceId: checkString,
  networkName: checkString,
  description: checkString,
  uses: checkArray(checkOneOf(['Train', 'Infer', 'Notebook'] as const)),
  resources: checkArray(checkObject({ nodePool: checkString, flavor: checkString, count: checkNumber, max: checkNumber })),
});

export const poolMessageChecks: MessageChecks<PoolWebviewMessage> = {
  submitPool: checkObject({ type: checkLiteral('submitPool'), values: poolFormValues }),
  submitPoolEdit: checkObject({ type: checkLiteral('submitPoolEdit'), values: poolEditValues }),
};
