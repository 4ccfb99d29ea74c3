/**
 * OBS transfer throughput against the emulator's OBS stand-in (loopback, no injected latency): a 200 MB file
 * and 1,000 small files, up and down, next to a plain `cp` of the same data on the same disk.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ModelArtsServices } from '../src/services';
import { ObsTransfers } from '../src/services/obsTransfers';

const REGION = 'cn-north-4';
const BUCKET = 'bench-transfers';
const BIG_BYTES = 200 * 1024 * 1024;
const SMALL_FILES = 1_000;
const SMALL_BYTES = 8 * 1024;
const RUNS = 3;

interface Measured {
  readonly what: string;
  readonly obsMs: number;
  readonly cpMs: number;
  readonly bytes: number;
  readonly files: number;
}

async function median(work: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

/** Runs the transfers and answers printable rows. */
export async function obsThroughputRows(services: ModelArtsServices): Promise<string[]> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'modelarts-bench-'));
  try {
    await services.obs.createBucket(REGION, BUCKET, 'STANDARD');
    const transfers = new ObsTransfers(services.obs);
    const big = path.join(scratch, 'big', 'model.bin');
    mkdirSync(path.dirname(big));
    // Random bytes, so nothing on the way can shortcut repeated content.
    writeFileSync(big, randomBytes(BIG_BYTES));
    const small = path.join(scratch, 'small');
    mkdirSync(small);
    for (let i = 0; i < SMALL_FILES; i++) {
      writeFileSync(path.join(small, `file-${String(i).padStart(4, '0')}.json`), randomBytes(SMALL_BYTES));
    }

    const fresh = (name: string): string => {
      const folder = path.join(scratch, name);
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder);
      return folder;
    };
    const expectAll = (report: { transferred: readonly string[] }, files: number): void => {
      if (report.transferred.length !== files) throw new Error(`only ${report.transferred.length} of ${files} files were transferred`);
    };
    const cp = (from: string): Promise<number> => median(() => execFileSync('cp', ['-r', from, fresh('cp')]));
    const place = { region: REGION, bucket: BUCKET, key: '' };
    const cpBig = await cp(big);
    const cpSmall = await cp(small);

    const measured: Measured[] = [
      {
        what: 'upload a 200 MB file',
        obsMs: await median(async () => expectAll(await transfers.upload(place, [big]), 1)),
        cpMs: cpBig,
        bytes: BIG_BYTES,
        files: 1,
      },
      {
        what: 'download a 200 MB file',
        obsMs: await median(async () => expectAll(await transfers.download({ ...place, key: 'model.bin' }, fresh('down-big')), 1)),
        cpMs: cpBig,
        bytes: BIG_BYTES,
        files: 1,
      },
      {
        what: `upload ${SMALL_FILES.toLocaleString('en')} small files (8 KB)`,
        obsMs: await median(async () => expectAll(await transfers.upload(place, [small]), SMALL_FILES)),
        cpMs: cpSmall,
        bytes: SMALL_FILES * SMALL_BYTES,
        files: SMALL_FILES,
      },
      {
        what: `download ${SMALL_FILES.toLocaleString('en')} small files (8 KB)`,
        obsMs: await median(async () => expectAll(await transfers.download({ ...place, key: 'small/' }, fresh('down-small')), SMALL_FILES)),
        cpMs: cpSmall,
        bytes: SMALL_FILES * SMALL_BYTES,
        files: SMALL_FILES,
      },
    ];
    return measured.map(({ what, obsMs, cpMs, bytes, files }) => {
      const rate = (ms: number): string => (files === 1 ? `${(bytes / 1024 / 1024 / (ms / 1000)).toFixed(0)} MB/s` : `${(files / (ms / 1000)).toFixed(0)} files/s`);
      return `OBS ${what.padEnd(40)} ${rate(obsMs).padEnd(26)} cp: ${rate(cpMs)} (median of ${RUNS})`;
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
