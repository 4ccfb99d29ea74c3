import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { readableStatus } from '../views/format';
import { poolKind } from '../views/kinds/poolKinds';
import { withCapability } from '../views/resourceKind';
import { createNotebookForm, createPoolForm, createTrainingJobForm, editPoolForm } from '../webviews/createForms';
import type { CreateForm } from '../webviews/createResourcePanel';
import { type DetailsPresenter, notebookDetails, poolDetails, trainingJobDetails } from '../webviews/detailsPresenters';
import { emptyNotebookForm, emptyTrainingJobForm, notebookToFormValues, trainingJobToFormValues } from '../webviews/formRules';
import { panels } from '../webviews/panels';
import { emptyPoolForm } from '../webviews/poolFormRules';
import { type CommandContext, registerCommand } from './commandContext';
import { withProgress } from './progress';
import { requireServices, resolveFormScope, resolveTarget } from './resourceTarget';

/** Create, Create Similar, Edit and Show Details: the commands that open panels. Each returns its panel. */
export function registerWebviewCommands(context: CommandContext): vscode.Disposable[] {
  return [
    ...panelCommands(context, 'modelarts.notebook', createNotebookForm, emptyNotebookForm, notebookToFormValues, notebookDetails),
    ...panelCommands(context, 'modelarts.trainingJob', createTrainingJobForm, emptyTrainingJobForm, trainingJobToFormValues, trainingJobDetails),
    registerCommand(context, 'modelarts.pool.create', async (node) => {
      const scope = await resolveFormScope(context, node);
      return new (await panels()).CreateResourcePanel(context, createPoolForm, scope.region, emptyPoolForm(scope.workspaceId));
    }),
    registerCommand(context, 'modelarts.pool.edit', async (node) => {
      const target = await resolveTarget(context, poolKind, node, withCapability(poolKind, 'canEdit'));
      const services = requireServices(context);
      const name = poolKind.name(target.item);
      // The form starts from the pool as it is now, not as the tree last saw it.
      const latest = await withProgress(vscode.l10n.t('Loading {0} "{1}"…', poolKind.label, name), (signal) =>
        poolKind.fetch(services, target.scope, poolKind.id(target.item), signal),
      );
      if (!poolKind.capabilities(latest).includes('canEdit')) {
        throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Resource pool "{0}" is {1}; it can be edited once it is Running.', name, readableStatus(poolKind.status(latest))), 'config');
      }
      return (await panels()).EditResourcePanel.show(context, editPoolForm, { ...target, item: latest });
    }),
    registerCommand(context, 'modelarts.pool.showDetails', async (node) => (await panels()).DetailsPanel.show(context, poolDetails, await resolveTarget(context, poolKind, node))),
  ];
}

function panelCommands<Values extends { readonly workspaceId: string; readonly name: string }, T>(
  context: CommandContext,
  prefix: string,
  form: CreateForm<Values, T>,
  emptyValues: (workspaceId: string) => Values,
  similarValues: (item: T, workspaceId: string) => Values,
  details: DetailsPresenter<T>,
): vscode.Disposable[] {
  return [
    registerCommand(context, `${prefix}.create`, async (node) => {
      const scope = await resolveFormScope(context, node);
      return new (await panels()).CreateResourcePanel(context, form, scope.region, emptyValues(scope.workspaceId));
    }),
    registerCommand(context, `${prefix}.createSimilar`, async (node) => {
      const target = await resolveTarget(context, form.kind, node);
      return new (await panels()).CreateResourcePanel(context, form, target.scope.region, similarValues(target.item, target.scope.workspaceId));
    }),
    registerCommand(context, `${prefix}.showDetails`, async (node) => (await panels()).DetailsPanel.show(context, details, await resolveTarget(context, form.kind, node))),
  ];
}
