import type { Redactor } from './secrets';
import type { TrainingLog } from './trainingJobs';

/** What a merge did to the kept text. */
export type LogMerge = 'unchanged' | 'appended' | 'replaced';

const LINE_BREAK = 0x0a;

/**
 * The newest part of a growing log, merged from successive previews. The preview API takes no range (§2.1:
 * each answer is the log's newest part, up to 5 MB, with the log's full size), so every poll downloads the
 * preview again; the sizes tell which of its bytes are new, and only those are appended. At most
 * `maxKeptBytes` bytes are kept (whole lines, the newest), as bytes: only what stays is copied, and a fast log's
 * 5 MB preview is never turned into text beyond the kept part. `omittedBytes` counts what came before.
 */
export class LogTail {
  private kept = Buffer.alloc(0);
  /** Where `kept` starts in the whole log, in bytes. */
  private keptFrom = 0;
  /** Where `kept` ends in the whole log, in bytes: the log's size when last seen. */
  private keptTo = 0;

  constructor(private readonly maxKeptBytes: number) {}

  /** The kept text as received: never shown, since it may hold secrets and start or end inside one. */
  get text(): string {
    return this.kept.toString('utf8');
  }

  /**
   * The kept text with every secret masked, including a piece of one at either edge: the log's older part
   * was cut away before it, and the job may not have written the rest of a line yet.
   */
  shownText(redactor: Redactor): string {
    return redactor.redact(this.text, { cutBefore: this.keptFrom > 0, cutAfter: true });
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
      this.keep(this.kept, content.subarray(this.keptTo - previewFrom));
      merged = 'appended';
    } else {
      // The log restarted (it is shorter than before), or more was written since the last poll than a preview
      // holds: the gap cannot be filled, so the preview replaces what was kept.
      this.keptFrom = previewFrom;
      this.keep(Buffer.alloc(0), content);
      merged = 'replaced';
    }
    this.keptTo = log.fullSize;
    return merged;
  }

  /** Keeps `older` followed by `newer`, without the oldest whole lines beyond the cap. */
  private keep(older: Buffer, newer: Buffer): void {
    const excess = older.length + newer.length - this.maxKeptBytes;
    if (excess <= 0) {
      this.kept = Buffer.concat([older, newer]);
      return;
    }
    const lineEnd = lineBreakFrom(older, newer, excess - 1);
    // A single line longer than the cap is cut inside it, at a character's first byte.
    const cut = lineEnd >= 0 ? lineEnd + 1 : characterStartFrom(older, newer, excess);
    this.keptFrom += cut;
    // Copies, so that no preview's buffer is held on to.
    this.kept = cut >= older.length ? Buffer.from(newer.subarray(cut - older.length)) : Buffer.concat([older.subarray(cut), newer]);
  }
}

/** The first line break at or after `from` in `older` followed by `newer`; -1 for none. */
function lineBreakFrom(older: Buffer, newer: Buffer, from: number): number {
  const inOlder = from < older.length ? older.indexOf(LINE_BREAK, from) : -1;
  if (inOlder >= 0) {
    return inOlder;
  }
  const inNewer = newer.indexOf(LINE_BREAK, Math.max(0, from - older.length));
  return inNewer >= 0 ? older.length + inNewer : -1;
}

/** The first byte at or after `from` that starts a UTF-8 character (not a continuation byte, 10xxxxxx). */
function characterStartFrom(older: Buffer, newer: Buffer, from: number): number {
  let at = from;
  const byteAt = (index: number): number | undefined => (index < older.length ? older[index] : newer[index - older.length]);
  for (let byte = byteAt(at); byte !== undefined && (byte & 0xc0) === 0x80; byte = byteAt(at)) {
    at++;
  }
  return at;
}
