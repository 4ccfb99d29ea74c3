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
  return answerOnce<string>(input, (finish) => {
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
  return answerOnce<T>(quickPick, (finish) => {
    quickPick.onDidAccept(() => {
      const [picked] = quickPick.selectedItems;
      if (picked) {
        finish({ value: picked });
      }
    });
  });
}

/**
 * Shows `widget` and answers its first outcome: what `listen` finishes with, Back, or undefined when it is hidden
 * (Escape, focus lost). The widget is disposed then; later events change nothing.
 */
function answerOnce<T>(widget: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>, listen: (finish: (answer: StepAnswer<T>) => void) => void): Promise<StepAnswer<T>> {
  return new Promise<StepAnswer<T>>((resolve) => {
    let settled = false;
    const finish = (answer: StepAnswer<T>): void => {
      if (!settled) {
        settled = true;
        resolve(answer);
        widget.dispose();
      }
    };
    listen(finish);
    widget.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(back));
    widget.onDidHide(() => finish(undefined));
    widget.show();
  });
}
