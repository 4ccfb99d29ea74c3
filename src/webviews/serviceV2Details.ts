import * as vscode from 'vscode';
import { accessAddresses, instanceGroups, type ServiceV2, serviceAuthType, serviceDescription, type ServiceV2Limit, serviceVersionLabel } from '../services/inferenceV2';
import { serviceRegion } from '../services/serviceRegion';
import { formatTimestamp, joinParts, readableStatus } from '../views/format';
import { placementText, serviceV2Kind } from '../views/kinds/serviceV2Kind';
import type { ResourceKind } from '../views/resourceKind';
import { type DetailsPresenter, field, withCommonActions } from './detailsPresenters';
import type { DetailsField, DetailsStep } from './protocol';

/** What a change under way leads to, as steps. */
const CHANGES: Readonly<Record<string, readonly [string, string]>> = {
  DEPLOYING: ['DEPLOYING', 'RUNNING'],
  UPGRADING: ['UPGRADING', 'RUNNING'],
  STOPPING: ['STOPPING', 'STOPPED'],
  INTERRUPTING: ['INTERRUPTING', 'STOPPED'],
};

/** Each deployment: its state, version, resources and traffic, its image, and its environment variables by name only. */
function deploymentFields(service: ServiceV2): DetailsField[] {
  return instanceGroups(service).flatMap((group) => [
    ...field(
      vscode.l10n.t('Deployment {0}', group.name),
      joinParts(readableStatus(group.status), group.version ? `v${group.version}` : undefined, placementText(group), group.traffic_ratio ? vscode.l10n.t('{0} of traffic', group.traffic_ratio) : undefined),
    ),
    ...field(vscode.l10n.t('Image ({0})', group.name), group.unit_configs?.[0]?.image?.swr_path),
    // Names only: values may be secrets, and the JSON view shows them on purpose.
    ...field(vscode.l10n.t('Environment variables ({0})', group.name), Object.keys(group.unit_configs?.[0]?.envs ?? {}).join(', ')),
  ]);
}

/** "100 calls a second, 12 MB a request, 60 s timeout": what the service lets through. */
function limitsText(limit: Partial<ServiceV2Limit> | undefined): string | undefined {
  const rate = limit?.rate_limit;
  return joinParts(
    rate ? (rate.unit === 'MINUTES' ? vscode.l10n.t('{0} calls a minute', rate.num) : vscode.l10n.t('{0} calls a second', rate.num)) : undefined,
    limit?.request_size_limit === undefined ? undefined : vscode.l10n.t('{0} MB a request', limit.request_size_limit),
    limit?.request_timeout === undefined ? undefined : vscode.l10n.t('{0} s timeout', limit.request_timeout),
  );
}

function versionText(service: ServiceV2): string | undefined {
  const label = serviceVersionLabel(service);
  const count = instanceGroups(service)[0]?.version_count ?? service.version_count;
  return label && count && count > 1 ? vscode.l10n.t('{0} ({1} versions)', label, count) : label;
}

export const serviceV2Details: DetailsPresenter<ServiceV2> = {
  kind: serviceV2Kind,
  commandPrefix: 'modelarts.serviceV2',
  fields: (service) => {
    const runtime = typeof service.version === 'object' ? service.version.runtime_config : undefined;
    const invoke = runtime?.service_invoke;
    return [
      ...field(vscode.l10n.t('ID'), service.id),
      ...field(vscode.l10n.t('Access address'), accessAddresses(service)[0]),
      ...field(vscode.l10n.t('Region (from its address)'), serviceRegion(service)?.region),
      ...field(vscode.l10n.t('Version'), versionText(service)),
      ...field(vscode.l10n.t('Deployments'), service.deploy_type === 'MULTI' ? vscode.l10n.t('several, sharing the traffic (MULTI)') : vscode.l10n.t('one (SINGLE)')),
      ...deploymentFields(service),
      ...field(vscode.l10n.t('Calls'), joinParts(invoke?.protocol, invoke?.port === undefined ? undefined : vscode.l10n.t('port {0}', invoke.port), serviceAuthType(service))),
      ...field(vscode.l10n.t('Limits'), limitsText(runtime?.service_limit)),
      ...field(vscode.l10n.t('Type'), service.type),
      ...field(vscode.l10n.t('Created'), formatTimestamp(service.create_at)),
      ...field(vscode.l10n.t('Updated'), formatTimestamp(service.update_at)),
      ...field(vscode.l10n.t('Description'), serviceDescription(service)),
    ];
  },
  steps: (service): DetailsStep[] => {
    const change = CHANGES[service.status];
    if (change) {
      return [
        { label: readableStatus(change[0]), state: 'active' },
        { label: readableStatus(change[1]), state: 'waiting' },
      ];
    }
    return service.status === 'INIT' ? [{ label: vscode.l10n.t('Waiting for a deployment to be added'), state: 'waiting' }] : [];
  },
  actions: (service) =>
    withCommonActions(serviceV2Kind as ResourceKind<unknown>, service, [
      ['start', 'canStart'],
      ['stop', 'canStop'],
      ['interrupt', 'canInterrupt'],
      ['copyAccessAddress', 'canCopyAddress'],
      ['viewEvents', undefined],
      ['showExecLoginInfo', 'canLogin'],
    ]),
};
