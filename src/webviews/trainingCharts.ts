import * as vscode from 'vscode';
import type { ExtensionLog } from '../logging';
import type { ModelArtsServices } from '../services';
import { asModelArtsError } from '../services/errors';
import { trainingPhaseCategory } from '../services/status';
import { type TaskUsage, type TrainingJob, tasksOf, trainingLogMayGrow } from '../services/trainingJobs';
import { parseTrainingScalars, type ScalarSeries } from '../services/trainingScalars';
import type { DetailsChartSource } from './detailsPresenters';
import type { DetailsCharts, ScalarChart, UsageChart } from './protocol';

/** Where the scalar keys the user unticked are kept: one list for every job, as runs of the same code print the same keys. */
export const HIDDEN_SCALARS_KEY = 'modelarts.trainingCharts.hiddenScalars';
/** Keys come from logs: the remembered list is bounded whatever logs print (the parser bounds the series). */
const MAX_REMEMBERED_KEYS = 200;
/** Points per line sent to the panel: more than a chart's width in pixels shows nothing more. */
const MAX_POINTS = 2000;

/** The API's metric names in the order they are charted, with their titles (the console shows the values as percentages). */
const METRIC_TITLES: readonly (readonly [string, () => string])[] = [
  ['cpuUsage', () => vscode.l10n.t('CPU usage (%)')],
  ['memUsage', () => vscode.l10n.t('Memory usage (%)')],
  ['gpuUtil', () => vscode.l10n.t('GPU utilization (%)')],
  ['gpuMemUsage', () => vscode.l10n.t('GPU memory usage (%)')],
  ['npuUtil', () => vscode.l10n.t('NPU utilization (%)')],
  ['npuMemUsage', () => vscode.l10n.t('NPU memory usage (%)')],
];

/** Whether the job has run at all: before that there is no usage to read. */
function hasRun(job: TrainingJob): boolean {
  return job.status.start_time !== undefined || (job.status.duration ?? 0) > 0 || trainingPhaseCategory(job.status.phase) === 'running';
}

/**
 * A training job's charts in its details panel: resource usage from the metrics operation (one read per task per
 * refresh, none once an ended job's were read) and the scalars its code printed, parsed from the log the panel reads.
 */
export class TrainingCharts implements DetailsChartSource<TrainingJob> {
  private usage: readonly TaskUsage[] = [];
  private usageFinal = false;
  private parsedLog: string | undefined;
  private scalars: readonly ScalarChart[] = [];

  constructor(
    private readonly memento: vscode.Memento,
    private readonly log: ExtensionLog,
  ) {}

  /** The usage grows a value a minute while the job runs. */
  live(job: TrainingJob): boolean {
    return trainingPhaseCategory(job.status.phase) === 'running';
  }

  async read(services: ModelArtsServices, region: string, job: TrainingJob, logLines: readonly string[] | undefined, signal: AbortSignal): Promise<boolean> {
    const usageChanged = await this.readUsage(services, region, job, signal);
    return this.readScalars(logLines) || usageChanged;
  }

  async choose(key: string, shown: boolean): Promise<boolean> {
    if (!this.scalars.some((series) => series.key === key)) {
      return false; // only a key on the charts can be remembered
    }
    const others = this.hiddenKeys().filter((hidden) => hidden !== key);
    await this.memento.update(HIDDEN_SCALARS_KEY, (shown ? others : [...others, key]).slice(-MAX_REMEMBERED_KEYS));
    return true;
  }

  view(): DetailsCharts {
    const hidden = this.hiddenKeys();
    return {
      usage: usageCharts(this.usage),
      scalars: this.scalars,
      hiddenScalars: hidden.filter((key) => this.scalars.some((series) => series.key === key)),
    };
  }

  private async readUsage(services: ModelArtsServices, region: string, job: TrainingJob, signal: AbortSignal): Promise<boolean> {
    if (this.usageFinal || !hasRun(job)) {
      return false;
    }
    const ended = !trainingLogMayGrow(job.status.phase);
    const tasks = tasksOf(job);
    const answers = await Promise.allSettled(tasks.map((task) => services.trainingJobs.showMetrics(region, job.metadata.id, task, signal)));
    const usage = answers.map((answer, index) => {
      if (answer.status === 'fulfilled') {
        return answer.value;
      }
      if (!signal.aborted) {
        this.log.warn(`charts of ${job.metadata.name}: no usage of ${tasks[index]}: ${asModelArtsError(answer.reason).toDisplayString()}`);
      }
      // A failed read keeps what the task showed before.
      return this.usage.find((previous) => previous.task === tasks[index]) ?? { task: tasks[index], series: [] };
    });
    this.usageFinal = ended && answers.every((answer) => answer.status === 'fulfilled');
    const changed = JSON.stringify(usage) !== JSON.stringify(this.usage);
    this.usage = usage;
    return changed;
  }

  /** Parses the log again only when it changed; without a log this refresh, the last charts stay. */
  private readScalars(logLines: readonly string[] | undefined): boolean {
    const text = logLines?.join('\n');
    if (text === undefined || text === this.parsedLog) {
      return false;
    }
    this.parsedLog = text;
    const before = this.scalars;
    this.scalars = parseTrainingScalars(logLines ?? []).map(scalarChart);
    return before.length > 0 || this.scalars.length > 0;
  }

  private hiddenKeys(): string[] {
    const stored = this.memento.get<unknown>(HIDDEN_SCALARS_KEY);
    return Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : [];
  }
}

/** One chart per metric that has a value, known metrics first in their order, a line per task that reports it. */
function usageCharts(usage: readonly TaskUsage[]): UsageChart[] {
  const known = METRIC_TITLES.map(([metric]) => metric);
  const metrics = [...new Set(usage.flatMap((task) => task.series.map((series) => series.metric)))];
  metrics.sort((a, b) => rank(known, a) - rank(known, b));
  return metrics.flatMap((metric) => {
    const reported = usage.flatMap((task) => {
      const series = task.series.find((candidate) => candidate.metric === metric);
      return series ? [{ task: task.task, values: series.values }] : [];
    });
    const length = Math.max(0, ...reported.map((task) => task.values.length));
    // A long run has a value a minute for days: each point is the average of `span` minutes.
    const span = Math.max(1, Math.ceil(length / MAX_POINTS));
    const minutes = Array.from({ length: Math.ceil(length / span) }, (_, index) => index * span);
    const tasks = reported.map((task) => ({ task: task.task, values: minutes.map((minute) => average(task.values.slice(minute, minute + span))) }));
    if (!tasks.some((task) => task.values.some((value) => value !== null))) {
      return [];
    }
    const title = METRIC_TITLES.find(([name]) => name === metric)?.[1]() ?? metric;
    return [{ metric, label: title, minutes, tasks }];
  });
}

/** The mean of the values that are numbers (a minute the API has no value for is NaN), or null when none is. */
function average(values: readonly number[]): number | null {
  const numbers = values.filter(Number.isFinite);
  return numbers.length === 0 ? null : numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
}

function rank(known: readonly string[], metric: string): number {
  const index = known.indexOf(metric);
  return index < 0 ? known.length : index;
}

/** At most MAX_POINTS, evenly kept with the newest; the parser gives them in x order, as the chart needs. */
function scalarChart(series: ScalarSeries): ScalarChart {
  const points = series.points;
  const stride = Math.ceil(points.length / MAX_POINTS);
  const kept = stride <= 1 ? points : points.filter((_, index) => index % stride === 0 || index === points.length - 1);
  return { key: series.key, xLabel: series.xLabel, x: kept.map((point) => point.x), y: kept.map((point) => point.y) };
}
