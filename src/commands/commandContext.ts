import * as vscode from 'vscode';
import type { AccountManager } from '../account/accountManager';
import type { ActivityLog } from '../activity/activityLog';
import { inCommandScope } from '../activity/activityScope';
import type { ExtensionLog } from '../logging';
import { asModelArtsError, isCancellation } from '../services/errors';
import type { SessionManager } from '../session';
import type { ExplorerProvider } from '../views/explorerProvider';
import type { ExplorerNode } from '../views/nodes/explorerNode';
import type { ResourceDocuments } from '../views/resourceDocuments';
import type { WatchedJobs } from '../views/jobWatch/watchedJobs';
import type { ResourceStates } from '../views/resourceStates';
import type { WalkthroughProgress } from '../walkthrough';
import { type SshHost, vscodeSshHost } from './sshHost';
import { plainTextInput, type UserInput } from './userInput';

/** What every command may use. `ui` can be replaced, e.g. by a test; it is always seen through plainTextInput. */
export interface CommandContext {
  ui: UserInput;
  readonly log: ExtensionLog;
  readonly accounts: AccountManager;
  readonly session: SessionManager;
  readonly explorer: ExplorerProvider;
  /** Where a resource's newer state is reported, for the tree, details panels and next steps to show. */
  readonly states: ResourceStates;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  readonly documents: ResourceDocuments;
  readonly extensionUri: vscode.Uri;
  /** The extension's storage kept across windows and reloads (e.g. which chart series a user hid). */
  readonly globalState: vscode.Memento;
  /** The training jobs whose end the user is told of (Run on ModelArts watches the jobs it creates). */
  readonly jobWatch: WatchedJobs;
  /** Where a walkthrough step that is more than a command is marked done (a notebook connected, a job run…). */
  readonly walkthrough: WalkthroughProgress;
  /** This window's long operations, for the ModelArts Activity view (recorded by withProgress). */
  readonly activity: ActivityLog;
  /** Remote - SSH, the SSH config file and the clock SSH connections use; can be replaced, e.g. by a test. */
  sshHost: SshHost;
}

/** A context whose `ui`, whatever is set there, shows cloud text as plain text (see plainTextInput). */
export function createCommandContext(parts: Omit<CommandContext, 'ui' | 'sshHost'>, ui: UserInput): CommandContext {
  let plain = plainTextInput(ui);
  return {
    ...parts,
    sshHost: vscodeSshHost,
    get ui() {
      return plain;
    },
    set ui(next: UserInput) {
      plain = plainTextInput(next);
    },
  };
}

/**
 * Registers a command inside the one wrapper that logs it and turns any failure
 * into one error message with the error code and request id. Cancelling is not
 * a failure. Commands take an optional tree node and otherwise ask for the target.
 * A command runs once the profiles were first read, never against a half-loaded account.
 */
export function registerCommand(context: CommandContext, id: string, handler: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      // Activation does not wait for the profiles: a command that runs before they are read waits for them.
      await context.accounts.loaded;
      return await inCommandScope(context.activity, id, () => handler(...args));
    } catch (error) {
      if (isCancellation(error)) {
        context.log.info(`${id}: cancelled`);
        return undefined;
      }
      await reportFailure(context, id, error);
      return undefined;
    }
  });
}

/** Logs a command's failure and shows it with its error code and request id; answers the action chosen among `actions`. */
export async function reportFailure(context: CommandContext, id: string, error: unknown, ...actions: string[]): Promise<string | undefined> {
  const failure = asModelArtsError(error);
  context.log.error(`${id}: ${failure.toDisplayString()}`);
  const showLog = vscode.l10n.t('Show Log');
  const answer = await context.ui.showErrorMessage(context.log.redactor.redact(failure.toDisplayString()), ...actions, showLog);
  if (answer === showLog) {
    context.log.show();
  }
  return answer;
}
