import * as vscode from 'vscode';
import type { ProgressStep, StepAnswer, StepPlace, UserInput } from '../../src/commands/userInput';

/** Answers a step of a stepped input by pressing its Back button. */
export const BACK = { back: true } as const;
/** Answers a stepped input box by accepting what it already holds (e.g. the value kept when coming back to it). */
export const KEEP = { keep: true } as const;

type Answer = string | undefined | typeof BACK | typeof KEEP | ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined);

/**
 * Answers the extension's questions from a queue, in order, and records every
 * message shown, so a test drives exactly the flow a person would.
 */
export class TestUserInput implements UserInput {
  private readonly answers: Answer[] = [];
  /** Buttons to click on the next error messages, in order; unanswered errors are just dismissed. */
  private readonly errorAnswers: string[] = [];
  /** Buttons to click on the next information messages, in order; unanswered ones are just dismissed. */
  private readonly infoAnswers: string[] = [];
  readonly shown: { readonly kind: 'info' | 'warning' | 'error'; readonly message: string; readonly detail?: string; readonly actions?: readonly string[] }[] = [];
  readonly inputBoxes: vscode.InputBoxOptions[] = [];
  /** The options (title, placeholder) of every quick pick shown. */
  readonly quickPicks: vscode.QuickPickOptions[] = [];
  /** What the next open dialogs answer, in order (undefined: dismissed). */
  private readonly openDialogAnswers: (vscode.Uri[] | undefined)[] = [];
  readonly openDialogs: vscode.OpenDialogOptions[] = [];
  /** The schemes the open dialog browses (VS Code's serves obs://); none, so OBS paths are picked in the quick pick. */
  readonly browsableSchemes = new Set<string>();
  /** Every address the extension opened outside VS Code (none is really opened). */
  readonly opened: vscode.Uri[] = [];
  /** Every step reported by progress shown through this input, with its title. */
  readonly progress: (ProgressStep & { readonly title?: string })[] = [];
  private cancelProgress: ((step: ProgressStep) => boolean) | undefined;

  answer(...answers: Answer[]): void {
    this.answers.push(...answers);
  }

  answerOpenDialog(...answers: (vscode.Uri[] | undefined)[]): void {
    this.openDialogAnswers.push(...answers);
  }

  answerErrors(...buttons: string[]): void {
    this.errorAnswers.push(...buttons);
  }

  answerInfos(...buttons: string[]): void {
    this.infoAnswers.push(...buttons);
  }

  get errors(): string[] {
    return this.shown.filter((entry) => entry.kind === 'error').map((entry) => entry.message);
  }

  async showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    this.inputBoxes.push(options);
    const answer = this.next('input box', options.prompt);
    if (typeof answer === 'function' || typeof answer === 'object') {
      throw new Error(`an input box was answered with a picker function or a step marker: ${options.prompt ?? ''}`);
    }
    const problem = answer === undefined ? undefined : await options.validateInput?.(answer);
    if (problem) {
      throw new Error(`the answer "${answer}" to "${options.prompt}" is invalid: ${typeof problem === 'string' ? problem : problem.message}`);
    }
    return answer;
  }

  async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions): Promise<T | undefined> {
    const choices = await items;
    this.quickPicks.push(options);
    const answer = this.next('quick pick', options.title);
    if (answer === undefined) {
      return undefined;
    }
    if (typeof answer === 'object') {
      throw new Error(`a quick pick was answered with a step marker: ${options.title ?? ''}`);
    }
    const picked = typeof answer === 'function' ? answer(choices) : choices.find((item) => item.label === answer);
    if (!picked) {
      throw new Error(`"${String(answer)}" is not among the choices of "${options.title}": ${choices.map((item) => item.label).join(', ')}`);
    }
    return picked as T;
  }

  async showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[] | undefined> {
    const answer = this.next('multi-select quick pick', options.title);
    if (answer === undefined) {
      return undefined;
    }
    if (typeof answer === 'object' || typeof answer === 'function') {
      throw new Error(`a multi-select quick pick was answered with a step marker or a function: ${options.title ?? ''}`);
    }
    const labels = answer.split(',');
    const picked = items.filter((item) => labels.includes(item.label));
    if (picked.length !== labels.length) {
      throw new Error(`"${String(answer)}" are not all among the choices of "${options.title}"`);
    }
    return picked;
  }

  async showWarningMessage(message: string, options: vscode.MessageOptions): Promise<string | undefined> {
    this.shown.push({ kind: 'warning', message, detail: options.detail });
    const answer = this.next('warning', message);
    return typeof answer === 'string' ? answer : undefined;
  }

  /** Every step shown (input boxes and quick picks of a stepped input), with the value it held when shown. */
  readonly steps: ((vscode.InputBoxOptions | vscode.QuickPickOptions) & StepPlace)[] = [];

  async showInputStep(options: vscode.InputBoxOptions & StepPlace): Promise<StepAnswer<string>> {
    this.steps.push(options);
    const answer = this.next('input step', options.title);
    if (answer === undefined) {
      return undefined;
    }
    if (typeof answer === 'object' && 'back' in answer) {
      if (options.step === 1) {
        throw new Error('the first step has no Back button');
      }
      return { back: true };
    }
    if (typeof answer === 'function') {
      throw new Error(`an input step was answered with a picker function: ${options.title ?? ''}`);
    }
    const value = typeof answer === 'object' ? (options.value ?? '') : answer;
    const problem = await options.validateInput?.(value);
    if (problem) {
      throw new Error(`the answer "${value}" to "${options.prompt}" is invalid: ${typeof problem === 'string' ? problem : problem.message}`);
    }
    return { value };
  }

  async showQuickPickStep<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions & StepPlace): Promise<StepAnswer<T>> {
    this.steps.push(options);
    this.quickPicks.push(options);
    const answer = this.next('quick pick step', options.title);
    if (answer === undefined || (typeof answer === 'object' && 'back' in answer)) {
      return answer === undefined ? undefined : { back: true };
    }
    const picked =
      typeof answer === 'function' ? answer(items) : typeof answer === 'object' ? items.find((item) => item.picked) : items.find((item) => item.label === answer);
    if (!picked) {
      throw new Error(`"${String(answer)}" is not among the choices of "${options.title}": ${items.map((item) => item.label).join(', ')}`);
    }
    return { value: picked as T };
  }

  async showInformationMessage(message: string, ...actions: string[]): Promise<string | undefined> {
    // Buttons are recorded only when there are some, so checks of plain messages stay as they were.
    this.shown.push(actions.length > 0 ? { kind: 'info', message, actions } : { kind: 'info', message });
    return this.infoAnswers.shift();
  }

  async showErrorMessage(message: string): Promise<string | undefined> {
    this.shown.push({ kind: 'error', message });
    return this.errorAnswers.shift();
  }

  async showOpenDialog(options: vscode.OpenDialogOptions): Promise<vscode.Uri[] | undefined> {
    this.openDialogs.push(options);
    if (this.openDialogAnswers.length === 0) {
      throw new Error(`unexpected open dialog: ${options.title ?? ''}`);
    }
    return this.openDialogAnswers.shift();
  }

  canBrowse(scheme: string): boolean {
    return this.browsableSchemes.has(scheme);
  }

  async openExternal(uri: vscode.Uri): Promise<boolean> {
    this.opened.push(uri);
    return true;
  }

  /** Presses Cancel on the progress notification once it reports a step for which `when` is true. */
  cancelProgressWhen(when: (step: ProgressStep) => boolean): void {
    this.cancelProgress = when;
  }

  async withProgress<R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<ProgressStep>, token: vscode.CancellationToken) => Thenable<R>): Promise<R> {
    const cancellation = new vscode.CancellationTokenSource();
    const progress = {
      report: (step: ProgressStep) => {
        this.progress.push({ ...step, title: options.title });
        if (this.cancelProgress?.(step)) {
          this.cancelProgress = undefined;
          cancellation.cancel();
        }
      },
    };
    try {
      return await task(progress, cancellation.token);
    } finally {
      cancellation.dispose();
    }
  }

  private next(what: string, about: string | undefined): Answer {
    if (this.answers.length === 0) {
      throw new Error(`unexpected ${what}: ${about ?? ''}`);
    }
    return this.answers.shift();
  }
}
