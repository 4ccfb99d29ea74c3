import type { Pool } from '../services/pools';
import { poolKind } from '../views/kinds/poolKinds';
import type { ExplorerNode } from '../views/nodes/explorerNode';
import { ResourceGroupNode, ResourceNode } from '../views/nodes/resourceNodes';
import type { ListScope, ResourceKind } from '../views/resourceKind';
import type { CommandContext } from './commandContext';
import { resolveTarget } from './resourceTarget';

/** The pool a command on its parts works in. */
export interface PoolInContext {
  readonly id: string;
  readonly name: string;
  /** Where the pool is listed (its workspace). */
  readonly scope: ListScope;
  /** The pool's tree node, when the tree has it. */
  readonly node?: ResourceNode<Pool>;
}

function isPoolNode(node: ExplorerNode | undefined): node is ResourceNode<Pool> {
  return node instanceof ResourceNode && node.kind === poolKind;
}

/** From one of a pool's categories (Node Pools, Plugins) or the pool's node, else picked among the eligible pools. */
export async function resolvePoolOf(context: CommandContext, node: unknown, eligible?: (pool: Pool) => boolean): Promise<PoolInContext> {
  if (node instanceof ResourceGroupNode && isPoolNode(node.parent)) {
    const poolNode = node.parent;
    return { id: poolNode.resourceId, name: poolNode.name, scope: poolNode.parent.scope, node: poolNode };
  }
  const target = await resolveTarget(context, poolKind, node, eligible);
  return { id: poolKind.id(target.item), name: poolKind.name(target.item), scope: target.scope, node: target.node };
}

/** The pool node above a node, node pool or plugin in the tree. */
export function poolNodeAbove(node: ResourceNode<unknown> | undefined): ResourceNode<Pool> | undefined {
  const pool = node?.parent.parent;
  return isPoolNode(pool) ? pool : undefined;
}

/** After a change to a pool's parts: the pool's new state, and its loaded categories of these kinds again. */
export async function refreshPool(context: CommandContext, poolNode: ResourceNode<Pool> | undefined, ...kinds: readonly ResourceKind<unknown>[]): Promise<void> {
  if (!poolNode) {
    return;
  }
  const groups = poolNode.loadedChildren().filter((child): child is ResourceGroupNode<unknown> => child instanceof ResourceGroupNode && kinds.includes(child.kind));
  await Promise.all([context.explorer.refresh(poolNode), ...groups.map((group) => context.explorer.refresh(group))]);
}
