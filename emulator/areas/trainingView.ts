/** The §2.4 training-job object, derived from a TrainingJobRecord at a given time. */
import { jobFlavorInfo, TRAINING_FLAVORS } from '../catalog';
import type { TrainingJobRecord, TrainingPhase } from '../state';

const SECONDARY_PHASE: Record<TrainingPhase, string> = {
  Creating: 'Creating',
  Pending: 'Queuing',
  Running: 'Running',
  Completed: 'Completed',
  Failed: 'Failed',
  Terminating: 'Terminating',
  Terminated: 'Terminated',
  Abnormal: 'Unknown',
};

export const FINISHED_PHASES: ReadonlySet<TrainingPhase> = new Set<TrainingPhase>(['Completed', 'Failed', 'Terminated']);

export function taskNames(job: TrainingJobRecord): string[] {
  return Array.from({ length: job.nodeCount }, (_, i) => `worker-${i}`);
}

/** When the job last started running and, if it has stopped since, how that ended. */
export function runWindow(job: TrainingJobRecord, now: number): { start: number; end?: { at: number; phase: TrainingPhase } } | undefined {
  const start = job.timeline.enteredAt('Running', now);
  if (start === undefined) {
    return undefined;
  }
  const next = job.timeline.nextChangeAfter(start);
  return next && next.at <= now ? { start, end: { at: next.at, phase: next.status } } : { start };
}

export function trainingJobView(job: TrainingJobRecord, now: number): Record<string, unknown> {
  const phase = job.timeline.status(now);
  const run = runWindow(job, now);
  const flavor = TRAINING_FLAVORS.find((f) => f.flavor_id === job.flavorId);
  const tasks = taskNames(job);
  const finished = FINISHED_PHASES.has(phase);
  const status: Record<string, unknown> = {
    phase,
    secondary_phase: SECONDARY_PHASE[phase],
    duration: run ? (run.end?.at ?? now) - run.start : 0,
    tasks,
    node_count_metrics: run ? [[run.start, job.nodeCount], ...(run.end ? [[run.end.at, 0]] : [])] : [],
    task_statuses: finished
      ? tasks.map((task) => ({ task, exit_code: phase === 'Completed' ? 0 : phase === 'Failed' ? 1 : 137, message: '' }))
      : phase === 'Abnormal'
        ? // The platform lost the task, so the reason is the platform's (assumed wording); a Failed job's lies in its log.
          tasks.map((task) => ({ task, message: `The node running ${task} stopped responding; the task's state is unknown.` }))
        : [],
    running_records: [],
  };
  if (run) {
    status.start_time = run.start;
  }
  return {
    kind: job.kind,
    metadata: {
      id: job.id,
      name: job.name,
      workspace_id: job.workspaceId,
      description: job.description,
      create_time: job.createTime,
      user_name: job.userName,
      annotations: {},
    },
    status,
    algorithm: job.algorithm,
    spec: {
      resource: {
        policy: 'regular',
        flavor_id: job.flavorId,
        flavor_name: flavor?.flavor_name ?? job.flavorId,
        node_count: job.nodeCount,
        ...(flavor ? { flavor_detail: { flavor_type: flavor.flavor_type, billing: flavor.billing, flavor_info: jobFlavorInfo(flavor) } } : {}),
      },
    },
  };
}
