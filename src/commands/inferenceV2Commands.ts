import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import type { ServiceV2, ServiceV2DeleteResult } from '../services/inferenceV2';
import { collectPages, PICKER_LIMIT } from '../services/paging';
import { serviceV2Kind } from '../views/kinds/serviceV2Kind';
import type { ResourceNode } from '../views/nodes/resourceNodes';
import { withCapability } from '../views/resourceKind';
import { type EventSeverity, formatServiceEvents } from '../views/serviceEvents';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction, deleteQuestion } from './confirm';
import { withProgress } from './progress';
import { registerCommonResourceCommands, registerResourceAction, type ResourceAction } from './resourceCommands';
import { requireServices, resolveScope, resolveTarget } from './resourceTarget';
import { SERVICE_POWER_ACTIONS } from './servicePowerActions';
import { registerServiceV2AccessCommands } from './serviceV2Access';
import { registerServiceV2DeploymentCommands } from './serviceV2Deployments';
import { quotedNames, selectedOfKind } from './treeSelection';
import { pickMany } from './userInput';

const has = (capability: string) => withCapability(serviceV2Kind, capability);

/** The v2 API's event types, as the shared events document marks them. */
const SEVERITY: Readonly<Record<string, EventSeverity>> = { NORMAL: 'normal', WARNING: 'warning', ABNORMAL: 'abnormal' };

/** Start, stop and interrupt answer the service; it is read again with its deployments, which the tree follows. */
const changeService =
  (action: 'start' | 'stop' | 'interrupt'): ResourceAction<ServiceV2>['perform'] =>
  async (services, target, signal) => {
    await services.inferenceV2.change(target.scope.region, target.item.id, action, signal);
    return undefined;
  };

/** Why the API did not delete services, "name": reason each; empty when all are deleting. */
function refusedDeletions(results: readonly ServiceV2DeleteResult[], items: readonly ServiceV2[]): string[] {
  const nameOf = new Map(items.map((service) => [service.id, service.name]));
  return results.filter((result) => result.failure_reason).map((result) => `"${nameOf.get(result.id) ?? result.id}": ${result.failure_reason ?? ''}`);
}

const DELETE_ONE_DETAIL = vscode.l10n.t('Requests to its address fail from then on; its deployments and versions go with it. This cannot be undone.');

/** The actions on one service, shared by the tree's commands and the chat tools. */
export const serviceV2Actions: Readonly<Record<'start' | 'stop' | 'interrupt' | 'delete', ResourceAction<ServiceV2>>> = {
  start: { ...SERVICE_POWER_ACTIONS.start, perform: changeService('start') },
  stop: { ...SERVICE_POWER_ACTIONS.stop, perform: changeService('stop') },
  interrupt: {
    capability: 'canInterrupt',
    question: (name) => vscode.l10n.t('Interrupt what real-time service "{0}" is deploying?', name),
    detail: vscode.l10n.t('A deployment being deployed stops; one being upgraded goes back to the version it ran.'),
    button: vscode.l10n.t('Interrupt'),
    progress: (name) => vscode.l10n.t('Interrupting real-time service "{0}"…', name),
    perform: changeService('interrupt'),
  },
  delete: {
    capability: 'canDelete',
    question: (name) => deleteQuestion(serviceV2Kind.label, name),
    detail: DELETE_ONE_DETAIL,
    button: vscode.l10n.t('Delete'),
    progress: (name) => vscode.l10n.t('Deleting real-time service "{0}"…', name),
    perform: async (services, target, signal) => {
      const refused = refusedDeletions(await services.inferenceV2.deleteMany(target.scope.region, [target.item.id], signal), [target.item]);
      if (refused.length > 0) {
        throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Not deleted: {0}', refused.join('; ')), 'config');
      }
      return undefined; // read again: the service is deleting, then gone
    },
  },
};

/** v2 real-time services (§4): start, stop, interrupt, delete (several at once), events; their deployments and addresses elsewhere. */
export function registerInferenceV2Commands(context: CommandContext): vscode.Disposable[] {
  return [
    ...registerCommonResourceCommands(context, serviceV2Kind, 'modelarts.serviceV2'),
    registerResourceAction(context, 'modelarts.serviceV2.start', serviceV2Kind, serviceV2Actions.start),
    registerResourceAction(context, 'modelarts.serviceV2.stop', serviceV2Kind, serviceV2Actions.stop),
    registerResourceAction(context, 'modelarts.serviceV2.interrupt', serviceV2Kind, serviceV2Actions.interrupt),
    registerCommand(context, 'modelarts.serviceV2.delete', (clicked, selected) => deleteServices(context, clicked, selected)),
    registerCommand(context, 'modelarts.serviceV2.viewEvents', async (node) => {
      const target = await resolveTarget(context, serviceV2Kind, node);
      const services = requireServices(context);
      const { name } = target.item;
      const { events, total } = await withProgress(vscode.l10n.t('Loading the events of "{0}"…', name), (signal) => services.inferenceV2.events(target.scope.region, target.item.id, signal));
      const heading = vscode.l10n.t('Events of real-time service "{0}" (v2) in {1}', name, target.scope.region);
      const lines = events.map((event) => ({ at: event.create_at, severity: SEVERITY[event.event_type] ?? 'normal', message: event.event_info }));
      await context.documents.show([target.scope.region, 'servicesV2', `${name}-events.log`], formatServiceEvents(heading, lines, total - events.length), 'log');
    }),
    ...registerServiceV2AccessCommands(context),
    ...registerServiceV2DeploymentCommands(context),
  ];
}

/** What Delete acts on: the services selected in the tree, the one clicked, or the ones picked in the palette. */
async function servicesToDelete(context: CommandContext, clicked: unknown, selected: unknown): Promise<{ region: string; items: ServiceV2[]; nodes: ResourceNode<ServiceV2>[] }> {
  const chosen = selectedOfKind(serviceV2Kind, selected, has('canDelete'), vscode.l10n.t('Select real-time services of one region at a time.'));
  if (chosen.length > 1) {
    return { region: chosen[0].region, items: chosen.map((node) => node.resource), nodes: chosen };
  }
  if (clicked) {
    const target = await resolveTarget(context, serviceV2Kind, clicked, has('canDelete'));
    return { region: target.scope.region, items: [target.item], nodes: target.node ? [target.node] : [] };
  }
  const scope = await resolveScope(context, undefined);
  const services = requireServices(context);
  const listed = await withProgress(vscode.l10n.t('Loading real-time services…'), async (signal) =>
    (await collectPages((token, pageSignal) => services.inferenceV2.list(scope, token, pageSignal), PICKER_LIMIT, signal)).filter(has('canDelete')),
  );
  const picked = await pickMany(
    context.ui,
    listed.map((service) => ({ label: service.name, description: serviceV2Kind.description(service), service })),
    { title: vscode.l10n.t('Select the real-time services (v2) to delete'), matchOnDescription: true },
  );
  return { region: scope.region, items: picked.map((entry) => entry.service), nodes: [] };
}

/** One `POST …/services/delete` for all of them, after a confirmation naming each; the ones refused are named with why. */
async function deleteServices(context: CommandContext, clicked: unknown, selected: unknown): Promise<void> {
  const { region, items, nodes } = await servicesToDelete(context, clicked, selected);
  const names = items.map((service) => service.name);
  const question = names.length === 1 ? deleteQuestion(serviceV2Kind.label, names[0]) : vscode.l10n.t('Delete {0} real-time services: {1}?', names.length, quotedNames(names));
  const detail =
    names.length === 1
      ? DELETE_ONE_DETAIL
      : vscode.l10n.t('Requests to their addresses fail from then on; their deployments and versions go with them. This cannot be undone.');
  if (!(await confirmAction(context.ui, question, detail, vscode.l10n.t('Delete')))) {
    return;
  }
  const services = requireServices(context);
  const results = await withProgress(vscode.l10n.t('Deleting {0}…', quotedNames(names)), (signal) => services.inferenceV2.deleteMany(region, items.map((service) => service.id), signal));
  const refused = refusedDeletions(results, items);
  if (refused.length > 0) {
    void context.ui.showErrorMessage(vscode.l10n.t('Not deleted: {0}', refused.join('; ')));
  }
  await Promise.all(nodes.map((node) => context.explorer.refresh(node)));
}
