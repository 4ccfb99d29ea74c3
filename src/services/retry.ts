import { cancelledError, ModelArtsError } from './errors';

export interface RetryPolicy {
  /** Total attempts including the first. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8000 };

/** Codes that mean "the request was not processed, try again later" (API reference §11.2). */
const THROTTLING_CODES = new Set(['APIG.0308', 'ModelArts.6101']);

/**
 * Whether a failed attempt may be repeated. Throttling is always safe to retry:
 * the request was rejected before it was processed. Server errors, resets and
 * timeouts are retried only for idempotent requests, so a create is never sent
 * twice. Authentication failures are never retried: five bad signatures lock the AK.
 */
export function isRetryable(error: ModelArtsError, idempotent: boolean): boolean {
  if (error.kind === 'throttled' || THROTTLING_CODES.has(error.errorCode)) {
    return true;
  }
  if (!idempotent) {
    return false;
  }
  if (error.kind === 'network' || error.kind === 'timeout') {
    return true;
  }
  return error.kind === 'service' && (error.httpStatus ?? 0) >= 500;
}

/** "Full jitter" backoff: a random delay up to an exponentially growing cap. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * cap);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function withRetry<T>(
  attemptOnce: () => Promise<T>,
  options: { policy: RetryPolicy; idempotent: boolean; signal?: AbortSignal; onRetry?: (error: ModelArtsError, delayMs: number) => void },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce();
    } catch (error) {
      const retry =
        error instanceof ModelArtsError && attempt < options.policy.maxAttempts && isRetryable(error, options.idempotent);
      if (!retry) {
        throw error;
      }
      const delay = backoffDelay(attempt, options.policy);
      options.onRetry?.(error, delay);
      await sleep(delay, options.signal);
    }
  }
}
