import { notebookActions } from '../../commands/notebookCommands';
import type { Notebook } from '../../services/notebooks';
import { notebookKind } from '../../views/kinds/notebookKind';
import { ResourceActionTool } from '../actionTools';

export class DeleteNotebookTool extends ResourceActionTool<Notebook> {
  readonly name = 'modelarts_delete_notebook';
  protected readonly kind = notebookKind;
  protected readonly action = notebookActions.delete;
}
