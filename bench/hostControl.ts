/**
 * What the bench's VS Code runs (bench/soakHost.ts, bench/scaleHost.ts) share inside the extension host: signing
 * the installed extension in to the emulator the bench process runs, that emulator's control routes, a full
 * garbage collection before each heap reading, and the environment the bench process passes.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import { DEMO_CREDENTIALS } from '../emulator/accounts';
import { endpointOverridesFor, type LoggedRequest } from '../emulator/server';
import type { ModelArtsExtensionApi } from '../src/extension';
import { TestUserInput } from '../test/integration/testUserInput';

/** The installed extension, pointed at the emulator at `emulatorUrl` and signed in with the demo key in `region`. */
export async function signedInExtension(emulatorUrl: string, region: string): Promise<{ api: ModelArtsExtensionApi; ui: TestUserInput }> {
  const settings = vscode.workspace.getConfiguration('modelarts');
  await settings.update('endpointOverrides', endpointOverridesFor(emulatorUrl), vscode.ConfigurationTarget.Global);
  const extension = vscode.extensions.getExtension<ModelArtsExtensionApi>('modelarts-community.modelarts-explorer');
  if (!extension) {
    throw new Error('the extension is not installed');
  }
  const api = await extension.activate();
  // Activation returns before the profiles are read; what follows reads the account (or signs in over it).
  await api.context.accounts.loaded;
  await vscode.commands.executeCommand('modelarts.explorer.focus');
  const ui = new TestUserInput();
  api.context.ui = ui;
  // Profile name, AK, SK, security token (none), region: the sign-in's prompts in order.
  ui.answer('default', DEMO_CREDENTIALS.ak, DEMO_CREDENTIALS.sk, '', region);
  await vscode.commands.executeCommand('modelarts.signIn');
  if (!api.context.session.services) {
    throw new Error(`signing in failed: ${ui.errors.join('; ')}`);
  }
  return { api, ui };
}

/** A full collection before each reading, so the figure is what is kept, not garbage not yet collected. */
export function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') {
    throw new Error('no gc() in this extension host');
  }
  return () => gc();
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set (the bench sets it)`);
  }
  return value;
}

/** The emulator's unsigned control routes (emulator/control.ts), from this other process. */
export class EmulatorControl {
  constructor(private readonly baseUrl: string) {}

  async advanceClock(ms: number): Promise<void> {
    await this.call('POST', 'clock', { advance_ms: ms });
  }

  /** Empties the API's request log and the OBS stand-in's. */
  async clearRequests(): Promise<void> {
    await this.call('DELETE', 'requests');
    await this.call('DELETE', 'obs/requests');
  }

  /** The API requests since the last clear (OBS ones not included). */
  async requests(): Promise<LoggedRequest[]> {
    return ((await this.call('GET', 'requests')) as { requests: LoggedRequest[] }).requests;
  }

  async obsRequests(): Promise<LoggedRequest[]> {
    return ((await this.call('GET', 'obs/requests')) as { requests: LoggedRequest[] }).requests;
  }

  private async call(method: string, route: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}/__emulator/${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) {
      throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    }
    return response.status === 204 ? undefined : response.json();
  }
}
