import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { isResourceNode } from '../views/nodes/explorerNode';
import type { ResourceNode } from '../views/nodes/resourceNodes';
import type { ResourceKind } from '../views/resourceKind';

/**
 * The resources of `kind` in the tree's multi-selection that `eligible` accepts (none when the command came
 * from elsewhere). Batch requests go to one region, so a selection spanning regions is refused with `oneRegion`.
 */
export function selectedOfKind<T>(kind: ResourceKind<T>, selected: unknown, eligible: (item: T) => boolean, oneRegion: string): ResourceNode<T>[] {
  const nodes = Array.isArray(selected)
    ? selected.filter((node): node is ResourceNode<T> => isResourceNode(node) && node.kind === kind && eligible((node as ResourceNode<T>).resource))
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

/** What a multi-selection held besides `chosen` (items of another kind, or that cannot do the action now), as a note; none when nothing was left out. */
export function leftOutNote(selected: readonly unknown[], chosen: readonly unknown[]): string | undefined {
  const leftOut = selected.filter((node) => !chosen.includes(node)).map((node) => (isResourceNode(node) ? node.name : vscode.l10n.t('an item of another kind')));
  return leftOut.length > 0 ? vscode.l10n.t('Left out, as they are of another kind or cannot do that now: {0}.', quotedNames(leftOut)) : undefined;
}
