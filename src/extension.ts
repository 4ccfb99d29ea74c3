import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { AccountManager } from './account/accountManager';
import { ActivityLog } from './activity/activityLog';
import { ActivityTree } from './activity/activityTree';
import { type ChatApi, registerChat } from './chat/registerChat';
import { type CommandContext, createCommandContext } from './commands/commandContext';
import type { listSyncedFiles, syncFolder } from './commands/folderSyncProgress';
import { NextSteps } from './commands/nextSteps';
import { registerObsFileSystem } from './obsFileSystem/registerObsFileSystem';
import { RowClicks } from './commands/rowClicks';
import { registerLazyCommands } from './commands/lazyCommands';
import { vscodeUserInput } from './commands/userInput';
import { CostGuard } from './costGuard/costGuard';
import { ExtensionLog } from './logging';
import { SessionManager } from './session';
import { ExplorerDragAndDrop } from './views/explorerDragAndDrop';
import { ExplorerProvider } from './views/explorerProvider';
import { JobWatcher } from './views/jobWatch/jobWatcher';
import { WatchedJobs } from './views/jobWatch/watchedJobs';
import { ResourceDocuments } from './views/resourceDocuments';
import { ResourceStates } from './views/resourceStates';
import { TrainingLogViewer } from './views/trainingLogViewer';
import { type PanelRestorer, registerPanelSerializers } from './webviews/panelReload';
import { ProfileStatusBar } from './views/statusBar/profileStatusBar';
import { WalkthroughProgress } from './walkthrough';

/** What the extension exports: its command context, so tests can answer its questions. */
export interface ModelArtsExtensionApi {
  readonly context: CommandContext;
  /** The explorer's drag and drop, so tests can drag rows and drop files through it. */
  readonly dragAndDrop: ExplorerDragAndDrop;
  /** The chat tools by name and the chat participant, so tests can prepare invocations and call its handler. */
  readonly chat: ChatApi;
  /** The folder of the extension's log files, where the ModelArts output channel is written (tests read it). */
  readonly logUri: vscode.Uri;
  /** The next-step notifications of started resources, so tests can drive their reads on a virtual clock. */
  readonly nextSteps: NextSteps;
  /** The watch of training jobs' ends, so tests can drive its polls on a virtual clock and see its status bar item. */
  readonly jobWatcher: JobWatcher;
  /** The followed training logs, so tests can drive their polls on a virtual clock. */
  readonly trainingLogs: TrainingLogViewer;
  /** The folder sync that Run on ModelArts uploads with, so tests can sync a folder by itself. */
  readonly folderSync: { readonly syncFolder: typeof syncFolder; readonly listSyncedFiles: typeof listSyncedFiles };
  /** The profile's status bar item, so tests can read what it says. */
  readonly profileStatus: { readonly item: vscode.StatusBarItem };
  /** The count of what bills now, so tests can drive its refreshes and warnings on a virtual clock and read its status bar item. */
  readonly costGuard: CostGuard;
  /** The ModelArts Activity view's rows, so tests can read what it shows. */
  readonly activityTree: ActivityTree;
  /** How row clicks are told from double clicks, so tests can click on a clock of their own. */
  readonly rowClicks: RowClicks;
  /** What the registered webview serializers run, so tests can restore a panel from a state. */
  readonly panelRestorer: PanelRestorer;
}

export function activate(extensionContext: vscode.ExtensionContext): ModelArtsExtensionApi {
  // Code shared with the webviews and the emulator (form rules, services) translates with @vscode/l10n: same bundle.
  l10n.config({ contents: vscode.l10n.bundle ?? {} });
  const version = String(extensionContext.extension.packageJSON.version ?? '0');
  const log = new ExtensionLog();
  const accounts = new AccountManager(extensionContext.secrets, extensionContext.globalState, log);
  const session = new SessionManager(accounts, log, `modelarts-explorer-vscode/${version}`);
  const states = new ResourceStates();
  const explorer = new ExplorerProvider(session, log, extensionContext.globalState, states);
  const documents = new ResourceDocuments(log.redactor);
  const jobWatch = new WatchedJobs(extensionContext.globalState);
  // VS Code opens the walkthrough itself when the extension is installed from a focused window (setting
  // workbench.welcomePage.walkthroughs.openOnInstall), so the extension never opens it.
  const walkthrough = new WalkthroughProgress(extensionContext.extension.id, log);
  const dragAndDropController = new ExplorerDragAndDrop(() => context);
  const treeView = vscode.window.createTreeView('modelarts.explorer', { treeDataProvider: explorer, showCollapseAll: true, canSelectMany: true, dragAndDropController });
  const context = createCommandContext({ log, accounts, session, explorer, states, treeView, documents, extensionUri: extensionContext.extensionUri, globalState: extensionContext.globalState, jobWatch, walkthrough, activity: new ActivityLog(extensionContext.workspaceState) }, vscodeUserInput);
  const activityTree = new ActivityTree(context.activity);
  const chat = registerChat(context, extensionContext.extension.packageJSON);
  const nextSteps = new NextSteps(context);
  const jobWatcher = new JobWatcher(context);
  const trainingLogs = new TrainingLogViewer(context);
  const profileStatus = new ProfileStatusBar(context);
  const costGuard = new CostGuard(context);
  const rowClicks = new RowClicks();
  const panelSerializers = registerPanelSerializers(context, extensionContext.globalStorageUri);

  extensionContext.subscriptions.push(
    log,
    accounts,
    session,
    states,
    explorer,
    documents,
    treeView,
    treeView.onDidChangeVisibility((event) => explorer.poller.setVisible(event.visible)),
    explorer.rememberExpansion(treeView),
    profileStatus,
    registerLazyCommands(context, { trainingLogs, rowClicks, jobWatcher, costGuard, globalStorageUri: extensionContext.globalStorageUri }, extensionContext.extension.packageJSON.contributes.commands),
    ...panelSerializers.disposables,
    ...registerObsFileSystem(context),
    ...chat.disposables,
    nextSteps,
    jobWatch,
    walkthrough,
    session.onDidChange(() => session.account && walkthrough.reach('signedIn')),
    jobWatcher,
    costGuard,
    context.activity,
    activityTree,
    vscode.window.createTreeView('modelarts.activity', { treeDataProvider: activityTree }),
  );
  explorer.poller.setVisible(treeView.visible);

  void loadAccount(accounts, log);
  return { context, dragAndDrop: dragAndDropController, chat: chat.api, logUri: extensionContext.logUri, nextSteps, jobWatcher, trainingLogs, folderSync: lazyFolderSync, profileStatus, costGuard, activityTree, rowClicks, panelRestorer: panelSerializers.restorer };
}

/**
 * Reads the profiles in the background, so activation does not wait on the workbench's round trips: commands, the
 * explorer's roots and the profile's status bar wait for `accounts.loaded`. Until the end the welcome says
 * "checking"; the sign-in welcome would flash before the account is known.
 */
async function loadAccount(accounts: AccountManager, log: ExtensionLog): Promise<void> {
  try {
    await accounts.reload();
  } catch (error) {
    log.error(`Could not read the stored profiles: ${error instanceof Error ? error.message : String(error)}`);
  }
  // The KooCLI check is the profile commands' code, loaded after activation rather than with it.
  const { detectKooCliConfig } = await import('./commands/koocliCommands');
  await detectKooCliConfig();
  await vscode.commands.executeCommand('setContext', 'modelarts.accountChecked', true);
}

/** The folder sync's code is OBS's: it loads at the first sync, as with Run on ModelArts. */
const lazyFolderSync: ModelArtsExtensionApi['folderSync'] = {
  syncFolder: async (...args) => (await import('./commands/folderSyncProgress')).syncFolder(...args),
  listSyncedFiles: async (...args) => (await import('./commands/folderSyncProgress')).listSyncedFiles(...args),
};
