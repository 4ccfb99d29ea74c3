import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import type { ServiceV1 } from '../services/inferenceV1';
import { modelKind } from '../views/kinds/modelKind';
import { serviceV1Kind } from '../views/kinds/serviceV1Kind';
import { ResourceGroupNode } from '../views/nodes/resourceNodes';
import { withCapability } from '../views/resourceKind';
import { formatServiceEvents } from '../views/serviceEvents';
import { cell, TablePanel } from '../webviews/tablePanel';
import { type CommandContext, registerCommand } from './commandContext';
import { deleteQuestion } from './confirm';
import { withProgress } from './progress';
import { registerCommonResourceCommands, registerResourceAction, type ResourceAction } from './resourceCommands';
import { pickRegion, requireServices, resolveTarget } from './resourceTarget';
import { registerServiceV1Update } from './serviceV1Update';
import { SERVICE_POWER_ACTIONS } from './servicePowerActions';

const has = (capability: string) => withCapability(serviceV1Kind, capability);

/** Start and stop are updates with the status alone (§3.3); the service is then read again, deploying or stopping. */
function setStatus(status: 'running' | 'stopped'): ResourceAction<ServiceV1>['perform'] {
  return async (services, target, signal) => {
    await services.inferenceV1.setStatus(target.scope.region, target.item.service_id, status, signal);
    return undefined;
  };
}

/** Start, stop and delete, as the tree's commands and the chat tools run them. */
export const serviceV1Actions: Readonly<Record<'start' | 'stop' | 'delete', ResourceAction<ServiceV1>>> = {
  start: { ...SERVICE_POWER_ACTIONS.start, perform: setStatus('running') },
  stop: { ...SERVICE_POWER_ACTIONS.stop, perform: setStatus('stopped') },
  delete: {
    capability: 'canDelete',
    question: (name) => deleteQuestion(serviceV1Kind.label, name),
    detail: vscode.l10n.t('Requests to its address fail from then on. Its models are kept. This cannot be undone.'),
    button: vscode.l10n.t('Delete'),
    progress: (name) => vscode.l10n.t('Deleting real-time service "{0}"…', name),
    perform: async (services, target, signal) => {
      await services.inferenceV1.delete(target.scope.region, target.item.service_id, signal);
      return undefined; // read again: the service is deleting, then gone
    },
  },
};

/** v1 real-time services (§3): start, stop, update, delete, events, address, specifications; and the models they deploy. */
export function registerInferenceV1Commands(context: CommandContext): vscode.Disposable[] {
  return [
    ...registerCommonResourceCommands(context, serviceV1Kind, 'modelarts.serviceV1'),
    ...registerCommonResourceCommands(context, modelKind, 'modelarts.model'),
    registerResourceAction(context, 'modelarts.serviceV1.start', serviceV1Kind, serviceV1Actions.start),
    registerResourceAction(context, 'modelarts.serviceV1.stop', serviceV1Kind, serviceV1Actions.stop),
    registerResourceAction(context, 'modelarts.serviceV1.delete', serviceV1Kind, serviceV1Actions.delete),
    registerCommand(context, 'modelarts.serviceV1.viewEvents', async (node) => {
      const target = await resolveTarget(context, serviceV1Kind, node);
      const services = requireServices(context);
      const name = target.item.service_name;
      const { events, total } = await withProgress(vscode.l10n.t('Loading the events of "{0}"…', name), (signal) => services.inferenceV1.events(target.scope.region, target.item.service_id, signal));
      const heading = vscode.l10n.t('Events of real-time service "{0}" (v1) in {1}', name, target.scope.region);
      const lines = events.map((event) => ({ at: event.occur_time, severity: event.event_type === 'abnormal' ? ('abnormal' as const) : ('normal' as const), message: event.event_info }));
      await context.documents.show([target.scope.region, 'servicesV1', `${name}-events.log`], formatServiceEvents(heading, lines, total - events.length), 'log');
    }),
    registerCommand(context, 'modelarts.serviceV1.copyAccessAddress', async (node) => {
      const target = await resolveTarget(context, serviceV1Kind, node, has('canCopyAddress'));
      const services = requireServices(context);
      // The list leaves the address out (§3.4): the service's own GET has it.
      const latest = await withProgress(vscode.l10n.t('Loading real-time service "{0}"…', target.item.service_name), (signal) =>
        services.inferenceV1.get(target.scope.region, target.item.service_id, signal),
      );
      if (!latest.access_address) {
        throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Real-time service "{0}" has no access address yet; it gets one once it runs.', latest.service_name), 'config');
      }
      await vscode.env.clipboard.writeText(latest.access_address);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the access address of "{0}"', latest.service_name), 3000);
    }),
    registerCommand(context, 'modelarts.serviceV1.showSpecifications', async (node) => {
      const region = node instanceof ResourceGroupNode ? node.scope.region : await pickRegion(context, vscode.l10n.t('Specifications of which region?'));
      const services = requireServices(context);
      const specifications = await withProgress(vscode.l10n.t('Loading the specifications of real-time services…'), (signal) => services.inferenceV1.specifications(region, signal));
      const rows = specifications.map((spec) => {
        const accelerator = spec.gpu_info?.gpu ? `${spec.gpu_info.gpu} × ${spec.gpu_info.version ?? 'GPU'}` : spec.npu_info?.npu ? `${spec.npu_info.npu} × ${spec.npu_info.version ?? 'NPU'}` : undefined;
        const memory = spec.memory_info?.memory === undefined ? undefined : `${spec.memory_info.memory} ${spec.memory_info.unit ?? ''}`.trim();
        return [spec.specification, spec.category, spec.cpu_info?.cpu, memory, accelerator, spec.is_free ? vscode.l10n.t('yes') : undefined, spec.display_en].map(cell);
      });
      const headers = [vscode.l10n.t('Specification'), vscode.l10n.t('Category'), 'vCPUs', vscode.l10n.t('Memory'), vscode.l10n.t('Accelerator'), vscode.l10n.t('Free'), vscode.l10n.t('Description')];
      return TablePanel.show(context, `specificationsV1/${region}`, { title: vscode.l10n.t('Real-time service (v1) specifications in {0}', region), sections: [{ table: { headers, rows, numeric: [2, 3] } }] });
    }),
    registerServiceV1Update(context),
  ];
}
