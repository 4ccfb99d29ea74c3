import type { ModelArtsServices } from '../../services';
import { LocalErrorCode, ModelArtsError } from '../../services/errors';
import { tasksOf } from '../../services/trainingJobs';
import { readableStatus } from '../../views/format';
import { trainingJobKind } from '../../views/kinds/trainingJobKind';
import { ModelArtsTool } from '../modelArtsTool';
import type { GetInput } from '../resourceTools';
import { lastLines } from '../toolResult';
import { findResource, type ToolScope } from '../toolScope';

type LogInput = GetInput & { readonly task?: string; readonly lines?: number };

const DEFAULT_LINES = 100;

export class GetTrainingJobLogTool extends ModelArtsTool<LogInput> {
  readonly name = 'modelarts_get_training_job_log';

  protected async run(input: LogInput, scope: ToolScope, services: ModelArtsServices, signal: AbortSignal): Promise<string> {
    const job = await findResource(services, trainingJobKind, scope, input, signal);
    const tasks = tasksOf(job);
    const task = input.task ?? tasks[0];
    if (!tasks.includes(task)) {
      throw new ModelArtsError(LocalErrorCode.invalidInput, `training job "${job.metadata.name}" has no task "${task}"; its tasks: ${tasks.join(', ')}.`, 'config');
    }
    const log = await services.trainingJobs.logPreview(scope.region, job.metadata.id, task, signal);
    const { lines, omitted } = lastLines(log.content, input.lines ?? DEFAULT_LINES);
    const heading = `Log of training job "${job.metadata.name}" (id ${job.metadata.id}, phase ${readableStatus(job.status.phase)}), task ${task} of ${tasks.join(', ')}: the last lines${omitted > 0 ? `, ${omitted} earlier lines not shown` : ''}.`;
    return `${heading}\n\n\`\`\`text\n${lines || '(empty)'}\n\`\`\``;
  }
}
