import type { ModelArtsServices } from '../../services';
import { readableStatus } from '../../views/format';
import { trainingJobKind } from '../../views/kinds/trainingJobKind';
import { ModelArtsTool } from '../modelArtsTool';
import type { GetInput } from '../resourceTools';
import { listResult } from '../toolResult';
import { findResource, type ToolScope } from '../toolScope';

export class ListTrainingJobEventsTool extends ModelArtsTool<GetInput> {
  readonly name = 'modelarts_list_training_job_events';

  protected async run(input: GetInput, scope: ToolScope, services: ModelArtsServices, signal: AbortSignal): Promise<string> {
    const job = await findResource(services, trainingJobKind, scope, input, signal);
    const { events, total } = await services.trainingJobs.events(scope.region, job.metadata.id, signal);
    const heading = `Events of training job "${job.metadata.name}" (id ${job.metadata.id}, phase ${readableStatus(job.status.phase)}), newest first: ${events.length} of ${total}.`;
    return listResult(heading, ['time', 'level', 'source', 'message'], events.map((event) => [event.time, event.level, event.source, event.message]));
  }
}
