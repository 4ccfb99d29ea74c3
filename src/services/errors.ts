/**
 * The one error type of the product. Everything that fails talking to the cloud
 * (HTTP errors, network faults, timeouts, cancellation, malformed bodies) becomes
 * a ModelArtsError, so callers show and log failures one way.
 */
import * as l10n from '@vscode/l10n';

export type ErrorKind = 'service' | 'auth' | 'throttled' | 'network' | 'timeout' | 'cancelled' | 'malformed' | 'config';

/** Codes for failures that never reached a service (no error_code from the cloud). */
export const LocalErrorCode = {
  network: 'NetworkError',
  timeout: 'Timeout',
  cancelled: 'Cancelled',
  malformed: 'MalformedResponse',
  notSignedIn: 'NotSignedIn',
  projectNotFound: 'ProjectNotFound',
  invalidInput: 'InvalidInput',
  notebookEnvironment: 'NotebookCredentialsUnavailable',
  regionMismatch: 'RegionMismatch',
  /** A folder's upload left files out, so what needed all of them (a training job's create) was not sent. */
  incompleteUpload: 'IncompleteUpload',
} as const;

export class ModelArtsError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly kind: ErrorKind,
    readonly requestId?: string,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'ModelArtsError';
  }

  /** "ModelArts.6309: notebook not found (request id 1f2e…)" — the form users see. */
  toDisplayString(): string {
    return this.requestId ? l10n.t('{0}: {1} (request id {2})', this.errorCode, this.message, this.requestId) : `${this.errorCode}: ${this.message}`;
  }

  get isNotFound(): boolean {
    return this.httpStatus === 404 || NOT_FOUND_CODES.has(this.errorCode);
  }
}

/** ModelArts answers "not found" with HTTP 400 and one of these codes (API reference §1.6, §2.5, §6.1). */
const NOT_FOUND_CODES = new Set(['ModelArts.6309', 'ModelArts.6404', 'ModelArts.2775', 'ModelArts.7005', 'ModelArts.0102']);

export function isCancellation(error: unknown): boolean {
  return error instanceof ModelArtsError && error.kind === 'cancelled';
}

export function cancelledError(): ModelArtsError {
  return new ModelArtsError(LocalErrorCode.cancelled, l10n.t('the operation was cancelled'), 'cancelled');
}

/** Anything thrown below the UI, as a ModelArtsError (unexpected exceptions become "InternalError"). */
export function asModelArtsError(error: unknown): ModelArtsError {
  if (error instanceof ModelArtsError) {
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ModelArtsError('InternalError', message, 'service');
}
