import * as vscode from 'vscode';
import type { StepAnswer, StepPlace } from './userInput';

/*
 * VS Code's side of the stepped questions (see UserInput.showInputStep): showInputBox and showQuickPick have no
 * Back button, so these build the input from createInputBox / createQuickPick. The caller's title already names the
 * step ("step 2 of 5"), so the widget's own step counter stays unset.
 */

const back = { back: true } as const;

export function showInputStep(options: vscode.InputBoxOptions & StepPlace): Thenable<StepAnswer<string>> {
  const input = vscode.window.createInputBox();
  input.title = options.title;
  input.prompt = options.prompt;
  input.placeholder = options.placeHolder;
  input.value = options.value ?? '';
  input.password = options.password ?? false;
  input.ignoreFocusOut = options.ignoreFocusOut ?? false;
  input.buttons = options.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  const validate = async (value: string): Promise<string | undefined> => {
    const problem = await options.validateInput?.(value);
    return typeof problem === 'string' ? problem || undefined : problem?.message;
  };
  return new Promise<StepAnswer<string>>((resolve) => {
    let settled = false;
    const finish = (answer: StepAnswer<string>): void => {
      if (!settled) {
        settled = true;
        resolve(answer);
        input.dispose();
      }
    };
    input.onDidChangeValue(async (value) => {
      input.validationMessage = await validate(value);
    });
    input.onDidAccept(async () => {
      const problem = await validate(input.value);
      input.validationMessage = problem;
      if (!problem) {
        finish({ value: input.value });
      }
    });
    input.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(back));
    input.onDidHide(() => finish(undefined));
    input.show();
  });
}

export function showQuickPickStep<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions & StepPlace): Thenable<StepAnswer<T>> {
  const quickPick = vscode.window.createQuickPick<T>();
  quickPick.title = options.title;
  quickPick.placeholder = options.placeHolder;
  quickPick.ignoreFocusOut = options.ignoreFocusOut ?? false;
  quickPick.items = items;
  quickPick.activeItems = items.filter((item) => item.picked);
  quickPick.buttons = options.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  return new Promise<StepAnswer<T>>((resolve) => {
    let settled = false;
    const finish = (answer: StepAnswer<T>): void => {
      if (!settled) {
        settled = true;
        resolve(answer);
        quickPick.dispose();
      }
    };
    quickPick.onDidAccept(() => {
      const [picked] = quickPick.selectedItems;
      if (picked) {
        finish({ value: picked });
      }
    });
    quickPick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(back));
    quickPick.onDidHide(() => finish(undefined));
    quickPick.show();
  });
}
