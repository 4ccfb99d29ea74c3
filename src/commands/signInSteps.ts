import * as vscode from 'vscode';
import { ENVIRONMENT_PROFILE, maskedAccessKey, NOTEBOOK_PROFILE } from '../account/accountManager';
import { MODELARTS_REGIONS } from '../services/endpoints';
import { asModelArtsError, cancelledError, ModelArtsError } from '../services/errors';
import type { Credentials } from '../services/signedClient';
import { writeRegions } from '../config';
import type { CommandContext } from './commandContext';
import { withProgress } from './progress';
import type { StepAnswer, UserInput } from './userInput';

const ACCESS_KEY = /^[A-Za-z0-9]{10,128}$/;
/** Letters (any script), digits, spaces and a few marks: a name that reads well in the status bar and a menu. */
const PROFILE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _.@-]{0,63}$/u;
const TOTAL_STEPS = 5;

/** The name, the keys and the region a person enters, before they are checked. */
interface SignInAnswers {
  readonly name: string;
  readonly credentials: Credentials;
  readonly region: string;
}

/**
 * Sign In: five steps (profile name, AK, SK, optional security token, region), each with Back from the second on,
 * which returns to the step before with its value kept. The key is checked against the cloud before anything is
 * saved; then the profile is saved and used.
 */
export async function signIn(context: CommandContext): Promise<void> {
  const answers = await askSignIn(context);
  const { name, credentials, region } = answers;
  // Verify before saving anything: the IAM project lookup needs a valid signature.
  const verifier = context.session.servicesFor(credentials);
  const checked = context.accounts.auth.checking(name);
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
  } finally {
    checked();
  }
  const account = await context.accounts.saveProfile(name, { ...credentials, region });
  const configured = context.session.settings.regions;
  if (configured && !configured.includes(region)) {
    await writeRegions([...configured, region]);
  }
  await context.ui.showInformationMessage(vscode.l10n.t('Signed in to ModelArts as profile "{0}" with access key {1} in {2}.', name, maskedAccessKey(account), region));
}

async function askSignIn(context: CommandContext): Promise<SignInAnswers> {
  const { ui, accounts } = context;
  const firstProfile = !accounts.profiles.some((profile) => !profile.readOnly);
  // Each step's value, kept when going Back and forth.
  const values = [firstProfile ? 'default' : '', '', '', '', accounts.activeProfile?.homeRegion ?? ''];
  const questions: ((value: string, step: number) => Thenable<StepAnswer<string>>)[] = [
    (value, step) => inputStep(ui, step, value, { prompt: vscode.l10n.t('Profile name (an existing profile of this name gets the new key)'), validateInput: validProfileName }),
    (value, step) => inputStep(ui, step, value, { prompt: vscode.l10n.t('Access key ID (AK)'), validateInput: (answer) => (ACCESS_KEY.test(answer.trim()) ? undefined : vscode.l10n.t('An access key is 10 or more letters and digits.')) }),
    (value, step) =>
      inputStep(ui, step, value, { prompt: vscode.l10n.t('Secret access key (SK)'), password: true, validateInput: (answer) => (answer.trim().length >= 10 ? undefined : vscode.l10n.t('A secret key is 10 or more characters.')) }),
    (value, step) => inputStep(ui, step, value, { prompt: vscode.l10n.t('Security token, only for temporary credentials (leave empty otherwise)'), password: true }),
    (value, step) => regionStep(ui, step, value),
  ];
  for (let index = 0; index < questions.length; ) {
    const answer = await questions[index](values[index], index + 1);
    if (!answer) {
      throw cancelledError();
    }
    if ('back' in answer) {
      index = Math.max(0, index - 1);
    } else {
      values[index] = answer.value;
      index += 1;
    }
  }
  const [name, accessKey, secretKey, securityToken, region] = values.map((value) => value.trim());
  return { name, region, credentials: { accessKey, secretKey, securityToken: securityToken || undefined } };
}

function stepTitle(step: number): string {
  return vscode.l10n.t('Sign in to ModelArts (step {0} of {1})', step, TOTAL_STEPS);
}

function inputStep(ui: UserInput, step: number, value: string, options: vscode.InputBoxOptions): Thenable<StepAnswer<string>> {
  return ui.showInputStep({ ...options, title: stepTitle(step), value, ignoreFocusOut: true, step, totalSteps: TOTAL_STEPS });
}

async function regionStep(ui: UserInput, step: number, value: string): Promise<StepAnswer<string>> {
  const items = MODELARTS_REGIONS.map((region) => ({ label: region.id, description: region.displayName, picked: region.id === value }));
  const sorted = [...items].sort((a, b) => Number(b.picked) - Number(a.picked));
  const answer = await ui.showQuickPickStep(sorted, { title: stepTitle(step), placeHolder: vscode.l10n.t('Region of the access key'), ignoreFocusOut: true, step, totalSteps: TOTAL_STEPS });
  return answer && 'value' in answer ? { value: answer.value.label } : answer;
}

export function validProfileName(value: string): string | undefined {
  const name = value.trim();
  if (name === ENVIRONMENT_PROFILE || name === NOTEBOOK_PROFILE) {
    return vscode.l10n.t('"{0}" is the name of the read-only profile from outside VS Code; choose another name.', name);
  }
  return PROFILE_NAME.test(name) ? undefined : vscode.l10n.t('A profile name is 1 to 64 letters, digits, spaces or _ . @ -, starting with a letter or digit.');
}
