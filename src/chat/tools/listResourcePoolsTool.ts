import type { Pool } from '../../services/poolObjects';
import { poolKind } from '../../views/kinds/poolKinds';
import { ListResourcesTool } from '../resourceTools';

export class ListResourcePoolsTool extends ListResourcesTool<Pool> {
  readonly name = 'modelarts_list_resource_pools';
  protected readonly kind = poolKind;
}
