import type * as vscode from 'vscode';
import { type CommandContext, registerCommand } from '../commands/commandContext';
import type { ActivityEntry } from './activityLog';

/** The ModelArts Activity view's commands: Cancel while running, Show Report or Show Log when done, Clear. */
export function registerActivityCommands(context: CommandContext): vscode.Disposable[] {
  const entryOf = (argument: unknown): ActivityEntry | undefined =>
    typeof argument === 'object' && argument !== null && 'id' in argument && typeof argument.id === 'string' ? context.activity.find(argument.id) : undefined;
  return [
    registerCommand(context, 'modelarts.activity.cancel', (argument) => {
      const entry = entryOf(argument);
      if (entry) {
        context.activity.cancel(entry.id);
      }
    }),
    registerCommand(context, 'modelarts.activity.showReport', async (argument) => {
      const report = entryOf(argument)?.report;
      if (report) {
        await context.documents.show(['obs', report.name], report.text, 'plaintext');
      }
    }),
    registerCommand(context, 'modelarts.activity.showLog', () => context.log.show()),
    registerCommand(context, 'modelarts.activity.clear', () => context.activity.clear()),
  ];
}
