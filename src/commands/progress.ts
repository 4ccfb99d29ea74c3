import * as vscode from 'vscode';
import { cancelledError } from '../services/errors';
import { type ProgressStep, type UserInput, vscodeUserInput } from './userInput';

/**
 * Runs work under a cancellable progress notification; cancelling aborts its requests. Long work may report
 * how far it got; work a test must be able to cancel shows its progress through the command's `ui`.
 */
export function withProgress<T>(
  title: string,
  work: (signal: AbortSignal, progress: vscode.Progress<ProgressStep>) => Promise<T>,
  ui: Pick<UserInput, 'withProgress'> = vscodeUserInput,
): Thenable<T> {
  return ui.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
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
