import type * as vscode from 'vscode';
import { registerActivityCommands } from '../../activity/activityCommands';
import { registerAccountCommands } from '../accountCommands';
import type { CommandContext } from '../commandContext';
import { registerCompanionCommands } from '../companionCommands';
import { registerConsoleCommands } from '../consoleCommands';
import { registerCostGuardCommands } from '../costGuardCommands';
import { registerExplorerCommands } from '../explorerCommands';
import { registerHyperClusterCommands } from '../hyperClusterCommands';
import { registerInferenceV1Commands } from '../inferenceV1Commands';
import { registerInferenceV2Commands } from '../inferenceV2Commands';
import { registerJobWatchCommands } from '../jobWatchCommands';
import type { CommandParts } from '../lazyCommands';
import { registerLiteServerAttachmentCommands } from '../liteServerAttachmentCommands';
import { registerLiteServerCommands } from '../liteServerCommands';
import { registerLiteServerCreateCommands } from '../liteServerCreateCommands';
import { registerLiteServerJobCommands } from '../liteServerJobCommands';
import { registerLiteServerOsCommands } from '../liteServerOsCommands';
import { registerLiteServerViewCommands } from '../liteServerViewCommands';
import { registerManagementCommands } from '../managementCommands';
import { registerNotebookCommands } from '../notebookCommands';
import { registerPoolCommands } from '../poolCommands';
import { registerPreviewCommands } from '../previewCommands';
import { registerProfileCommands } from '../profileCommands';
import { registerServiceV1PanelCommands } from '../serviceV1PanelCommands';
import { registerServiceV2PanelCommands } from '../serviceV2PanelCommands';
import { registerStatusFilterCommands } from '../statusFilterCommands';
import { registerTrainingJobCommands } from '../trainingJobCommands';
import { registerWebviewCommands } from '../webviewCommands';

/** Every command but OBS's: the account, the explorer and each kind of resource, loaded at the first call of any. */
export function registerResourceGroup(context: CommandContext, parts: CommandParts): vscode.Disposable[] {
  return [
    ...registerAccountCommands(context),
    ...registerProfileCommands(context),
    ...registerExplorerCommands(context),
    ...registerNotebookCommands(context),
    ...registerTrainingJobCommands(context, parts.trainingLogs),
    ...registerWebviewCommands(context),
    ...registerPreviewCommands(context, parts.rowClicks),
    ...registerPoolCommands(context),
    ...registerLiteServerCommands(context),
    ...registerLiteServerOsCommands(context),
    ...registerLiteServerAttachmentCommands(context),
    ...registerLiteServerViewCommands(context),
    ...registerLiteServerJobCommands(context),
    ...registerManagementCommands(context),
    ...registerLiteServerCreateCommands(context),
    ...registerHyperClusterCommands(context),
    ...registerCompanionCommands(context),
    ...registerInferenceV1Commands(context),
    ...registerServiceV1PanelCommands(context),
    ...registerInferenceV2Commands(context),
    ...registerServiceV2PanelCommands(context),
    ...registerStatusFilterCommands(context),
    ...registerConsoleCommands(context),
    ...registerJobWatchCommands(context, parts.jobWatcher),
    ...registerCostGuardCommands(context, parts.costGuard),
    ...registerActivityCommands(context),
  ];
}
