import { setMaxListeners } from 'node:events';
import type { ModelArtsError } from './errors';

/** Told of every request's outcome, e.g. to show an authentication failure until a request succeeds again. */
export interface AuthWatch {
  failed(error: ModelArtsError): void;
  succeeded(): void;
}

/** Joined signals by own signal, then session signal: a transfer's thousand requests share one. */
const joinedSignals = new WeakMap<AbortSignal, WeakMap<AbortSignal, AbortSignal>>();

/**
 * A request's own signal joined with its account's session signal (see SessionManager.signal): either stops it.
 * Joined once per pair: AbortSignal.any costs tens of microseconds a call, felt when a transfer makes thousands.
 */
export function withSessionSignal(own: AbortSignal | undefined, session: AbortSignal | undefined): AbortSignal | undefined {
  if (!own || !session) {
    return own ?? session;
  }
  let bySession = joinedSignals.get(own);
  if (!bySession) {
    bySession = new WeakMap();
    joinedSignals.set(own, bySession);
  }
  let joined = bySession.get(session);
  if (!joined) {
    joined = AbortSignal.any([own, session]);
    // Shared by every request under way with the same own signal, each listening while it runs.
    setMaxListeners(0, joined);
    bySession.set(session, joined);
  }
  return joined;
}
