import { notebookActions } from '../../commands/notebookCommands';
import type { Notebook } from '../../services/notebooks';
import { notebookKind } from '../../views/kinds/notebookKind';
import { ResourceActionTool } from '../actionTools';

export class StopNotebookTool extends ResourceActionTool<Notebook> {
  readonly name = 'modelarts_stop_notebook';
  protected readonly kind = notebookKind;
  protected readonly action = notebookActions.stop;
}
