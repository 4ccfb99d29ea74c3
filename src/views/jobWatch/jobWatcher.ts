import * as vscode from 'vscode';
import type { CommandContext } from '../../commands/commandContext';
import type { TrainingJob } from '../../services/trainingJobs';
import { KIND_NAMES } from '../kindNames';
import { type ResourceState, type StartedResource, stateOf } from '../resourceStates';
import type { PollScheduler } from '../transitionPoller';
import { announceJobEnd, jobEnded } from './jobEndNotice';
import { JobWatchPoller } from './jobWatchPoller';
import { WatchStatusBar } from './watchStatusBar';

/**
 * Tells the user when a watched training job ends, whether or not the explorer shows it: jobs created from VS Code
 * (a form, Create Similar, a chat tool, Run on ModelArts) and those watched from their menu. Whatever reads a watched
 * job (the JobWatchPoller, the explorer, a details panel, log following) reports it through ResourceStates; the first
 * report of its end takes it off the list (persisted at once) and notifies, so each end is announced once, also
 * across a reload. The list's jobs are read at once on activation: one that ended while VS Code was closed is told then.
 */
export class JobWatcher implements vscode.Disposable {
  readonly poller: JobWatchPoller;
  readonly statusBar: WatchStatusBar;
  /** What each watched job was last read as, for the status bar's list. */
  private readonly lastRead = new Map<string, TrainingJob>();
  private readonly subscriptions: vscode.Disposable[];
  private started = false;
  /** The jobs watched when rows were last rendered for a change of the list. */
  private shownWatched: ReadonlySet<string>;

  constructor(private readonly context: CommandContext) {
    const watched = context.jobWatch;
    this.shownWatched = new Set(watched.list().map((job) => job.jobId));
    this.poller = new JobWatchPoller(context, watched);
    this.statusBar = new WatchStatusBar(watched);
    this.subscriptions = [
      this.poller,
      this.statusBar,
      context.states.onDidChange((state) => this.settle(state)),
      context.states.onDidCreate((created) => this.watchCreated(created)),
      watched.onDidChange(() => this.listChanged()),
      context.session.onDidChange(() => this.resume()),
    ];
    this.resume();
  }

  /** What the watched job was last read as, if it was read in this window. */
  lastState(jobId: string): TrainingJob | undefined {
    return this.lastRead.get(jobId);
  }

  /** Runs the polls on `scheduler` (tests drive a virtual clock). */
  useScheduler(scheduler: PollScheduler): void {
    this.poller.useScheduler(scheduler);
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  /** The first time someone is signed in, the list is read at once; after a change of account, at the next interval. */
  private resume(): void {
    this.poller.stop();
    if (!this.started && this.context.session.services) {
      this.started = true;
      this.poller.schedule(0);
    } else {
      this.poller.schedule();
    }
  }

  private watchCreated(created: StartedResource): void {
    if (created.kind.contextValue !== KIND_NAMES.trainingJob) {
      return;
    }
    // The kind's contextValue is unique, so the item is a training job (as in stateOf).
    const job = created.item as TrainingJob;
    this.context.jobWatch.watch({ region: created.scope.region, workspaceId: created.scope.workspaceId, jobId: job.metadata.id, name: job.metadata.name });
  }

  private settle(state: ResourceState): void {
    const watched = this.context.jobWatch.get(state.id);
    const job = watched && stateOf<TrainingJob>(state, { contextValue: KIND_NAMES.trainingJob }, watched.region, watched.jobId);
    if (!watched || !job) {
      return;
    }
    this.lastRead.set(watched.jobId, job);
    if (jobEnded(job) && this.context.jobWatch.take(watched.jobId)) {
      void announceJobEnd(this.context, watched, job);
    }
  }

  private listChanged(): void {
    this.statusBar.update();
    this.poller.schedule();
    // Rows of jobs watched or unwatched just now are rendered again, so their menu offers the other one.
    const now = new Set(this.context.jobWatch.list().map((job) => job.jobId));
    [...this.lastRead.keys()].filter((id) => !now.has(id)).forEach((id) => this.lastRead.delete(id));
    const flipped = new Set([...now, ...this.shownWatched].filter((id) => now.has(id) !== this.shownWatched.has(id)));
    this.shownWatched = now;
    if (flipped.size > 0) {
      this.context.explorer.rerenderRows((row) => row.kind.contextValue === KIND_NAMES.trainingJob && flipped.has(row.resourceId));
    }
  }
}
