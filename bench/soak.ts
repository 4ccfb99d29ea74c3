/**
 * The soak: one simulated hour of the explorer's polling with changing resources in view, run by the installed
 * extension in a real VS Code extension host (bench/soakHost.ts through runInVsCode), against an emulator in this
 * process, so the heap measured is the extension host's alone. Prints each figure beside its target and writes
 * them to test-results/soak-figures.md; asserts nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../test/vscode-host/runOptions';
import { hostRecord } from './hostRun';
import { benchRow } from './rows';
import type { SoakPoll, SoakRecord } from './soakHost';

/** How long each transitional status lasts: a notebook starts or stops in three simulated minutes. */
const TRANSITION_MS = 3 * 60_000;
const HEAP_GOAL_MB = 30;
const MB = 1024 * 1024;

export async function soakRows(): Promise<string[]> {
  const record = await runSoak();
  const rows = soakFigures(record).map(([what, value, target]) => benchRow(what, value, target));
  const heading = `Soak: one simulated hour, poll interval ${record.pollIntervalMs / 1000} s, transitions ${TRANSITION_MS / 60_000} min, ${record.resourcesShown} resources in view`;
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  writeFileSync(join(repoRoot, 'test-results', 'soak-figures.md'), `# ${heading}\n\nFrom \`npm run bench\` (bench/soak.ts), ${new Date().toISOString()}.\n\n\`\`\`\n${rows.join('\n')}\n\`\`\`\n`);
  return [heading, ...rows];
}

function runSoak(): Promise<SoakRecord> {
  return hostRecord<SoakRecord>('out/bench/soakHost.js', { transitionMs: TRANSITION_MS }, (emulatorUrl, recordFile) => ({
    MODELARTS_TEST_SOAK_EMULATOR: emulatorUrl,
    MODELARTS_TEST_SOAK_OUT: recordFile,
    MODELARTS_TEST_SOAK_TRANSITION_MS: String(TRANSITION_MS),
  }));
}

/** [what, measured, target] for each figure of the hour. */
export function soakFigures(record: SoakRecord): [string, string, string][] {
  const { polls, pollIntervalMs, runningPollIntervalMs } = record;
  const pollsPerMinute = 60_000 / pollIntervalMs;
  const runningReadsPerMinute = Math.ceil(60_000 / runningPollIntervalMs);
  // Each poll reads at most every category watched: those with a changing resource, and those whose running ones are due.
  const watched = (poll: SoakPoll) => poll.changingCategories + poll.runningCategories;
  const minutes = [...new Set(polls.map((poll) => poll.minute))].map((minute) => polls.filter((poll) => poll.minute === minute));
  const perMinute = minutes.map((minute) => sum(minute.map((poll) => poll.requests.length)));
  const busiest = perMinute.indexOf(Math.max(...perMinute));
  const busiestBound =
    pollsPerMinute * Math.max(...minutes[busiest].map((poll) => poll.changingCategories)) +
    runningReadsPerMinute * Math.max(...minutes[busiest].map((poll) => poll.runningCategories));
  const visible = polls.filter((poll) => poll.visible);
  const hidden = polls.filter((poll) => !poll.visible);
  const overBound = visible.filter((poll) => poll.requests.length > watched(poll));
  const busiestPoll = maxBy(visible, (poll) => poll.changingResources);
  const worst = maxBy(visible, (poll) => poll.requests.length - watched(poll));
  const settled = polls.filter((poll) => poll.visible && watched(poll) === 0);
  const onlyRunning = visible.filter((poll) => poll.changingCategories === 0 && poll.runningCategories > 0);
  const runningBound = Math.ceil((onlyRunning.length * pollIntervalMs) / runningPollIntervalMs) * Math.max(0, ...onlyRunning.map((poll) => poll.runningCategories));
  const lastActive = Math.max(0, ...polls.filter((poll) => poll.changingCategories > 0 && poll.requests.length > 0).map((poll) => poll.minute));
  const growth = (record.heapByMinute[record.heapByMinute.length - 1] - record.heapBaseline) / MB;
  const peak = (Math.max(...record.heapByMinute) - record.heapBaseline) / MB;
  return [
    ['poll requests per minute, max', `${perMinute[busiest]} (minute ${busiest})`, `≤ ${busiestBound}: ${pollsPerMinute} polls × categories changing + ${runningReadsPerMinute} × categories running`],
    ['poll requests per minute, mean', (sum(perMinute) / perMinute.length).toFixed(1), 'bounded by the above'],
    ['polls sending more requests than categories', `${overBound.length} of ${visible.length}`, `0 (worst: ${worst.requests.length} for ${watched(worst)})`],
    ['busiest poll: requests / changing resources', `${busiestPoll.requests.length} for ${busiestPoll.changingResources}`, 'one per category, not one per resource'],
    ['most identical requests in one poll', String(Math.max(...polls.map(mostIdentical))), '1: a category listed once a poll'],
    ['requests while the view was hidden', `${sum(hidden.map((poll) => poll.requests.length))} in ${hidden.length} polls`, '0'],
    ['timers pending while hidden', String(Math.max(0, ...hidden.map((poll) => poll.timersPending))), '0'],
    ['requests with only running resources shown', `${sum(onlyRunning.map((poll) => poll.requests.length))} in ${onlyRunning.length} polls`, `≈ ${runningBound}: one per category running every ${runningPollIntervalMs / 1000} s`],
    ['requests with nothing changing or running', `${sum(settled.map((poll) => poll.requests.length))} in ${settled.length} polls`, '0'],
    ['timers pending with nothing changing or running', String(Math.max(0, ...settled.map((poll) => poll.timersPending))), '0'],
    ['last minute with a changing resource polled', String(lastActive), `${TRANSITION_MS / 60_000} min after the last change (queued jobs stopped at minute 50)`],
    ['extension host heap growth over the hour', `${growth.toFixed(1)} MB (peak +${peak.toFixed(1)} MB)`, `goal ≤ ${HEAP_GOAL_MB} MB`],
  ];
}

function mostIdentical(poll: SoakPoll): number {
  const counts = new Map<string, number>();
  poll.requests.forEach((key) => counts.set(key, (counts.get(key) ?? 0) + 1));
  return Math.max(0, ...counts.values());
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function maxBy<T>(items: readonly T[], score: (item: T) => number): T {
  return items.reduce((best, item) => (score(item) > score(best) ? item : best));
}
