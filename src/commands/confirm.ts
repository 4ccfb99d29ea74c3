import * as vscode from 'vscode';
import { questionAsked } from '../activity/activityScope';
import type { UserInput } from './userInput';

/**
 * The one confirmation for destructive or disruptive actions: a modal dialog that
 * names the resource, whose only way forward is the button naming the action.
 */
export async function confirmAction(ui: UserInput, question: string, detail: string, actionLabel: string): Promise<boolean> {
  questionAsked();
  const answer = await ui.showWarningMessage(question, { modal: true, detail }, actionLabel);
  return answer === actionLabel;
}

/** The same confirmation with several ways forward (Copy or Move): answers the action chosen, undefined when dismissed. */
export async function chooseAction(ui: UserInput, question: string, detail: string, actionLabels: readonly string[]): Promise<string | undefined> {
  questionAsked();
  const answer = await ui.showWarningMessage(question, { modal: true, detail }, ...actionLabels);
  return answer !== undefined && actionLabels.includes(answer) ? answer : undefined;
}

export function deleteQuestion(kindLabel: string, name: string): string {
  return vscode.l10n.t('Delete {0} "{1}"?', kindLabel, name);
}

/**
 * For what destroys much at once (a pool and all its nodes): the user types the
 * resource's name, as the cloud console asks.
 */
export async function confirmByTypingName(ui: UserInput, question: string, name: string): Promise<boolean> {
  questionAsked();
  const typed = await ui.showInputBox({
    title: question,
    prompt: vscode.l10n.t('Type "{0}" to confirm. This cannot be undone.', name),
    ignoreFocusOut: true,
    validateInput: (value) => (value === name ? undefined : vscode.l10n.t('Type the name exactly: {0}', name)),
  });
  return typed === name;
}
