import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import type { DevServer, DevServerBatchAction } from '../services/devServers';
import { devServerKind, hyperinstanceKind } from '../views/kinds/liteServerKinds';
import { withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction } from './confirm';
import { runServerBatch, selectedServers } from './liteServerSelection';
import { registerLiteServerSshCommands } from './liteServerSshCommands';
import { leftOutNote, quotedNames } from './treeSelection';
import { changeResourceState, registerCommonResourceCommands, type ResourceAction } from './resourceCommands';
import { resolveTarget, type ResourceTarget } from './resourceTarget';

/** What a Lite Server power or delete action needs: its API spelling, its capability, and what to ask first. */
interface ServerAction {
  readonly command: string;
  readonly capability: string;
  /** The question for one server or several. */
  question(names: readonly string[]): string;
  /** What follows, for what disrupts or destroys; the commands ask nothing before harmless actions. */
  readonly detail?: string;
  readonly button: string;
  progress(names: readonly string[]): string;
  single(services: ModelArtsServices, target: ResourceTarget<DevServer>, signal: AbortSignal): Promise<DevServer>;
}

/** The batch actions that also exist for one server at a time. */
export type ServerPowerAction = Extract<DevServerBatchAction, 'START' | 'STOP' | 'REBOOT' | 'DELETE'>;

const SERVER_ACTIONS: Readonly<Record<ServerPowerAction, ServerAction>> = {
  START: {
    command: 'modelarts.devServer.start',
    capability: 'canStart',
    question: (names) => vscode.l10n.t('Start Lite Server {0}?', quotedNames(names)),
    button: vscode.l10n.t('Start'),
    progress: (names) => vscode.l10n.t('Starting {0}…', names.join(', ')),
    single: (services, target, signal) => services.devServers.changePower(target.scope.region, target.item, 'start', signal),
  },
  STOP: {
    command: 'modelarts.devServer.stop',
    capability: 'canStop',
    question: (names) => vscode.l10n.t('Stop Lite Server {0}?', quotedNames(names)),
    detail: vscode.l10n.t('Processes on the server end; its disks are kept.'),
    button: vscode.l10n.t('Stop'),
    progress: (names) => vscode.l10n.t('Stopping {0}…', names.join(', ')),
    single: (services, target, signal) => services.devServers.changePower(target.scope.region, target.item, 'stop', signal),
  },
  REBOOT: {
    command: 'modelarts.devServer.reboot',
    capability: 'canReboot',
    question: (names) => vscode.l10n.t('Reboot Lite Server {0}?', quotedNames(names)),
    detail: vscode.l10n.t('Processes on the server are interrupted.'),
    button: vscode.l10n.t('Reboot'),
    progress: (names) => vscode.l10n.t('Rebooting {0}…', names.join(', ')),
    single: (services, target, signal) => services.devServers.changePower(target.scope.region, target.item, 'reboot', signal),
  },
  DELETE: {
    command: 'modelarts.devServer.delete',
    capability: 'canDelete',
    question: (names) => vscode.l10n.t('Delete Lite Server {0}?', quotedNames(names)),
    detail: vscode.l10n.t('The server and its disks are deleted. This cannot be undone.'),
    button: vscode.l10n.t('Delete'),
    progress: (names) => vscode.l10n.t('Deleting {0}…', names.join(', ')),
    single: (services, target, signal) => services.devServers.delete(target.scope.region, target.item.id, signal),
  },
};

/** One server's action as the chat tools run it: the command's question, request and capability. */
export function liteServerAction(batch: ServerPowerAction): ResourceAction<DevServer> {
  const action = SERVER_ACTIONS[batch];
  return {
    capability: action.capability,
    question: (name) => action.question([name]),
    detail: action.detail,
    button: action.button,
    progress: (name) => action.progress([name]),
    perform: action.single,
  };
}

export function registerLiteServerCommands(context: CommandContext): vscode.Disposable[] {
  return [
    ...registerCommonResourceCommands(context, devServerKind, 'modelarts.devServer'),
    ...registerLiteServerSshCommands(context),
    ...Object.entries(SERVER_ACTIONS).map(([batch, action]) =>
      registerCommand(context, action.command, (clicked, selected) => runServerAction(context, batch as ServerPowerAction, action, clicked, selected)),
    ),
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
async function runServerAction(context: CommandContext, batch: ServerPowerAction, action: ServerAction, clicked: unknown, selected: unknown): Promise<void> {
  const selection = selectedServers(selected, action.capability);
  const target = selection.length > 1 ? undefined : await resolveTarget(context, devServerKind, clicked, withCapability(devServerKind, action.capability));
  const names = target ? [target.item.name] : selection.map((node) => node.name);
  const leftOut = target || !Array.isArray(selected) ? undefined : leftOutNote(selected, selection);
  if (action.detail !== undefined && !(await confirmAction(context.ui, action.question(names), [action.detail, leftOut].filter(Boolean).join('\n\n'), action.button))) {
    return;
  }
  if (target) {
    await changeResourceState(context, target, action.progress(names), (services, signal) => action.single(services, target, signal));
  } else {
    await runServerBatch(context, selection, batch, action.progress(names));
    if (leftOut) {
      await context.ui.showInformationMessage(leftOut);
    }
  }
}
