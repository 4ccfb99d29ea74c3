/**
 * OBS transfer overhead: the client (ObsTransfers over esdk-obs-nodejs) against plain HTTP PUTs and GETs of the
 * same bytes to the same OBS stand-in in the same run (loopback, no injected latency): one 200 MB file and
 * 1,000 files of 8 KB, each way. The plain side uses the client's concurrency for the small files, and is handed
 * the keys it fetches, where the client lists the folder first (one request for 1,000 keys) as a download does.
 * Runs alone too: `npx tsc -p . && node out/bench/obsBench.js`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEMO_CREDENTIALS } from '../emulator/accounts';
import { endpointOverridesFor } from '../emulator/server';
import { createServices } from '../src/services';
import { DEFAULT_CONCURRENCY, ObsTransfers } from '../src/services/obsTransfers';
import type { TransferReport } from '../src/services/transferReport';
import { PlainHttp, startStandIn } from './obsPlainHttp';
import { benchRow, printRows } from './rows';

const REGION = 'cn-north-4';
const BUCKET = 'bench-transfers';
const BIG_BYTES = 200 * 1024 * 1024;
const SMALL_FILES = 1_000;
const SMALL_BYTES = 8 * 1024;
const RUNS = 5;
const TARGET = 0.7;

interface Figure {
  readonly what: string;
  readonly bytes: number;
  readonly files: number;
  readonly client: () => Promise<unknown>;
  readonly plain: () => Promise<unknown>;
}

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** Runs `work` on every item, `concurrency` at a time. */
async function eachAtOnce<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Client and plain alternate, run after run, so that a busy moment of the machine weighs on both alike. */
async function measure(figure: Figure): Promise<{ clientMs: number; plainMs: number }> {
  const clientTimes: number[] = [];
  const plainTimes: number[] = [];
  const timed = async (work: () => Promise<unknown>, into: number[]): Promise<void> => {
    const started = performance.now();
    await work();
    into.push(performance.now() - started);
  };
  for (let run = 0; run < RUNS; run++) {
    await timed(figure.plain, plainTimes);
    await timed(figure.client, clientTimes);
  }
  return { clientMs: median(clientTimes), plainMs: median(plainTimes) };
}

function row(figure: Figure, clientMs: number, plainMs: number): string {
  const rate = (ms: number): string => (figure.files === 1 ? `${(figure.bytes / 1024 / 1024 / (ms / 1000)).toFixed(0)}` : `${(figure.files / (ms / 1000)).toFixed(0)}`);
  const unit = figure.files === 1 ? 'MB/s' : 'files/s';
  const share = `${((plainMs / clientMs) * 100).toFixed(0)}% of plain`;
  return benchRow(`OBS ${figure.what}`, `${rate(clientMs)} ${unit} (plain ${rate(plainMs)})`, `${share}, target ≥ ${TARGET * 100}% (median of ${RUNS})`);
}

/** Measures the four transfers and answers printable rows. */
export async function obsThroughputRows(): Promise<string[]> {
  const standIn = await startStandIn();
  const plain = new PlainHttp(standIn.url, DEFAULT_CONCURRENCY);
  const scratch = mkdtempSync(path.join(tmpdir(), 'modelarts-bench-'));
  try {
    // With a session signal, as a signed-in session creates its services.
    const session = new AbortController();
    const services = createServices({
      credentials: { accessKey: DEMO_CREDENTIALS.ak, secretKey: DEMO_CREDENTIALS.sk },
      endpointOverrides: endpointOverridesFor(standIn.url),
      userAgent: 'modelarts-explorer-bench',
      sessionSignal: session.signal,
    });
    await services.obs.createBucket(REGION, BUCKET, 'STANDARD');
    const transfers = new ObsTransfers(services.obs);
    const big = path.join(scratch, 'big', 'model.bin');
    mkdirSync(path.dirname(big));
    // Random bytes, so nothing on the way can shortcut repeated content.
    writeFileSync(big, randomBytes(BIG_BYTES));
    const small = path.join(scratch, 'small');
    mkdirSync(small);
    const smallNames = Array.from({ length: SMALL_FILES }, (_, i) => `file-${String(i).padStart(4, '0')}.json`);
    for (const name of smallNames) writeFileSync(path.join(small, name), randomBytes(SMALL_BYTES));

    const fresh = (name: string): string => {
      const folder = path.join(scratch, name);
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder);
      return folder;
    };
    const expectAll = (report: TransferReport, files: number): void => {
      if (report.transferred.length !== files) {
        throw new Error(`only ${report.transferred.length} of ${files} files were transferred; first failure: ${report.failed[0]?.name}: ${report.failed[0]?.reason}`);
      }
    };
    // As the explorer calls it: progress reported to a listener, as the Upload and Download commands do.
    const options = { onProgress: (): void => undefined };
    const place = { region: REGION, bucket: BUCKET, key: '' };
    const figures: Figure[] = [
      {
        what: 'upload, one 200 MB file',
        bytes: BIG_BYTES,
        files: 1,
        client: async () => expectAll(await transfers.upload(place, [big], options), 1),
        plain: () => plain.putFile(BUCKET, 'plain/model.bin', big, BIG_BYTES),
      },
      {
        what: 'download, one 200 MB file',
        bytes: BIG_BYTES,
        files: 1,
        client: async () => expectAll(await transfers.download({ ...place, key: 'model.bin' }, fresh('client-big'), options), 1),
        plain: () => plain.getFile(BUCKET, 'model.bin', path.join(fresh('plain-big'), 'model.bin')),
      },
      {
        what: `upload, ${SMALL_FILES.toLocaleString('en')} files of 8 KB`,
        bytes: SMALL_FILES * SMALL_BYTES,
        files: SMALL_FILES,
        client: async () => expectAll(await transfers.upload(place, [small], options), SMALL_FILES),
        plain: () => eachAtOnce(smallNames, DEFAULT_CONCURRENCY, (name) => plain.putFile(BUCKET, `plain-small/${name}`, path.join(small, name), SMALL_BYTES)),
      },
      {
        what: `download, ${SMALL_FILES.toLocaleString('en')} files of 8 KB`,
        bytes: SMALL_FILES * SMALL_BYTES,
        files: SMALL_FILES,
        client: async () => expectAll(await transfers.download({ ...place, key: 'small/' }, fresh('client-small'), options), SMALL_FILES),
        plain: async () => {
          const target = fresh('plain-small');
          await eachAtOnce(smallNames, DEFAULT_CONCURRENCY, (name) => plain.getFile(BUCKET, `small/${name}`, path.join(target, name)));
        },
      },
    ];
    const rows = [`OBS transfers against the emulator's OBS stand-in (own process, loopback), client vs plain HTTP, ${DEFAULT_CONCURRENCY} requests at once`];
    for (const figure of figures) {
      const { clientMs, plainMs } = await measure(figure);
      rows.push(row(figure, clientMs, plainMs));
    }
    return rows;
  } finally {
    plain.close();
    standIn.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  printRows(obsThroughputRows);
}
