import { isCancellation, type ModelArtsError } from './errors';

/** How far a transfer is: bytes and files, done out of all. */
export interface TransferProgress {
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly filesDone: number;
  readonly filesTotal: number;
}

/** What a transfer did, file by file: names relative to where it went (`folder/sub/file.bin`). */
export interface TransferReport {
  readonly transferred: readonly string[];
  /** Files that failed, with why (after the retries). */
  readonly failed: readonly { readonly name: string; readonly reason: string }[];
  /** Files not transferred because the transfer was cancelled (or stopped) first. */
  readonly notTransferred: readonly string[];
  readonly cancelled: boolean;
  /** Bytes of the files transferred. */
  readonly bytes: number;
}

export interface TransferItem {
  readonly name: string;
  readonly size: number;
}

/**
 * Counts a transfer's progress as its requests send or receive bytes (a retried request starts its count
 * again) and collects what became of each file.
 */
export class TransferTracker {
  private readonly live = new Map<string, number>();
  private settledBytes = 0;
  private readonly transferred: string[] = [];
  private readonly failed: { name: string; reason: string }[] = [];
  private readonly notTransferred: string[] = [];
  private readonly bytesTotal: number;

  constructor(
    private readonly items: readonly TransferItem[],
    private readonly onProgress: (progress: TransferProgress) => void = () => undefined,
  ) {
    this.bytesTotal = items.reduce((sum, item) => sum + item.size, 0);
  }

  /** `bytes` of one request (one part, when a file goes in parts) are through so far. */
  moved(item: TransferItem, part: number, bytes: number): void {
    this.live.set(`${item.name}\u0000${part}`, bytes);
    this.emit();
  }

  succeeded(item: TransferItem): void {
    this.forget(item);
    this.settledBytes += item.size;
    this.transferred.push(item.name);
    this.emit();
  }

  /** A file that did not make it: failed, or not transferred when it was cancelled. */
  gaveUp(item: TransferItem, error: ModelArtsError): void {
    this.forget(item);
    if (isCancellation(error)) {
      this.notTransferred.push(item.name);
    } else {
      this.failed.push({ name: item.name, reason: error.toDisplayString() });
    }
    this.emit();
  }

  report(cancelled: boolean): TransferReport {
    const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    return {
      transferred: [...this.transferred].sort(byName),
      failed: [...this.failed].sort((a, b) => byName(a.name, b.name)),
      notTransferred: [...this.notTransferred].sort(byName),
      cancelled,
      bytes: this.settledBytes,
    };
  }

  emit(): void {
    let bytesDone = this.settledBytes;
    this.live.forEach((bytes) => (bytesDone += bytes));
    this.onProgress({ bytesDone, bytesTotal: this.bytesTotal, filesDone: this.transferred.length, filesTotal: this.items.length });
  }

  private forget(item: TransferItem): void {
    const prefix = `${item.name}\u0000`;
    for (const key of [...this.live.keys()]) {
      if (key.startsWith(prefix)) {
        this.live.delete(key);
      }
    }
  }
}
