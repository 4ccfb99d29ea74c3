import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import type { WebviewApp } from './protocol/common';
import type { WebviewController } from './webviewController';

/** The panels a window reload brings back: details and the forms. A table closes: its command reads it again. */
export const RESTORED_APPS = ['details', 'createNotebook', 'createTrainingJob', 'createPool', 'createDevServer', 'createServiceV1', 'createServiceV2', 'workspaceForm'] as const satisfies readonly WebviewApp[];

/** The view type of an app's panels, under which VS Code keeps them across a reload. */
export const webviewViewType = (app: WebviewApp): string => `modelarts.${app}`;

/** What the registered webview serializers run: the panel made of `panel` and its page's `state`, if any. */
export interface PanelRestorer {
  restore(app: WebviewApp, panel: vscode.WebviewPanel, state: unknown): Promise<WebviewController | undefined>;
}

/**
 * Registers the serializers of the panels a reload brings back: VS Code needs them at activation, but the code
 * that rebuilds a panel (its host, its form) loads when the first panel comes back.
 */
export function registerPanelSerializers(context: CommandContext, runSettingsStorage: vscode.Uri): { restorer: PanelRestorer; disposables: vscode.Disposable[] } {
  let loading: Promise<PanelRestorer> | undefined;
  const restorer: PanelRestorer = {
    restore: async (app, panel, state) => {
      loading ??= import('./panelSerializers').then(({ createPanelRestorer }) => createPanelRestorer(context, runSettingsStorage));
      return (await loading).restore(app, panel, state);
    },
  };
  const disposables = RESTORED_APPS.map((app) =>
    vscode.window.registerWebviewPanelSerializer(webviewViewType(app), {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        await restorer.restore(app, panel, state);
      },
    }),
  );
  return { restorer, disposables };
}
