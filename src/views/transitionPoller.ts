import type { ExtensionLog } from '../logging';
import { asModelArtsError } from '../services/errors';
import type { ChildPollResult, PollableGroup, PollableNode, PollResult } from './nodes/explorerNode';

/** Where the poller's timer runs: real timers in the product, a virtual clock in the soak and its tests. */
export interface PollScheduler {
  /** Calls `run` after `ms`; a virtual scheduler may await the promise it returns (one poll). */
  setTimeout(run: () => Promise<void>, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** The scheduler's clock, in milliseconds. */
  now(): number;
}

export const realTimers: PollScheduler = {
  setTimeout: (run, ms) => setTimeout(() => void run(), ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  now: () => Date.now(),
};

/** How often watched resources are read: changing ones (the poll interval), running ones (the slower running interval). */
export interface PollIntervals {
  readonly changingMs: number;
  readonly runningMs: number;
}

/** Rows' relative times ("5 min ago") are rendered again at most this often, on a tick of the polling timer. */
const AGES_MS = 60_000;

/**
 * Refreshes resources while the explorer is visible: those in transitional states (starting, stopping,
 * creating…) every poll interval, running ones (a job that completes, a notebook stopped elsewhere) every
 * running interval. With nothing changing or running shown, no timer exists and no request is sent.
 *
 * Each poll sends at most one request per category: a lone watched resource is read
 * by itself, several in one category are refreshed from one list request (the
 * category's own listing; see PollableGroup for what an item missing from it means).
 * A category with a changing resource is read every poll interval (its running ones
 * join that read when their turn is due); one with only running resources, every running interval.
 * While it polls, it also asks once a minute for rows' relative times to be rendered again (no request).
 */
export class TransitionPoller {
  private readonly tracked = new Map<string, PollableNode>();
  /** Watched resources the last list answer did not show (beyond its page): read by themselves, one a poll. */
  private readonly unlisted = new Set<string>();
  /** When each category's running resources were last read (or loaded): due again one running interval later. */
  private readonly runningReadAt = new Map<PollableGroup, number>();
  /** When rows' relative times were last rendered again (or polling began). */
  private agesAt: number | undefined;
  private timer: { readonly handle: unknown; readonly at: number } | undefined;
  private visible = false;
  private inFlight: AbortController | undefined;
  private ticking = false;
  private scheduler: PollScheduler = realTimers;

  constructor(
    private readonly intervals: () => PollIntervals,
    private readonly onResult: (node: PollableNode, result: PollResult) => void,
    private readonly onAgesDue: () => void,
    private readonly log: ExtensionLog,
  ) {}

  /** How many changing resources are being watched (at the poll interval). */
  get trackedCount(): number {
    return [...this.tracked.values()].filter((node) => node.isTransitional()).length;
  }

  /** How many running resources are being watched (at the running interval). */
  get runningCount(): number {
    return [...this.tracked.values()].filter((node) => !node.isTransitional()).length;
  }

  get isPolling(): boolean {
    return this.timer !== undefined || this.ticking;
  }

  /** Watches a changing or running resource; its category was just read, so its running ones are due a running interval from now. */
  track(node: PollableNode): void {
    this.tracked.set(node.id, node);
    if (!this.runningReadAt.has(node.parent)) {
      this.runningReadAt.set(node.parent, this.scheduler.now());
    }
    this.agesAt ??= this.scheduler.now();
    this.schedule();
  }

  /** Stops watching a resource that settled, its state read elsewhere: no request is sent for it any more. */
  untrack(node: PollableNode): void {
    if (this.tracked.get(node.id) === node) {
      this.tracked.delete(node.id);
      this.unlisted.delete(node.id);
      this.schedule();
    }
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.schedule();
  }

  /** Runs the timer on `scheduler` from now on (the soak drives a virtual clock in step with the emulator's). */
  useScheduler(scheduler: PollScheduler): void {
    if (this.timer !== undefined) {
      this.scheduler.clearTimeout(this.timer.handle);
      this.timer = undefined;
    }
    this.scheduler = scheduler;
    // Times of the old clock mean nothing on the new one: each category's running resources start a new interval.
    [...this.runningReadAt.keys()].forEach((group) => this.runningReadAt.set(group, scheduler.now()));
    if (this.agesAt !== undefined) {
      this.agesAt = scheduler.now();
    }
    this.schedule();
  }

  /** Forget everything, e.g. when the whole tree is rebuilt. */
  clear(): void {
    this.tracked.clear();
    this.unlisted.clear();
    this.runningReadAt.clear();
    this.agesAt = undefined;
    this.inFlight?.abort();
    this.schedule();
  }

  dispose(): void {
    this.clear();
    this.visible = false;
    this.schedule();
  }

  private schedule(): void {
    if (this.ticking) {
      return; // the running tick schedules the next one when it ends
    }
    const due = this.visible ? this.nextDue() : undefined;
    // A changing resource shown while a running interval or relative times are pending brings the poll forward.
    if (this.timer !== undefined && (due === undefined || due < this.timer.at)) {
      this.scheduler.clearTimeout(this.timer.handle);
      this.timer = undefined;
    }
    if (due !== undefined && this.timer === undefined) {
      this.timer = { at: due, handle: this.scheduler.setTimeout(() => this.tick(), Math.max(0, due - this.scheduler.now())) };
    }
  }

  /**
   * When the next poll is due: with a changing resource, a poll interval from now (running ones and relative
   * times are then handled on these polls when due, so no category is read twice within an interval); else when
   * a category's running resources, or the relative times, are.
   */
  private nextDue(): number | undefined {
    const { changingMs, runningMs } = this.intervals();
    const now = this.scheduler.now();
    const nodes = [...this.tracked.values()];
    if (nodes.length === 0) {
      return undefined;
    }
    if (nodes.some((node) => node.isTransitional())) {
      return now + changingMs;
    }
    const running = Math.min(...nodes.map((node) => (this.runningReadAt.get(node.parent) ?? now) + runningMs));
    return Math.min(running, (this.agesAt ?? now) + AGES_MS);
  }

  private async tick(): Promise<void> {
    this.ticking = true;
    this.timer = undefined;
    const controller = new AbortController();
    this.inFlight = controller;
    const now = this.scheduler.now();
    const { runningMs } = this.intervals();
    const polls = [...this.byCategory()].map(([group, nodes]) => {
      const runningDue = now >= (this.runningReadAt.get(group) ?? now) + runningMs;
      if (runningDue) {
        this.runningReadAt.set(group, now);
      }
      const due = runningDue ? nodes : nodes.filter((node) => node.isTransitional());
      return due.length > 0 ? this.pollCategory(group, due, controller.signal) : undefined;
    });
    await Promise.all(polls);
    if (this.inFlight === controller) {
      this.inFlight = undefined;
    }
    if (now >= (this.agesAt ?? now) + AGES_MS) {
      this.agesAt = now;
      this.onAgesDue();
    }
    const watched = new Set([...this.tracked.values()].map((node) => node.parent));
    [...this.runningReadAt.keys()].filter((group) => !watched.has(group)).forEach((group) => this.runningReadAt.delete(group));
    if (this.tracked.size === 0) {
      this.agesAt = undefined; // polling stops; it counts the minute afresh when it starts again
    }
    this.ticking = false;
    this.schedule();
  }

  private byCategory(): Map<PollableGroup, PollableNode[]> {
    const groups = new Map<PollableGroup, PollableNode[]>();
    for (const node of this.tracked.values()) {
      groups.set(node.parent, [...(groups.get(node.parent) ?? []), node]);
    }
    return groups;
  }

  /** One request for the category: its list for several watched resources, a single read for one. */
  private async pollCategory(group: PollableGroup, nodes: readonly PollableNode[], signal: AbortSignal): Promise<void> {
    try {
      // A changing resource beyond the list's page goes before running ones: its change is the likelier.
      const unlisted = nodes.filter((node) => this.unlisted.has(node.id));
      const single = nodes.length === 1 ? nodes[0] : (unlisted.find((node) => node.isTransitional()) ?? unlisted[0]);
      const results: ReadonlyMap<PollableNode, ChildPollResult> = single
        ? new Map([[single, await single.poll(signal)]])
        : await group.pollChildren(nodes, signal);
      if (signal.aborted) {
        return;
      }
      for (const node of single ? [single] : nodes) {
        this.settle(node, results.get(node));
      }
    } catch (error) {
      // Keep watching: a passing failure should not freeze a spinner forever, and is not worth a pop-up.
      this.log.warn(`Could not refresh ${group.id}: ${asModelArtsError(error).toDisplayString()}`);
    }
  }

  /** `undefined`: the category no longer shows the node (it was loaded again), so it is no longer watched. */
  private settle(node: PollableNode, result: ChildPollResult | undefined): void {
    if (result === 'unlisted') {
      this.unlisted.add(node.id);
      return;
    }
    this.unlisted.delete(node.id);
    const watched = node.isTransitional() || node.isRunning();
    if ((result === undefined || result === 'gone' || !watched) && this.tracked.get(node.id) === node) {
      this.tracked.delete(node.id);
    }
    if (result === 'changed' || result === 'gone') {
      this.onResult(node, result);
    }
  }
}
