import * as l10n from '@vscode/l10n';

/** ModelArts names: 1–64 letters, digits, hyphens and underscores (notebooks §1; training jobs use the same rule, uncertain). */
const RESOURCE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function resourceNameProblem(name: string): string | undefined {
  return RESOURCE_NAME.test(name) ? undefined : l10n.t('Use 1 to 64 letters, digits, hyphens (-) or underscores (_).');
}

/** The SDK's pattern for Lite Server, key pair and job names. */
const LITE_NAME = /^[-_.a-zA-Z0-9]{1,64}$/;
const PASSWORD_CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/, /[!@%\-_=+[\]{}:,./?]/];

export function liteNameProblem(name: string): string | undefined {
  return LITE_NAME.test(name) ? undefined : l10n.t('Use 1 to 64 letters, digits, hyphens (-), underscores (_) or dots (.).');
}

/** ServerOsRequest's password rule: 8–26 characters, three kinds of letters, digits and !@%-_=+[]{}:,./?, no "root" or "administrator". */
export function adminPasswordProblem(password: string): string | undefined {
  const kinds = PASSWORD_CLASSES.filter((pattern) => pattern.test(password)).length;
  if (password.length < 8 || password.length > 26 || kinds < 3 || !/^[A-Za-z0-9!@%\-_=+[\]{}:,./?]+$/.test(password)) {
    return l10n.t('Use 8 to 26 characters with three of: upper case, lower case, digits, !@%-_=+[]{}:,./?');
  }
  const lower = password.toLowerCase();
  const reversed = [...lower].reverse().join('');
  if (['root', 'administrator'].some((word) => lower.includes(word) || reversed.includes(word))) {
    return l10n.t('The password cannot contain "root" or "administrator", forwards or backwards.');
  }
  return undefined;
}

/**
 * Workspace names (§6.1): 4–64 characters; the SDK's field text allows Chinese characters, letters, digits,
 * hyphens and underscores, and reserves "default" for the default workspace.
 */
const WORKSPACE_NAME = /^[\p{Script=Han}A-Za-z0-9_-]{4,64}$/u;

export function workspaceNameProblem(name: string): string | undefined {
  if (!WORKSPACE_NAME.test(name)) {
    return l10n.t('Use 4 to 64 letters, digits, hyphens (-) or underscores (_).');
  }
  return name.toLowerCase() === 'default' ? l10n.t('"default" is reserved for the default workspace.') : undefined;
}
