/** Every non-control request the emulator saw, for assertions such as "exactly one retry happened". */

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** The request body as text, when one was read. */
  readonly body?: string;
  /** 0 when no response was sent (timeout and reset faults). */
  readonly status: number;
  /** Access key from the Authorization header, when one was sent. */
  readonly ak?: string;
  readonly requestId: string;
  /** The Range header of an OBS object read. */
  readonly range?: string;
  /** The kind of fault injected (see faults.ts, and obs/faults.ts for the OBS stand-in's). */
  readonly fault?: string;
  readonly at: number;
}

export interface RequestFilter {
  readonly method?: string;
  /** Substring of, or pattern tested against, the path. */
  readonly path?: string | RegExp;
  readonly status?: number;
  readonly ak?: string;
}

export class RequestLog {
  private readonly seen: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.seen.push(entry);
  }

  clear(): void {
    this.seen.length = 0;
  }

  /** Entries in arrival order, optionally filtered. */
  list(filter: RequestFilter | ((entry: LoggedRequest) => boolean) = {}): LoggedRequest[] {
    const test = typeof filter === 'function' ? filter : (entry: LoggedRequest) => matchesFilter(entry, filter);
    return this.seen.filter(test);
  }

  count(filter: RequestFilter | ((entry: LoggedRequest) => boolean) = {}): number {
    return this.list(filter).length;
  }
}

function matchesFilter(entry: LoggedRequest, filter: RequestFilter): boolean {
  if (filter.method && filter.method.toUpperCase() !== entry.method) {
    return false;
  }
  if (filter.status !== undefined && filter.status !== entry.status) {
    return false;
  }
  if (filter.ak !== undefined && filter.ak !== entry.ak) {
    return false;
  }
  if (filter.path !== undefined) {
    return typeof filter.path === 'string' ? entry.path.includes(filter.path) : filter.path.test(entry.path);
  }
  return true;
}
