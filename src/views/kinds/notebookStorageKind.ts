import * as vscode from 'vscode';
import type { NotebookStorage } from '../../services/notebookStorage';
import { notebookStorageStatusCategory } from '../../services/status';
import { fieldTooltip, joinParts, readableStatus } from '../format';
import { parentOf, type ResourceKind } from '../resourceKind';

/** A mount that works, or failed to, can be removed; one being mounted or unmounted waits. */
const DETACHABLE = new Set(['MOUNTED', 'MOUNT_FAILED', 'UNMOUNT_FAILED']);

/** "obs://bucket/folder/" or "SFS Turbo 280a…": what is mounted. */
export function storageSource(storage: NotebookStorage): string {
  return storage.category === 'EFS' ? vscode.l10n.t('SFS Turbo {0}', storage.efs_id ?? storage.uri ?? '') : (storage.uri ?? '');
}

/** OBS folders and SFS Turbo file systems mounted under /data/ of a notebook (§1.5 dynamic storage). */
export const notebookStorageKind: ResourceKind<NotebookStorage> = {
  contextValue: 'notebookStorage',
  label: vscode.l10n.t('mounted storage'),
  groupLabel: vscode.l10n.t('Mounted Storage'),
  groupIcon: 'database',
  emptyLabel: vscode.l10n.t('No storage mounted'),
  id: (storage) => storage.id,
  name: (storage) => storage.mount_path,
  status: (storage) => storage.status,
  category: (storage) => notebookStorageStatusCategory(storage.status),
  capabilities: (storage) => (DETACHABLE.has(storage.status) ? ['canDetach'] : []),
  description: (storage) => joinParts(readableStatus(storage.status), storageSource(storage)),
  tooltip: (storage) =>
    fieldTooltip(storage.mount_path, [
      [vscode.l10n.t('Mounted from'), storageSource(storage)],
      [vscode.l10n.t('Type'), storage.category],
      [vscode.l10n.t('Status'), readableStatus(storage.status)],
      [vscode.l10n.t('Failure'), storage.failure_reason],
      [vscode.l10n.t('ID'), storage.id],
    ]),
  listPage: (services, scope, _pageToken, signal) => services.notebookStorage.list(scope.region, parentOf(scope, 'notebook'), signal),
  fetch: (services, scope, id, signal) => services.notebookStorage.get(scope.region, parentOf(scope, 'notebook'), id, signal),
};
