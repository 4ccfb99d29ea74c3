import * as vscode from 'vscode';
import { cancelledError } from '../services/errors';
import { showInputStep, showQuickPickStep } from './stepInput';

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
  /** Whether the open dialog can browse `scheme` (e.g. obs) given as its `defaultUri`. */
  canBrowse(scheme: string): boolean;
  /** Opens an address outside VS Code (the browser); answers whether it was opened. */
  openExternal(uri: vscode.Uri): Thenable<boolean>;
  /** An input box that is one step of several: from the second step on it has a Back button. */
  showInputStep(options: vscode.InputBoxOptions & StepPlace): Thenable<StepAnswer<string>>;
  /** A quick pick that is one step of several: from the second step on it has a Back button. */
  showQuickPickStep<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions & StepPlace): Thenable<StepAnswer<T>>;
  /** A progress notification; its Cancel button cancels the token. */
  withProgress<R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<ProgressStep>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R>;
}

/** Where a step stands among its steps (1-based); the title says so. */
export interface StepPlace {
  readonly step: number;
  readonly totalSteps: number;
}

/** A step's answer: a value, Back pressed, or undefined when dismissed. */
export type StepAnswer<T> = { readonly value: T } | { readonly back: true } | undefined;

/** What a progress notification is told as work goes on. */
export interface ProgressStep {
  readonly message?: string;
  /** Percent of the whole, added to what was reported before. */
  readonly increment?: number;
}

/**
 * A message as plain text. VS Code turns `[label](https:…|command:…|file:…)` in a notification, a progress
 * notification and an input box's prompt or validation message into a link, and a `command:` link runs its command
 * when clicked (parseLinkedText in src/vs/base/common/linkedText.ts). Messages quote names, keys and error texts from
 * the cloud, and the extension sends no links of its own, so every `](` gets a space: VS Code's pattern needs the two
 * adjacent (its flattening of line breaks cannot join them), and the value still reads as it is.
 */
export function withoutLinks(message: string): string {
  return message.replace(/\]\(/g, '] (');
}

const plainInputs = new WeakSet<UserInput>();

/**
 * `ui` with every text VS Code would parse for links made plain first: the one place all messages pass, whoever
 * answers them (VS Code or a test). Quick pick items, titles and placeholders are not parsed for links.
 */
export function plainTextInput(ui: UserInput): UserInput {
  if (plainInputs.has(ui)) {
    return ui;
  }
  const plain: UserInput = {
    showInputBox: (options) => ui.showInputBox({ ...options, prompt: options.prompt && withoutLinks(options.prompt), validateInput: plainValidation(options.validateInput) }),
    showQuickPick: (items, options) => ui.showQuickPick(items, options),
    showQuickPickMany: (items, options) => ui.showQuickPickMany(items, options),
    showInputStep: (options) => ui.showInputStep({ ...options, prompt: options.prompt && withoutLinks(options.prompt), validateInput: plainValidation(options.validateInput) }),
    showQuickPickStep: (items, options) => ui.showQuickPickStep(items, options),
    showWarningMessage: (message, options, ...actions) => ui.showWarningMessage(withoutLinks(message), options, ...actions),
    showInformationMessage: (message, ...actions) => ui.showInformationMessage(withoutLinks(message), ...actions),
    showErrorMessage: (message, ...actions) => ui.showErrorMessage(withoutLinks(message), ...actions),
    showOpenDialog: (options) => ui.showOpenDialog(options),
    canBrowse: (scheme) => ui.canBrowse(scheme),
    openExternal: (uri) => ui.openExternal(uri),
    withProgress: (options, task) =>
      ui.withProgress({ ...options, title: options.title && withoutLinks(options.title) }, (progress, token) =>
        task({ report: (step) => progress.report({ ...step, message: step.message && withoutLinks(step.message) }) }, token),
      ),
  };
  plainInputs.add(plain);
  return plain;
}

type Validation = vscode.InputBoxOptions['validateInput'];

function plainValidation(validate: Validation): Validation {
  return (
    validate &&
    (async (value) => {
      const problem = await validate(value);
      return typeof problem === 'string' ? withoutLinks(problem) : problem ? { ...problem, message: withoutLinks(problem.message) } : problem;
    })
  );
}

export const vscodeUserInput: UserInput = plainTextInput({
  showInputBox: (options) => vscode.window.showInputBox(options),
  showQuickPick: (items, options) => vscode.window.showQuickPick(items, options),
  showQuickPickMany: (items, options) => vscode.window.showQuickPick(items, { ...options, canPickMany: true }),
  showInputStep,
  showQuickPickStep,
  showWarningMessage: (message, options, ...actions) => vscode.window.showWarningMessage(message, options, ...actions),
  showInformationMessage: (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
  showErrorMessage: (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
  showOpenDialog: (options) => vscode.window.showOpenDialog(options),
  // VS Code's simple file dialog serves any scheme a file system provider is registered for.
  canBrowse: (scheme) => vscode.workspace.fs.isWritableFileSystem(scheme) !== undefined,
  openExternal: (uri) => vscode.env.openExternal(uri),
  withProgress: (options, task) => vscode.window.withProgress(options, task),
});

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
