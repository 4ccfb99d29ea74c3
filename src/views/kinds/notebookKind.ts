import * as vscode from 'vscode';
import type { Notebook } from '../../services/notebooks';
import { sshEndpointOf } from '../../services/notebookSsh';
import { NOTEBOOK_STATUSES, notebookStatusCategory } from '../../services/status';
import { type FailureReason, reasonLine } from '../failureReason';
import { fieldTooltip, formatAge, formatTimestamp, joinParts, readableStatus, shortFlavor } from '../format';
import { KIND_NAMES } from '../kindNames';
import type { ResourceKind } from '../resourceKind';
import { autoStopDescription, leaseText } from './notebookLease';
import { notebookStorageKind } from './notebookStorageKind';

/** Start is possible from these states (a failed start may be retried). */
const STARTABLE = new Set(['STOPPED', 'START_FAILED']);
const STOPPABLE = new Set(['RUNNING', 'STARTING']);
const UNDELETABLE = new Set(['DELETING', 'DELETED']);
/** What only a running notebook does: save its image, mount storage, run longer (§1.1). */
const WHILE_RUNNING = ['canSaveImage', 'canMount', 'canRenewLease'];

/** A failed notebook says why (§1.4 fail_reason), or which step of its creation or start failed. */
const notebookFailureReason: FailureReason<Notebook> = {
  stated: (notebook) => notebook.fail_reason ?? notebook.action_progress?.find((step) => step.status === 'FAILED')?.description,
};

/** "ma-user@host:port · key pair KeyPair-demo", when SSH is enabled. */
export function sshText(notebook: Notebook): string | undefined {
  const endpoint = sshEndpointOf(notebook);
  return endpoint && joinParts(`${endpoint.host}:${endpoint.port}`, endpoint.keyPairNames.length > 0 ? vscode.l10n.t('key pair {0}', endpoint.keyPairNames.join(', ')) : undefined);
}

export const notebookKind: ResourceKind<Notebook> = {
  contextValue: KIND_NAMES.notebook,
  label: vscode.l10n.t('notebook'),
  groupLabel: vscode.l10n.t('Notebooks'),
  groupIcon: 'notebook',
  emptyLabel: vscode.l10n.t('No notebooks'),
  id: (notebook) => notebook.id,
  name: (notebook) => notebook.name,
  status: (notebook) => notebook.status,
  category: (notebook) => notebookStatusCategory(notebook.status),
  refreshedWhileRunning: true,
  billedFlavor: (notebook) => notebook.flavor,
  flavorListing: { listing: 'notebook', id: (notebook) => notebook.flavor },
  capabilities: (notebook) => {
    const capabilities: string[] = [];
    if (STARTABLE.has(notebook.status)) {
      capabilities.push('canStart');
      // A stopped notebook still names its SSH endpoint (the emulator keeps it; the reference does not say it is
      // dropped): Start and Connect checks it again once the notebook runs.
      if (sshEndpointOf(notebook)) {
        capabilities.push('canStartAndSsh');
      }
    }
    if (STOPPABLE.has(notebook.status)) {
      capabilities.push('canStop');
    }
    if (notebook.status === 'RUNNING') {
      capabilities.push(...WHILE_RUNNING);
      if (notebook.url) {
        capabilities.push('canOpen');
      }
      if (sshEndpointOf(notebook)) {
        capabilities.push('canSsh');
      }
    }
    // §1.1: a flavor changes only while the notebook is stopped.
    if (notebook.status === 'STOPPED') {
      capabilities.push('canChangeFlavor');
    }
    if (!UNDELETABLE.has(notebook.status)) {
      capabilities.push('canDelete');
    }
    return capabilities;
  },
  description: (notebook) => joinParts(readableStatus(notebook.status), autoStopDescription(notebook), shortFlavor(notebook.flavor), formatAge(notebook.create_at)),
  tooltip: (notebook, _reason, flavor) =>
    fieldTooltip(notebook.name, [
      [vscode.l10n.t('Reason'), notebookStatusCategory(notebook.status) === 'failed' ? reasonLine(notebookFailureReason.stated(notebook)) : undefined],
      [vscode.l10n.t('ID'), notebook.id],
      [vscode.l10n.t('Status'), readableStatus(notebook.status)],
      [vscode.l10n.t('Flavor'), flavor ?? notebook.flavor],
      [vscode.l10n.t('Image'), notebook.image ? joinParts(notebook.image.name, notebook.image.tag) : undefined],
      [vscode.l10n.t('Storage'), notebook.volume ? joinParts(notebook.volume.category, notebook.volume.capacity ? `${notebook.volume.capacity} GB` : undefined) : undefined],
      [vscode.l10n.t('Auto-stop'), leaseText(notebook)],
      [vscode.l10n.t('SSH'), sshText(notebook)],
      [vscode.l10n.t('Created'), formatTimestamp(notebook.create_at)],
    ]),
  failureReason: notebookFailureReason,
  // The list's `status` parameter takes one status while a category spans several (Failed: CREATE_FAILED, START_FAILED…):
  // the category filters each page it lists instead.
  statusFilter: { statuses: NOTEBOOK_STATUSES, categoryOf: notebookStatusCategory },
  listPage: (services, scope, pageToken, signal) => services.notebooks.list(scope, pageToken, {}, signal),
  fetch: (services, scope, id, signal) => services.notebooks.get(scope.region, id, signal),
  childKinds: [notebookStorageKind] as readonly ResourceKind<unknown>[],
};
