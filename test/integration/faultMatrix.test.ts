import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LoggedRequest } from '../../emulator/server';
import { DEFAULT_RETRY_POLICY } from '../../src/services/retry';
import { type Fault, FAULTS, judge, matrixTable, type Observed, type Verdict } from './faultMatrix';
import { changeRows, type Located, type Row, toolReadRows, treeListRows } from './faultMatrixRows';
import { type ExtensionUnderTest, signedInSuite } from './harness';

/** Backoff of a few milliseconds, so a persistent fault costs no seconds; the number of attempts stays the product's. */
const SHORT_BACKOFF = { baseDelayMs: 2, maxDelayMs: 10 };

/** Shortens the session's retry delays (rebuilding its clients once), and answers how many attempts a request gets. */
function shortBackoff(under: ExtensionUnderTest): number {
  const { session } = under.api.context;
  if (session.retryPolicy.maxDelayMs !== SHORT_BACKOFF.maxDelayMs) {
    session.retryPolicy = { ...session.retryPolicy, ...SHORT_BACKOFF };
    session.rebuild();
  }
  return session.retryPolicy.maxAttempts;
}

const MATRIX_NOTES = [
  'Written by test/integration/faultMatrix.test.ts against the emulator. Each cell: what the user (or the model) was shown, and how often the failed request was sent.',
  '',
  '- "error CODE + req id": the message names the error code and the request id of the failed answer (timeouts and resets get no answer, so no id); "retry node": the list shows one "click to retry" node, and clicking it lists the items.',
  '- "N retries": the same request was sent N more times (the retry policy allows 4 attempts); throttling is retried for every request, 5xx, timeouts and resets only for requests safe to repeat (never a create), 401, 403, an expired token and a malformed body never.',
  '- Reads meet the timeout once (then succeed); changes meet every fault on their own request, after the lookups that find their target; an expired token fails every request.',
  '- After a failed change the tree shows the resource as it was, and a failed create adds nothing. A tree command\'s success ("latency") is its tool\'s row: both act on the same resource.',
  '- Not in the matrix: OBS (its own SDK and fault hooks, emulator.obs.faults), and the tree\'s changes that no tool offers (pools, nodes, plugins, workspaces, storage, jobs of Lite Servers, creates through forms: the form\'s request is the create tool\'s).',
].join('\n');

describe('Fault matrix: every list and change against every fault', () => {
  // Statuses stay put for the whole run (an hour per transition on the emulator clock).
  const under = signedInSuite({ transitionMs: 3_600_000 });
  const matrix: { operation: string; cells: Map<string, string> }[] = [];
  const unhandled: string[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason instanceof Error ? reason.message : String(reason));
  };
  const settings = () => vscode.workspace.getConfiguration('modelarts');

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    // The extension host reports unhandled rejections to this listener too: a probe proves it.
    void Promise.reject(new Error('probe'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(unhandled.splice(0).includes('probe'), 'the unhandled-rejection hook sees rejections in this host');
    // Polling stays out of the request counts.
    await settings().update('pollIntervalSeconds', 300, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await settings().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    under().api.context.session.retryPolicy = DEFAULT_RETRY_POLICY;
    under().api.context.session.rebuild();
    const table = matrixTable(matrix);
    console.log(`\nFault matrix (operations × faults → outcome):\n${table}\n`);
    const file = path.resolve(__dirname, '../../../test-results/fault-matrix.md');
    fs.writeFileSync(file, `# Fault matrix\n\n${MATRIX_NOTES}\n\n${table}\n`);
  });

  /** Sets the request timeout a fault asks for (the default otherwise); a change rebuilds the session's clients. */
  async function useRequestTimeout(seconds: number | undefined): Promise<void> {
    if (settings().inspect<number>('requestTimeoutSeconds')?.globalValue !== seconds) {
      await settings().update('requestTimeoutSeconds', seconds, vscode.ConfigurationTarget.Global);
    }
  }

  /** One operation under one fault; whatever happens, the fault is removed and the demo key signed in afterwards. */
  async function runCell(row: Row, fault: Fault): Promise<Verdict> {
    under().freshUi();
    await useRequestTimeout(fault.requestTimeoutSeconds);
    let observed: Observed;
    let log: LoggedRequest[] = [];
    let after: Located['after'];
    let maxAttempts = 0;
    const unhandledBefore = unhandled.length;
    try {
      await fault.prepare?.(under());
      maxAttempts = shortBackoff(under());
      const located = await row.locate(under());
      after = located.after;
      await fault.arm(under(), row.target, row.kind);
      under().emulator.requests.clear();
      observed = await located.run();
      // A rejection nobody handles is reported after the current task.
      await new Promise((resolve) => setTimeout(resolve, 20));
      log = under().emulator.requests.list();
    } catch (error) {
      observed = { problems: [`threw: ${error instanceof Error ? error.message : String(error)}`] };
    } finally {
      await fault.disarm(under());
    }
    const verdict = judge(fault, row.kind, log, observed, maxAttempts, unhandled.slice(unhandledBefore));
    verdict.problems.push(...((await after?.(observed.message !== undefined, fault.prepare === undefined)) ?? []));
    return verdict;
  }

  /** Runs each row against each fault; every cell's problems are collected, so one run shows the whole matrix. */
  async function runRows(rows: readonly Row[]): Promise<void> {
    const problems: string[] = [];
    for (const row of rows) {
      const cells = new Map<string, string>();
      matrix.push({ operation: row.operation, cells });
      for (const fault of FAULTS.filter((candidate) => !row.skips?.includes(candidate.name))) {
        const verdict = await runCell(row, fault);
        cells.set(fault.name, verdict.problems.length > 0 && !verdict.outcome.startsWith('✗') ? `✗ ${verdict.outcome}` : verdict.outcome);
        problems.push(...verdict.problems.map((problem) => `${row.operation} × ${fault.name}: ${problem}`));
      }
    }
    assert.deepEqual(problems, []);
  }

  it('the tree: each list fails into a retry node naming the error, or succeeds', async function () {
    this.timeout(300_000);
    await runRows(await treeListRows(under()));
  });

  it('the reading tools: each answers with the error code and request id, or its result', async function () {
    this.timeout(300_000);
    await runRows(toolReadRows(under));
  });

  it('the tree\'s commands: a failed change is reported and the tree shows the resource as it is', async function () {
    this.timeout(300_000);
    const { commands } = changeRows(under);
    await runRows(commands);
  });

  it('the changing tools: creates are never sent twice, and a failed change is not shown as done', async function () {
    this.timeout(300_000);
    const { tools, unplaced } = changeRows(under);
    assert.deepEqual(unplaced, [], 'every changing tool has its place in the tree');
    await runRows(tools);
  });
});
