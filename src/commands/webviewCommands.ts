import type * as vscode from 'vscode';
import { createNotebookForm, createPoolForm, createTrainingJobForm } from '../webviews/createForms';
import { type CreateForm, CreateResourcePanel } from '../webviews/createResourcePanel';
import { DetailsPanel } from '../webviews/detailsPanel';
import { type DetailsPresenter, notebookDetails, trainingJobDetails } from '../webviews/detailsPresenters';
import { emptyNotebookForm, emptyTrainingJobForm, notebookToFormValues, trainingJobToFormValues } from '../webviews/formRules';
import { emptyPoolForm } from '../webviews/poolFormRules';
import { type CommandContext, registerCommand } from './commandContext';
import { resolveScope, resolveTarget } from './resourceTarget';

/** Create, Create Similar and Show Details: the commands that open panels. Each returns its panel. */
export function registerWebviewCommands(context: CommandContext): vscode.Disposable[] {
  return [
    ...panelCommands(context, 'modelarts.notebook', createNotebookForm, emptyNotebookForm, notebookToFormValues, notebookDetails),
    ...panelCommands(context, 'modelarts.trainingJob', createTrainingJobForm, emptyTrainingJobForm, trainingJobToFormValues, trainingJobDetails),
    registerCommand(context, 'modelarts.pool.create', async (node) => {
      const scope = await resolveScope(context, node);
      return new CreateResourcePanel(context, createPoolForm, scope.region, emptyPoolForm(scope.workspaceId));
    }),
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
      const scope = await resolveScope(context, node);
      return new CreateResourcePanel(context, form, scope.region, emptyValues(scope.workspaceId));
    }),
    registerCommand(context, `${prefix}.createSimilar`, async (node) => {
      const target = await resolveTarget(context, form.kind, node);
      return new CreateResourcePanel(context, form, target.scope.region, similarValues(target.item, target.scope.workspaceId));
    }),
    registerCommand(context, `${prefix}.showDetails`, async (node) => DetailsPanel.show(context, details, await resolveTarget(context, form.kind, node))),
  ];
}
