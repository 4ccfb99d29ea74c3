import type { Notebook } from '../../services/notebooks';
import { createNotebookForm } from '../../webviews/createForms';
import { emptyNotebookForm } from '../../webviews/formRules';
import type { NotebookFormValues } from '../../webviews/protocol';
import { CreateResourceTool } from '../actionTools';

export class CreateNotebookTool extends CreateResourceTool<NotebookFormValues, Notebook> {
  readonly name = 'modelarts_create_notebook';
  protected readonly form = createNotebookForm;

  protected emptyValues(workspaceId: string): NotebookFormValues {
    return emptyNotebookForm(workspaceId);
  }
}
