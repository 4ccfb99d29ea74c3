import * as vscode from 'vscode';

/**
 * Every question the extension asks and every message it shows goes through this
 * interface, so one flow serves a person (VS Code's own UI) and a test (answers
 * given in advance, messages recorded).
 */
export interface UserInput {
  showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions): Thenable<T | undefined>;
  showWarningMessage(message: string, options: vscode.MessageOptions, ...actions: string[]): Thenable<string | undefined>;
  showInformationMessage(message: string, ...actions: string[]): Thenable<string | undefined>;
  showErrorMessage(message: string, ...actions: string[]): Thenable<string | undefined>;
}

export const vscodeUserInput: UserInput = {
  showInputBox: (options) => vscode.window.showInputBox(options),
  showQuickPick: (items, options) => vscode.window.showQuickPick(items, options),
  showWarningMessage: (message, options, ...actions) => vscode.window.showWarningMessage(message, options, ...actions),
  showInformationMessage: (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
  showErrorMessage: (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
};
