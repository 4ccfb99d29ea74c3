import * as vscode from 'vscode';
import { asModelArtsError, isCancellation } from '../services/errors';

export type ActivityState = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

/** A transfer's report, kept so that it can be shown again. */
export interface ActivityReport {
  /** The report's document name, e.g. transfer-report-….txt. */
  readonly name: string;
  readonly text: string;
}

/** One long operation of the log, as it is stored (plain data: it survives a reload). */
export interface ActivityEntry {
  readonly id: string;
  /** What ran on which resource: the title of its progress notification. */
  readonly label: string;
  readonly state: ActivityState;
  /** The latest progress message while running. */
  readonly message?: string;
  /** The failure's error code (a service's code, or a local one). */
  readonly errorCode?: string;
  readonly startedAt: number;
  readonly endedAt?: number;
  readonly report?: ActivityReport;
}

const STORAGE_KEY = 'modelarts.activity.entries';
const KEEP = { fallback: 50, min: 1, max: 500 };

/** How many finished operations the log keeps (setting `modelarts.activity.keep`). */
function keepCount(): number {
  const value = vscode.workspace.getConfiguration('modelarts').get<unknown>('activity.keep');
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(KEEP.max, Math.max(KEEP.min, Math.floor(value))) : KEEP.fallback;
}

/**
 * The window's long operations, newest first: the last `modelarts.activity.keep` are kept in the workspace's storage,
 * so a reload shows them again. An operation that was running when the window went is shown as interrupted.
 */
export class ActivityLog implements vscode.Disposable {
  private entries: ActivityEntry[];
  /** How to cancel each running operation: the same signal its notification's Cancel aborts. */
  private readonly controllers = new Map<string, AbortController>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private nextId = 0;

  /** `storage` is where the entries are kept across reloads (the workspace's state). */
  constructor(readonly storage: vscode.Memento) {
    const stored = storage.get<ActivityEntry[]>(STORAGE_KEY, []);
    this.entries = stored.map((entry) => (entry.state === 'running' ? { ...entry, state: 'interrupted', message: undefined } : entry));
  }

  /** A log read again from the same storage, as the next window reads it. */
  reopened(): ActivityLog {
    return new ActivityLog(this.storage);
  }

  get all(): readonly ActivityEntry[] {
    return this.entries;
  }

  find(id: string): ActivityEntry | undefined {
    return this.entries.find((entry) => entry.id === id);
  }

  /** Records an operation that starts now; `controller` is aborted by Cancel in the view. */
  start(label: string, controller: AbortController): ActivityRun {
    const id = `${Date.now().toString(36)}-${(this.nextId++).toString(36)}`;
    this.controllers.set(id, controller);
    this.entries.unshift({ id, label, state: 'running', startedAt: Date.now() });
    this.save();
    return new ActivityRun(this, id);
  }

  /** Cancels a running operation, as its notification's Cancel does. */
  cancel(id: string): void {
    this.controllers.get(id)?.abort();
  }

  /** Forgets every finished operation; running ones stay. */
  clear(): void {
    this.entries = this.entries.filter((entry) => entry.state === 'running');
    this.save();
  }

  /** Drops an entry (an operation that turned out to be preparation for a question). */
  remove(id: string): void {
    this.controllers.delete(id);
    this.entries = this.entries.filter((entry) => entry.id !== id);
    this.save();
  }

  /** Changes an entry; `persist` is false for progress messages, which are not worth a write each. */
  update(id: string, change: Partial<Omit<ActivityEntry, 'id'>>, persist = true): void {
    this.entries = this.entries.map((entry) => (entry.id === id ? { ...entry, ...change } : entry));
    if (change.state && change.state !== 'running') {
      this.controllers.delete(id);
    }
    if (persist) {
      this.save();
    } else {
      this.changed.fire();
    }
  }

  /** Runs an operation's next step: running again under `label`, cancelled through `controller`. */
  resume(id: string, label: string, controller: AbortController): void {
    this.controllers.set(id, controller);
    this.update(id, { label, state: 'running', message: undefined, endedAt: undefined });
  }

  dispose(): void {
    this.changed.dispose();
  }

  private save(): void {
    const keep = keepCount();
    const running = this.entries.filter((entry) => entry.state === 'running');
    const finished = this.entries.filter((entry) => entry.state !== 'running').slice(0, keep);
    const kept = new Set([...running, ...finished]);
    this.entries = this.entries.filter((entry) => kept.has(entry));
    this.changed.fire();
    void this.storage.update(STORAGE_KEY, this.entries);
  }
}

/** One operation of the log while it runs, and how it ended. */
export class ActivityRun {
  constructor(
    private readonly log: ActivityLog,
    readonly id: string,
  ) {}

  get state(): ActivityState | undefined {
    return this.log.find(this.id)?.state;
  }

  /** A further step of the same operation (after a check, the work itself): running again, under its own title. */
  continueWith(label: string, controller: AbortController): void {
    this.log.resume(this.id, label, controller);
  }

  progress(message: string | undefined): void {
    if (message) {
      this.log.update(this.id, { message }, false);
    }
  }

  attachReport(report: ActivityReport): void {
    this.log.update(this.id, { report });
  }

  succeeded(): void {
    this.log.update(this.id, { state: 'succeeded', endedAt: Date.now() });
  }

  /** Ends the operation by `error`: cancelled when it was a cancellation, else failed with its error code. */
  ended(error: unknown): void {
    if (isCancellation(error)) {
      this.log.update(this.id, { state: 'cancelled', endedAt: Date.now() });
    } else {
      this.log.update(this.id, { state: 'failed', errorCode: asModelArtsError(error).errorCode, endedAt: Date.now() });
    }
  }

  /** Drops the entry: what ran was only preparation for a question the user was then asked. */
  discard(): void {
    this.log.remove(this.id);
  }
}
