import * as vscode from 'vscode';
import type { ServiceV2 } from '../services/inferenceV2';
import { collectPages, PICKER_LIMIT } from '../services/paging';
import { serviceV2Kind } from '../views/kinds/serviceV2Kind';
import type { ResourceNode } from '../views/nodes/resourceNodes';
import { withCapability } from '../views/resourceKind';
import { type EventSeverity, formatServiceEvents } from '../views/serviceEvents';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction, deleteQuestion } from './confirm';
import { withProgress } from './progress';
import { changeResourceState, registerCommonResourceCommands } from './resourceCommands';
import { requireServices, resolveScope, resolveTarget, type ResourceTarget } from './resourceTarget';
import { registerServiceV2AccessCommands } from './serviceV2Access';
import { type PowerAction, registerServiceV2DeploymentCommands } from './serviceV2Deployments';
import { quotedNames, selectedOfKind } from './treeSelection';
import { pickMany } from './userInput';

const has = (capability: string) => withCapability(serviceV2Kind, capability);

/** The v2 API's event types, as the shared events document marks them. */
const SEVERITY: Readonly<Record<string, EventSeverity>> = { NORMAL: 'normal', WARNING: 'warning', ABNORMAL: 'abnormal' };

const SERVICE_ACTIONS: readonly PowerAction[] = [
  { action: 'start', capability: 'canStart', progress: (name) => vscode.l10n.t('Starting real-time service "{0}"…', name) },
  {
    action: 'stop',
    capability: 'canStop',
    confirm: ({ name }) => ({
      question: vscode.l10n.t('Stop real-time service "{0}"?', name),
      detail: vscode.l10n.t('It stops answering requests at its address, and its instances are released. Start it again to redeploy.'),
      button: vscode.l10n.t('Stop'),
    }),
    progress: (name) => vscode.l10n.t('Stopping real-time service "{0}"…', name),
  },
  {
    action: 'interrupt',
    capability: 'canInterrupt',
    confirm: ({ name }) => ({
      question: vscode.l10n.t('Interrupt what real-time service "{0}" is deploying?', name),
      detail: vscode.l10n.t('A deployment being deployed stops; one being upgraded goes back to the version it ran.'),
      button: vscode.l10n.t('Interrupt'),
    }),
    progress: (name) => vscode.l10n.t('Interrupting real-time service "{0}"…', name),
  },
];

/** v2 real-time services (§4): start, stop, interrupt, delete (several at once), events; their deployments and addresses elsewhere. */
export function registerInferenceV2Commands(context: CommandContext): vscode.Disposable[] {
  return [
    ...registerCommonResourceCommands(context, serviceV2Kind, 'modelarts.serviceV2'),
    ...SERVICE_ACTIONS.map(({ action, capability, confirm, progress }) =>
      registerCommand(context, `modelarts.serviceV2.${action}`, async (node) => {
        const target = await resolveTarget(context, serviceV2Kind, node, has(capability));
        const question = confirm?.({ name: target.item.name, service: target.item.name });
        if (question && !(await confirmAction(context.ui, question.question, question.detail, question.button))) {
          return;
        }
        await changeService(context, target, action, progress(target.item.name));
      }),
    ),
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

/** Start, stop or interrupt; the service is then read again with its deployments, which the tree follows. */
async function changeService(context: CommandContext, target: ResourceTarget<ServiceV2>, action: 'start' | 'stop' | 'interrupt', title: string): Promise<void> {
  await changeResourceState(context, target, title, async (services, signal) => {
    await services.inferenceV2.change(target.scope.region, target.item.id, action, signal);
    return undefined;
  });
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
  const detail = vscode.l10n.t('Requests to their addresses fail from then on; their deployments and versions go with them. This cannot be undone.');
  if (!(await confirmAction(context.ui, question, detail, vscode.l10n.t('Delete')))) {
    return;
  }
  const services = requireServices(context);
  const results = await withProgress(vscode.l10n.t('Deleting {0}…', quotedNames(names)), (signal) => services.inferenceV2.deleteMany(region, items.map((service) => service.id), signal));
  const refused = results.filter((result) => result.failure_reason);
  if (refused.length > 0) {
    const nameOf = new Map(items.map((service) => [service.id, service.name]));
    const reasons = refused.map((result) => `"${nameOf.get(result.id) ?? result.id}": ${result.failure_reason ?? ''}`);
    void context.ui.showErrorMessage(vscode.l10n.t('Not deleted: {0}', reasons.join('; ')));
  }
  await Promise.all(nodes.map((node) => context.explorer.refresh(node)));
}
