/**
 * Synthetic task logs for `…/tasks/{task_id}/logs/preview`. One metrics line per
 * step while Running (a step every transitionMs/10), so the log grows with time;
 * a Failed job ends with a traceback that fits its flavor (trainingFailures.ts). Step lines have a fixed width, so
 * the full size is known without generating the whole log.
 */
import type { TrainingJobRecord, TrainingPhase } from '../state';
import { failureLines } from './trainingFailures';
import { type LogRate, ratePreview } from './trainingLogRate';
import { runWindow } from './trainingView';

/** The preview returns at most this many step lines (the newest ones). */
const PREVIEW_STEP_LINES = 2000;
const STEPS_PER_EPOCH = 500;
/** Epochs count up to this and start again at 1, so that step lines keep their width (and a long run keeps growing). */
const EPOCHS = 9999;
/** Longer than a preview's lines, so that a preview shows at most one restart. */
const RESTART_STEPS = 3000;

export interface LogPreview {
  readonly content: string;
  readonly current_size: number;
  readonly full_size: number;
}

/**
 * Logs a test gave a job (`PUT /__emulator/state/training-jobs/{id}/log`), the latest one set: each task's log is
 * these lines in any phase, or grows at a rate while the job runs (trainingLogRate.ts).
 */
const setLogs = new WeakMap<TrainingJobRecord, { readonly lines: readonly string[] } | { readonly rate: LogRate }>();

export function setScriptedLog(job: TrainingJobRecord, lines: readonly string[]): void {
  setLogs.set(job, { lines });
}

/** From `now` on, while the job runs, each task's log grows by `bytesPerSecond`. */
export function setLogRate(job: TrainingJobRecord, bytesPerSecond: number, now: number): void {
  setLogs.set(job, { rate: { bytesPerSecond, since: now } });
}

export function logPreview(job: TrainingJobRecord, task: string, now: number, transitionMs: number): LogPreview {
  const set = setLogs.get(job);
  if (set && 'rate' in set) {
    return ratePreview(job, set.rate, task, now);
  }
  if (set) {
    const content = linesText(set.lines);
    return { content, current_size: Buffer.byteLength(content), full_size: Buffer.byteLength(content) };
  }
  const run = runWindow(job, now);
  if (!run) {
    return { content: '', current_size: 0, full_size: 0 };
  }
  const stepMs = Math.max(1, transitionMs / 10);
  const totalSteps = Math.floor(((run.end?.at ?? now) - run.start) / stepMs);
  const firstShown = Math.max(0, totalSteps - PREVIEW_STEP_LINES);
  const steps: string[] = [];
  for (let step = firstShown; step < totalSteps; step++) {
    steps.push(stepLine(job, task, step, run.start + (step + 1) * stepMs));
  }
  const header = linesText(headerLines(job, task));
  const tail = linesText([...steps, ...(run.end ? footerLines(job, run.end.phase, run.end.at) : [])]);
  // The preview is the newest part: the header drops out once older steps do.
  const content = firstShown === 0 ? header + tail : tail;
  const omittedSteps = firstShown * Buffer.byteLength(linesText([stepLine(job, task, 0, run.start)]));
  const fullSize = Buffer.byteLength(header) + omittedSteps + Buffer.byteLength(tail);
  return { content, current_size: Buffer.byteLength(content), full_size: fullSize };
}

function linesText(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

function headerLines(job: TrainingJobRecord, task: string): string[] {
  const rank = Number(task.slice('worker-'.length));
  const command = typeof job.algorithm.command === 'string' ? job.algorithm.command : 'python /home/ma-user/modelarts/user-job-dir/code/train.py';
  return [
    '[ModelArts Service Log]user: uid=1000(ma-user) gid=100(ma-group) groups=100(ma-group)',
    '[ModelArts Service Log]pwd: /home/ma-user',
    `[ModelArts Service Log]job: ${job.name} (${job.id})`,
    `[ModelArts Service Log]task: ${task}, node_count: ${job.nodeCount}, flavor: ${job.flavorId}`,
    `[ModelArts Service Log]command: ${command}`,
    `INFO: world_size=${job.nodeCount} rank=${rank} master_addr=${job.name}-worker-0.${job.id.slice(0, 8)}:29500`,
    'INFO: loading dataset from /home/ma-user/modelarts/inputs/data_url_0/',
  ];
}

/** A deterministic pseudo-random number in [0, 1) for a key such as "job/task/step" (FNV-1a). */
export function noise(key: string): number {
  let h = 2166136261;
  for (const ch of key) {
    h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  }
  return ((h >>> 0) % 10_000) / 10_000;
}

function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

function stepLine(job: TrainingJobRecord, task: string, step: number, at: number): string {
  const epoch = (Math.floor(step / STEPS_PER_EPOCH) % EPOCHS) + 1;
  const inEpoch = (step % STEPS_PER_EPOCH) + 1;
  // The run restarts its schedule every RESTART_STEPS (warm restarts): the loss jumps a little, then falls again, so a
  // long run's newest lines (all a preview holds) still chart a falling loss rather than a flat plateau.
  const sinceRestart = Math.exp(-(step % RESTART_STEPS) / 600);
  const loss = 2.3 * Math.exp(-step / 400) + 0.05 + 0.35 * sinceRestart + 0.04 * noise(`${job.id}/${task}/${step}`);
  // Accuracy climbs as the loss falls; it stays below 1 so that the line keeps its width.
  const accuracy = Math.min(0.9999, 0.1 + 0.85 * (1 - Math.exp(-step / 500)) - 0.08 * sinceRestart + 0.03 * noise(`${job.id}/${task}/${step}/acc`));
  const throughput = 380 + 60 * noise(`${job.id}/${task}/${step + 1}`);
  return (
    `${timestamp(at)} INFO [${task}] epoch ${pad(epoch, 4)} step ${pad(inEpoch, 3)}/${STEPS_PER_EPOCH}` +
    ` loss=${loss.toFixed(4)} acc=${accuracy.toFixed(4)} lr=1.00e-04 samples/s=${throughput.toFixed(1).padStart(6, '0')}`
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function footerLines(job: TrainingJobRecord, phase: TrainingPhase, at: number): string[] {
  const time = timestamp(at);
  if (phase === 'Failed') {
    return [...failureLines(job), `${time} [ModelArts Service Log]Training end with return code: 1`];
  }
  if (phase === 'Completed') {
    return [
      `${time} INFO saving checkpoint to /home/ma-user/modelarts/outputs/train_url_0/model.pth`,
      `${time} [ModelArts Service Log]Training end with return code: 0`,
      `${time} [ModelArts Service Log]Training completed.`,
    ];
  }
  if (phase === 'Abnormal') {
    // The node stopped responding (its task's message says so): its log just stops, it was not terminated.
    return [];
  }
  return [`${time} [ModelArts Service Log]Received SIGTERM, the training job is being terminated.`];
}
