import type { TrainingJob } from '../../services/trainingJobs';
import { createTrainingJobForm } from '../../webviews/createForms';
import { emptyTrainingJobForm } from '../../webviews/formRules';
import type { TrainingJobFormValues } from '../../webviews/protocol';
import { CreateResourceTool } from '../actionTools';

export class CreateTrainingJobTool extends CreateResourceTool<TrainingJobFormValues, TrainingJob> {
  readonly name = 'modelarts_create_training_job';
  protected readonly form = createTrainingJobForm;
  /** The boot command is a script of any number of lines, as the form's text area takes it. */
  protected override readonly multiLineFields: ReadonlySet<string> = new Set(['description', 'command']);

  protected emptyValues(workspaceId: string): TrainingJobFormValues {
    return emptyTrainingJobForm(workspaceId);
  }
}
