import type { ExtensionLog } from '../logging';
import { asModelArtsError } from '../services/errors';
import type { ChildPollResult, PollableGroup, PollableNode, PollResult } from './nodes/explorerNode';

/** Where the poller's timer runs: real timers in the product, a virtual clock in the soak and its tests. */
export interface PollScheduler {
  /** Calls `run` after `ms`; a virtual scheduler may await the promise it returns (one poll). */
  setTimeout(run: () => Promise<void>, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: PollScheduler = {
  setTimeout: (run, ms) => setTimeout(() => void run(), ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Refreshes resources in transitional states (starting, stopping, creating…)
 * while the explorer is visible. It runs only while such a resource is shown:
 * with nothing transitional, no timer exists and no request is sent.
 *
 * Each poll sends at most one request per category: a lone watched resource is read
 * by itself, several in one category are refreshed from one list request (the
 * category's own listing; see PollableGroup for what an item missing from it means).
 */
export class TransitionPoller {
  private readonly tracked = new Map<string, PollableNode>();
  /** Watched resources the last list answer did not show (beyond its page): read by themselves, one a poll. */
  private readonly unlisted = new Set<string>();
  private timer: unknown;
  private visible = false;
  private inFlight: AbortController | undefined;
  private ticking = false;
  private scheduler: PollScheduler = realTimers;

  constructor(
    private readonly intervalMs: () => number,
    private readonly onResult: (node: PollableNode, result: PollResult) => void,
    private readonly log: ExtensionLog,
  ) {}

  /** How many resources are being watched; 0 means polling has stopped. */
  get trackedCount(): number {
    return this.tracked.size;
  }

  get isPolling(): boolean {
    return this.timer !== undefined || this.ticking;
  }

  track(node: PollableNode): void {
    this.tracked.set(node.id, node);
    this.schedule();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.schedule();
  }

  /** Runs the timer on `scheduler` from now on (the soak drives a virtual clock in step with the emulator's). */
  useScheduler(scheduler: PollScheduler): void {
    if (this.timer !== undefined) {
      this.scheduler.clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.scheduler = scheduler;
    this.schedule();
  }

  /** Forget everything, e.g. when the whole tree is rebuilt. */
  clear(): void {
    this.tracked.clear();
    this.unlisted.clear();
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
    const shouldRun = this.visible && this.tracked.size > 0;
    if (shouldRun && this.timer === undefined) {
      this.timer = this.scheduler.setTimeout(() => this.tick(), this.intervalMs());
    } else if (!shouldRun && this.timer !== undefined) {
      this.scheduler.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private async tick(): Promise<void> {
    this.ticking = true;
    this.timer = undefined;
    const controller = new AbortController();
    this.inFlight = controller;
    await Promise.all([...this.byCategory()].map(([group, nodes]) => this.pollCategory(group, nodes, controller.signal)));
    if (this.inFlight === controller) {
      this.inFlight = undefined;
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
      const single = nodes.length === 1 ? nodes[0] : nodes.find((node) => this.unlisted.has(node.id));
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
    if ((result === undefined || result === 'gone' || !node.isTransitional()) && this.tracked.get(node.id) === node) {
      this.tracked.delete(node.id);
    }
    if (result === 'changed' || result === 'gone') {
      this.onResult(node, result);
    }
  }
}
