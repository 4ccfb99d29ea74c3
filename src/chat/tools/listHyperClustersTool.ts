import type { TypedHyperCluster } from '../../services/hyperClusters';
import { hyperClusterKind } from '../../views/kinds/hyperClusterKind';
import { ListResourcesTool } from '../resourceTools';

export class ListHyperClustersTool extends ListResourcesTool<TypedHyperCluster> {
  readonly name = 'modelarts_list_hyper_clusters';
  protected readonly kind = hyperClusterKind;
  protected override readonly perRegion = true;
}
