/**
 * The conformance check: reads the exchanges the emulators recorded while the suites ran
 * (`MODELARTS_EMULATOR_RECORD`) and fails on every finding no deviation entry explains, and on every deviation
 * entry no exchange needed.
 *
 *   node out/emulator/contract/checkRecording.js <record.jsonl> [--verbose]
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type Exchange, type Finding, ConformanceChecker, explains } from './conformance';
import { DEVIATIONS, type Deviation } from './deviations';

export interface ConformanceReport {
  readonly exchanges: number;
  readonly obsExchanges: number;
  /** Exchanges per operation, SDK and documented outside the SDK. */
  readonly operations: ReadonlyMap<string, number>;
  readonly sdkOperations: number;
  /** Unexplained findings, one per (operation, location, problem), with how often each occurred. */
  readonly failures: readonly { readonly finding: Finding; readonly count: number }[];
  readonly explained: number;
  readonly refusalsOnPurpose: number;
  readonly unusedDeviations: readonly Deviation[];
}

export function checkExchanges(exchanges: Iterable<Exchange>, checker = new ConformanceChecker(), deviations: readonly Deviation[] = DEVIATIONS): ConformanceReport {
  let total = 0;
  let obs = 0;
  let explained = 0;
  let refusals = 0;
  let sdkOperations = 0;
  const operations = new Map<string, number>();
  const failures = new Map<string, { finding: Finding; count: number }>();
  const used = new Set<Deviation>();
  for (const exchange of exchanges) {
    total++;
    if (!checker.isApiPath(exchange.path)) {
      obs++;
      continue;
    }
    if (exchange.intent === 'refusal') {
      refusals++;
    }
    const { operation, findings } = checker.checkExchange(exchange);
    if (operation.kind !== 'unknown') {
      if (operation.kind === 'sdk' && !operations.has(operation.name)) {
        sdkOperations++;
      }
      operations.set(operation.name, (operations.get(operation.name) ?? 0) + 1);
    }
    for (const finding of findings) {
      const deviation = deviations.find((entry) => explains(entry, finding));
      if (deviation) {
        used.add(deviation);
        explained++;
        continue;
      }
      const key = `${finding.operation} ${finding.at} ${finding.problem}`;
      const failure = failures.get(key) ?? { finding, count: 0 };
      failure.count++;
      failures.set(key, failure);
    }
  }
  return {
    exchanges: total,
    obsExchanges: obs,
    operations,
    sdkOperations,
    failures: [...failures.values()].sort((a, b) => a.finding.operation.localeCompare(b.finding.operation) || a.finding.at.localeCompare(b.finding.at)),
    explained,
    refusalsOnPurpose: refusals,
    unusedDeviations: deviations.filter((deviation) => !used.has(deviation)),
  };
}

export async function readRecording(file: string): Promise<Exchange[]> {
  const exchanges: Exchange[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== '') {
      exchanges.push(JSON.parse(line) as Exchange);
    }
  }
  return exchanges;
}

export function formatReport(report: ConformanceReport, verbose: boolean): string {
  const lines = [
    `Contract check: ${report.exchanges} exchanges (${report.obsExchanges} OBS), ${report.sdkOperations} SDK operations and ` +
      `${report.operations.size - report.sdkOperations} documented calls outside the SDK exercised; ` +
      `${report.explained} findings explained by deviations, ${report.refusalsOnPurpose} requests refused on purpose.`,
  ];
  if (verbose) {
    for (const [operation, count] of [...report.operations].sort((a, b) => a[0].localeCompare(b[0]))) {
      lines.push(`  ${String(count).padStart(6)}  ${operation}`);
    }
  }
  for (const { finding, count } of report.failures) {
    lines.push(`FINDING ${finding.operation} ${finding.at} ${finding.problem}: ${finding.detail} (${count}×)`);
  }
  for (const deviation of report.unusedDeviations) {
    lines.push(`UNUSED DEVIATION ${String(deviation.operation)} ${deviation.at} ${deviation.problem}: no exchange needs it any more`);
  }
  lines.push(report.failures.length + report.unusedDeviations.length === 0 ? 'Contract check passed.' : `Contract check failed: ${report.failures.length} findings, ${report.unusedDeviations.length} unused deviations.`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    throw new Error('usage: checkRecording <record.jsonl> [--verbose]');
  }
  const report = checkExchanges(await readRecording(file));
  console.log(formatReport(report, process.argv.includes('--verbose')));
  process.exitCode = report.failures.length + report.unusedDeviations.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  });
}
