import type { CommandContext } from '../../commands/commandContext';
import { asModelArtsError, isCancellation } from '../../services/errors';
import { TRAINING_JOB_FILTER_VALUES, type TrainingJob } from '../../services/trainingJobs';
import { DEFAULT_WORKSPACE_ID } from '../../services/workspaces';
import type { ResourceKind } from '../resourceKind';
import { type PollScheduler, realTimers } from '../transitionPoller';
import type { WatchedJob, WatchedJobs } from './watchedJobs';

/** Watched jobs read by one search: those of one region, project and workspace. */
interface SearchGroup {
  readonly region: string;
  readonly workspaceId: string;
  readonly jobs: WatchedJob[];
}

/**
 * Reads the watched jobs every running poll interval while any is watched and someone is signed in, and reports
 * what it read through ResourceStates (the JobWatcher, the tree and open panels learn it there). Each region and
 * workspace costs one search a poll, narrowed on the server to the watched ids (ten a search, the API's limit on a
 * filter's values), never one request per job; a job the search did not answer is read once by itself, and
 * unwatched when it is gone. Jobs watched under another project (another account) wait until it is back.
 */
export class JobWatchPoller {
  private scheduler: PollScheduler = realTimers;
  private timer: unknown;
  private scheduled = false;
  /** The poll under way, if any: only it has something to cancel. */
  private inFlight: AbortController | undefined;

  constructor(
    private readonly context: Pick<CommandContext, 'session' | 'states' | 'log'>,
    private readonly watched: WatchedJobs,
  ) {}

  /** Runs the polls on `scheduler` from now on (tests drive a virtual clock). */
  useScheduler(scheduler: PollScheduler): void {
    this.stop();
    this.scheduler = scheduler;
    this.schedule();
  }

  /** Polls after `delayMs` (one running interval unless told), when something is watched and nothing is scheduled yet. */
  schedule(delayMs = this.context.session.settings.runningPollIntervalMs): void {
    if (this.scheduled || this.watched.list().length === 0 || !this.context.session.services) {
      return;
    }
    this.scheduled = true;
    this.timer = this.scheduler.setTimeout(() => this.tick(), delayMs);
  }

  /** Drops the pending poll and cancels a running one, e.g. when the session changes. */
  stop(): void {
    this.scheduler.clearTimeout(this.timer);
    this.scheduled = false;
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  dispose(): void {
    this.stop();
  }

  private async tick(): Promise<void> {
    const { signal } = (this.inFlight = new AbortController());
    try {
      await Promise.all(this.groups().map((group) => this.poll(group, signal)));
    } finally {
      if (!signal.aborted) {
        this.inFlight = undefined;
        this.scheduled = false;
        this.schedule();
      }
    }
  }

  private groups(): SearchGroup[] {
    const groups = new Map<string, SearchGroup>();
    for (const job of this.watched.list()) {
      const workspaceId = job.workspaceId ?? DEFAULT_WORKSPACE_ID;
      const key = JSON.stringify([job.region, workspaceId]);
      const group = groups.get(key) ?? { region: job.region, workspaceId, jobs: [] };
      group.jobs.push(job);
      groups.set(key, group);
    }
    return [...groups.values()];
  }

  private async poll(group: SearchGroup, signal: AbortSignal): Promise<void> {
    const services = this.context.session.services;
    if (!services) {
      return;
    }
    const { region, workspaceId } = group;
    try {
      // The kind's code loads with the tree and the commands, not at activation.
      const { trainingJobKind } = await import('../treeCode');
      const projectId = await services.client.projectId(region, signal);
      const mine = group.jobs.filter((job) => job.projectId === undefined || job.projectId === projectId);
      // A job watched before its project was known belongs to the project it is first read in.
      mine.filter((job) => job.projectId === undefined).forEach((job) => this.watched.setProject(job.jobId, projectId));
      for (let start = 0; start < mine.length; start += TRAINING_JOB_FILTER_VALUES) {
        const ids = mine.slice(start, start + TRAINING_JOB_FILTER_VALUES).map((job) => job.jobId);
        const page = await services.trainingJobs.search({ region, workspaceId }, undefined, { ids }, signal);
        page.items.forEach((job) => this.context.states.report(trainingJobKind, region, job));
        const answered = new Set(page.items.map((job) => job.metadata.id));
        for (const id of ids.filter((id) => !answered.has(id))) {
          await this.readAlone(trainingJobKind, region, id, signal);
        }
      }
    } catch (error) {
      const failure = asModelArtsError(error);
      if (!isCancellation(failure)) {
        // A passing failure: the next poll reads them again.
        this.context.log.warn(`Could not read the watched training jobs in ${region}: ${failure.toDisplayString()}`);
      }
    }
  }

  private async readAlone(kind: ResourceKind<TrainingJob>, region: string, id: string, signal: AbortSignal): Promise<void> {
    const services = this.context.session.services;
    try {
      const job = await services?.trainingJobs.get(region, id, signal);
      if (job) {
        this.context.states.report(kind, region, job);
      }
    } catch (error) {
      const failure = asModelArtsError(error);
      if (!failure.isNotFound) {
        throw error;
      }
      this.context.log.info(`The watched training job ${id} in ${region} is gone: no longer watched`);
      this.watched.unwatch(id);
    }
  }
}
