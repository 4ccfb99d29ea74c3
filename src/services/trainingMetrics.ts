import { expectArray } from './responses';
import type { SignedClient } from './signedClient';

/**
 * One resource metric of a task. `metric` is the API's name (cpuUsage, memUsage, gpuUtil, gpuMemUsage, npuUtil,
 * npuMemUsage); `values` hold one average a minute, oldest first, as the API answers them. The SDK documents the
 * metrics as usage rates, and the console shows them as percentages (0–100); the reference does not state the unit.
 * An entry that is not a number is NaN, so that a value's index stays its minute.
 */
export interface UsageSeries {
  readonly metric: string;
  readonly values: readonly number[];
}

/** The resource usage of one task of a training job (e.g. worker-0). */
export interface TaskUsage {
  readonly task: string;
  readonly series: readonly UsageSeries[];
}

/** The SDK's ShowTrainingJobMetricsResponse: a list of MetricObject { metric, value: list[float] }. */
interface MetricsResponse {
  readonly metrics?: { readonly metric?: unknown; readonly value?: unknown }[];
}

/** `show_training_job_metrics`: the running metrics of one task of a training job. */
export async function showTrainingJobMetrics(client: SignedClient, region: string, jobId: string, taskId: string, signal?: AbortSignal): Promise<TaskUsage> {
  const response = await client.request<MetricsResponse>({
    service: 'modelarts',
    region,
    method: 'GET',
    path: '/v2/{project_id}/training-jobs/{id}/metrics/{task}',
    pathParams: { id: jobId, task: taskId },
    signal,
  });
  // An answer without the list is read as no data: the reference documents none (a task with no metrics yet is an error).
  const metrics = expectArray(response.metrics ?? [], 'training job metric list');
  const series = metrics.flatMap((entry) =>
    typeof entry.metric === 'string' && Array.isArray(entry.value)
      ? [{ metric: entry.metric, values: entry.value.map((value: unknown) => (typeof value === 'number' ? value : Number.NaN)) }]
      : [],
  );
  return { task: taskId, series };
}
