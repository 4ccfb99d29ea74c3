import type { ModelArtsError } from './errors';

/** Told of every request's outcome, e.g. to show an authentication failure until a request succeeds again. */
export interface AuthWatch {
  failed(error: ModelArtsError): void;
  succeeded(): void;
}

/** A request's own signal joined with its account's session signal (see SessionManager.signal): either stops it. */
export function withSessionSignal(own: AbortSignal | undefined, session: AbortSignal | undefined): AbortSignal | undefined {
  return own && session ? AbortSignal.any([own, session]) : (own ?? session);
}
