import * as vscode from 'vscode';
import type { ModelArtsServices } from '../../services';
import type { DevServer, Hyperinstance } from '../../services/devServers';
import { collectPages, type Page } from '../../services/paging';
import { DEV_SERVER_STATUSES, devServerStatusCategory, hyperinstanceStatusCategory } from '../../services/status';
import { fieldTooltip, formatAge, formatTimestamp, joinParts, readableStatus, shortFlavor } from '../format';
import { type ListScope, parentOf, type ResourceKind } from '../resourceKind';
import { devServerPublicIpKind, devServerVolumeKind } from './liteServerAttachmentKinds';

/** The Lite Servers category's scope: whether it lists every user's servers (`/dev-servers/all`) or the caller's. */
export interface LiteServerListScope extends ListScope {
  readonly allUsers: boolean;
}

const listsAllUsers = (scope: ListScope): boolean => 'allUsers' in scope && scope.allUsers === true;

/**
 * Servers the tenant-wide list showed that the caller's own list does not. The server object names
 * no owner (§7.3), so comparing the two lists is how the tree tells another user's servers apart;
 * kept by id, which stays true for a server's lifetime and survives every refresh of it.
 */
const otherUsersServers = new Set<string>();

/** At most this many own servers are compared against the tenant-wide list. */
const OWN_SERVERS_LIMIT = 1024;

async function listAllUsersServers(services: ModelArtsServices, region: string, pageToken: string | undefined, signal?: AbortSignal): Promise<Page<DevServer>> {
  const [page, own] = await Promise.all([
    services.devServers.list(region, pageToken, signal, 'all'),
    collectPages((token, pageSignal) => services.devServers.list(region, token, pageSignal), OWN_SERVERS_LIMIT, signal),
  ]);
  const ownIds = new Set(own.map((server) => server.id));
  page.items.filter((server) => !ownIds.has(server.id)).forEach((server) => otherUsersServers.add(server.id));
  return page;
}

/** The changes of OS, disks and EIPs wait for a server at rest (uncertain: the reference lists the statuses, not the allowed transitions). */
const AT_REST = ['RUNNING', 'STOPPED'];

export const devServerKind: ResourceKind<DevServer> = {
  contextValue: 'devServer',
  perRegion: true,
  label: vscode.l10n.t('Lite Server'),
  groupLabel: vscode.l10n.t('Lite Servers'),
  groupIcon: 'server-process',
  emptyLabel: vscode.l10n.t('No Lite Servers'),
  id: (server) => server.id,
  name: (server) => server.name,
  status: (server) => server.status,
  category: (server) => devServerStatusCategory(server.status),
  refreshedWhileRunning: true,
  capabilities: (server) => {
    const capabilities: string[] = [];
    // Every server takes SSH (with its key pair or its password) at its EIP or private address: see devServerSsh.ts.
    if (['STOPPED', 'START_FAILED'].includes(server.status)) {
      capabilities.push('canStart', 'canStartAndSsh');
    }
    if (server.status === 'RUNNING') {
      capabilities.push('canStop', 'canReboot', 'canSsh');
    }
    if (!['DELETING', 'DELETED'].includes(server.status)) {
      capabilities.push('canDelete');
    }
    if ([...AT_REST, 'CHANGINGOS_FAILED', 'REINSTALLINGOS_FAILED'].includes(server.status)) {
      capabilities.push('canChangeOs');
    }
    if (AT_REST.includes(server.status)) {
      capabilities.push('canAttach');
    }
    return capabilities;
  },
  description: (server) =>
    joinParts(readableStatus(server.status), shortFlavor(server.flavor), formatAge(server.create_at), otherUsersServers.has(server.id) ? vscode.l10n.t('other user') : undefined),
  tooltip: (server, _reason, flavor) =>
    fieldTooltip(server.name, [
      [vscode.l10n.t('ID'), server.id],
      [vscode.l10n.t('Status'), readableStatus(server.status)],
      [vscode.l10n.t('Flavor'), flavor ?? server.flavor],
      [vscode.l10n.t('Type'), joinParts(server.cloud_server?.type, server.category)],
      [vscode.l10n.t('Image'), joinParts(server.image?.name, server.image?.arch)],
      [vscode.l10n.t('Key pair'), server.key_pair_name],
      [vscode.l10n.t('Volumes'), volumeSummary(server)],
      [vscode.l10n.t('Billing'), server.charging_mode],
      [vscode.l10n.t('Owner'), otherUsersServers.has(server.id) ? vscode.l10n.t('another IAM user of the account') : undefined],
      [vscode.l10n.t('Created'), formatTimestamp(server.create_at)],
    ]),
  // An hourly price only for a pay-per-use server: a yearly or monthly one is paid for ahead (charging_mode, §7.3).
  billedFlavor: (server) => (server.charging_mode === 'POST_PAID' ? server.flavor : undefined),
  flavorListing: { listing: 'liteServer', id: (server) => server.flavor },
  // No failureReason: the server object carries none (§7.3, the SDK's ShowDevServerResponse); only an operation's answer does.
  // The list takes no status parameter: each page is filtered as it arrives.
  statusFilter: { statuses: DEV_SERVER_STATUSES, categoryOf: devServerStatusCategory },
  listPage: (services, scope, pageToken, signal) =>
    listsAllUsers(scope) ? listAllUsersServers(services, scope.region, pageToken, signal) : services.devServers.list(scope.region, pageToken, signal),
  fetch: (services, scope, id, signal) => services.devServers.get(scope.region, id, signal),
  childKinds: [devServerVolumeKind, devServerPublicIpKind] as readonly ResourceKind<unknown>[],
};

/** The servers of a hyperinstance: they are listed only inside it (§7.1), and removed from it by scaling it down. */
export const hyperinstanceServerKind: ResourceKind<DevServer> = {
  ...devServerKind,
  contextValue: 'hyperinstanceServer',
  label: vscode.l10n.t('hyperinstance server'),
  groupLabel: vscode.l10n.t('Servers'),
  groupIcon: 'server',
  emptyLabel: vscode.l10n.t('No servers'),
  statusFilter: undefined,
  // The reference does not say which servers scale-down takes; assumed not those in the middle of a change.
  capabilities: (server) => (devServerStatusCategory(server.status) === 'transitional' ? [] : ['canRemove']),
  listPage: async (services, scope, _pageToken, signal) => ({ items: (await services.devServers.getHyperinstance(scope.region, parentOf(scope, 'hyperinstance'), signal)).servers ?? [] }),
};

/** "200 GB system · 2 data (2048 GB)": the server's volumes at a glance; its Volumes category lists each. */
function volumeSummary(server: DevServer): string {
  const volumes = server.volumes ?? [];
  const system = volumes.find((volume) => volume.type === 'ROOT');
  const data = volumes.filter((volume) => volume.type === 'DATA');
  const dataGb = data.reduce((sum, volume) => sum + (volume.size ?? 0), 0);
  return joinParts(system ? vscode.l10n.t('{0} GB system', system.size ?? 0) : undefined, data.length > 0 ? vscode.l10n.t('{0} data ({1} GB)', data.length, dataGb) : undefined);
}

export const hyperinstanceKind: ResourceKind<Hyperinstance> = {
  contextValue: 'hyperinstance',
  perRegion: true,
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
      [vscode.l10n.t('Status'), readableStatus(instance.status)],
      [vscode.l10n.t('Servers'), instance.servers?.length],
      [vscode.l10n.t('Hyper cluster'), instance.hps_cluster_id],
      [vscode.l10n.t('Created'), formatTimestamp(instance.create_at)],
    ]),
  listPage: (services, scope, pageToken, signal) => services.devServers.listHyperinstances(scope.region, pageToken, signal),
  fetch: (services, scope, id, signal) => services.devServers.getHyperinstance(scope.region, id, signal),
  childKinds: [hyperinstanceServerKind] as readonly ResourceKind<unknown>[],
};
