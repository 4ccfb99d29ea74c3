import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { type Emulator, type EmulatorOptions, startEmulator } from '../../emulator/server';
import { signedRequest, type SignedClientOptions, type SignedRequestOptions, type SignedResponse } from '../../emulator/signedClient';

/** Headers of a request that breaks the SDK's contract on purpose, to prove the emulator refuses it (recorded as such). */
export const REFUSAL: Readonly<Record<string, string>> = { 'X-Emulator-Intent': 'refusal' };

export interface ErrorAnswer {
  readonly error_code: string;
  readonly error_msg: string;
}

/** A fresh demo emulator for one test file, and signed requests to it as the demo account in cn-north-4. */
export interface EmulatorSession {
  readonly emulator: Emulator;
  /** What `api` signs with; spread it to sign as another account, region or key. */
  readonly client: SignedClientOptions;
  api<T>(method: string, path: string, options?: SignedRequestOptions): Promise<SignedResponse<T & ErrorAnswer>>;
  /** Moves the emulator clock past `transitions` transitions (2.5: halfway into the third). */
  advance(transitions?: number): void;
}

/**
 * Starts the emulator before the file's tests and closes it after them. Make `transitionMs` far longer than
 * the file takes to run, so that only `advance()` moves resources on: a slow machine must not change what a
 * test sees.
 */
export function useEmulator(transitionMs: number, options: Omit<EmulatorOptions, 'transitionMs'> = {}): EmulatorSession {
  let emulator: Emulator | undefined;
  let client: SignedClientOptions | undefined;
  before(async () => {
    emulator = await startEmulator({ ...options, transitionMs });
    client = { url: emulator.url, ak: emulator.demo.ak, sk: emulator.demo.sk, projectId: emulator.projectId('cn-north-4') };
  });
  after(() => emulator?.close());
  const started = (): { emulator: Emulator; client: SignedClientOptions } => {
    assert.ok(emulator && client, 'the emulator has started');
    return { emulator, client };
  };
  return {
    get emulator() {
      return started().emulator;
    },
    get client() {
      return started().client;
    },
    api: (method, path, options) => signedRequest(started().client, method, path, options),
    advance: (transitions = 1) => started().emulator.clock.advance(transitions * transitionMs + 1),
  };
}

export function assertError(answer: { readonly status: number; readonly body: ErrorAnswer; readonly text: string }, status: number, code: string, message?: RegExp): void {
  assert.deepEqual([answer.status, answer.body.error_code], [status, code], answer.text);
  assert.equal(typeof answer.body.error_msg, 'string', answer.text);
  if (message) {
    assert.match(answer.body.error_msg, message);
  }
}
