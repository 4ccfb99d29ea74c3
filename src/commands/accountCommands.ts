import * as vscode from 'vscode';
import { maskedAccessKey } from '../account/accountManager';
import { MODELARTS_REGIONS } from '../services/endpoints';
import { asModelArtsError, ModelArtsError } from '../services/errors';
import { writeRegions } from '../config';
import { type CommandContext, registerCommand } from './commandContext';
import { withProgress } from './progress';
import { ask, pick } from './userInput';

const ACCESS_KEY = /^[A-Za-z0-9]{10,128}$/;

const SOURCE_LABEL = {
  secretStorage: () => vscode.l10n.t('signed in, kept in VS Code secret storage'),
  environment: () => vscode.l10n.t('from environment'),
  notebook: () => vscode.l10n.t('from the ModelArts notebook'),
};

export function registerAccountCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.signIn', () => signIn(context)),
    registerCommand(context, 'modelarts.signOut', async () => {
      await context.accounts.signOut();
      const remaining = context.accounts.account;
      await context.ui.showInformationMessage(
        remaining
          ? vscode.l10n.t('Signed out. Credentials {0} ({1}) are still in use.', maskedAccessKey(remaining), SOURCE_LABEL[remaining.source]())
          : vscode.l10n.t('Signed out of ModelArts.'),
      );
    }),
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

async function signIn(context: CommandContext): Promise<void> {
  const { ui } = context;
  const title = vscode.l10n.t('Sign in to ModelArts');
  const accessKey = await ask(ui, {
    title,
    prompt: vscode.l10n.t('Access key ID (AK)'),
    ignoreFocusOut: true,
    validateInput: (value) => (ACCESS_KEY.test(value.trim()) ? undefined : vscode.l10n.t('An access key is 10 or more letters and digits.')),
  });
  const secretKey = await ask(ui, {
    title,
    prompt: vscode.l10n.t('Secret access key (SK)'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim().length >= 10 ? undefined : vscode.l10n.t('A secret key is 10 or more characters.')),
  });
  const securityToken = await ask(ui, {
    title,
    prompt: vscode.l10n.t('Security token, only for temporary credentials (leave empty otherwise)'),
    password: true,
    ignoreFocusOut: true,
  });
  const region = await pickSignInRegion(context, title);
  const credentials = { accessKey: accessKey.trim(), secretKey: secretKey.trim(), securityToken: securityToken.trim() || undefined };

  // Verify before saving anything: the IAM project lookup needs a valid signature.
  const verifier = context.session.servicesFor(credentials);
  try {
    await withProgress(vscode.l10n.t('Checking the access key in {0}…', region), (signal) => verifier.client.projectId(region, signal));
  } catch (error) {
    const failure = asModelArtsError(error);
    if (failure.kind === 'auth') {
      throw new ModelArtsError(
        failure.errorCode,
        vscode.l10n.t('the access key or secret key was rejected ({0}); nothing was saved', failure.message),
        'auth',
        failure.requestId,
        failure.httpStatus,
      );
    }
    throw failure;
  }
  const account = await context.accounts.signIn({ ...credentials, region });
  const configured = context.session.settings.regions;
  if (configured && !configured.includes(region)) {
    await writeRegions([...configured, region]);
  }
  await ui.showInformationMessage(vscode.l10n.t('Signed in to ModelArts with access key {0} in {1}.', maskedAccessKey(account), region));
}

async function pickSignInRegion(context: CommandContext, title: string): Promise<string> {
  const current = context.accounts.account?.homeRegion;
  const items = MODELARTS_REGIONS.map((region) => ({ label: region.id, description: region.displayName, picked: region.id === current }));
  const sorted = current ? [...items].sort((a, b) => Number(b.picked) - Number(a.picked)) : items;
  const picked = await pick(context.ui, sorted, { title, placeHolder: vscode.l10n.t('Region of the access key') });
  return picked.label;
}
