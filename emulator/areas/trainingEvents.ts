/**
 * Events (`…/events`, §2.1) and stages (`…/stages`) of a training job, derived from its phase history: what
 * happened when it was created, queued, started on each task, and how it ended. Event times are RFC 3339 as in
 * the API reference's examples. The stages answer follows the SDK's ListTrainingJobStagesResponse (the reference
 * names the operation only); its times are assumed to be RFC 3339 too.
 */
import { type ApiRequest, invalidParameter, queryInt } from '../http';
import type { TrainingJobRecord, TrainingPhase } from '../state';
import { oneOf } from '../validate';
import { taskNames } from './trainingView';

type Level = 'Info' | 'Warning' | 'Error';
type Source = 'Job' | 'Task' | 'K8S';

interface JobEvent {
  readonly at: number;
  readonly level: Level;
  readonly message: string;
  readonly source: Source;
}

const LEVELS: readonly Level[] = ['Info', 'Warning', 'Error'];
const MAX_PATTERN = 256;

function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** What entering `phase` at `at` reports, in the order it happened. */
function phaseEvents(job: TrainingJobRecord, phase: TrainingPhase, at: number): JobEvent[] {
  const event = (level: Level, source: Source, message: string): JobEvent => ({ at, level, source, message });
  const perTask = (make: (task: string) => JobEvent[]): JobEvent[] => taskNames(job).flatMap(make);
  const pod = (task: string): string => `[Pod: modelarts-job-${job.id}-${task}]`;
  switch (phase) {
    case 'Creating':
      return [event('Info', 'Job', 'Training job created.')];
    case 'Pending':
      return [event('Info', 'Job', 'Training job is queuing: waiting for resources.')];
    case 'Running':
      return [
        ...perTask((task) => [event('Info', 'K8S', `${pod(task)} Pulled: Successfully pulled image`), event('Info', 'K8S', `${pod(task)} Started: Started container`)]),
        event('Info', 'Job', 'Training job is running.'),
        ...perTask((task) => [event('Info', 'Task', `[${task}] Training started.`)]),
      ];
    case 'Completed':
      return [
        ...perTask((task) => [event('Info', 'Task', `[${task}] Training finished. Exit code 0.`), event('Info', 'Task', `[${task}] Training output (parameter name: train_url) uploaded.`)]),
        event('Info', 'Job', 'Training job completed.'),
      ];
    case 'Failed':
      return [...perTask((task) => [event('Info', 'Task', `[${task}] Training finished. Exit code 1.`)]), event('Error', 'Job', 'Training job failed.')];
    case 'Terminating':
      return [event('Info', 'K8S', `[Job: modelarts-job-${job.id}] ExecuteAction: Start to execute action TerminateJob`), event('Info', 'Job', 'Training job is being terminated.')];
    case 'Terminated':
      return [event('Warning', 'Job', 'Training job terminated.')];
    case 'Abnormal':
      return [event('Error', 'Job', 'Training job is abnormal: a node stopped responding.')];
  }
}

/** Every event up to `now`, oldest first; staying in a phase (a plan or a forced phase repeating it) reports nothing new. */
function jobEvents(job: TrainingJobRecord, now: number): JobEvent[] {
  const history = job.timeline.history(now);
  return history.flatMap((entry, index) => (history[index - 1]?.status === entry.status ? [] : phaseEvents(job, entry.status, entry.at)));
}

/**
 * `GET …/events`: `offset` is a page index (the SDK's reading; the OTC text says a record offset), `limit` 1–100
 * (default 50), `order` desc by default (assumed), `start_time`/`end_time` epoch ms together, `level`, `pattern`
 * (contained, at most 256 characters). The SDK has no `source` filter.
 */
export function listJobEvents(request: ApiRequest, job: TrainingJobRecord): Record<string, unknown> {
  const { query } = request;
  const offset = queryInt(query, 'offset', 0);
  const limit = queryInt(query, 'limit', 50, 1, 100);
  const order = oneOf((query.get('order') ?? 'desc').toLowerCase(), ['asc', 'desc'], 'order');
  const hasStart = query.has('start_time');
  if (hasStart !== query.has('end_time')) {
    throw invalidParameter(hasStart ? 'end_time' : 'start_time', 'start_time and end_time go together');
  }
  const start = hasStart ? queryInt(query, 'start_time', 0) : job.createTime;
  const end = hasStart ? queryInt(query, 'end_time', 0) : request.now;
  const level = optionalChoice(query.get('level'), LEVELS, 'level');
  const pattern = query.get('pattern') ?? '';
  if (pattern.length > MAX_PATTERN) {
    throw invalidParameter('pattern', `at most ${MAX_PATTERN} characters`);
  }
  const matching = jobEvents(job, request.now).filter(
    (event) => event.at >= start && event.at <= end && (!level || event.level === level) && event.message.includes(pattern),
  );
  // Stable: events of one moment keep the order they happened in, reversed for newest first.
  const ordered = order === 'asc' ? matching : [...matching].reverse();
  const page = ordered.slice(offset * limit, (offset + 1) * limit);
  return {
    total: matching.length,
    limit,
    offset,
    order,
    start_time: rfc3339(start),
    end_time: rfc3339(end),
    events: page.map((event) => ({ time: rfc3339(event.at), level: event.level, message: event.message, source: event.source })),
  };
}

function optionalChoice<T extends string>(value: string | null, allowed: readonly T[], name: string): T | undefined {
  return value === null || value === '' ? undefined : oneOf(value, allowed, name);
}

const STAGE_OF: Record<TrainingPhase, string> = {
  Creating: 'scheduling',
  Pending: 'preparing',
  Running: 'running',
  Terminating: 'end',
  Completed: 'end',
  Failed: 'end',
  Terminated: 'end',
  Abnormal: 'end',
};
const STAGE_ORDER = ['scheduling', 'preparing', 'running', 'end'];
const SUB_STAGE: Record<TrainingPhase, string> = {
  Creating: 'The job was submitted and is being scheduled.',
  Pending: 'Waiting for resources and pulling the image.',
  Running: 'Training started.',
  Terminating: 'Terminating the job.',
  Completed: 'Training completed.',
  Failed: 'Training failed: a task exited with code 1.',
  Terminated: 'The job was terminated.',
  Abnormal: 'The job became abnormal.',
};
const FINAL: ReadonlySet<TrainingPhase> = new Set(['Completed', 'Failed', 'Terminated', 'Abnormal']);

interface StageRecord {
  readonly name: string;
  readonly start: number;
  end?: number;
  readonly subStages: { name: string; at: number; message: string }[];
}

/**
 * `GET …/stages`: running records of main stages that start when the job entered their phases. A job that
 * goes back to an earlier stage (forced to run again after it ended) starts a new record, as a restarted run does.
 */
export function listJobStages(job: TrainingJobRecord, now: number): Record<string, unknown> {
  const records: StageRecord[][] = [];
  const history = job.timeline.history(now);
  for (const [index, entry] of history.entries()) {
    if (history[index - 1]?.status === entry.status) {
      continue;
    }
    const name = STAGE_OF[entry.status];
    let stages = records.at(-1);
    let current = stages?.at(-1);
    if (!stages || !current || STAGE_ORDER.indexOf(name) < STAGE_ORDER.indexOf(current.name)) {
      stages = [];
      records.push(stages);
      current = undefined;
    }
    if (current?.name !== name) {
      if (current) {
        current.end = entry.at;
      }
      current = { name, start: entry.at, subStages: [] };
      stages.push(current);
    }
    current.subStages.push({ name: entry.status.toLowerCase(), at: entry.at, message: SUB_STAGE[entry.status] });
    if (FINAL.has(entry.status)) {
      current.end = entry.at;
    }
  }
  return {
    total_count: records.length,
    running_records: records.map((stages, index) => ({
      record_order: index + 1,
      stages: stages.map((stage) => ({
        job_id: job.id,
        name: stage.name,
        en_message: stage.subStages.at(-1)?.message,
        start_time: rfc3339(stage.start),
        ...(stage.end === undefined ? {} : { end_time: rfc3339(stage.end) }),
        stage_order: STAGE_ORDER.indexOf(stage.name) + 1,
        sub_stages: stage.subStages.map((sub) => ({ name: sub.name, en_message: sub.message, create_time: rfc3339(sub.at) })),
      })),
    })),
  };
}
