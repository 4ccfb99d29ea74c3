import { trainingJobActions } from '../../commands/trainingJobCommands';
import type { TrainingJob } from '../../services/trainingJobs';
import { trainingJobKind } from '../../views/kinds/trainingJobKind';
import { ResourceActionTool } from '../actionTools';

export class DeleteTrainingJobTool extends ResourceActionTool<TrainingJob> {
  readonly name = 'modelarts_delete_training_job';
  protected readonly kind = trainingJobKind;
  protected readonly action = trainingJobActions.delete;
}
