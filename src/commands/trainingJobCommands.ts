import * as vscode from 'vscode';
import type { TrainingJob } from '../services/trainingJobs';
import { trainingJobKind } from '../views/kinds/trainingJobKind';
import { withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction } from './confirm';
import { withProgress } from './progress';
import { changeResourceState, confirmDelete, registerCommonResourceCommands } from './resourceCommands';
import { requireServices, resolveTarget } from './resourceTarget';
import { pick } from './userInput';

const has = (capability: string) => withCapability(trainingJobKind, capability);

export function registerTrainingJobCommands(context: CommandContext): vscode.Disposable[] {
  return [
    ...registerCommonResourceCommands(context, trainingJobKind, 'modelarts.trainingJob'),
    registerCommand(context, 'modelarts.trainingJob.stop', async (node) => {
      const target = await resolveTarget(context, trainingJobKind, node, has('canStop'));
      const name = target.item.metadata.name;
      const confirmed = await confirmAction(
        context.ui,
        vscode.l10n.t('Stop training job "{0}"?', name),
        vscode.l10n.t('The job is terminated and cannot be resumed; outputs written so far are kept.'),
        vscode.l10n.t('Stop'),
      );
      if (!confirmed) {
        return;
      }
      await changeResourceState(context, target, vscode.l10n.t('Stopping training job "{0}"…', name), (services, signal) =>
        services.trainingJobs.terminate(target.scope.region, target.item.metadata.id, signal),
      );
    }),
    registerCommand(context, 'modelarts.trainingJob.delete', async (node) => {
      const target = await resolveTarget(context, trainingJobKind, node, has('canDelete'));
      const name = target.item.metadata.name;
      if (!(await confirmDelete(context, target, vscode.l10n.t('The job and its logs are deleted. This cannot be undone.')))) {
        return;
      }
      const services = requireServices(context);
      await withProgress(vscode.l10n.t('Deleting training job "{0}"…', name), (signal) => services.trainingJobs.delete(target.scope.region, target.item.metadata.id, signal));
      // Deletion answers with no body (202): the job is gone from the list at once.
      if (target.node) {
        target.node.parent.removeChild(target.node);
        context.explorer.rerender(target.node.parent);
      }
    }),
    registerCommand(context, 'modelarts.trainingJob.viewLogs', async (node) => {
      const target = await resolveTarget(context, trainingJobKind, node);
      const services = requireServices(context);
      const job = target.item;
      const task = await pickTask(context, job);
      const log = await withProgress(vscode.l10n.t('Loading the log of "{0}"…', job.metadata.name), (signal) =>
        services.trainingJobs.logPreview(target.scope.region, job.metadata.id, task, signal),
      );
      const truncated = log.fullSize > log.currentSize ? `${vscode.l10n.t('[showing the last {0} of {1} bytes]', log.currentSize, log.fullSize)}\n` : '';
      const editor = await context.documents.show([target.scope.region, 'trainingJobs', `${job.metadata.name}-${task}.log`], truncated + log.content, 'log');
      // The newest lines, where a failure's traceback is, are at the end.
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  ];
}

/** Multi-node jobs have one log per task (worker-0, worker-1…); a single-task job needs no question. */
async function pickTask(context: CommandContext, job: TrainingJob): Promise<string> {
  const tasks = job.status.tasks && job.status.tasks.length > 0 ? job.status.tasks : ['worker-0'];
  if (tasks.length === 1) {
    return tasks[0];
  }
  const picked = await pick(context.ui, tasks.map((task) => ({ label: task })), { title: vscode.l10n.t('Select the task whose log to show') });
  return picked.label;
}
