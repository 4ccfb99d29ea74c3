/**
 * Log following under load: the installed extension follows, in a real VS Code extension host (bench/logHost.ts),
 * the log of a job that writes 2 MB a second, served by an emulator in this process (so the CPU time measured is
 * the extension host's alone). Prints each figure beside its target; asserts nothing. Runs alone as
 * `node out/bench/logBench.js` (after `npm run build && npx tsc -p .`, under the VS Code lock).
 */
import { hostRecord } from './hostRun';
import type { LogRecord } from './logHost';
import { benchRow, printRows } from './rows';

const BYTES_PER_SECOND = 2 * 1024 * 1024;
const MAX_CHANGES_PER_SECOND = 4;
const WINDOW_BYTES = 2 * 1024 * 1024;
/** Long enough that no seeded job moves on by itself while the bench runs. */
const TRANSITION_MS = 3_600_000;

export async function logFollowRows(): Promise<string[]> {
  const record = await runLogHost();
  const seconds = record.measuredMs / 1000;
  const perSecond = (record.followingCpuMs - record.idleCpuMs) / seconds;
  const busiest = Math.max(0, ...Array.from({ length: Math.ceil(seconds) }, (_, second) => record.changesAt.filter((at) => at >= second * 1000 && at < (second + 1) * 1000).length));
  const largest = Math.max(0, ...record.documentBytes);
  return [
    `Log following: a job writing ${mib(record.bytesPerSecond)}/s, poll interval ${record.pollIntervalMs / 1000} s, ${seconds} s measured`,
    benchRow('extension host CPU per second of log', `${perSecond.toFixed(0)} ms`, `reported: following ${(record.followingCpuMs / seconds).toFixed(0)} ms/s − idle ${(record.idleCpuMs / seconds).toFixed(0)} ms/s`),
    benchRow('log document changes per second', `${(record.changesAt.length / seconds).toFixed(2)} mean, ${busiest} busiest`, `≤ ${MAX_CHANGES_PER_SECOND} a second`),
    benchRow('log previews read, changes shown', `${record.polls} read, ${record.changesAt.length} shown`, 'one change shown per preview read'),
    benchRow('log document size, largest', `${largest.toLocaleString('en')} bytes (${mib(largest)})`, `≤ ${mib(WINDOW_BYTES)} of log (+ the omitted-output line)`),
  ];
}

function runLogHost(): Promise<LogRecord> {
  return hostRecord<LogRecord>('out/bench/logHost.js', { transitionMs: TRANSITION_MS }, (emulatorUrl, recordFile) => ({
    MODELARTS_TEST_LOG_EMULATOR: emulatorUrl,
    MODELARTS_TEST_LOG_RATE: String(BYTES_PER_SECOND),
    MODELARTS_TEST_LOG_OUT: recordFile,
  }));
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

if (require.main === module) {
  printRows(logFollowRows);
}
