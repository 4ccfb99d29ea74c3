import type { ModelArtsServices } from '../services';
import { asModelArtsError, isCancellation, type ModelArtsError } from '../services/errors';
import type { Workspace, WorkspaceScope } from '../services/workspaces';
import type { BillingItem, BillingKind, BillingKindKey } from './billingKinds';

/** A list the count could not read: the count is then a lower bound, and says so. */
export interface CountFailure {
  readonly region: string;
  /** Absent when the region's workspaces could not be listed (nothing of it was counted). */
  readonly kind?: BillingKindKey;
  readonly error: ModelArtsError;
}

/** What one count found billing across the configured regions. */
export interface CostSnapshot {
  /** The kinds counted, in the order they are shown. */
  readonly kinds: readonly BillingKind<unknown>[];
  readonly items: readonly BillingItem[];
  readonly failures: readonly CountFailure[];
}

export function countOf(snapshot: CostSnapshot, key: BillingKindKey): number {
  return snapshot.items.filter((item) => item.kind.key === key).length;
}

/**
 * Everything billing now in `regions`. The SDK gives each list's workspace a default ("0", §1.1, §2.2, §5.1), so no
 * list answers for all workspaces at once: per region, one list of its workspaces, then one list per kind and
 * workspace (Lite Servers: one per region), each narrowed on the server to running resources where the API can,
 * paged with the one paging helper. Never a request per resource.
 */
export async function countBilling(services: ModelArtsServices, regions: readonly string[], signal: AbortSignal): Promise<CostSnapshot> {
  // The kinds' code loads with the first count, not at activation.
  const { BILLING_KINDS } = await import('../views/treeCode');
  const perRegion = await Promise.all(regions.map((region) => countRegion(services, BILLING_KINDS, region, signal)));
  return { kinds: BILLING_KINDS, items: perRegion.flatMap((result) => result.items), failures: perRegion.flatMap((result) => result.failures) };
}

async function countRegion(services: ModelArtsServices, kinds: readonly BillingKind<unknown>[], region: string, signal: AbortSignal): Promise<{ items: BillingItem[]; failures: CountFailure[] }> {
  let workspaces: readonly Workspace[];
  try {
    workspaces = await services.workspaces.list(region, signal);
  } catch (error) {
    if (isCancellation(error)) {
      throw error;
    }
    return { items: [], failures: [{ region, error: asModelArtsError(error) }] };
  }
  const lists = kinds.flatMap((kind) =>
    (kind.perRegion ? workspaces.slice(0, 1) : workspaces).map((workspace) => listKind(services, kind, { region, workspaceId: workspace.id }, workspace.name, signal)),
  );
  const results = await Promise.all(lists);
  return { items: results.flatMap((result) => result.items), failures: results.flatMap((result) => result.failures) };
}

async function listKind(services: ModelArtsServices, kind: BillingKind<unknown>, scope: WorkspaceScope, workspaceName: string, signal: AbortSignal): Promise<{ items: BillingItem[]; failures: CountFailure[] }> {
  try {
    const resources = await kind.listRunning(services, scope, signal);
    return { items: resources.map((resource) => ({ kind, scope, workspaceName, resource })), failures: [] };
  } catch (error) {
    if (isCancellation(error)) {
      throw error;
    }
    return { items: [], failures: [{ region: scope.region, kind: kind.key, error: asModelArtsError(error) }] };
  }
}
