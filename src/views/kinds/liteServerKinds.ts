import * as vscode from 'vscode';
import type { DevServer, Hyperinstance } from '../../services/devServers';
import { devServerStatusCategory, hyperinstanceStatusCategory } from '../../services/status';
import { fieldTooltip, formatAge, formatTimestamp, joinParts, readableStatus, shortFlavor } from '../format';
import { parentOf, type ResourceKind } from '../resourceKind';

export const devServerKind: ResourceKind<DevServer> = {
  contextValue: 'devServer',
  label: vscode.l10n.t('Lite Server'),
  groupLabel: vscode.l10n.t('Lite Servers'),
  groupIcon: 'server-process',
  emptyLabel: vscode.l10n.t('No Lite Servers'),
  id: (server) => server.id,
  name: (server) => server.name,
  status: (server) => server.status,
  category: (server) => devServerStatusCategory(server.status),
  capabilities: (server) => {
    const capabilities: string[] = [];
    if (['STOPPED', 'START_FAILED'].includes(server.status)) {
      capabilities.push('canStart');
    }
    if (server.status === 'RUNNING') {
      capabilities.push('canStop', 'canReboot');
    }
    if (!['DELETING', 'DELETED'].includes(server.status)) {
      capabilities.push('canDelete');
    }
    return capabilities;
  },
  description: (server) => joinParts(readableStatus(server.status), shortFlavor(server.flavor), formatAge(server.create_at)),
  tooltip: (server) =>
    fieldTooltip(server.name, [
      [vscode.l10n.t('ID'), server.id],
      [vscode.l10n.t('Status'), server.status],
      [vscode.l10n.t('Flavor'), server.flavor],
      [vscode.l10n.t('Type'), joinParts(server.cloud_server?.type, server.category)],
      [vscode.l10n.t('Image'), joinParts(server.image?.name, server.image?.arch)],
      [vscode.l10n.t('Key pair'), server.key_pair_name],
      [vscode.l10n.t('Billing'), server.charging_mode],
      [vscode.l10n.t('Created'), formatTimestamp(server.create_at)],
    ]),
  listPage: (services, scope, pageToken, signal) => services.devServers.list(scope.region, pageToken, signal),
  fetch: (services, scope, id, signal) => services.devServers.get(scope.region, id, signal),
};

/** The servers of a hyperinstance: they are listed only inside it (§7.1), and removed from it by scaling it down. */
export const hyperinstanceServerKind: ResourceKind<DevServer> = {
  ...devServerKind,
  contextValue: 'hyperinstanceServer',
  label: vscode.l10n.t('hyperinstance server'),
  groupLabel: vscode.l10n.t('Servers'),
  groupIcon: 'server',
  emptyLabel: vscode.l10n.t('No servers'),
  // The reference does not say which servers scale-down takes; assumed not those in the middle of a change.
  capabilities: (server) => (devServerStatusCategory(server.status) === 'transitional' ? [] : ['canRemove']),
  listPage: async (services, scope, _pageToken, signal) => ({ items: (await services.devServers.getHyperinstance(scope.region, parentOf(scope, 'hyperinstance'), signal)).servers ?? [] }),
};

export const hyperinstanceKind: ResourceKind<Hyperinstance> = {
  contextValue: 'hyperinstance',
  label: vscode.l10n.t('hyperinstance'),
  groupLabel: vscode.l10n.t('Hyperinstances'),
  groupIcon: 'server-environment',
  emptyLabel: vscode.l10n.t('No hyperinstances'),
  id: (instance) => instance.id,
  name: (instance) => instance.name,
  status: (instance) => instance.status,
  category: (instance) => hyperinstanceStatusCategory(instance.status),
  // The reference names no stopped state (§7.3): a running one can be stopped, a failed one started again.
  capabilities: (instance) => (instance.status === 'ACTIVE' ? ['canStop', 'canScale'] : instance.status === 'ERROR' ? ['canStart'] : []),
  description: (instance) => joinParts(readableStatus(instance.status), vscode.l10n.t('{0} servers', instance.servers?.length ?? 0), formatAge(instance.create_at)),
  tooltip: (instance) =>
    fieldTooltip(instance.name, [
      [vscode.l10n.t('ID'), instance.id],
      [vscode.l10n.t('Status'), instance.status],
      [vscode.l10n.t('Servers'), instance.servers?.length],
      [vscode.l10n.t('Hyper cluster'), instance.hps_cluster_id],
      [vscode.l10n.t('Created'), formatTimestamp(instance.create_at)],
    ]),
  listPage: (services, scope, pageToken, signal) => services.devServers.listHyperinstances(scope.region, pageToken, signal),
  fetch: (services, scope, id, signal) => services.devServers.getHyperinstance(scope.region, id, signal),
  childKinds: [hyperinstanceServerKind] as readonly ResourceKind<unknown>[],
};
