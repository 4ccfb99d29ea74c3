import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { kooCliConfigPath, parseKooCliConfig, type SkippedProfile } from '../account/koocliImport';
import type { StoredProfile } from '../account/profileStore';
import { maskSecret } from '../services/secrets';
import type { CommandContext } from './commandContext';
import { pickMany } from './userInput';
import { validProfileName } from './signInSteps';

/** The config as a person knows it; the home folder itself is not shown. */
const SHOWN_PATH = '~/.hcloud/config.json';

/**
 * Whether the Huawei Cloud CLI's config exists in the user's home (never a workspace's choice), also told to the
 * `modelarts.kooCliConfigFound` context key that offers the import in the palette and the welcome view.
 */
export async function detectKooCliConfig(): Promise<boolean> {
  const found = await stat(kooCliConfigPath(homedir())).then(
    (info) => info.isFile(),
    () => false,
  );
  await vscode.commands.executeCommand('setContext', 'modelarts.kooCliConfigFound', found);
  return found;
}

/** Offers the CLI's readable profiles (all chosen at first) and saves those chosen; never runs by itself. */
export async function importKooCliProfiles(context: CommandContext): Promise<void> {
  const { ui, accounts } = context;
  let text: string;
  try {
    text = await readFile(kooCliConfigPath(homedir()), 'utf8');
  } catch {
    await detectKooCliConfig();
    await ui.showInformationMessage(vscode.l10n.t('There is no Huawei Cloud CLI config at {0}.', SHOWN_PATH));
    return;
  }
  const found = parseKooCliConfig(text, (name) => validProfileName(name) === undefined);
  if (!found) {
    await ui.showErrorMessage(vscode.l10n.t('{0} is not a Huawei Cloud CLI config that can be read: no profiles were imported.', SHOWN_PATH));
    return;
  }
  const skipped = found.skipped.map(skipText).join('; ');
  if (found.importable.length === 0) {
    await ui.showWarningMessage(vscode.l10n.t('No profile of {0} can be imported: {1}.', SHOWN_PATH, skipped || vscode.l10n.t('it has none')), {});
    return;
  }
  const existing = new Set(accounts.profiles.map((profile) => profile.name));
  const items = found.importable.map(({ name, profile }) => ({
    label: name,
    description: `${maskSecret(profile.accessKey)} · ${profile.region}`,
    detail: existing.has(name) ? vscode.l10n.t('Replaces the keys of the profile of this name') : undefined,
    picked: true,
    profile,
  }));
  const chosen = await pickMany(ui, items, {
    title: vscode.l10n.t('Import Profiles from Huawei Cloud CLI'),
    placeHolder: skipped ? vscode.l10n.t('Skipped: {0}', skipped) : vscode.l10n.t('The profiles to keep in VS Code\'s secret storage'),
  });
  const profiles: Record<string, StoredProfile> = Object.fromEntries(chosen.map((item) => [item.label, item.profile]));
  await accounts.addProfiles(profiles);
  const names = chosen.map((item) => item.label).join(', ');
  await ui.showInformationMessage(
    skipped
      ? vscode.l10n.t('Imported from the Huawei Cloud CLI: {0}. Skipped: {1}.', names, skipped)
      : vscode.l10n.t('Imported from the Huawei Cloud CLI: {0}.', names),
  );
}

/** An entry that was not imported, and why; never any of its keys. */
function skipText(entry: SkippedProfile): string {
  switch (entry.reason) {
    case 'encrypted':
      return vscode.l10n.t('{0} (the CLI keeps its keys encrypted)', entry.name);
    case 'unsupportedMode':
      return vscode.l10n.t('{0} (authentication mode "{1}" is not an access key)', entry.name, entry.mode ?? '');
    case 'missingKeys':
      return vscode.l10n.t('{0} (no complete access key and secret key)', entry.name);
    case 'missingRegion':
      return vscode.l10n.t('{0} (no valid region)', entry.name);
    case 'invalidName':
      return vscode.l10n.t('{0} (not a usable profile name)', entry.name);
  }
}
