import * as vscode from 'vscode';
import { cancelledError } from '../services/errors';

/** Runs work under a cancellable progress notification; cancelling aborts its requests. Long work may report how far it got. */
export function withProgress<T>(title: string, work: (signal: AbortSignal, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const result = await work(controller.signal, progress);
      if (controller.signal.aborted) {
        throw cancelledError();
      }
      return result;
    } finally {
      subscription.dispose();
    }
  });
}
