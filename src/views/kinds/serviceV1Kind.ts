import * as vscode from 'vscode';
import type { ServiceV1 } from '../../services/inferenceV1';
import { SERVICE_V1_STATUSES, serviceV1StatusCategory } from '../../services/status';
import { type FailureReason, reasonLine } from '../failureReason';
import { fieldTooltip, formatAge, formatDuration, formatTimestamp, joinParts, readableStatus } from '../format';
import { KIND_NAMES } from '../kindNames';
import type { ResourceKind } from '../resourceKind';

/** §3.3: a service starts from stopped (or again after a failure). */
const STARTABLE = new Set(['stopped', 'failed']);
const STOPPABLE = new Set(['running', 'concerning', 'deploying', 'pending', 'waiting']);
/** §3.3: no config change while deploying, stopping or deleting. */
const UPDATABLE = new Set(['running', 'concerning', 'stopped', 'failed']);
/** Serving requests: its address is worth copying. */
const SERVING = new Set(['running', 'concerning']);

/** "Deploying 40%": the status, with the progress while deploying. */
function statusText(service: ServiceV1): string {
  const status = readableStatus(service.status);
  return service.status === 'deploying' && service.progress !== undefined ? `${status} ${service.progress}%` : status;
}

function stopsIn(service: ServiceV1): string | undefined {
  return service.due_time === undefined ? undefined : vscode.l10n.t('stops in {0}', formatDuration(Math.max(0, service.due_time - Date.now())));
}

/** Only a service's own read carries error_msg (§3.4), not the list: the hover reads it, else the newest abnormal event. */
const serviceV1FailureReason: FailureReason<ServiceV1> = {
  stated: (service) => service.error_msg,
  read: async (services, scope, service, signal) => {
    const latest = await services.inferenceV1.get(scope.region, service.service_id, signal);
    if (reasonLine(latest.error_msg) !== undefined) {
      return latest.error_msg;
    }
    const { events } = await services.inferenceV1.events(scope.region, service.service_id, signal);
    return [...events].sort((a, b) => b.occur_time - a.occur_time).find((event) => event.event_type === 'abnormal')?.event_info;
  },
};

/** Real-time services of the v1 ("old") inference API (§3); the v2 kind sits next to it. */
export const serviceV1Kind: ResourceKind<ServiceV1> = {
  contextValue: KIND_NAMES.serviceV1,
  label: vscode.l10n.t('real-time service'),
  groupLabel: vscode.l10n.t('Real-Time Services (v1)'),
  groupIcon: 'cloud',
  // §3 and §4: the two inference APIs list different services; the v1 category holds only the v1 API's.
  groupTooltip: vscode.l10n.t(
    'Real-time services of the classic inference API (v1): each is deployed from a model in the Models list onto a specification, and is started, stopped and updated as a whole. Services of the newer API are under Real-Time Services (v2).',
  ),
  emptyLabel: vscode.l10n.t('No real-time services'),
  id: (service) => service.service_id,
  name: (service) => service.service_name,
  status: (service) => service.status,
  category: (service) => serviceV1StatusCategory(service.status),
  refreshedWhileRunning: true,
  capabilities: (service) => {
    const capabilities: string[] = [];
    if (STARTABLE.has(service.status)) {
      capabilities.push('canStart');
    }
    if (STOPPABLE.has(service.status)) {
      capabilities.push('canStop');
    }
    if (UPDATABLE.has(service.status)) {
      capabilities.push('canUpdate');
    }
    if (SERVING.has(service.status)) {
      capabilities.push('canCopyAddress');
    }
    if (service.status !== 'deleting') {
      capabilities.push('canDelete');
    }
    return capabilities;
  },
  description: (service) =>
    joinParts(statusText(service), stopsIn(service), service.invocation_times ? vscode.l10n.t('{0} calls', service.invocation_times.toLocaleString(vscode.env.language)) : undefined, formatAge(service.publish_at)),
  tooltip: (service, reason) =>
    fieldTooltip(service.service_name, [
      [vscode.l10n.t('Reason'), serviceV1StatusCategory(service.status) === 'failed' ? (reason ?? reasonLine(service.error_msg)) : undefined],
      [vscode.l10n.t('ID'), service.service_id],
      [vscode.l10n.t('Status'), statusText(service)],
      [vscode.l10n.t('Type'), service.infer_type],
      [vscode.l10n.t('Calls'), service.invocation_times === undefined ? undefined : vscode.l10n.t('{0} ({1} failed)', service.invocation_times, service.failed_times ?? 0)],
      [vscode.l10n.t('Auto-stop'), service.due_time === undefined ? undefined : formatTimestamp(service.due_time)],
      [vscode.l10n.t('Created'), formatTimestamp(service.publish_at)],
      [vscode.l10n.t('Description'), service.description],
    ]),
  failureReason: serviceV1FailureReason,
  // The list's `status` parameter takes one status while a category may span several: each page is filtered instead.
  statusFilter: { statuses: SERVICE_V1_STATUSES, categoryOf: serviceV1StatusCategory },
  listPage: (services, scope, pageToken, signal) => services.inferenceV1.list(scope, pageToken, signal),
  fetch: (services, scope, id, signal) => services.inferenceV1.get(scope.region, id, signal),
};
