import * as vscode from 'vscode';
import type { ResourceAction } from './resourceCommands';

/** What starting and stopping a real-time service asks and shows, the same for the v1 and v2 APIs; each adds its request. */
export const SERVICE_POWER_ACTIONS: Readonly<Record<'start' | 'stop', Omit<ResourceAction<unknown>, 'perform'>>> = {
  start: {
    capability: 'canStart',
    question: (name) => vscode.l10n.t('Start real-time service "{0}"?', name),
    button: vscode.l10n.t('Start'),
    progress: (name) => vscode.l10n.t('Starting real-time service "{0}"…', name),
    starts: true,
  },
  stop: {
    capability: 'canStop',
    question: (name) => vscode.l10n.t('Stop real-time service "{0}"?', name),
    detail: vscode.l10n.t('It stops answering requests at its address, and its instances are released. Start it again to redeploy.'),
    button: vscode.l10n.t('Stop'),
    progress: (name) => vscode.l10n.t('Stopping real-time service "{0}"…', name),
  },
};
