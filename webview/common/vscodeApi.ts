/**
 * The one place the browser apps talk to VS Code: typed messages both ways and
 * the panel's saved state (kept while the panel is hidden and shown again).
 */
import type { HostMessage, WebviewMessage } from '../../src/webviews/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

// VS Code allows acquireVsCodeApi() only once per page.
const vscode = acquireVsCodeApi();

export function send(message: WebviewMessage): void {
  vscode.postMessage(message);
}

export function onMessage(handler: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent<HostMessage>) => handler(event.data));
}

/** What this app saved before it was hidden, if anything; only the app that saved it reads it. */
export function loadState<State>(): Partial<State> | undefined {
  const state = vscode.getState();
  return typeof state === 'object' && state !== null ? (state as Partial<State>) : undefined;
}

export function saveState<State>(state: State): void {
  vscode.setState(state);
}

/** The element the host's HTML provides for the app. */
export function appElement(): HTMLElement {
  const app = document.getElementById('app');
  if (!app) {
    throw new Error('The page has no #app element.');
  }
  return app;
}
