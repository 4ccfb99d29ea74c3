import * as vscode from 'vscode';
import { modelKind } from '../views/kinds/modelKind';
import { serviceV1Kind } from '../views/kinds/serviceV1Kind';
import { withCapability } from '../views/resourceKind';
import { createServiceV1Form } from '../webviews/createForms';
import { modelDetails, serviceV1Details } from '../webviews/detailsPresenters';
import { panels } from '../webviews/panels';
import { emptyServiceV1Form, serviceV1ToFormValues } from '../webviews/serviceV1FormRules';
import { type CommandContext, registerCommand } from './commandContext';
import { withProgress } from './progress';
import { requireServices, resolveFormScope, resolveTarget } from './resourceTarget';

/** The panels of v1 real-time services and models: create, create similar, deploy a model, details. Each returns its panel. */
export function registerServiceV1PanelCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.serviceV1.create', async (node) => {
      const scope = await resolveFormScope(context, node);
      return new (await panels()).CreateResourcePanel(context, createServiceV1Form, scope.region, emptyServiceV1Form(scope.workspaceId));
    }),
    registerCommand(context, 'modelarts.serviceV1.createSimilar', async (node) => {
      const target = await resolveTarget(context, serviceV1Kind, node);
      const services = requireServices(context);
      // The list leaves out the config (§3.4) the form is filled from.
      const service = await withProgress(vscode.l10n.t('Loading real-time service "{0}"…', target.item.service_name), (signal) =>
        services.inferenceV1.get(target.scope.region, target.item.service_id, signal),
      );
      return new (await panels()).CreateResourcePanel(context, createServiceV1Form, target.scope.region, serviceV1ToFormValues(service, target.scope.workspaceId));
    }),
    registerCommand(context, 'modelarts.serviceV1.showDetails', async (node) => (await panels()).DetailsPanel.show(context, serviceV1Details, await resolveTarget(context, serviceV1Kind, node))),
    registerCommand(context, 'modelarts.model.showDetails', async (node) => (await panels()).DetailsPanel.show(context, modelDetails, await resolveTarget(context, modelKind, node))),
    registerCommand(context, 'modelarts.model.deployV1', async (node) => {
      const target = await resolveTarget(context, modelKind, node, withCapability(modelKind, 'canDeploy'));
      const values = { ...emptyServiceV1Form(target.scope.workspaceId), modelName: target.item.model_name, modelId: target.item.model_id };
      return new (await panels()).CreateResourcePanel(context, createServiceV1Form, target.scope.region, values);
    }),
  ];
}
