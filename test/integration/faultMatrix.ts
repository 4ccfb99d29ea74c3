// The fault matrix's columns and verdicts: each fault, how it is injected, and what must hold whatever operation it hits.
import * as vscode from 'vscode';
import type { FaultRule, LoggedRequest } from '../../emulator/server';
import { type ExtensionUnderTest, PROFILE, REGION } from './harness';

/** Which requests a fault hits: every request, or only those that change something (not the lookups before them). */
export type FaultTarget = 'all' | 'changes';

/** How an operation uses the network, for the rules on retries: reads, changes of an existing resource, creates. */
export type OperationKind = 'read' | 'change' | 'create';

export interface Fault {
  readonly name: string;
  /** The error code the user must be shown; undefined when the operation must succeed. */
  readonly code?: string;
  /** Text the message must also hold (the gateway's reason), beyond code and request id. */
  readonly reason?: RegExp;
  /** An answer comes, so its request id must be shown; not for timeouts and resets. */
  readonly answered: boolean;
  /** Which failed requests may be sent again: none, only idempotent ones, or every one (throttling: never processed). */
  readonly repeats: 'never' | 'idempotent' | 'always';
  /** Reads hit it once and must then succeed (a timeout per attempt would cost a second per try). */
  readonly readsRecover?: boolean;
  /**
   * The request timeout while this fault is armed, so a timed-out attempt costs a second, not thirty. Only the
   * timeout fault shortens it: elsewhere a stall of the busy test machine must not end an attempt before it reaches
   * the emulator, which would then log fewer tries than were made.
   */
  readonly requestTimeoutSeconds?: number;
  /** Before the operation's target is located (signing in again reloads the tree). */
  prepare?(under: ExtensionUnderTest): Promise<void>;
  arm(under: ExtensionUnderTest, target: FaultTarget, kind: OperationKind): Promise<void>;
  disarm(under: ExtensionUnderTest): Promise<void>;
}

/** Requests that change something; a training-job search and a Lite Server sync are reads sent as POST and PUT. */
const CHANGES = /^(?!.*(-searches|\/sync)$)/;
const CHANGING_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

function ruleFault(name: string, rule: FaultRule, expected: Omit<Fault, 'name' | 'arm' | 'disarm'>): Fault {
  return {
    name,
    ...expected,
    async arm(under, target, kind) {
      const times = expected.readsRecover && kind === 'read' ? 1 : Infinity;
      const matches = target === 'all' ? [{}] : CHANGING_METHODS.map((method) => ({ method, path: CHANGES }));
      matches.forEach((match) => under.emulator.faults.add({ ...rule, ...match, times }));
    },
    async disarm(under) {
      under.emulator.faults.clear();
    },
  };
}

const TOKEN_LIFETIME_MS = 10_000;

/** Temporary credentials whose security token expires on the emulator clock: every request is refused afterwards. */
const expiredToken: Fault = {
  name: 'expired token',
  code: 'APIG.0301',
  reason: /token expires/,
  answered: true,
  repeats: 'never',
  async prepare(under) {
    // Valid while signing in and finding the target on a slow machine; the emulator clock then passes its expiry.
    const issued = under.emulator.issueTemporaryCredentials(TOKEN_LIFETIME_MS);
    under.ui.answer(PROFILE, issued.access, issued.secret, issued.securitytoken, REGION);
    await vscode.commands.executeCommand('modelarts.signIn');
  },
  async arm(under) {
    under.emulator.clock.advance(TOKEN_LIFETIME_MS + 1);
  },
  async disarm(under) {
    under.freshUi();
    await under.signInWithDemoKey();
  },
};

/** The columns, in the order they run: the one that lets a change succeed (latency) comes last. */
export const FAULTS: readonly Fault[] = [
  ruleFault('429 APIG.0308', { kind: 'status', status: 429 }, { code: 'APIG.0308', answered: true, repeats: 'always' }),
  ruleFault('503', { kind: 'status', status: 503 }, { code: 'ModelArts.0001', answered: true, repeats: 'idempotent' }),
  ruleFault('timeout', { kind: 'timeout' }, { code: 'Timeout', answered: false, repeats: 'idempotent', readsRecover: true, requestTimeoutSeconds: 1 }),
  ruleFault('connection reset', { kind: 'reset' }, { code: 'NetworkError', answered: false, repeats: 'idempotent' }),
  ruleFault('malformed JSON', { kind: 'malformed' }, { code: 'MalformedResponse', answered: true, repeats: 'never' }),
  ruleFault('401 APIG.0301', { kind: 'status', status: 401 }, { code: 'APIG.0301', answered: true, repeats: 'never' }),
  // Illustrative: a policy that denies the action (modelarts-api.md §11.2 lists ModelArts.0112 for 401/403), without request_id in the body.
  ruleFault('403', { kind: 'status', status: 403, errorCode: 'ModelArts.0112', errorMsg: 'The policy does not allow this action.' }, { code: 'ModelArts.0112', answered: true, repeats: 'never' }),
  expiredToken,
  ruleFault('latency', { kind: 'latency', ms: 150 }, { answered: true, repeats: 'never' }),
];

/** What the operation showed: its error message (undefined when it succeeded) and the row's own findings. */
export interface Observed {
  readonly message?: string;
  readonly problems?: readonly string[];
  /** For lists: the failure became a "click to retry" node. */
  readonly retryNode?: boolean;
}

export interface Verdict {
  readonly outcome: string;
  readonly problems: string[];
}

function failed(entry: LoggedRequest): boolean {
  return entry.status === 0 || entry.status >= 400 || (entry.fault !== undefined && entry.fault !== 'latency');
}

/** The same request sent again; not by body, which the log lacks for a request that timed out or was reset before it was read. */
const requestKey = (entry: LoggedRequest): string => `${entry.method} ${entry.path} ${JSON.stringify(entry.query)}`;

/**
 * The rules every cell answers to: retries bounded and only safe ones (never an auth failure, never a create
 * the cloud may have received), the error named with its code and the request id of the failed answer, and
 * success where the fault allows it.
 */
export function judge(fault: Fault, kind: OperationKind, log: readonly LoggedRequest[], observed: Observed, maxAttempts: number, unhandled: readonly string[]): Verdict {
  const problems = [...(observed.problems ?? []), ...unhandled.map((reason) => `unhandled rejection: ${reason}`)];
  const sends = new Map<string, LoggedRequest[]>();
  log.forEach((entry) => sends.set(requestKey(entry), [...(sends.get(requestKey(entry)) ?? []), entry]));
  const failedGroups = [...sends.values()].filter((group) => group.some(failed));
  const tries = Math.max(0, ...failedGroups.map((group) => group.length));
  for (const group of failedGroups) {
    const [{ method, path }] = group;
    if (group.length > maxAttempts) {
      problems.push(`${method} ${path} sent ${group.length} times (at most ${maxAttempts})`);
    }
    if (fault.repeats === 'never' && group.length > 1) {
      problems.push(`${method} ${path} repeated after ${fault.name}`);
    }
    if (fault.repeats === 'idempotent' && kind === 'create' && method === 'POST' && CHANGES.test(path) && group.length > 1) {
      problems.push(`the create ${method} ${path} was sent ${group.length} times after ${fault.name}`);
    }
    if (!fault.readsRecover && fault.repeats !== 'never' && method === 'GET' && group.length !== maxAttempts) {
      problems.push(`GET ${path} tried ${group.length} times, not up to the limit ${maxAttempts}`);
    }
  }
  const hit = failedGroups.length > 0;
  const mustFail = hit && fault.code !== undefined && !(fault.readsRecover && kind === 'read');
  const lastFailure = log.filter(failed).at(-1);
  const notes: string[] = [];
  if (mustFail) {
    const message = observed.message ?? '';
    if (observed.message === undefined) {
      problems.push(`succeeded (or showed nothing) although ${fault.name} hit ${lastFailure?.method} ${lastFailure?.path}`);
    } else if (!message.includes(fault.code ?? '')) {
      problems.push(`the message does not name ${fault.code}: ${message}`);
    }
    if (fault.reason && !fault.reason.test(message)) {
      problems.push(`the message does not say ${fault.reason}: ${message}`);
    }
    // Requests sent side by side (a list per type) fail alike; the message names the one it reports.
    const answeredIds = log.filter((entry) => failed(entry) && entry.status > 0).map((entry) => entry.requestId);
    if (fault.answered && answeredIds.length > 0 && !answeredIds.some((requestId) => message.includes(requestId))) {
      problems.push(`the message names none of the failed answers' request ids (${answeredIds.join(', ')}): ${message}`);
    }
    notes.push(`error ${fault.code}${fault.answered ? ' + req id' : ''}`);
    if (observed.retryNode) {
      notes.push('retry node');
    }
  } else if (observed.message !== undefined) {
    problems.push(`failed although ${hit ? `${fault.name} allows success` : 'no request failed'}: ${observed.message}`);
    notes.push('error');
  } else {
    notes.push(hit || fault.code === undefined ? 'ok' : 'ok (no request hit)');
  }
  if (tries > 1) {
    notes.splice(mustFail ? 0 : 1, 0, `${tries - 1} ${tries === 2 ? 'retry' : 'retries'}`);
  }
  return { outcome: `${problems.length > 0 ? '✗ ' : ''}${notes.join(' · ')}`, problems };
}

/** The matrix as a markdown table: operations down, faults across. */
export function matrixTable(rows: readonly { readonly operation: string; readonly cells: ReadonlyMap<string, string> }[]): string {
  const header = `| operation | ${FAULTS.map((fault) => fault.name).join(' | ')} |`;
  const rule = `|---|${FAULTS.map(() => '---').join('|')}|`;
  const lines = rows.map((row) => `| ${row.operation} | ${FAULTS.map((fault) => row.cells.get(fault.name) ?? '—').join(' | ')} |`);
  return [header, rule, ...lines].join('\n');
}
