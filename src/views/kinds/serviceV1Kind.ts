import * as vscode from 'vscode';
import type { ServiceV1 } from '../../services/inferenceV1';
import { serviceV1StatusCategory } from '../../services/status';
import { fieldTooltip, formatAge, formatDuration, formatTimestamp, joinParts, readableStatus } from '../format';
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

/** Real-time services of the v1 ("old") inference API (§3); a v2 kind will sit next to it. */
export const serviceV1Kind: ResourceKind<ServiceV1> = {
  contextValue: 'serviceV1',
  label: vscode.l10n.t('real-time service'),
  groupLabel: vscode.l10n.t('Real-Time Services (v1)'),
  groupIcon: 'cloud',
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
    joinParts(statusText(service), stopsIn(service), service.invocation_times ? vscode.l10n.t('{0} calls', service.invocation_times.toLocaleString()) : undefined, formatAge(service.publish_at)),
  tooltip: (service) =>
    fieldTooltip(service.service_name, [
      [vscode.l10n.t('ID'), service.service_id],
      [vscode.l10n.t('Status'), statusText(service)],
      [vscode.l10n.t('Type'), service.infer_type],
      [vscode.l10n.t('Calls'), service.invocation_times === undefined ? undefined : vscode.l10n.t('{0} ({1} failed)', service.invocation_times, service.failed_times ?? 0)],
      [vscode.l10n.t('Auto-stop'), service.due_time === undefined ? undefined : formatTimestamp(service.due_time)],
      [vscode.l10n.t('Created'), formatTimestamp(service.publish_at)],
      [vscode.l10n.t('Failure'), service.error_msg],
      [vscode.l10n.t('Description'), service.description],
    ]),
  listPage: (services, scope, pageToken, signal) => services.inferenceV1.list(scope, pageToken, signal),
  fetch: (services, scope, id, signal) => services.inferenceV1.get(scope.region, id, signal),
};
