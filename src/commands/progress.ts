import * as vscode from 'vscode';
import { beginStep, runStep } from '../activity/activityScope';
import { cancelledError } from '../services/errors';
import { type ProgressStep, type UserInput, vscodeUserInput } from './userInput';

/**
 * Runs work under a cancellable progress notification; cancelling aborts its requests. Long work may report
 * how far it got; work a test must be able to cancel shows its progress through the command's `ui`.
 * Work that is a long operation (see activityScope) is also listed in the Activity view, whose Cancel aborts the
 * same signal.
 */
export function withProgress<T>(
  title: string,
  work: (signal: AbortSignal, progress: vscode.Progress<ProgressStep>) => Promise<T>,
  ui: Pick<UserInput, 'withProgress'> = vscodeUserInput,
): Thenable<T> {
  const controller = new AbortController();
  // Where the step starts: the command's scope is known here, whatever the notification's task runs in.
  const activity = beginStep(title, controller);
  return ui.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const subscription = token.onCancellationRequested(() => controller.abort());
    const reported: vscode.Progress<ProgressStep> = {
      report: (step) => {
        activity?.progress(step.message);
        progress.report(step);
      },
    };
    try {
      const result = await runStep(activity, () => work(controller.signal, reported));
      if (controller.signal.aborted) {
        throw cancelledError();
      }
      activity?.succeeded();
      return result;
    } catch (error) {
      activity?.ended(error);
      throw error;
    } finally {
      subscription.dispose();
    }
  });
}
