/**
 * The rules of the Create Resource Pool form, shared by the browser (live) and
 * the host (again before any request). No `vscode` import: bundled into the browser app.
 */
import type { FieldErrors } from './formRules';
import type { PoolFormValues } from './protocol';

/**
 * Pool display names: 4–30 lower-case letters, digits and hyphens, starting with a
 * letter. The reference does not state the rule (§5.3, uncertain); the console's is this.
 */
const POOL_NAME = /^[a-z][a-z0-9-]{3,29}$/;
/** A pool is created with at least one node; the console offers up to 500 at once (uncertain). */
export const POOL_MAX_NODES = 500;

export function validatePoolForm(values: PoolFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!POOL_NAME.test(values.name)) {
    errors.name = 'Use 4 to 30 lower-case letters, digits or hyphens (-), starting with a letter.';
  }
  if (!values.flavorId) {
    errors.flavorId = 'Choose a flavor.';
  }
  if (!(Number.isInteger(values.nodeCount) && values.nodeCount >= 1 && values.nodeCount <= POOL_MAX_NODES)) {
    errors.nodeCount = `Enter 1 to ${POOL_MAX_NODES} nodes.`;
  }
  if (!values.networkName) {
    errors.networkName = 'Choose a network.';
  }
  if (values.uses.length === 0) {
    errors.uses = 'Choose what the pool is for.';
  }
  return errors;
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
      labels: { 'os.modelarts/name': values.name, 'os.modelarts/workspace.id': values.workspaceId },
      annotations: { 'os.modelarts/description': values.description },
    },
    spec: {
      type: 'Dedicate',
      scope: values.uses,
      network: { name: values.networkName },
      resources: [{ flavor: values.flavorId, count: values.nodeCount }],
    },
  };
}
