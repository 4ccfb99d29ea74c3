import * as vscode from 'vscode';
import { tasksOf, type TrainingJob } from '../services/trainingJobs';
import { parseTimestamp } from '../views/format';
import { trainingJobKind } from '../views/kinds/trainingJobKind';
import { type EventSeverity, formatServiceEvents } from '../views/serviceEvents';
import type { TrainingLogViewer } from '../views/trainingLogViewer';
import { type CommandContext, registerCommand } from './commandContext';
import { deleteQuestion } from './confirm';
import { withProgress } from './progress';
import { registerCommonResourceCommands, registerResourceAction, type ResourceAction } from './resourceCommands';
import { requireServices, resolveTarget } from './resourceTarget';
import { pick } from './userInput';

/** Stop and delete, as the tree's commands and the chat tools run them. */
export const trainingJobActions: Readonly<Record<'stop' | 'delete', ResourceAction<TrainingJob>>> = {
  stop: {
    capability: 'canStop',
    question: (name) => vscode.l10n.t('Stop training job "{0}"?', name),
    detail: vscode.l10n.t('The job is terminated and cannot be resumed; outputs written so far are kept.'),
    button: vscode.l10n.t('Stop'),
    progress: (name) => vscode.l10n.t('Stopping training job "{0}"…', name),
    perform: (services, target, signal) => services.trainingJobs.terminate(target.scope.region, target.item.metadata.id, signal),
  },
  delete: {
    capability: 'canDelete',
    question: (name) => deleteQuestion(trainingJobKind.label, name),
    detail: vscode.l10n.t('The job and its logs are deleted. This cannot be undone.'),
    button: vscode.l10n.t('Delete'),
    progress: (name) => vscode.l10n.t('Deleting training job "{0}"…', name),
    perform: async (services, target, signal) => {
      await services.trainingJobs.delete(target.scope.region, target.item.metadata.id, signal);
      return undefined;
    },
    // Deletion answers with no body (202): the job is gone from the list at once.
    removes: true,
  },
};

/** Training events are Info, Warning or Error (§2.1). */
const EVENT_SEVERITY: Readonly<Record<string, EventSeverity>> = { Info: 'normal', Warning: 'warning', Error: 'abnormal' };

export function registerTrainingJobCommands(context: CommandContext, logs: TrainingLogViewer): vscode.Disposable[] {
  return [
    logs,
    ...registerCommonResourceCommands(context, trainingJobKind, 'modelarts.trainingJob'),
    registerResourceAction(context, 'modelarts.trainingJob.stop', trainingJobKind, trainingJobActions.stop),
    registerResourceAction(context, 'modelarts.trainingJob.delete', trainingJobKind, trainingJobActions.delete),
    registerCommand(context, 'modelarts.trainingJob.viewLogs', async (node) => {
      const target = await resolveTarget(context, trainingJobKind, node);
      const region = target.scope.region;
      const job = target.item;
      const log = { region, job, task: await pickTask(context, job) };
      if (await logs.revealFollowed(log)) {
        return;
      }
      const services = requireServices(context);
      const [latest, first] = await withProgress(vscode.l10n.t('Loading the log of "{0}"…', job.metadata.name), async (signal) => {
        // The job first: if it has ended, the log read after it is complete and needs no following.
        const fresh = await services.trainingJobs.get(region, job.metadata.id, signal);
        context.states.report(trainingJobKind, region, fresh);
        return [fresh, await services.trainingJobs.logPreview(region, job.metadata.id, log.task, signal)] as const;
      });
      await logs.show(log, first, latest.status.phase);
    }),
    registerCommand(context, 'modelarts.trainingJob.followLog', () => {
      if (!logs.followActive()) {
        void context.ui.showInformationMessage(vscode.l10n.t('The active editor is not the log of a running training job.'));
      }
    }),
    registerCommand(context, 'modelarts.trainingJob.viewEvents', async (node) => {
      const target = await resolveTarget(context, trainingJobKind, node);
      const services = requireServices(context);
      const { name, id } = target.item.metadata;
      const { events, total } = await withProgress(vscode.l10n.t('Loading the events of "{0}"…', name), (signal) => services.trainingJobs.events(target.scope.region, id, signal));
      const heading = vscode.l10n.t('Events of training job "{0}" in {1}', name, target.scope.region);
      const lines = events.map((event) => ({
        at: parseTimestamp(event.time) ?? 0,
        severity: EVENT_SEVERITY[event.level] ?? 'normal',
        message: event.source ? `${event.source}: ${event.message}` : event.message,
      }));
      await context.documents.show([target.scope.region, 'trainingJobs', id, `${name}-events.log`], formatServiceEvents(heading, lines, total - events.length), 'log');
    }),
  ];
}

/** Multi-node jobs have one log per task (worker-0, worker-1…); a single-task job needs no question. */
async function pickTask(context: CommandContext, job: TrainingJob): Promise<string> {
  const tasks = tasksOf(job);
  if (tasks.length === 1) {
    return tasks[0];
  }
  const picked = await pick(context.ui, tasks.map((task) => ({ label: task })), { title: vscode.l10n.t('Select the task whose log to show') });
  return picked.label;
}
