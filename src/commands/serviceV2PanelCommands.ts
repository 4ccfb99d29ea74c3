import * as vscode from 'vscode';
import { serviceV2Kind } from '../views/kinds/serviceV2Kind';
import { createServiceV2Form } from '../webviews/createServiceV2Form';
import { panels } from '../webviews/panels';
import { serviceV2Details } from '../webviews/serviceV2Details';
import { emptyServiceV2Form, serviceV2ToFormValues } from '../webviews/serviceV2FormRules';
import { type CommandContext, registerCommand } from './commandContext';
import { withProgress } from './progress';
import { requireServices, resolveFormScope, resolveTarget } from './resourceTarget';

/** The panels of v2 real-time services: create, create similar, details. Each returns its panel. */
export function registerServiceV2PanelCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.serviceV2.create', async (node) => {
      const scope = await resolveFormScope(context, node);
      return new (await panels()).CreateResourcePanel(context, createServiceV2Form, scope.region, emptyServiceV2Form(scope.workspaceId));
    }),
    registerCommand(context, 'modelarts.serviceV2.createSimilar', async (node) => {
      const target = await resolveTarget(context, serviceV2Kind, node);
      const services = requireServices(context);
      // The list leaves out the deployments' configuration (§4.2) the form is filled from.
      const service = await withProgress(vscode.l10n.t('Loading real-time service "{0}"…', target.item.name), (signal) => services.inferenceV2.get(target.scope.region, target.item.id, signal));
      return new (await panels()).CreateResourcePanel(context, createServiceV2Form, target.scope.region, serviceV2ToFormValues(service, target.scope.workspaceId));
    }),
    registerCommand(context, 'modelarts.serviceV2.showDetails', async (node) => (await panels()).DetailsPanel.show(context, serviceV2Details, await resolveTarget(context, serviceV2Kind, node))),
  ];
}
