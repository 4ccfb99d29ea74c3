import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { ResourceNode } from '../views/nodes/resourceNodes';
import type { ResourceKind } from '../views/resourceKind';

/**
 * The resources of `kind` in the tree's multi-selection that `eligible` accepts (none when the command came
 * from elsewhere). Batch requests go to one region, so a selection spanning regions is refused with `oneRegion`.
 */
export function selectedOfKind<T>(kind: ResourceKind<T>, selected: unknown, eligible: (item: T) => boolean, oneRegion: string): ResourceNode<T>[] {
  const nodes = Array.isArray(selected)
    ? selected.filter((node): node is ResourceNode<T> => node instanceof ResourceNode && node.kind === kind && eligible((node as ResourceNode<T>).resource))
    : [];
  if (new Set(nodes.map((node) => node.region)).size > 1) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, oneRegion, 'config');
  }
  return nodes;
}

/** Quoted names for confirmations and titles: "a", "b". */
export function quotedNames(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}
