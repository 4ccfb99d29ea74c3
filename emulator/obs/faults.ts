/**
 * Faults of the OBS stand-in, matched like the ModelArts emulator's (method, path, times): an error
 * status, a slow transfer, or a connection reset in the middle of a request or response body.
 */
import { FaultController, type FaultMatch } from '../faults';

export type ObsFaultRule = FaultMatch &
  (
    /** Answers this status (e.g. 500, 503) with an OBS error document, after reading the request. */
    | { readonly kind: 'status'; readonly status: number; readonly code?: string; readonly message?: string }
    /** Request and response bodies move at this pace, in both directions. */
    | { readonly kind: 'slow'; readonly bytesPerSecond: number }
    /** The connection breaks after this many body bytes (default: half): reset during an upload, closed during a download. */
    | { readonly kind: 'reset'; readonly afterBytes?: number }
  );

export type ObsFaults = FaultController<ObsFaultRule>;

export function newObsFaults(): ObsFaults {
  return new FaultController<ObsFaultRule>();
}

/** The OBS error code a status fault answers with, unless the rule names one. */
export function faultCode(status: number): string {
  return status === 503 ? 'ServiceUnavailable' : status >= 500 ? 'InternalError' : 'InvalidRequest';
}
