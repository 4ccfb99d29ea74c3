import type { TrainingJob } from '../../services/trainingJobs';
import { trainingJobKind } from '../../views/kinds/trainingJobKind';
import { ListResourcesTool, type ToolColumn } from '../resourceTools';

export class ListTrainingJobsTool extends ListResourcesTool<TrainingJob> {
  readonly name = 'modelarts_list_training_jobs';
  protected readonly kind = trainingJobKind;
  /** Absolute times: "which failed today" needs more than "3 h ago". */
  protected override readonly columns: readonly ToolColumn<TrainingJob>[] = [
    { header: 'created (UTC)', value: (job) => (job.metadata.create_time === undefined ? undefined : new Date(job.metadata.create_time).toISOString()) },
  ];
}
