import * as vscode from 'vscode';
import { cancelledError } from '../services/errors';

/** Runs work under a cancellable progress notification; cancelling aborts its requests. */
export function withProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const result = await work(controller.signal);
      if (controller.signal.aborted) {
        throw cancelledError();
      }
      return result;
    } finally {
      subscription.dispose();
    }
  });
}
