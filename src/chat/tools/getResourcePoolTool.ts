import type { Pool } from '../../services/poolObjects';
import { poolKind } from '../../views/kinds/poolKinds';
import { GetResourceTool } from '../resourceTools';

export class GetResourcePoolTool extends GetResourceTool<Pool> {
  readonly name = 'modelarts_get_resource_pool';
  protected readonly kind = poolKind;
}
