import * as vscode from 'vscode';
import type { Model } from '../../services/models';
import { modelStatusCategory } from '../../services/status';
import { fieldTooltip, formatAge, formatSize, formatTimestamp, joinParts, readableStatus } from '../format';
import type { ResourceKind } from '../resourceKind';

/** Where a model comes from: the user's own, or subscribed from AI Gallery (`market_flag`). */
export function modelOrigin(model: Model): string {
  return model.market_flag ? vscode.l10n.t('AI Gallery subscription') : vscode.l10n.t('custom');
}

/** Models ("AI applications", §3) of a workspace: what real-time services deploy. */
export const modelKind: ResourceKind<Model> = {
  contextValue: 'model',
  label: vscode.l10n.t('model'),
  groupLabel: vscode.l10n.t('Models'),
  groupIcon: 'package',
  emptyLabel: vscode.l10n.t('No models'),
  id: (model) => model.model_id,
  // Versions of a model are separate models: the version tells them apart.
  name: (model) => `${model.model_name} ${model.model_version}`,
  status: (model) => model.model_status,
  category: (model) => modelStatusCategory(model.model_status),
  capabilities: (model) => (model.model_status === 'published' ? ['canDeploy'] : []),
  description: (model) => joinParts(readableStatus(model.model_status), model.model_type, model.market_flag ? vscode.l10n.t('AI Gallery') : undefined, formatSize(model.model_size), formatAge(model.create_at)),
  tooltip: (model) =>
    fieldTooltip(`${model.model_name} ${model.model_version}`, [
      [vscode.l10n.t('ID'), model.model_id],
      [vscode.l10n.t('Status'), readableStatus(model.model_status)],
      [vscode.l10n.t('Type'), model.model_type],
      [vscode.l10n.t('Origin'), modelOrigin(model)],
      [vscode.l10n.t('Size'), formatSize(model.model_size)],
      [vscode.l10n.t('Created'), formatTimestamp(model.create_at)],
      [vscode.l10n.t('Description'), model.description],
    ]),
  listPage: (services, scope, pageToken, signal) => services.models.list(scope, pageToken, {}, signal),
  fetch: (services, scope, id, signal) => services.models.get(scope.region, id, signal),
};
