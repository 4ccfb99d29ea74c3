import type { Model } from '../../services/models';
import { modelKind } from '../../views/kinds/modelKind';
import { GetResourceTool } from '../resourceTools';

export class GetModelTool extends GetResourceTool<Model> {
  readonly name = 'modelarts_get_model';
  protected readonly kind = modelKind;
}
