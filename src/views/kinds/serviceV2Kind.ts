import * as vscode from 'vscode';
import { type ServiceV2, serviceAuthType, type ServiceV2Deployment, serviceDescription, serviceVersionLabel } from '../../services/inferenceV2';
import { SERVICE_V2_STATUSES, serviceV2StatusCategory } from '../../services/status';
import { type FailureReason, reasonLine } from '../failureReason';
import { fieldTooltip, formatAge, formatTimestamp, joinParts, readableStatus } from '../format';
import { KIND_NAMES } from '../kindNames';
import { type ListScope, parentOf, type ResourceKind } from '../resourceKind';

/** §4.1: start from stopped or failed; stop what runs (or failed, to release it); a deploy or upgrade under way is interrupted instead. */
const STARTABLE = new Set(['STOPPED', 'FAILED', 'ERROR']);
const STOPPABLE = new Set(['RUNNING', 'CONCERNING', 'FAILED', 'ERROR']);
const INTERRUPTIBLE = new Set(['DEPLOYING', 'UPGRADING']);
/** Serving requests: its address is worth copying. */
const SERVING = new Set(['RUNNING', 'CONCERNING']);
/** Has instances to log in to. */
const WITH_INSTANCES = new Set(['RUNNING', 'CONCERNING', 'DEPLOYING', 'UPGRADING', 'FAILED', 'ERROR']);
/** A version can be switched to unless a change is under way. */
const SWITCHABLE = new Set(['RUNNING', 'CONCERNING', 'STOPPED', 'FAILED', 'ERROR']);

/** The power capabilities services and deployments share. */
function powerCapabilities(status: string): string[] {
  return [
    ...(STARTABLE.has(status) ? ['canStart'] : []),
    ...(STOPPABLE.has(status) ? ['canStop'] : []),
    ...(INTERRUPTIBLE.has(status) ? ['canInterrupt'] : []),
  ];
}

/** The service a deployment belongs to: the scope's parent, set by the service's node in the tree. */
export const serviceOf = (scope: ListScope): string => parentOf(scope, 'real-time service (v2)');

const versionText = (version: string | undefined): string | undefined => (version ? `v${version}` : undefined);

/** "4 × modelarts.vm.gpu.t4u8", or the custom spec on a dedicated pool. */
export function placementText(deployment: ServiceV2Deployment, flavorText?: string): string | undefined {
  const [unit] = deployment.unit_configs ?? [];
  const spec = unit?.custom_spec ? joinParts(`${unit.custom_spec.cpu ?? '?'} vCPUs`, unit.custom_spec.memory ? `${unit.custom_spec.memory} MB` : undefined) : (flavorText ?? unit?.flavor);
  const where = deployment.pool_id ? vscode.l10n.t('{0} on dedicated pool {1}', spec ?? '', deployment.pool_id) : spec;
  return deployment.count === undefined ? where : vscode.l10n.t('{0} × {1}', deployment.count, where ?? '');
}

/** A deployment of a v2 service (the SDK's name for an instance group): its version, traffic share and resources. */
export const deploymentV2Kind: ResourceKind<ServiceV2Deployment> = {
  contextValue: 'serviceV2Deployment',
  label: vscode.l10n.t('deployment'),
  groupLabel: vscode.l10n.t('Deployments'),
  groupIcon: 'layers',
  emptyLabel: vscode.l10n.t('No deployments'),
  id: (deployment) => deployment.id,
  name: (deployment) => deployment.name,
  status: (deployment) => deployment.status,
  category: (deployment) => serviceV2StatusCategory(deployment.status),
  capabilities: (deployment) => [...powerCapabilities(deployment.status), ...(SWITCHABLE.has(deployment.status) ? ['canSwitchVersion'] : [])],
  description: (deployment) =>
    joinParts(
      readableStatus(deployment.status),
      versionText(deployment.version),
      deployment.traffic_ratio ? vscode.l10n.t('{0} of traffic', deployment.traffic_ratio) : undefined,
      deployment.pool_id ? vscode.l10n.t('dedicated pool') : undefined,
    ),
  tooltip: (deployment, _reason, flavor) =>
    fieldTooltip(deployment.name, [
      [vscode.l10n.t('ID'), deployment.id],
      [vscode.l10n.t('Status'), readableStatus(deployment.status)],
      [vscode.l10n.t('Version'), deployment.version_count ? vscode.l10n.t('{0} ({1} versions)', deployment.version ?? '', deployment.version_count) : deployment.version],
      [vscode.l10n.t('Traffic'), deployment.traffic_ratio],
      [vscode.l10n.t('Instances'), deployment.count === undefined ? undefined : vscode.l10n.t('{0} running of {1}', deployment.running_count ?? 0, deployment.count)],
      [vscode.l10n.t('Resources'), placementText(deployment, flavor)],
      [vscode.l10n.t('Image'), deployment.unit_configs?.[0]?.image?.swr_path],
    ]),
  // A public flavor's price; a dedicated pool's custom spec is paid with the pool.
  billedFlavor: (deployment) => (deployment.pool_id ? undefined : deployment.unit_configs?.[0]?.flavor),
  flavorListing: { listing: 'serviceV2', id: (deployment) => deployment.unit_configs?.[0]?.flavor },
  // The list leaves out count, running count and unit_configs (the SDK's InferDeploymentItemResponseData); a read has them.
  hoverReadsItem: true,
  listPage: async (services, scope, _pageToken, signal) => ({ items: await services.inferenceV2.deployments(scope.region, serviceOf(scope), signal) }),
  fetch: (services, scope, id, signal) => services.inferenceV2.deployment(scope.region, serviceOf(scope), id, signal),
};

/** Only a service's own read carries failure_reason (§4), not the list: the hover reads it, else the newest abnormal event. */
const serviceV2FailureReason: FailureReason<ServiceV2> = {
  stated: (service) => service.failure_reason,
  read: async (services, scope, service, signal) => {
    const latest = await services.inferenceV2.get(scope.region, service.id, signal);
    if (reasonLine(latest.failure_reason) !== undefined) {
      return latest.failure_reason;
    }
    const { events } = await services.inferenceV2.events(scope.region, service.id, signal);
    return [...events].sort((a, b) => b.create_at - a.create_at).find((event) => event.event_type === 'ABNORMAL')?.event_info;
  },
};

/** Real-time services of the v2 ("new version") inference API (§4), next to the v1 ones; each expands to its deployments. */
export const serviceV2Kind: ResourceKind<ServiceV2> = {
  contextValue: KIND_NAMES.serviceV2,
  label: vscode.l10n.t('real-time service'),
  groupLabel: vscode.l10n.t('Real-Time Services (v2)'),
  groupIcon: 'cloud',
  groupTooltip: vscode.l10n.t(
    'Real-time services of the newer inference API (v2): each holds deployments that run a container image (with model and code files from OBS) on a flavor or a dedicated pool. A deployment is started, stopped or interrupted on its own, and a service can switch between versions. Services deployed from the Models list are under Real-Time Services (v1).',
  ),
  emptyLabel: vscode.l10n.t('No real-time services (v2)'),
  id: (service) => service.id,
  name: (service) => service.name,
  status: (service) => service.status,
  category: (service) => serviceV2StatusCategory(service.status),
  refreshedWhileRunning: true,
  capabilities: (service) => [
    ...powerCapabilities(service.status),
    ...(SERVING.has(service.status) ? ['canCopyAddress'] : []),
    ...(WITH_INSTANCES.has(service.status) ? ['canLogin'] : []),
    ...(service.status !== 'DELETING' ? ['canDelete'] : []),
  ],
  description: (service) =>
    joinParts(
      readableStatus(service.status),
      versionText(serviceVersionLabel(service)),
      service.deploy_type === 'MULTI' ? vscode.l10n.t('several deployments') : undefined,
      formatAge(service.create_at),
    ),
  tooltip: (service, reason) =>
    fieldTooltip(service.name, [
      [vscode.l10n.t('Reason'), serviceV2StatusCategory(service.status) === 'failed' ? (reason ?? reasonLine(service.failure_reason)) : undefined],
      [vscode.l10n.t('ID'), service.id],
      [vscode.l10n.t('Status'), readableStatus(service.status)],
      [vscode.l10n.t('Version'), service.version_count && service.version_count > 1 ? vscode.l10n.t('{0} ({1} versions)', serviceVersionLabel(service) ?? '', service.version_count) : serviceVersionLabel(service)],
      [vscode.l10n.t('Deployments'), service.deploy_type === 'MULTI' ? vscode.l10n.t('several (MULTI)') : vscode.l10n.t('one (SINGLE)')],
      [vscode.l10n.t('Authentication'), serviceAuthType(service)],
      [vscode.l10n.t('Created'), formatTimestamp(service.create_at)],
      [vscode.l10n.t('Updated'), formatTimestamp(service.update_at)],
      [vscode.l10n.t('Description'), serviceDescription(service)],
    ]),
  failureReason: serviceV2FailureReason,
  // The list's `status` parameter takes one status while a category may span several (FAILED, ERROR): each page is filtered instead.
  statusFilter: { statuses: SERVICE_V2_STATUSES, categoryOf: serviceV2StatusCategory },
  listPage: (services, scope, pageToken, signal) => services.inferenceV2.list(scope, pageToken, signal),
  fetch: (services, scope, id, signal) => services.inferenceV2.get(scope.region, id, signal),
  childKinds: [deploymentV2Kind] as readonly ResourceKind<unknown>[],
};
