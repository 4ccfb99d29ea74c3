import type { Pool, PoolNode } from '../../services/poolObjects';
import { poolKind, poolNodeKind } from '../../views/kinds/poolKinds';
import { type ListInput, SubResourceListTool } from '../resourceTools';

interface ListPoolNodesInput extends ListInput {
  readonly pool: string;
}

export class ListPoolNodesTool extends SubResourceListTool<Pool, PoolNode, ListPoolNodesInput> {
  readonly name = 'modelarts_list_pool_nodes';
  protected readonly kind = poolNodeKind;
  protected readonly parentKind = poolKind;

  protected parentOf(input: ListPoolNodesInput): string {
    return input.pool;
  }
}
