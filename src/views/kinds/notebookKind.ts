import * as vscode from 'vscode';
import type { Notebook } from '../../services/notebooks';
import { notebookStatusCategory } from '../../services/status';
import { fieldTooltip, formatAge, formatTimestamp, joinParts, readableStatus, shortFlavor } from '../format';
import type { ResourceKind } from '../resourceKind';

/** Start is possible from these states (a failed start may be retried). */
const STARTABLE = new Set(['STOPPED', 'START_FAILED']);
const STOPPABLE = new Set(['RUNNING', 'STARTING']);
const UNDELETABLE = new Set(['DELETING', 'DELETED']);

export const notebookKind: ResourceKind<Notebook> = {
  contextValue: 'notebook',
  label: vscode.l10n.t('notebook'),
  groupLabel: vscode.l10n.t('Notebooks'),
  groupIcon: 'notebook',
  emptyLabel: vscode.l10n.t('No notebooks'),
  id: (notebook) => notebook.id,
  name: (notebook) => notebook.name,
  status: (notebook) => notebook.status,
  category: (notebook) => notebookStatusCategory(notebook.status),
  capabilities: (notebook) => {
    const capabilities: string[] = [];
    if (STARTABLE.has(notebook.status)) {
      capabilities.push('canStart');
    }
    if (STOPPABLE.has(notebook.status)) {
      capabilities.push('canStop');
    }
    if (notebook.status === 'RUNNING' && notebook.url) {
      capabilities.push('canOpen');
    }
    if (!UNDELETABLE.has(notebook.status)) {
      capabilities.push('canDelete');
    }
    return capabilities;
  },
  description: (notebook) => joinParts(readableStatus(notebook.status), shortFlavor(notebook.flavor), formatAge(notebook.create_at)),
  tooltip: (notebook) =>
    fieldTooltip(notebook.name, [
      [vscode.l10n.t('ID'), notebook.id],
      [vscode.l10n.t('Status'), notebook.status],
      [vscode.l10n.t('Flavor'), notebook.flavor],
      [vscode.l10n.t('Image'), notebook.image ? joinParts(notebook.image.name, notebook.image.tag) : undefined],
      [vscode.l10n.t('Storage'), notebook.volume ? joinParts(notebook.volume.category, notebook.volume.capacity ? `${notebook.volume.capacity} GB` : undefined) : undefined],
      [vscode.l10n.t('Created'), formatTimestamp(notebook.create_at)],
      [vscode.l10n.t('Failure'), notebook.fail_reason],
    ]),
  listPage: (services, scope, pageToken, signal) => services.notebooks.list(scope, pageToken, {}, signal),
  fetch: (services, scope, id, signal) => services.notebooks.get(scope.region, id, signal),
};
