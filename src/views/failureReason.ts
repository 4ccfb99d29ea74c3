import type { ModelArtsServices } from '../services';
import type { ListScope, ResourceKind } from './resourceKind';

/** A reason is shown on one line of a hover or panel: longer ones end in "…". */
const REASON_MAX_CHARS = 200;

/**
 * Why a failed resource failed. `stated` is what the resource itself carries (a status message); `read` is
 * what another request finds (the last error line of a log, an abnormal event), made only on demand: on hover
 * or when a details panel opens, never while listing.
 */
export interface FailureReason<T> {
  stated(item: T): string | undefined;
  read?(services: ModelArtsServices, scope: ListScope, item: T, signal: AbortSignal): Promise<string | undefined>;
}

/** One line of at most REASON_MAX_CHARS characters (whole code points), or undefined for blank text. */
export function reasonLine(text: string | undefined): string | undefined {
  const line = text?.replace(/\s+/g, ' ').trim();
  if (!line) {
    return undefined;
  }
  const chars = Array.from(line);
  return chars.length <= REASON_MAX_CHARS ? line : `${chars.slice(0, REASON_MAX_CHARS - 1).join('').trimEnd()}…`;
}

/** A traceback's header says that an error follows, not which. */
const ERROR_WORDS = /error|exception|fatal|killed|out of memory|failed|failure/i;
const NOT_A_REASON = /^\s*Traceback \(most recent call last\)/;

/** The last line of a log that names an error (a Python exception, "CUDA out of memory", "Killed"…). */
export function lastErrorLine(log: string): string | undefined {
  const lines = log.split(/\r?\n/);
  for (let index = lines.length - 1; index >= 0; index--) {
    if (ERROR_WORDS.test(lines[index]) && !NOT_A_REASON.test(lines[index])) {
      return reasonLine(lines[index]);
    }
  }
  return undefined;
}

/**
 * Why the item failed: what it states, else what `read` finds; undefined when it has not failed or nobody
 * says. A failed read leaves the reason out rather than failing a hover or a panel; cancelling still cancels.
 */
export async function failureReasonOf<T>(kind: ResourceKind<T>, services: ModelArtsServices, scope: ListScope, item: T, signal: AbortSignal): Promise<string | undefined> {
  const reason = kind.failureReason;
  if (!reason || kind.category(item) !== 'failed') {
    return undefined;
  }
  const stated = reasonLine(reason.stated(item));
  if (stated !== undefined || !reason.read) {
    return stated;
  }
  try {
    return reasonLine(await reason.read(services, scope, item, signal));
  } catch (error) {
    if (signal.aborted) {
      throw error;
    }
    return undefined;
  }
}
