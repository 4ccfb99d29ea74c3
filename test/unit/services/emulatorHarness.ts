import { type Emulator, endpointOverridesFor, type EmulatorOptions, startEmulator } from '../../../emulator/server';
import { createServices, type ModelArtsServices } from '../../../src/services';
import type { Credentials } from '../../../src/services/signedClient';

/** Services talking to a fresh emulator over real HTTP with real signatures; only the endpoint differs from production. */
export interface Harness {
  readonly emulator: Emulator;
  readonly services: ModelArtsServices;
  readonly logLines: string[];
  servicesFor(credentials: Credentials, timeoutMs?: number): ModelArtsServices;
  close(): Promise<void>;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({ transitionMs: 150, ...options });
  const logLines: string[] = [];
  const servicesFor = (credentials: Credentials, timeoutMs = 5_000): ModelArtsServices =>
    createServices({
      credentials,
      endpointOverrides: endpointOverridesFor(emulator.url),
      userAgent: 'modelarts-explorer-tests',
      timeoutMs,
      // Short waits keep retry tests fast; the policy's shape is what is tested.
      retryPolicy: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
      logger: {
        info: (line) => logLines.push(line),
        warn: (line) => logLines.push(line),
        error: (line) => logLines.push(line),
      },
    });
  return {
    emulator,
    logLines,
    services: servicesFor({ accessKey: emulator.demo.ak, secretKey: emulator.demo.sk }),
    servicesFor,
    close: () => emulator.close(),
  };
}

/** Polls until the check passes or the deadline is reached; returns the last value. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
