import type { Redactor } from './secrets';
import type { TrainingLog } from './trainingJobs';

/** What a merge did to the kept text. */
export type LogMerge = 'unchanged' | 'appended' | 'replaced';

/**
 * The newest part of a growing log, merged from successive previews. The preview API takes no range (§2.1:
 * each answer is the log's newest part, up to 5 MB, with the log's full size), so every poll downloads the
 * preview again; the sizes tell which of its bytes are new, and only those are appended. At most
 * `maxKeptChars` characters are kept (whole lines, the newest); `omittedBytes` counts what came before.
 */
export class LogTail {
  private kept = '';
  /** Where `kept` starts in the whole log, in bytes. */
  private keptFrom = 0;
  /** Where `kept` ends in the whole log, in bytes: the log's size when last seen. */
  private keptTo = 0;

  constructor(private readonly maxKeptChars: number) {}

  /** The kept text as received: never shown, since it may hold secrets and start or end inside one. */
  get text(): string {
    return this.kept;
  }

  /**
   * The kept text with every secret masked, including a piece of one at either edge: the log's older part
   * was cut away before it, and the job may not have written the rest of a line yet.
   */
  shownText(redactor: Redactor): string {
    return redactor.redact(this.kept, { cutBefore: this.keptFrom > 0, cutAfter: true });
  }

  /** Bytes of the log before the kept text: older than the preview reaches, or dropped to stay within the cap. */
  get omittedBytes(): number {
    return this.keptFrom;
  }

  merge(log: TrainingLog): LogMerge {
    if (log.fullSize === this.keptTo) {
      return 'unchanged';
    }
    const content = Buffer.from(log.content, 'utf8');
    // Where the preview starts in the whole log, from the bytes actually received.
    const previewFrom = Math.max(0, log.fullSize - content.length);
    let merged: LogMerge;
    if (log.fullSize > this.keptTo && previewFrom <= this.keptTo) {
      this.kept += content.subarray(this.keptTo - previewFrom).toString('utf8');
      merged = 'appended';
    } else {
      // The log restarted (it is shorter than before), or more was written since the last poll than a preview
      // holds: the gap cannot be filled, so the preview replaces what was kept.
      this.kept = log.content;
      this.keptFrom = previewFrom;
      merged = 'replaced';
    }
    this.keptTo = log.fullSize;
    this.dropOldest();
    return merged;
  }

  /** Keeps the newest whole lines within the cap. */
  private dropOldest(): void {
    const excess = this.kept.length - this.maxKeptChars;
    if (excess <= 0) {
      return;
    }
    const lineEnd = this.kept.indexOf('\n', excess - 1);
    const cut = lineEnd >= 0 ? lineEnd + 1 : excess;
    this.keptFrom += Buffer.byteLength(this.kept.slice(0, cut), 'utf8');
    this.kept = this.kept.slice(cut);
  }
}
