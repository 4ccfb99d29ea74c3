import type * as vscode from 'vscode';
import { asModelArtsError, isCancellation } from '../services/errors';
import type { ListScope, ResourceKind } from '../views/resourceKind';
import { type PollScheduler, realTimers } from '../views/transitionPoller';
import type { CommandContext } from './commandContext';

/** A started resource is read for at most this long (on the scheduler's clock); then it is given up silently. */
const GIVE_UP_MS = 30 * 60_000;

/** A started resource being watched: where it is, and whether anything reported it since the last tick. */
interface Watched {
  readonly kind: ResourceKind<unknown>;
  readonly scope: ListScope;
  readonly id: string;
  readonly since: number;
  heard: boolean;
  timer?: unknown;
  readonly controller: AbortController;
}

/**
 * Reads started resources that nothing else reads (a start from the palette or a chat tool with the explorer
 * hidden), so their next step is still noticed. Each watched resource has a tick every poll interval: when no
 * report about it arrived since the previous tick, it is read once and what was read is reported through
 * ResourceStates (the tree and panels learn it too). While the explorer's polling reports it, nothing is sent here.
 */
export class StartWatcher implements vscode.Disposable {
  private readonly watched = new Map<string, Watched>();
  private scheduler: PollScheduler = realTimers;

  /** `onGone`: the resource no longer exists (404) or was watched too long; it is no longer watched. */
  constructor(
    private readonly context: Pick<CommandContext, 'session' | 'states' | 'log'>,
    private readonly onGone: (key: string) => void,
  ) {}

  /** Runs the ticks on `scheduler` from now on (tests drive a virtual clock); each watch starts its time afresh. */
  useScheduler(scheduler: PollScheduler): void {
    const entries = [...this.watched];
    this.clear();
    this.scheduler = scheduler;
    entries.forEach(([key, entry]) => this.watch(key, entry.kind, entry.scope, entry.id));
  }

  watch(key: string, kind: ResourceKind<unknown>, scope: ListScope, id: string): void {
    this.stop(key);
    const entry: Watched = { kind, scope, id, since: this.scheduler.now(), heard: false, controller: new AbortController() };
    this.watched.set(key, entry);
    this.arm(key, entry);
  }

  /** Something reported the resource: no read is needed at the next tick. */
  heard(key: string): void {
    const entry = this.watched.get(key);
    if (entry) {
      entry.heard = true;
    }
  }

  stop(key: string): void {
    const entry = this.watched.get(key);
    if (entry) {
      this.watched.delete(key);
      this.scheduler.clearTimeout(entry.timer);
      entry.controller.abort();
    }
  }

  clear(): void {
    [...this.watched.keys()].forEach((key) => this.stop(key));
  }

  dispose(): void {
    this.clear();
  }

  private arm(key: string, entry: Watched): void {
    entry.timer = this.scheduler.setTimeout(() => this.tick(key, entry), this.context.session.settings.pollIntervalMs);
  }

  private async tick(key: string, entry: Watched): Promise<void> {
    if (this.watched.get(key) !== entry) {
      return;
    }
    if (this.scheduler.now() - entry.since >= GIVE_UP_MS) {
      this.gone(key, `${entry.kind.label} ${entry.id} is still not running after ${GIVE_UP_MS / 60_000} minutes: no longer watched`);
      return;
    }
    if (!entry.heard) {
      await this.read(key, entry);
    }
    // Its own read's report counts for nothing: the next tick reads again unless someone else reports it.
    if (this.watched.get(key) === entry) {
      entry.heard = false;
      this.arm(key, entry);
    }
  }

  private async read(key: string, entry: Watched): Promise<void> {
    const services = this.context.session.services;
    if (!services) {
      return; // signed out: the session's change ends the watch
    }
    try {
      const item = await entry.kind.fetch(services, entry.scope, entry.id, entry.controller.signal);
      if (this.watched.get(key) === entry) {
        this.context.states.report(entry.kind, entry.scope.region, item);
      }
    } catch (error) {
      const failure = asModelArtsError(error);
      if (this.watched.get(key) !== entry || isCancellation(failure)) {
        return;
      }
      if (failure.isNotFound) {
        this.gone(key, `${entry.kind.label} ${entry.id} is gone: no longer watched`);
        return;
      }
      // A passing failure: read again at the next tick.
      this.context.log.warn(`Could not read the started ${entry.kind.label} ${entry.id}: ${failure.toDisplayString()}`);
    }
  }

  private gone(key: string, why: string): void {
    this.context.log.info(why);
    this.stop(key);
    this.onGone(key);
  }
}
