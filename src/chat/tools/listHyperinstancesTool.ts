import type { Hyperinstance } from '../../services/devServers';
import { hyperinstanceKind } from '../../views/kinds/liteServerKinds';
import { ListResourcesTool } from '../resourceTools';

export class ListHyperinstancesTool extends ListResourcesTool<Hyperinstance> {
  readonly name = 'modelarts_list_hyperinstances';
  protected readonly kind = hyperinstanceKind;
  protected override readonly perRegion = true;
}
