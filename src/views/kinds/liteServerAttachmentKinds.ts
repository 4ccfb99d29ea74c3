import * as vscode from 'vscode';
import type { PublicIp } from '../../services/devServerOperations';
import type { DevServer } from '../../services/devServers';
import { LocalErrorCode, ModelArtsError } from '../../services/errors';
import { fieldTooltip, joinParts } from '../format';
import type { ListScope, ResourceKind } from '../resourceKind';

export type DevServerVolume = NonNullable<DevServer['volumes']>[number];

/** The Lite Server a disk or an EIP belongs to: the scope's parent (set by the server's node in the tree). */
export function serverOf(scope: ListScope): string {
  if (!scope.parentId) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, 'no Lite Server was given for its disks or EIPs', 'config');
  }
  return scope.parentId;
}

function notListed(what: string, id: string): ModelArtsError {
  return new ModelArtsError('NotFound', `${what} ${id} is no longer listed`, 'service', undefined, 404);
}

export const isSystemDisk = (volume: DevServerVolume): boolean => volume.type === 'ROOT';

/**
 * A disk of a Lite Server, from the server object's `volumes` (§7.3). Disks have no status of their
 * own: an attached disk is in use, so it shows as running.
 */
export const devServerVolumeKind: ResourceKind<DevServerVolume> = {
  contextValue: 'devServerVolume',
  label: vscode.l10n.t('volume'),
  groupLabel: vscode.l10n.t('Volumes'),
  groupIcon: 'database',
  emptyLabel: vscode.l10n.t('No volumes'),
  id: (volume) => volume.evs_id ?? '',
  name: (volume) => volume.evs_id ?? '',
  status: (volume) => volume.type ?? '',
  category: () => 'running',
  // The system disk cannot be detached.
  capabilities: (volume) => (isSystemDisk(volume) ? [] : ['canDetach']),
  description: (volume) => joinParts(isSystemDisk(volume) ? vscode.l10n.t('System disk') : vscode.l10n.t('Data disk'), volume.size === undefined ? undefined : `${volume.size} GB`, volume.evs_type),
  tooltip: (volume) =>
    fieldTooltip(volume.evs_id ?? '', [
      [vscode.l10n.t('EVS disk ID'), volume.evs_id],
      [vscode.l10n.t('Use'), isSystemDisk(volume) ? vscode.l10n.t('System disk') : vscode.l10n.t('Data disk')],
      [vscode.l10n.t('Size'), volume.size === undefined ? undefined : `${volume.size} GB`],
      [vscode.l10n.t('Disk type'), volume.evs_type],
    ]),
  listPage: async (services, scope, _pageToken, signal) => ({ items: (await services.devServers.get(scope.region, serverOf(scope), signal)).volumes ?? [] }),
  fetch: async (services, scope, id, signal) => {
    const volume = (await services.devServers.get(scope.region, serverOf(scope), signal)).volumes?.find((candidate) => candidate.evs_id === id);
    if (!volume) {
      throw notListed('volume', id);
    }
    return volume;
  },
};

/** An elastic IP bound to a Lite Server (`GET …/{id}/publicips`); bound means in use. */
export const devServerPublicIpKind: ResourceKind<PublicIp> = {
  contextValue: 'devServerPublicIp',
  label: vscode.l10n.t('public IP'),
  groupLabel: vscode.l10n.t('Public IPs'),
  groupIcon: 'globe',
  emptyLabel: vscode.l10n.t('No public IP'),
  id: (eip) => eip.id,
  name: (eip) => eip.address ?? eip.id,
  status: () => 'bound',
  category: () => 'running',
  capabilities: () => [],
  description: (eip) => (eip.address ? eip.id : ''),
  tooltip: (eip) =>
    fieldTooltip(eip.address ?? eip.id, [
      [vscode.l10n.t('Address'), eip.address],
      [vscode.l10n.t('EIP ID'), eip.id],
    ]),
  listPage: async (services, scope, _pageToken, signal) => ({ items: await services.devServerOperations.listPublicIps(scope.region, serverOf(scope), signal) }),
  fetch: async (services, scope, id, signal) => {
    const eip = (await services.devServerOperations.listPublicIps(scope.region, serverOf(scope), signal)).find((candidate) => candidate.id === id);
    if (!eip) {
      throw notListed('public IP', id);
    }
    return eip;
  },
};
