import { trainingJobActions } from '../../commands/trainingJobCommands';
import type { TrainingJob } from '../../services/trainingJobs';
import { trainingJobKind } from '../../views/kinds/trainingJobKind';
import { ResourceActionTool } from '../actionTools';

export class StopTrainingJobTool extends ResourceActionTool<TrainingJob> {
  readonly name = 'modelarts_stop_training_job';
  protected readonly kind = trainingJobKind;
  protected readonly action = trainingJobActions.stop;
}
