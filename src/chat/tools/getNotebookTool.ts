import type { Notebook } from '../../services/notebooks';
import { notebookKind } from '../../views/kinds/notebookKind';
import { GetResourceTool } from '../resourceTools';

export class GetNotebookTool extends GetResourceTool<Notebook> {
  readonly name = 'modelarts_get_notebook';
  protected readonly kind = notebookKind;
}
