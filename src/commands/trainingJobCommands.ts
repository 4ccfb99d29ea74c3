import * as vscode from 'vscode';
import type { TrainingJob } from '../services/trainingJobs';
import { parseTimestamp } from '../views/format';
import { trainingJobKind } from '../views/kinds/trainingJobKind';
import { withCapability } from '../views/resourceKind';
import { type EventSeverity, formatServiceEvents } from '../views/serviceEvents';
import { TrainingLogViewer } from '../views/trainingLogViewer';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction } from './confirm';
import { withProgress } from './progress';
import { changeResourceState, confirmDelete, registerCommonResourceCommands } from './resourceCommands';
import { requireServices, resolveTarget } from './resourceTarget';
import { pick } from './userInput';

const has = (capability: string) => withCapability(trainingJobKind, capability);

/** Training events are Info, Warning or Error (§2.1). */
const EVENT_SEVERITY: Readonly<Record<string, EventSeverity>> = { Info: 'normal', Warning: 'warning', Error: 'abnormal' };

export function registerTrainingJobCommands(context: CommandContext): vscode.Disposable[] {
  const logs = new TrainingLogViewer(context);
  return [
    logs,
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
  const tasks = job.status.tasks && job.status.tasks.length > 0 ? job.status.tasks : ['worker-0'];
  if (tasks.length === 1) {
    return tasks[0];
  }
  const picked = await pick(context.ui, tasks.map((task) => ({ label: task })), { title: vscode.l10n.t('Select the task whose log to show') });
  return picked.label;
}
