/**
 * The emulator's notion of "now". Status transitions and AK lockouts read it, so
 * tests can jump forward instead of sleeping. Signature date checks do not: clients
 * sign with their real clocks.
 */
export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface TimelineEntry<S extends string> {
  readonly status: S;
  readonly at: number;
}

/**
 * A resource's status history and planned future. Statuses are derived lazily
 * from timestamps, so no timers run and state is deterministic for a given clock.
 */
export class Timeline<S extends string> {
  private readonly entries: TimelineEntry<S>[];

  constructor(status: S, at: number) {
    this.entries = [{ status, at }];
  }

  /** The entry in effect at `now` (the first one if `now` predates it). */
  current(now: number): TimelineEntry<S> {
    let found = this.entries[0];
    for (const entry of this.entries) {
      if (entry.at > now) {
        break;
      }
      found = entry;
    }
    return found;
  }

  status(now: number): S {
    return this.current(now).status;
  }

  /** When the latest period in `status` (up to `now`) began, if there was one. */
  enteredAt(status: S, now: number): number | undefined {
    let found: number | undefined;
    for (const entry of this.entries) {
      if (entry.at > now) {
        break;
      }
      if (entry.status === status) {
        found = entry.at;
      }
    }
    return found;
  }

  /** The entries in effect up to `now`, oldest first. */
  history(now: number): readonly TimelineEntry<S>[] {
    return this.entries.filter((entry) => entry.at <= now);
  }

  /** When the status following the one entered at `enteredAt` begins (or began), if planned. */
  nextChangeAfter(enteredAt: number): TimelineEntry<S> | undefined {
    return this.entries.find((entry) => entry.at > enteredAt);
  }

  /** Replaces the planned future with `phases` (each lasting its ms), ending in `final`. */
  plan(now: number, phases: ReadonlyArray<readonly [S, number]>, final: S): void {
    this.dropAfter(now);
    let at = now;
    for (const [status, lastsMs] of phases) {
      this.entries.push({ status, at });
      at += lastsMs;
    }
    this.entries.push({ status: final, at });
  }

  /** Sets a status that stays until the next plan. */
  force(now: number, status: S): void {
    this.dropAfter(now);
    this.entries.push({ status, at: now });
  }

  private dropAfter(now: number): void {
    while (this.entries.length > 1 && this.entries[this.entries.length - 1].at > now) {
      this.entries.pop();
    }
  }
}
