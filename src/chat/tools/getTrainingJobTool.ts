import type { TrainingJob } from '../../services/trainingJobs';
import { trainingJobKind } from '../../views/kinds/trainingJobKind';
import { GetResourceTool } from '../resourceTools';

export class GetTrainingJobTool extends GetResourceTool<TrainingJob> {
  readonly name = 'modelarts_get_training_job';
  protected readonly kind = trainingJobKind;
}
