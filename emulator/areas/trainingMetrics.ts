/**
 * `show_training_job_metrics`: `GET …/training-jobs/{id}/metrics/{task_id}` → `{ metrics: [{ metric, value: [float] }] }`
 * (the SDK's ShowTrainingJobMetricsResponse), one average a minute of the task's run, oldest first.
 *
 * Where the reference is silent (emulator choices): values are percentages (0–100, one decimal), as the console
 * charts them; a flavor's metrics are CPU and memory, plus gpuUtil/gpuMemUsage on GPU flavors or npuUtil/npuMemUsage
 * on Ascend ones; every whole minute since the run started is answered (no limit is documented). The reference says
 * a job or task that does not exist, or a task with no metrics yet, answers an error; the codes are illustrative.
 */
import { TRAINING_FLAVORS } from '../catalog';
import { type ApiRequest, type ApiResponse, modelArtsError, ok } from '../http';
import type { TrainingJobRecord } from '../state';
import { noise } from './trainingLogs';
import { runWindow, taskNames } from './trainingView';

const MINUTE = 60_000;

/** How a metric moves over a run: a level it settles at, how far it wanders, and how many minutes it takes to warm up. */
interface MetricShape {
  readonly level: number;
  readonly spread: number;
  readonly warmUpMinutes: number;
}

const CPU_METRICS: Readonly<Record<string, MetricShape>> = {
  cpuUsage: { level: 55, spread: 20, warmUpMinutes: 1 },
  memUsage: { level: 48, spread: 6, warmUpMinutes: 5 },
};
const GPU_METRICS: Readonly<Record<string, MetricShape>> = {
  ...CPU_METRICS,
  gpuUtil: { level: 88, spread: 12, warmUpMinutes: 2 },
  gpuMemUsage: { level: 72, spread: 4, warmUpMinutes: 3 },
};
const NPU_METRICS: Readonly<Record<string, MetricShape>> = {
  ...CPU_METRICS,
  npuUtil: { level: 82, spread: 15, warmUpMinutes: 2 },
  npuMemUsage: { level: 66, spread: 5, warmUpMinutes: 3 },
};

export function showTrainingJobMetrics(request: ApiRequest, job: TrainingJobRecord): ApiResponse {
  const task = request.params.task_id;
  if (!taskNames(job).includes(task)) {
    // Illustrative, as for the log preview: 0104 is the reference's generic invalid-parameter code.
    throw modelArtsError(400, 'ModelArts.0104', `Task ${task} does not exist in training job ${job.id}.`, { error_solution: 'Use a task name from status.tasks, e.g. worker-0.' });
  }
  const run = runWindow(job, request.now);
  if (!run) {
    // Illustrative code: the reference says only that a task with no metrics yet answers an error.
    throw modelArtsError(400, 'ModelArts.2780', `Task ${task} of training job ${job.id} has not run yet, so it has no metrics.`, {
      error_solution: 'Query the metrics once the training job is running.',
    });
  }
  const minutes = Math.floor(((run.end?.at ?? request.now) - run.start) / MINUTE);
  const shapes = metricShapes(job.flavorId);
  return ok({
    metrics: Object.entries(shapes).map(([metric, shape]) => ({
      metric,
      value: Array.from({ length: minutes }, (_, minute) => usage(shape, noise(`${job.id}/${task}/${metric}/${minute}`), minute)),
    })),
  });
}

function metricShapes(flavorId: string): Readonly<Record<string, MetricShape>> {
  const type = TRAINING_FLAVORS.find((flavor) => flavor.flavor_id === flavorId)?.flavor_type;
  return type === 'GPU' ? GPU_METRICS : type === 'Ascend' ? NPU_METRICS : CPU_METRICS;
}

/** A percentage that ramps up over the warm-up minutes, then wanders around its level. */
function usage(shape: MetricShape, random: number, minute: number): number {
  const warmth = Math.min(1, (minute + 1) / shape.warmUpMinutes);
  const value = shape.level * warmth + shape.spread * (random - 0.5);
  return Math.round(Math.min(100, Math.max(0, value)) * 10) / 10;
}
