import * as vscode from 'vscode';
import type { ProfileSummary } from '../account/accountManager';
import { type CommandContext, registerCommand } from './commandContext';
import { currentRegion, rememberPlace } from './commandPlace';
import { confirmAction } from './confirm';
import { detectKooCliConfig, importKooCliProfiles } from './koocliCommands';
import { signIn } from './signInSteps';
import { pick } from './userInput';

/** Switch Profile, Sign In, Sign Out, the KooCLI import and the status bar item's menu. */
export function registerProfileCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.signIn', () => signIn(context)),
    registerCommand(context, 'modelarts.signOut', (name?: unknown) => signOut(context, typeof name === 'string' ? name : undefined)),
    registerCommand(context, 'modelarts.switchProfile', () => switchProfile(context)),
    registerCommand(context, 'modelarts.importKooCliProfiles', () => importKooCliProfiles(context)),
    registerCommand(context, 'modelarts.profileMenu', () => profileMenu(context)),
  ];
}

/** Why a read-only profile cannot be signed out of or edited here. */
export function readOnlyReason(profile: ProfileSummary): string {
  return profile.source === 'environment'
    ? vscode.l10n.t('"{0}" comes from the MODELARTS_AK and MODELARTS_SK environment variables: unset them to stop using it.', profile.name)
    : vscode.l10n.t('"{0}" is the ModelArts notebook\'s own temporary credentials: it cannot be signed out of here.', profile.name);
}

async function switchProfile(context: CommandContext): Promise<void> {
  const { accounts, ui } = context;
  const profiles = accounts.profiles;
  if (profiles.length === 0) {
    const signInLabel = vscode.l10n.t('Sign In');
    if ((await ui.showInformationMessage(vscode.l10n.t('There is no ModelArts profile yet.'), signInLabel)) === signInLabel) {
      await signIn(context);
    }
    return;
  }
  const active = accounts.activeProfile?.name;
  const items = profiles.map((profile) => ({
    label: profile.name,
    description: [profile.maskedAccessKey, profile.homeRegion, profile.name === active ? vscode.l10n.t('in use') : undefined].filter(Boolean).join(' · '),
    detail: profile.readOnly ? readOnlyReason(profile) : undefined,
    profile,
  }));
  const picked = await pick(ui, items, { title: vscode.l10n.t('Switch ModelArts Profile'), placeHolder: vscode.l10n.t('The profile to use; the explorer shows its resources') });
  if (picked.profile.name !== active) {
    await accounts.switchTo(picked.profile.name);
  }
}

async function signOut(context: CommandContext, named: string | undefined): Promise<void> {
  const { accounts, ui } = context;
  const active = accounts.profiles.find((profile) => profile.name === accounts.activeProfile?.name);
  const editable = accounts.profiles.filter((profile) => !profile.readOnly);
  let target = named === undefined ? active : accounts.profiles.find((profile) => profile.name === named);
  if (target?.readOnly && named !== undefined) {
    await ui.showInformationMessage(readOnlyReason(target));
    return;
  }
  if (!target || target.readOnly) {
    if (editable.length === 0) {
      await ui.showInformationMessage(target ? readOnlyReason(target) : vscode.l10n.t('Not signed in to ModelArts.'));
      return;
    }
    const items = editable.map((profile) => ({ label: profile.name, description: `${profile.maskedAccessKey} · ${profile.homeRegion}`, profile }));
    target = (await pick(ui, items, { title: vscode.l10n.t('Sign Out of a ModelArts Profile') })).profile;
  }
  const confirmed = await confirmAction(
    ui,
    vscode.l10n.t('Sign out of profile "{0}"?', target.name),
    vscode.l10n.t('Its access key {0} is removed from VS Code\'s secret storage.', target.maskedAccessKey),
    vscode.l10n.t('Sign Out'),
  );
  if (!confirmed) {
    return;
  }
  const wasActive = target.name === accounts.activeProfile?.name;
  await accounts.removeProfile(target.name);
  if (wasActive) {
    // What was open under the profile goes with it: the next sign-in starts as a new window does.
    context.explorer.forgetExpansion();
  }
  const now = accounts.profiles.find((profile) => profile.name === accounts.activeProfile?.name);
  await ui.showInformationMessage(
    now
      ? vscode.l10n.t('Signed out of profile "{0}". Now using profile "{1}" ({2}).', target.name, now.name, now.maskedAccessKey)
      : vscode.l10n.t('Signed out of ModelArts.'),
  );
}

async function switchRegion(context: CommandContext): Promise<void> {
  const regions = context.session.regions;
  const current = currentRegion(context);
  const items = regions.map((region) => ({ label: region, description: region === current ? vscode.l10n.t('commands start here') : undefined }));
  const picked = await pick(context.ui, items, { title: vscode.l10n.t('Region Commands Start From'), placeHolder: vscode.l10n.t('Commands run from the palette offer this region first') });
  rememberPlace(context, { region: picked.label });
}

/** What a click on the profile's status bar item offers. */
async function profileMenu(context: CommandContext): Promise<void> {
  const choices: { label: string; run: () => unknown }[] = [
    { label: `$(account) ${vscode.l10n.t('Switch Profile…')}`, run: () => switchProfile(context) },
    ...(context.session.regions.length > 0 ? [{ label: `$(globe) ${vscode.l10n.t('Switch Region…')}`, run: () => switchRegion(context) }] : []),
    { label: `$(sign-in) ${vscode.l10n.t('Sign In…')}`, run: () => signIn(context) },
    ...((await detectKooCliConfig()) ? [{ label: `$(cloud-download) ${vscode.l10n.t('Import Profiles from Huawei Cloud CLI…')}`, run: () => importKooCliProfiles(context) }] : []),
    { label: `$(output) ${vscode.l10n.t('Show Log')}`, run: () => context.log.show() },
  ];
  const profile = context.accounts.activeProfile;
  const picked = await pick(context.ui, choices, { title: profile ? vscode.l10n.t('ModelArts profile "{0}"', profile.name) : vscode.l10n.t('ModelArts') });
  await picked.run();
}
