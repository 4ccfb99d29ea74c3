import * as vscode from 'vscode';
import { cancelledError } from '../services/errors';

/**
 * Every question the extension asks and every message it shows goes through this
 * interface, so one flow serves a person (VS Code's own UI) and a test (answers
 * given in advance, messages recorded).
 */
export interface UserInput {
  showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions): Thenable<T | undefined>;
  /** A quick pick where several items can be chosen. */
  showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined>;
  showWarningMessage(message: string, options: vscode.MessageOptions, ...actions: string[]): Thenable<string | undefined>;
  showInformationMessage(message: string, ...actions: string[]): Thenable<string | undefined>;
  showErrorMessage(message: string, ...actions: string[]): Thenable<string | undefined>;
  /** Local files or folders, picked in the open dialog. */
  showOpenDialog(options: vscode.OpenDialogOptions): Thenable<vscode.Uri[] | undefined>;
  /** A progress notification; its Cancel button cancels the token. */
  withProgress<R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<ProgressStep>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R>;
}

/** What a progress notification is told as work goes on. */
export interface ProgressStep {
  readonly message?: string;
  /** Percent of the whole, added to what was reported before. */
  readonly increment?: number;
}

export const vscodeUserInput: UserInput = {
  showInputBox: (options) => vscode.window.showInputBox(options),
  showQuickPick: (items, options) => vscode.window.showQuickPick(items, options),
  showQuickPickMany: (items, options) => vscode.window.showQuickPick(items, { ...options, canPickMany: true }),
  showWarningMessage: (message, options, ...actions) => vscode.window.showWarningMessage(message, options, ...actions),
  showInformationMessage: (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
  showErrorMessage: (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
  showOpenDialog: (options) => vscode.window.showOpenDialog(options),
  withProgress: (options, task) => vscode.window.withProgress(options, task),
};

/** An input box whose dismissal cancels the command. */
export async function ask(ui: UserInput, options: vscode.InputBoxOptions): Promise<string> {
  const answer = await ui.showInputBox(options);
  if (answer === undefined) {
    throw cancelledError();
  }
  return answer;
}

/** A multi-select quick pick; dismissing it or choosing nothing cancels the command. */
export async function pickMany<T extends vscode.QuickPickItem>(ui: UserInput, items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[]> {
  const picked = await ui.showQuickPickMany(items, options);
  if (!picked || picked.length === 0) {
    throw cancelledError();
  }
  return picked;
}

/** A quick pick whose dismissal cancels the command. */
export async function pick<T extends vscode.QuickPickItem>(ui: UserInput, items: readonly T[], options: vscode.QuickPickOptions): Promise<T> {
  const picked = await ui.showQuickPick(items, options);
  if (!picked) {
    throw cancelledError();
  }
  return picked;
}
