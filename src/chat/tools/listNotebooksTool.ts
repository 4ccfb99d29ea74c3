import type { Notebook } from '../../services/notebooks';
import { notebookKind } from '../../views/kinds/notebookKind';
import { ListResourcesTool } from '../resourceTools';

export class ListNotebooksTool extends ListResourcesTool<Notebook> {
  readonly name = 'modelarts_list_notebooks';
  protected readonly kind = notebookKind;
}
