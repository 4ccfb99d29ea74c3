import * as vscode from 'vscode';
import { KEY_PAIR_FREEZES, type KeyPair, keyPairFrozenState } from '../../services/keyPairs';
import { keyPairCategory } from '../../services/status';
import { fieldTooltip, joinParts } from '../format';
import type { ResourceKind } from '../resourceKind';

const scopeLabel = (keyPair: KeyPair): string | undefined =>
  keyPair.scope === 'domain' ? vscode.l10n.t('account-wide') : keyPair.scope === 'user' ? vscode.l10n.t('personal') : keyPair.scope;

/** Each freeze the state can add up, and how it reads. */
const FREEZE_REASONS: readonly (readonly [number, string])[] = [
  [KEY_PAIR_FREEZES.ordinary, vscode.l10n.t('ordinary freeze')],
  [KEY_PAIR_FREEZES.publicSecurity, vscode.l10n.t('frozen by public security')],
  [KEY_PAIR_FREEZES.violation, vscode.l10n.t('frozen for a violation')],
  [KEY_PAIR_FREEZES.unverifiedIdentity, vscode.l10n.t('identity not verified')],
];

/** "yes (ordinary freeze, frozen for a violation)": the freezes the state adds up. */
function frozenText(keyPair: KeyPair): string | undefined {
  const state = keyPairFrozenState(keyPair);
  if (state === 0) {
    return undefined;
  }
  const reasons = FREEZE_REASONS.filter(([flag]) => state & flag).map(([, reason]) => reason);
  return vscode.l10n.t('yes ({0})', reasons.length > 0 ? reasons.join(', ') : String(state));
}

export const keyPairKind: ResourceKind<KeyPair> = {
  contextValue: 'keyPair',
  label: vscode.l10n.t('key pair'),
  groupLabel: vscode.l10n.t('Key Pairs'),
  groupIcon: 'key',
  itemIcon: 'key',
  emptyLabel: vscode.l10n.t('No key pairs'),
  // KPS knows a key pair by its name (§8).
  id: (keyPair) => keyPair.name,
  name: (keyPair) => keyPair.name,
  status: (keyPair) => (keyPairFrozenState(keyPair) ? vscode.l10n.t('frozen') : ''),
  category: (keyPair) => keyPairCategory(keyPairFrozenState(keyPair)),
  capabilities: () => [],
  description: (keyPair) => joinParts(keyPair.type, scopeLabel(keyPair), keyPairFrozenState(keyPair) ? vscode.l10n.t('frozen') : undefined),
  tooltip: (keyPair) =>
    fieldTooltip(keyPair.name, [
      [vscode.l10n.t('Type'), keyPair.type],
      [vscode.l10n.t('Scope'), scopeLabel(keyPair)],
      [vscode.l10n.t('Fingerprint'), keyPair.fingerprint],
      [vscode.l10n.t('Private key kept by KPS'), keyPair.is_key_protection === undefined ? undefined : keyPair.is_key_protection ? vscode.l10n.t('yes') : vscode.l10n.t('no')],
      [vscode.l10n.t('Frozen'), frozenText(keyPair)],
    ]),
  listPage: (services, scope, pageToken, signal) => services.keyPairs.list(scope.region, pageToken, signal),
  fetch: (services, scope, id, signal) => services.keyPairs.get(scope.region, id, signal),
};
