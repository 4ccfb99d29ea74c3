/**
 * When `MODELARTS_EMULATOR_RECORD` names a file, every emulator appends one JSON line per API request it answers,
 * so that the contract check (and anyone else) can judge what the client sent and what the emulator answered.
 * Headers are never recorded: no signature, key or token reaches the file.
 */
import { appendFileSync } from 'node:fs';

export const RECORD_VARIABLE = 'MODELARTS_EMULATOR_RECORD';
/** A test that sends bad input on purpose says so with this header, recorded as `intent`. */
export const INTENT_HEADER = 'x-emulator-intent';

export interface RecordedExchange {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Parsed JSON, else text, else null. */
  readonly body: unknown;
  /** 0 when no answer went out (timeout and reset faults). */
  readonly status: number;
  /** Parsed JSON, else text, else null. */
  readonly response: unknown;
  /** `refusal`: a test sent it to prove that bad input is refused. */
  readonly intent?: string;
  /** The kind of fault injected instead of the API's answer. */
  readonly fault?: string;
}

export type Recorder = (exchange: RecordedExchange) => void;

/**
 * A recorder appending to `file` (default: the one the environment names); none without a file, so that callers
 * (`record?.(…)`) skip parsing the bodies of every answer, work that would otherwise slow each one down.
 */
export function recorderFor(file: string | undefined = process.env[RECORD_VARIABLE]): Recorder | undefined {
  if (!file) {
    return undefined;
  }
  // One write per line: appends from the emulators of parallel test processes do not interleave.
  return (exchange) => appendFileSync(file, `${JSON.stringify(exchange)}\n`);
}

/** A body as the record holds it: parsed JSON, else the text, else null. */
export function recordedBody(text: string | undefined): unknown {
  if (text === undefined || text === '') {
    return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
