import * as vscode from 'vscode';

/** A training job whose end the user is told of; `runFolder` is the local folder Run on ModelArts ran it from. */
export interface WatchedJob {
  readonly region: string;
  readonly projectId?: string;
  readonly workspaceId?: string;
  readonly jobId: string;
  readonly name: string;
  readonly runFolder?: string;
}

/** Where the list is kept: the extension's global state, so a window reload (or the next start) resumes it. */
const STORAGE_KEY = 'modelarts.watchedJobs';

/** What the storage holds, read back with no trust in its shape (another version of the extension may have written it). */
function storedJobs(value: unknown): WatchedJob[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const text = (field: unknown): string | undefined => (typeof field === 'string' && field !== '' ? field : undefined);
  return value.flatMap((entry: unknown): WatchedJob[] => {
    if (typeof entry !== 'object' || entry === null) {
      return [];
    }
    const record = entry as Record<string, unknown>;
    const [region, jobId, name] = [text(record.region), text(record.jobId), text(record.name)];
    if (!region || !jobId || !name) {
      return [];
    }
    return [{ region, jobId, name, projectId: text(record.projectId), workspaceId: text(record.workspaceId), runFolder: text(record.runFolder) }];
  });
}

/**
 * The watched training jobs, persisted at once on every change. A job leaves the list when it ends (see JobWatcher),
 * when it is gone, or when the user unwatches it.
 */
export class WatchedJobs implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /**
   * The list as this window knows it, read from the storage once and then only written: the extension host's memento
   * takes every storage change event's value as its own (extHostMemento.ts), so the echo of an earlier write can
   * bring back for a moment a job just taken off, and its end be told twice. Another window keeps its own list; the
   * last one written is what the next start reads.
   */
  private jobs: readonly WatchedJob[];

  constructor(private readonly storage: vscode.Memento) {
    this.jobs = storedJobs(storage.get<unknown>(STORAGE_KEY));
  }

  list(): readonly WatchedJob[] {
    return this.jobs;
  }

  isWatched(jobId: string): boolean {
    return this.list().some((job) => job.jobId === jobId);
  }

  get(jobId: string): WatchedJob | undefined {
    return this.list().find((job) => job.jobId === jobId);
  }

  /** Idempotent: watching a watched job again keeps what it knew (its run folder) unless told anew. */
  watch(job: WatchedJob): void {
    const known = this.get(job.jobId);
    const merged: WatchedJob = {
      ...job,
      projectId: job.projectId ?? known?.projectId,
      workspaceId: job.workspaceId ?? known?.workspaceId,
      runFolder: job.runFolder ?? known?.runFolder,
    };
    this.save([...this.list().filter((entry) => entry.jobId !== job.jobId), merged]);
  }

  /** Notes the project a watched job was found in; a job unwatched meanwhile stays unwatched. */
  setProject(jobId: string, projectId: string): void {
    const known = this.get(jobId);
    if (known && known.projectId !== projectId) {
      this.save(this.list().map((entry) => (entry.jobId === jobId ? { ...entry, projectId } : entry)));
    }
  }

  unwatch(jobId: string): void {
    this.take(jobId);
  }

  /** Removes the job and answers whether it was watched: of two that notice a job's end, only the first announces it. */
  take(jobId: string): WatchedJob | undefined {
    const known = this.get(jobId);
    if (known) {
      this.save(this.list().filter((entry) => entry.jobId !== jobId));
    }
    return known;
  }

  dispose(): void {
    this.changed.dispose();
  }

  private save(jobs: readonly WatchedJob[]): void {
    this.jobs = jobs;
    // Written in the background; a reload reads it back.
    void this.storage.update(STORAGE_KEY, jobs);
    this.changed.fire();
  }
}
