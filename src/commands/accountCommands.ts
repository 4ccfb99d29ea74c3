import * as vscode from 'vscode';
import { maskedAccessKey } from '../account/accountManager';
import { asModelArtsError } from '../services/errors';
import { type CommandContext, registerCommand } from './commandContext';

const SOURCE_LABEL = {
  secretStorage: () => vscode.l10n.t('signed in, kept in VS Code secret storage'),
  environment: () => vscode.l10n.t('from environment'),
  notebook: () => vscode.l10n.t('from the ModelArts notebook'),
};

export function registerAccountCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.showAccount', async () => {
      const facts = await accountFacts(context);
      if (!facts) {
        const problem = context.accounts.loadProblem;
        await context.ui.showInformationMessage(problem ? vscode.l10n.t('Not signed in: {0}', problem) : vscode.l10n.t('Not signed in to ModelArts.'));
        return;
      }
      await context.ui.showInformationMessage(
        vscode.l10n.t(
          'Access key {0} ({1}); region {2}; project {3}; security token: {4}.',
          facts.maskedAccessKey,
          facts.source,
          facts.homeRegion,
          facts.project,
          facts.securityToken ? vscode.l10n.t('yes') : vscode.l10n.t('no'),
        ),
      );
    }),
  ];
}

/** What Show Account (and the chat's account tool) tells about the account: the access key masked, never a secret. */
export interface AccountFacts {
  readonly maskedAccessKey: string;
  /** Where the credentials come from, in words. */
  readonly source: string;
  readonly homeRegion: string;
  /** The home region's project id, or why it could not be read. */
  readonly project: string;
  readonly securityToken: boolean;
}

/** The signed-in account's facts; undefined when signed out. */
export async function accountFacts(context: CommandContext, signal?: AbortSignal): Promise<AccountFacts | undefined> {
  const account = context.accounts.account;
  if (!account) {
    return undefined;
  }
  const services = context.session.services;
  let project: string;
  try {
    project = services ? await services.client.projectId(account.homeRegion, signal) : '—';
  } catch (error) {
    project = asModelArtsError(error).toDisplayString();
  }
  return {
    maskedAccessKey: maskedAccessKey(account),
    source: SOURCE_LABEL[account.source](),
    homeRegion: account.homeRegion,
    project,
    securityToken: Boolean(account.credentials.securityToken),
  };
}
