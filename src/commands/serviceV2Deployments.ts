import * as vscode from 'vscode';
import type { ServiceV2Deployment } from '../services/inferenceV2';
import { formatTimestamp, joinParts, parseTimestamp, readableStatus } from '../views/format';
import { deploymentV2Kind, serviceOf, serviceV2Kind } from '../views/kinds/serviceV2Kind';
import { ResourceNode } from '../views/nodes/resourceNodes';
import { withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction } from './confirm';
import { withProgress } from './progress';
import { changeResourceState, registerCommonResourceCommands } from './resourceCommands';
import { pickResource, requireServices, resolveTarget, type ResourceTarget, type TargetPicker } from './resourceTarget';
import { pick } from './userInput';

const has = (capability: string) => withCapability(deploymentV2Kind, capability);

/** From the palette: a v2 service of a workspace, then one of its deployments that can do it. */
function pickDeployment(context: CommandContext, eligible: (deployment: ServiceV2Deployment) => boolean = () => true): TargetPicker<ServiceV2Deployment> {
  return async () => {
    const service = await resolveTarget(context, serviceV2Kind, undefined);
    const services = requireServices(context);
    const item = await pickResource(
      context,
      deploymentV2Kind,
      async () => (await services.inferenceV2.deployments(service.scope.region, service.item.id)).filter(eligible),
      vscode.l10n.t('No deployment of "{0}" can do that now.', service.item.name),
    );
    return { scope: { ...service.scope, parentId: service.item.id }, item };
  };
}

/** The service's node above a deployment's node (its Deployments category between them), when the command came from the tree. */
function serviceNodeAbove(target: ResourceTarget<ServiceV2Deployment>): ResourceNode<unknown> | undefined {
  const above = target.node?.parent.parent;
  return above instanceof ResourceNode && above.kind === serviceV2Kind ? above : undefined;
}

/**
 * Runs a change on a deployment, shows the deployment as it now is (read again when the change answers nothing),
 * then reads its service again: a deployment's status is part of the service's, and the tree follows both while
 * they change.
 */
async function changeDeployment(
  context: CommandContext,
  target: ResourceTarget<ServiceV2Deployment>,
  title: string,
  change: (signal: AbortSignal) => Promise<ServiceV2Deployment | undefined>,
): Promise<void> {
  await changeResourceState(context, target, title, (_services, signal) => change(signal));
  const serviceNode = serviceNodeAbove(target);
  if (serviceNode) {
    await context.explorer.refresh(serviceNode);
  }
}

/** Start, stop or interrupt of one deployment: what it needs, and what it asks first, naming the deployment and its service. */
interface PowerAction {
  readonly action: 'start' | 'stop' | 'interrupt';
  readonly capability: string;
  confirm?(names: { readonly name: string; readonly service: string }): { question: string; detail: string; button: string };
  progress(name: string): string;
}

const ACTIONS: readonly PowerAction[] = [
  { action: 'start', capability: 'canStart', progress: (name) => vscode.l10n.t('Starting deployment "{0}"…', name) },
  {
    action: 'stop',
    capability: 'canStop',
    confirm: ({ name, service }) => ({
      question: vscode.l10n.t('Stop deployment "{0}" of real-time service "{1}"?', name, service),
      detail: vscode.l10n.t('Its instances are released and its share of the traffic goes to the service\'s other deployments, if any.'),
      button: vscode.l10n.t('Stop'),
    }),
    progress: (name) => vscode.l10n.t('Stopping deployment "{0}"…', name),
  },
  {
    action: 'interrupt',
    capability: 'canInterrupt',
    confirm: ({ name, service }) => ({
      question: vscode.l10n.t('Interrupt deployment "{0}" of real-time service "{1}"?', name, service),
      detail: vscode.l10n.t('A deploy under way stops; an upgrade goes back to the version it ran.'),
      button: vscode.l10n.t('Interrupt'),
    }),
    progress: (name) => vscode.l10n.t('Interrupting deployment "{0}"…', name),
  },
];

/** The service's name for questions: from the tree above the deployment, else its id. */
function serviceName(target: ResourceTarget<ServiceV2Deployment>): string {
  return serviceNodeAbove(target)?.name ?? serviceOf(target.scope);
}

/** Deployments of v2 services: start, stop, interrupt, switch version; copy the id, view as JSON. */
export function registerServiceV2DeploymentCommands(context: CommandContext): vscode.Disposable[] {
  return [
    ...registerCommonResourceCommands(context, deploymentV2Kind, 'modelarts.serviceV2Deployment', pickDeployment(context)),
    ...ACTIONS.map(({ action, capability, confirm, progress }) =>
      registerCommand(context, `modelarts.serviceV2Deployment.${action}`, async (node) => {
        const target = await resolveTarget(context, deploymentV2Kind, node, has(capability), pickDeployment(context, has(capability)));
        const question = confirm?.({ name: target.item.name, service: serviceName(target) });
        if (question && !(await confirmAction(context.ui, question.question, question.detail, question.button))) {
          return;
        }
        const services = requireServices(context);
        await changeDeployment(context, target, progress(target.item.name), (signal) =>
          services.inferenceV2.changeDeployment(target.scope.region, serviceOf(target.scope), target.item.id, action, signal),
        );
      }),
    ),
    registerCommand(context, 'modelarts.serviceV2Deployment.switchVersion', async (node) => {
      const target = await resolveTarget(context, deploymentV2Kind, node, has('canSwitchVersion'), pickDeployment(context, has('canSwitchVersion')));
      await switchVersion(context, target);
    }),
  ];
}

/** A picker of the deployment's other versions (newest first), a confirmation, then the switch. */
async function switchVersion(context: CommandContext, target: ResourceTarget<ServiceV2Deployment>): Promise<void> {
  const services = requireServices(context);
  const { region } = target.scope;
  const serviceId = serviceOf(target.scope);
  const { name } = target.item;
  const versions = await withProgress(vscode.l10n.t('Loading the versions of deployment "{0}"…', name), (signal) => services.inferenceV2.versions(region, serviceId, target.item.id, signal));
  const current = target.item.version;
  const others = versions.filter((version) => version.version !== current);
  if (others.length === 0) {
    void context.ui.showInformationMessage(vscode.l10n.t('Deployment "{0}" has no other version than {1}.', name, current ?? '?'));
    return;
  }
  const picked = await pick(
    context.ui,
    others.map((version) => ({
      label: version.version,
      description: joinParts(version.version_status ? readableStatus(version.version_status) : undefined, formatTimestamp(parseTimestamp(version.create_at))),
      detail: version.description || undefined,
    })),
    { title: vscode.l10n.t('Switch deployment "{0}" from version {1} to', name, current ?? '?') },
  );
  const running = target.item.status === 'RUNNING' || target.item.status === 'CONCERNING';
  const question = vscode.l10n.t('Switch deployment "{0}" of real-time service "{1}" to version {2}?', name, serviceName(target), picked.label);
  const detail = running
    ? vscode.l10n.t('It upgrades to that version\'s image and settings while it keeps serving; an upgrade can be interrupted.')
    : vscode.l10n.t('It runs that version when it is next started.');
  if (!(await confirmAction(context.ui, question, detail, vscode.l10n.t('Switch')))) {
    return;
  }
  await changeDeployment(context, target, vscode.l10n.t('Switching deployment "{0}" to version {1}…', name, picked.label), async (signal) => {
    await services.inferenceV2.switchVersion(region, serviceId, target.item.id, picked.label, signal);
    return undefined; // the answer is the deployment's id alone: read it again
  });
}
