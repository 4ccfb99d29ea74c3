import type { PollScheduler } from '../../src/views/transitionPoller';

/**
 * Timers on a virtual clock, for the explorer's poller: nothing runs until `advance` moves the clock, which
 * first moves the emulator's clock by the same amount (in lockstep), then runs each timer that falls due and
 * waits for it (one poll) before the next.
 */
export class VirtualScheduler implements PollScheduler {
  private time = 0;
  private nextHandle = 1;
  private readonly timers = new Map<number, { readonly at: number; readonly run: () => Promise<void> }>();

  constructor(private readonly moveEmulatorClock: (ms: number) => void | Promise<void>) {}

  now(): number {
    return this.time;
  }

  /** Timers waiting to run: 0 means nothing is scheduled. */
  get pending(): number {
    return this.timers.size;
  }

  setTimeout(run: () => Promise<void>, ms: number): number {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.time + ms, run });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') {
      this.timers.delete(handle);
    }
  }

  /** Moves both clocks forward by `ms`; returns how many timers ran. */
  async advance(ms: number): Promise<number> {
    const end = this.time + ms;
    let ran = 0;
    for (let due = this.firstDue(end); due; due = this.firstDue(end)) {
      this.timers.delete(due.handle);
      await this.moveTo(due.at);
      await due.run();
      ran++;
    }
    await this.moveTo(end);
    return ran;
  }

  private firstDue(end: number): { handle: number; at: number; run: () => Promise<void> } | undefined {
    let first: { handle: number; at: number; run: () => Promise<void> } | undefined;
    for (const [handle, timer] of this.timers) {
      if (timer.at <= end && (!first || timer.at < first.at)) {
        first = { handle, ...timer };
      }
    }
    return first;
  }

  private async moveTo(at: number): Promise<void> {
    if (at > this.time) {
      await this.moveEmulatorClock(at - this.time);
      this.time = at;
    }
  }
}
