import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import type { DevServer, DevServerBatchAction } from '../services/devServers';
import { devServerKind, hyperinstanceKind } from '../views/kinds/liteServerKinds';
import { withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction } from './confirm';
import { runServerBatch, selectedServers } from './liteServerSelection';
import { changeResourceState, registerCommonResourceCommands } from './resourceCommands';
import { resolveTarget, type ResourceTarget } from './resourceTarget';

/** What a Lite Server power or delete action needs: its API spelling, its capability, and what to ask first. */
interface ServerAction {
  readonly command: string;
  readonly batch: DevServerBatchAction;
  readonly capability: string;
  /** The question for one server or several; harmless actions ask nothing. */
  confirm?(names: readonly string[]): { question: string; detail: string; button: string };
  progress(names: readonly string[]): string;
  single(services: ModelArtsServices, target: ResourceTarget<DevServer>, signal: AbortSignal): Promise<DevServer>;
}

const SERVER_ACTIONS: readonly ServerAction[] = [
  {
    command: 'modelarts.devServer.start',
    batch: 'START',
    capability: 'canStart',
    progress: (names) => vscode.l10n.t('Starting {0}…', names.join(', ')),
    single: (services, target, signal) => services.devServers.changePower(target.scope.region, target.item.id, 'start', signal),
  },
  {
    command: 'modelarts.devServer.stop',
    batch: 'STOP',
    capability: 'canStop',
    confirm: (names) => ({
      question: vscode.l10n.t('Stop Lite Server {0}?', names.map((name) => `"${name}"`).join(', ')),
      detail: vscode.l10n.t('Processes on the server end; its disks are kept.'),
      button: vscode.l10n.t('Stop'),
    }),
    progress: (names) => vscode.l10n.t('Stopping {0}…', names.join(', ')),
    single: (services, target, signal) => services.devServers.changePower(target.scope.region, target.item.id, 'stop', signal),
  },
  {
    command: 'modelarts.devServer.reboot',
    batch: 'REBOOT',
    capability: 'canReboot',
    confirm: (names) => ({
      question: vscode.l10n.t('Reboot Lite Server {0}?', names.map((name) => `"${name}"`).join(', ')),
      detail: vscode.l10n.t('Processes on the server are interrupted.'),
      button: vscode.l10n.t('Reboot'),
    }),
    progress: (names) => vscode.l10n.t('Rebooting {0}…', names.join(', ')),
    single: (services, target, signal) => services.devServers.changePower(target.scope.region, target.item.id, 'reboot', signal),
  },
  {
    command: 'modelarts.devServer.delete',
    batch: 'DELETE',
    capability: 'canDelete',
    confirm: (names) => ({
      question: vscode.l10n.t('Delete Lite Server {0}?', names.map((name) => `"${name}"`).join(', ')),
      detail: vscode.l10n.t('The server and its disks are deleted. This cannot be undone.'),
      button: vscode.l10n.t('Delete'),
    }),
    progress: (names) => vscode.l10n.t('Deleting {0}…', names.join(', ')),
    single: (services, target, signal) => services.devServers.delete(target.scope.region, target.item.id, signal),
  },
];

export function registerLiteServerCommands(context: CommandContext): vscode.Disposable[] {
  return [
    ...registerCommonResourceCommands(context, devServerKind, 'modelarts.devServer'),
    ...SERVER_ACTIONS.map((action) => registerCommand(context, action.command, (clicked, selected) => runServerAction(context, action, clicked, selected))),
    ...(['start', 'stop'] as const).map((power) =>
      registerCommand(context, `modelarts.hyperinstance.${power}`, async (node) => {
        const target = await resolveTarget(context, hyperinstanceKind, node, withCapability(hyperinstanceKind, power === 'start' ? 'canStart' : 'canStop'));
        if (power === 'stop' && !(await confirmAction(context.ui, vscode.l10n.t('Stop hyperinstance "{0}"?', target.item.name), vscode.l10n.t('All its servers stop.'), vscode.l10n.t('Stop')))) {
          return;
        }
        await changeResourceState(context, target, vscode.l10n.t('{0} hyperinstance "{1}"…', power === 'start' ? vscode.l10n.t('Starting') : vscode.l10n.t('Stopping'), target.item.name), (services, signal) =>
          services.devServers.changeHyperinstancePower(target.scope.region, target.item.id, power, signal),
        );
      }),
    ),
  ];
}

/** One selected server through its own endpoint; several at once through one batch request. */
async function runServerAction(context: CommandContext, action: ServerAction, clicked: unknown, selected: unknown): Promise<void> {
  const selection = selectedServers(selected, action.capability);
  if (selection.length > 1) {
    const names = selection.map((node) => node.name);
    const question = action.confirm?.(names);
    if (question && !(await confirmAction(context.ui, question.question, question.detail, question.button))) {
      return;
    }
    await runServerBatch(context, selection, action.batch, action.progress(names));
    return;
  }
  const target = await resolveTarget(context, devServerKind, clicked, withCapability(devServerKind, action.capability));
  const question = action.confirm?.([target.item.name]);
  if (question && !(await confirmAction(context.ui, question.question, question.detail, question.button))) {
    return;
  }
  await changeResourceState(context, target, action.progress([target.item.name]), (services, signal) => action.single(services, target, signal));
}
