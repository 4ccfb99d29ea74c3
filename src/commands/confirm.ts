import * as vscode from 'vscode';
import type { UserInput } from './userInput';

/**
 * The one confirmation for destructive or disruptive actions: a modal dialog that
 * names the resource, whose only way forward is the button naming the action.
 */
export async function confirmAction(ui: UserInput, question: string, detail: string, actionLabel: string): Promise<boolean> {
  const answer = await ui.showWarningMessage(question, { modal: true, detail }, actionLabel);
  return answer === actionLabel;
}

export function deleteQuestion(kindLabel: string, name: string): string {
  return vscode.l10n.t('Delete {0} "{1}"?', kindLabel, name);
}
