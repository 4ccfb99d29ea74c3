/**
 * A task log that grows at a set rate, for load tests and the bench (`PUT /__emulator/state/training-jobs/{id}/log`
 * with `bytes_per_second`): from the moment it is set, while the job runs, every task writes progress lines of one
 * fixed byte width, so the log's size at any time is known without generating it, and a preview generates only its
 * newest lines. The lines draw their progress bar with block characters (3 bytes each in UTF-8, as tqdm's and
 * rich's bars are), so a log's size in bytes and in characters differ.
 */
import type { TrainingJobRecord } from '../state';
import type { LogPreview } from './trainingLogs';
import { runWindow } from './trainingView';

/** The preview's limit (§2.1: at most 5 MB, the newest part). Where a real preview starts is not documented: here at a line start. */
const PREVIEW_BYTES = 5 * 1024 * 1024;
const BAR_CELLS = 10;
/** Lines a progress bar takes to fill. */
const LINES_PER_BAR = 40;

export interface LogRate {
  readonly bytesPerSecond: number;
  /** When the log started growing (emulator clock): the later of this and the run's start. */
  readonly since: number;
}

export function ratePreview(job: TrainingJobRecord, rate: LogRate, task: string, now: number): LogPreview {
  const run = runWindow(job, now);
  const start = Math.max(rate.since, run?.start ?? now);
  const end = run ? (run.end?.at ?? now) : start;
  const lineBytes = Buffer.byteLength(rateLine(task, 0, timestamp(start)));
  const written = Math.max(0, Math.floor(((end - start) * rate.bytesPerSecond) / 1000 / lineBytes));
  const shown = Math.min(written, Math.floor(PREVIEW_BYTES / lineBytes));
  const msPerLine = (1000 * lineBytes) / rate.bytesPerSecond;
  const lines: string[] = [];
  // Many lines share a millisecond at such rates: each time is formatted once.
  let at = NaN;
  let time = '';
  for (let line = written - shown; line < written; line++) {
    const lineAt = Math.floor(start + line * msPerLine);
    if (lineAt !== at) {
      at = lineAt;
      time = timestamp(at);
    }
    lines.push(rateLine(task, line, time));
  }
  return { content: lines.join(''), current_size: shown * lineBytes, full_size: written * lineBytes };
}

/** Progress bars from empty to full, by filled cells. */
const BARS = Array.from({ length: BAR_CELLS + 1 }, (_, filled) => '█'.repeat(filled) + '░'.repeat(BAR_CELLS - filled));

/** One progress line (line break included); every field has a fixed width, so every line has the same byte length. */
function rateLine(task: string, line: number, time: string): string {
  const bar = BARS[Math.round(((line % LINES_PER_BAR) + 1) * (BAR_CELLS / LINES_PER_BAR))];
  // A falling loss with a deterministic wobble (Knuth's multiplicative hash of the line number), in ten-thousandths:
  // formatted by hand, since toFixed was the slowest part of a 5 MB preview.
  const loss = Math.round(500 + 20_000 * Math.exp(-line / 200_000) + 400 * ((Math.imul(line, 2654435761) >>> 0) / 2 ** 32));
  return `${time} INFO [${task}] step ${`00000000${line + 1}`.slice(-9)} ${bar} loss=${Math.floor(loss / 10_000)}.${`000${loss % 10_000}`.slice(-4)}\n`;
}

function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}
