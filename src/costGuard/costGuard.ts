import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { asModelArtsError, isCancellation } from '../services/errors';
import { type PollScheduler, realTimers } from '../views/transitionPoller';
import { countBilling, type CostSnapshot } from './costCount';
import { CostStatusItem } from './costStatusItem';
import { LeaseWarnings } from './leaseWarnings';
import { LongRunningFlags } from './longRunning';

const MINUTE_MS = 60_000;

/** The cost guard's settings (`modelarts.costGuard.*`). */
export interface CostGuardSettings {
  readonly enabled: boolean;
  readonly refreshMs: number;
  /** 0: never coloured. */
  readonly warnAtCount: number;
  readonly longRunningMs: number;
}

export function readCostGuardSettings(): CostGuardSettings {
  const settings = vscode.workspace.getConfiguration('modelarts.costGuard');
  const positive = (value: number | undefined, fallback: number) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback);
  return {
    enabled: settings.get<boolean>('enabled', true),
    refreshMs: positive(settings.get<number>('refreshMinutes'), 5) * MINUTE_MS,
    warnAtCount: Math.max(0, settings.get<number>('warnAtCount', 0) ?? 0),
    longRunningMs: positive(settings.get<number>('longRunningHours'), 12) * 60 * MINUTE_MS,
  };
}

/**
 * Counts what bills now in the background, every `refreshMinutes`, and shows it in the status bar. A change of account,
 * profile or regions (the session's onDidChange) cancels the count under way, drops the figure and counts again at
 * once: a count started for one profile is never shown under another. Each count's running notebooks and Lite Servers
 * feed the lease warnings and the long-running flags. All timing runs on one PollScheduler, whose clock is the cloud's
 * for lease ends (tests drive a virtual one in step with the emulator's).
 */
export class CostGuard implements vscode.Disposable {
  readonly statusItem = new CostStatusItem();
  readonly leaseWarnings: LeaseWarnings;
  readonly longRunning: LongRunningFlags;
  private scheduler: PollScheduler = realTimers;
  private timer: unknown;
  /** The last count started, if any: none before the first, so a change of session before it aborts nothing (an abort costs an exception object). */
  private counting: AbortController | undefined;
  private latest: CostSnapshot | undefined;
  private readonly changed = new vscode.EventEmitter<CostSnapshot | undefined>();
  /** Fires when a count is published, or dropped (undefined) on a change of session. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly context: CommandContext) {
    this.leaseWarnings = new LeaseWarnings(context, () => this.scheduler, () => this.refreshNow());
    this.longRunning = new LongRunningFlags(context, () => this.scheduler);
    this.subscriptions = [
      this.statusItem,
      this.changed,
      this.leaseWarnings,
      context.session.onDidChange(() => this.restart()),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('modelarts.costGuard') && this.restart()),
    ];
    this.restart();
  }

  /** The last count published for the current session, if any. */
  get snapshot(): CostSnapshot | undefined {
    return this.latest;
  }

  /** The cost guard's clock: the cloud's, for how long things have run. */
  now(): number {
    return this.scheduler.now();
  }

  /** Runs the counts and warnings on `scheduler` from now on (tests drive a virtual clock), counting at once. */
  useScheduler(scheduler: PollScheduler): void {
    this.leaseWarnings.clear();
    this.scheduler.clearTimeout(this.timer);
    this.scheduler = scheduler;
    this.restart();
  }

  /** Counts now (after a stop, or on request) and answers the count, or undefined when signed out, turned off or superseded. */
  async refreshNow(): Promise<CostSnapshot | undefined> {
    this.scheduler.clearTimeout(this.timer);
    this.counting?.abort();
    this.counting = new AbortController();
    // The session's signal ends the count when the profile changes, even before its change event is handled here.
    return this.count(AbortSignal.any([this.counting.signal, this.context.session.signal]));
  }

  dispose(): void {
    this.counting?.abort();
    this.scheduler.clearTimeout(this.timer);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  /** A new session, regions or settings: the old figure goes, the count under way is cancelled, a new one starts. */
  private restart(): void {
    this.latest = undefined;
    this.leaseWarnings.clear();
    this.changed.fire(undefined);
    if (!this.context.session.services || !readCostGuardSettings().enabled) {
      this.counting?.abort();
      this.counting = undefined;
      this.scheduler.clearTimeout(this.timer);
      this.statusItem.hide();
      return;
    }
    this.statusItem.counting();
    void this.refreshNow();
  }

  private async count(signal: AbortSignal): Promise<CostSnapshot | undefined> {
    const services = this.context.session.services;
    const settings = readCostGuardSettings();
    if (!services || !settings.enabled) {
      return undefined;
    }
    try {
      const snapshot = await countBilling(services, this.context.session.regions, signal);
      if (signal.aborted || services !== this.context.session.services) {
        return undefined;
      }
      this.latest = snapshot;
      this.statusItem.showCount(snapshot, settings.warnAtCount);
      this.changed.fire(snapshot);
      this.leaseWarnings.follow(snapshot);
      await this.longRunning.check(snapshot, settings.longRunningMs);
      return snapshot;
    } catch (error) {
      if (!isCancellation(error) && !signal.aborted) {
        this.context.log.warn(`cost guard: the count failed: ${asModelArtsError(error).toDisplayString()}`);
      }
      return undefined;
    } finally {
      if (!signal.aborted) {
        this.timer = this.scheduler.setTimeout(() => this.refreshNow().then(() => undefined), settings.refreshMs);
      }
    }
  }
}
