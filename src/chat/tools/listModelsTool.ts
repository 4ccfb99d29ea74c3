import type { Model } from '../../services/models';
import { modelKind } from '../../views/kinds/modelKind';
import { ListResourcesTool } from '../resourceTools';

export class ListModelsTool extends ListResourcesTool<Model> {
  readonly name = 'modelarts_list_models';
  protected readonly kind = modelKind;
}
