import * as vscode from 'vscode';
import { DEFAULT_WORKSPACE_ID } from '../services/workspaces';
import { createDevServerForm } from '../webviews/createDevServerForm';
import { emptyDevServerForm } from '../webviews/devServerFormRules';
import { panels } from '../webviews/panels';
import { type CommandContext, registerCommand } from './commandContext';
import { resolveRegion } from './resourceTarget';

/** Create Lite Server: from the region, its Lite Servers category or the palette. Returns the panel. */
export function registerLiteServerCreateCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.devServer.create', async (node) => {
      const region = await resolveRegion(context, node, vscode.l10n.t('Create a Lite Server in which region?'));
      // Lite Servers belong to the region; the tree lists them in the default workspace's scope.
      return new (await panels()).CreateResourcePanel(context, createDevServerForm, region, emptyDevServerForm(DEFAULT_WORKSPACE_ID));
    }),
  ];
}
