import { notebookActions } from '../../commands/notebookCommands';
import type { Notebook } from '../../services/notebooks';
import { notebookKind } from '../../views/kinds/notebookKind';
import { ResourceActionTool } from '../actionTools';

export class StartNotebookTool extends ResourceActionTool<Notebook> {
  readonly name = 'modelarts_start_notebook';
  protected readonly kind = notebookKind;
  protected readonly action = notebookActions.start;
}
