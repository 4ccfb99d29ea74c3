import * as vscode from 'vscode';
import type { KeyPair } from '../../services/keyPairs';
import { keyPairCategory } from '../../services/status';
import { fieldTooltip, joinParts } from '../format';
import type { ResourceKind } from '../resourceKind';

const scopeLabel = (keyPair: KeyPair): string | undefined =>
  keyPair.scope === 'domain' ? vscode.l10n.t('account-wide') : keyPair.scope === 'user' ? vscode.l10n.t('personal') : keyPair.scope;

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
  status: (keyPair) => (keyPair.frozen_state ? vscode.l10n.t('frozen') : ''),
  category: (keyPair) => keyPairCategory(keyPair.frozen_state),
  capabilities: () => [],
  description: (keyPair) => joinParts(keyPair.type, scopeLabel(keyPair), keyPair.frozen_state ? vscode.l10n.t('frozen') : undefined),
  tooltip: (keyPair) =>
    fieldTooltip(keyPair.name, [
      [vscode.l10n.t('Type'), keyPair.type],
      [vscode.l10n.t('Scope'), scopeLabel(keyPair)],
      [vscode.l10n.t('Fingerprint'), keyPair.fingerprint],
      [vscode.l10n.t('Private key kept by KPS'), keyPair.is_key_protection === undefined ? undefined : keyPair.is_key_protection ? vscode.l10n.t('yes') : vscode.l10n.t('no')],
      [vscode.l10n.t('Frozen'), keyPair.frozen_state ? vscode.l10n.t('yes ({0})', keyPair.frozen_state) : undefined],
    ]),
  listPage: (services, scope, pageToken, signal) => services.keyPairs.list(scope.region, pageToken, signal),
  fetch: (services, scope, id, signal) => services.keyPairs.get(scope.region, id, signal),
};
