import { cpus } from 'node:os';

/** The machine counts as quiet when its processors are this busy or less over a sample. */
const QUIET_BUSY = 0.25;
const QUIET_SAMPLE_MS = 250;
const QUIET_WAIT_MAX_MS = 20_000;

/**
 * Waits until other work (a workbench starting, a VS Code run of the bench ending) no longer keeps this machine's
 * processors busy: on 2 cores it otherwise takes turns with the work being timed, and the figure says more about
 * that other work than about the extension. Gives up waiting after QUIET_WAIT_MAX_MS.
 */
export async function quietMachine(): Promise<{ waitedMs: number; busy: number }> {
  const started = performance.now();
  let busy = 1;
  while (performance.now() - started < QUIET_WAIT_MAX_MS) {
    const before = cpus();
    await new Promise((resolve) => setTimeout(resolve, QUIET_SAMPLE_MS));
    busy = busyShare(before, cpus());
    if (busy <= QUIET_BUSY) {
      break;
    }
  }
  return { waitedMs: performance.now() - started, busy };
}

/** The share of processor time spent busy between two readings of `os.cpus()`. */
function busyShare(before: ReturnType<typeof cpus>, after: ReturnType<typeof cpus>): number {
  let total = 0;
  let idle = 0;
  after.forEach((cpu, index) => {
    const times = Object.entries(cpu.times) as [keyof typeof cpu.times, number][];
    for (const [name, value] of times) {
      const spent = value - before[index].times[name];
      total += spent;
      if (name === 'idle') {
        idle += spent;
      }
    }
  });
  return total === 0 ? 0 : 1 - idle / total;
}
