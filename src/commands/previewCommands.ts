import type * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { OPEN_RESOURCE_COMMAND, ResourceNode } from '../views/nodes/resourceNodes';
import { detailsPresenterFor } from '../webviews/detailsRegistry';
import { panels } from '../webviews/panels';
import { type CommandContext, registerCommand } from './commandContext';
import type { RowClicks } from './rowClicks';

/** A click on a resource row shows its details in the preview panel; a double click pins it. */
export function registerPreviewCommands(context: CommandContext, clicks: RowClicks): vscode.Disposable[] {
  return [
    registerCommand(context, OPEN_RESOURCE_COMMAND, async (node) => {
      if (!(node instanceof ResourceNode)) {
        throw new ModelArtsError(LocalErrorCode.invalidInput, 'a resource row opens its own details only', 'config');
      }
      const resource = node as ResourceNode<unknown>;
      const mode = clicks.isDoubleClick(resource.id) ? 'pinned' : 'preview';
      const { DetailsPanel } = await panels();
      return DetailsPanel.show(context, detailsPresenterFor(resource.kind), { kind: resource.kind, scope: resource.parent.scope, item: resource.resource, node: resource }, mode);
    }),
  ];
}
