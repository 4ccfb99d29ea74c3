/**
 * The rules of the Create and Edit Resource Pool forms, shared by the browser (live)
 * and the host (again before any request). No `vscode` import: bundled into the browser app.
 */
import { type Pool, POOL_DESCRIPTION_ANNOTATION, POOL_NAME_LABEL, poolDisplayName, type PoolResource } from '../services/poolObjects';
import type { FieldErrors } from './formRules';
import type { PoolEditValues, PoolFormValues, PoolUse } from './protocol';
import * as l10n from '@vscode/l10n';

/**
 * Pool display names: 4–30 lower-case letters, digits and hyphens, starting with a
 * letter. The reference does not state the rule (§5.3, uncertain); the console's is this.
 */
const POOL_NAME = /^[a-z][a-z0-9-]{3,29}$/;
/** A pool is created with at least one node; the console offers up to 500 at once (uncertain). */
export const POOL_MAX_NODES = 500;
const USES: readonly PoolUse[] = ['Train', 'Infer', 'Notebook'];

export function validatePoolForm(values: PoolFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!POOL_NAME.test(values.name)) {
    errors.name = l10n.t('Use 4 to 30 lower-case letters, digits or hyphens (-), starting with a letter.');
  }
  if (!values.flavorId) {
    errors.flavorId = l10n.t('Choose a flavor.');
  }
  if (!(Number.isInteger(values.nodeCount) && values.nodeCount >= 1 && values.nodeCount <= POOL_MAX_NODES)) {
    errors.nodeCount = l10n.t('Enter 1 to {0} nodes.', POOL_MAX_NODES);
  }
  if (!values.networkName) {
    errors.networkName = l10n.t('Choose a network.');
  }
  if (values.uses.length === 0) {
    errors.uses = l10n.t('Choose what the pool is for.');
  }
  return errors;
}

export function isPoolEdit(values: PoolFormValues | PoolEditValues): values is PoolEditValues {
  return 'resources' in values;
}

export function validatePoolEdit(values: PoolEditValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.uses.length === 0) {
    errors.uses = l10n.t('Choose what the pool is for.');
  }
  const wrong = values.resources.find((row) => !(Number.isInteger(row.count) && row.count >= 0 && row.count <= row.max));
  if (wrong) {
    errors.resources = l10n.t('Enter 0 to {0} nodes for {1}.', wrong.max, wrong.nodePool || wrong.flavor);
  }
  return errors;
}

/** The Edit form's values for a pool as it is. */
export function poolToEditValues(pool: Pool, workspaceId: string): PoolEditValues {
  return {
    name: poolDisplayName(pool),
    workspaceId,
    networkName: pool.spec?.network?.name ?? '',
    description: pool.metadata.annotations?.[POOL_DESCRIPTION_ANNOTATION] ?? '',
    uses: USES.filter((use) => pool.spec?.scope?.includes(use)),
    // maxCount is the elastic size (equal to count in a physical pool), not a limit: the form's limit applies.
    resources: (pool.spec?.resources ?? []).map((resource) => ({
      nodePool: resource.nodePool ?? '',
      flavor: resource.flavor,
      count: resource.count,
      max: Math.max(POOL_MAX_NODES, resource.count),
    })),
  };
}

/** Each `spec.resources` entry of the pool with the count the form gives it (rows that do not match their entry change nothing). */
function editedResources(pool: Pool, values: PoolEditValues): { readonly resource: PoolResource; readonly count: number }[] {
  return (pool.spec?.resources ?? []).map((resource, index) => {
    const row = values.resources[index];
    const matches = row && row.flavor === resource.flavor && row.nodePool === (resource.nodePool ?? '');
    return { resource, count: matches ? row.count : resource.count };
  });
}

/** How many nodes the form's counts take away from the pool. */
export function nodesRemoved(pool: Pool, values: PoolEditValues): number {
  return editedResources(pool, values).reduce((sum, { resource, count }) => sum + Math.max(0, resource.count - count), 0);
}

/**
 * The merge patch (§5.1) of what the form changed: empty when nothing did. A merge
 * patch replaces a list whole, so a size change sends every node pool: the fields of
 * the SDK's PoolSpecUpdateResources (flavor, count, azs) and its name, `nodePool`, as
 * Terraform sends it. A node pool whose size changes leaves its zone split out, as it
 * no longer adds up; the service spreads the nodes.
 */
export function toPoolPatch(pool: Pool, values: PoolEditValues): { metadata?: object; spec?: object } {
  const before = poolToEditValues(pool, values.workspaceId);
  const patch: { metadata?: object; spec?: { scope?: readonly PoolUse[]; resources?: object[] } } = {};
  if (values.description !== before.description) {
    patch.metadata = { annotations: { [POOL_DESCRIPTION_ANNOTATION]: values.description } };
  }
  if (values.uses.length !== before.uses.length || values.uses.some((use) => !before.uses.includes(use))) {
    patch.spec = { scope: values.uses };
  }
  const edited = editedResources(pool, values);
  if (edited.some(({ resource, count }) => count !== resource.count)) {
    patch.spec = { ...patch.spec, resources: edited.map(({ resource, count }) => updateEntry(resource, count)) };
  }
  return patch;
}

function updateEntry(resource: PoolResource, count: number): object {
  const zones = resource.azs && count === resource.count ? { azs: resource.azs } : {};
  return { flavor: resource.flavor, count, ...zones, ...(resource.nodePool === undefined ? {} : { nodePool: resource.nodePool }) };
}

export function emptyPoolForm(workspaceId: string): PoolFormValues {
  return { name: '', description: '', workspaceId, flavorId: '', nodeCount: 1, networkName: '', uses: ['Train'] };
}

/** The create body of §5.2: a k8s-style Pool object. */
export function toCreatePoolBody(values: PoolFormValues): object {
  return {
    kind: 'Pool',
    apiVersion: 'v2',
    metadata: {
      labels: { [POOL_NAME_LABEL]: values.name, 'os.modelarts/workspace.id': values.workspaceId },
      annotations: { [POOL_DESCRIPTION_ANNOTATION]: values.description },
    },
    spec: {
      type: 'Dedicate',
      scope: values.uses,
      network: { name: values.networkName },
      resources: [{ flavor: values.flavorId, count: values.nodeCount }],
    },
  };
}
