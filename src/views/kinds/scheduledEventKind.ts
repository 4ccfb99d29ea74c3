import * as vscode from 'vscode';
import type { ScheduledEvent } from '../../services/management';
import { findListed } from '../../services/responses';
import { scheduledEventCategory } from '../../services/status';
import { fieldTooltip, joinParts, readableStatus } from '../format';
import type { ResourceKind } from '../resourceKind';

export const scheduledEventKind: ResourceKind<ScheduledEvent> = {
  contextValue: 'scheduledEvent',
  label: vscode.l10n.t('scheduled event'),
  groupLabel: vscode.l10n.t('Scheduled Events'),
  groupIcon: 'calendar',
  emptyLabel: vscode.l10n.t('No scheduled events'),
  perRegion: true,
  id: (event) => event.id,
  name: (event) => joinParts(event.type, event.nodeName ?? event.instanceId),
  status: (event) => event.state,
  category: (event) => scheduledEventCategory(event.state),
  // Only an event asking for authorization can be accepted (§6.4).
  capabilities: (event) => (event.state === 'inquiring' ? ['canAccept'] : []),
  description: (event) => joinParts(readableStatus(event.state), event.poolName, event.notBefore ? vscode.l10n.t('not before {0}', event.notBefore) : undefined),
  tooltip: (event) =>
    fieldTooltip(event.type, [
      [vscode.l10n.t('ID'), event.id],
      [vscode.l10n.t('State'), readableStatus(event.state)],
      [vscode.l10n.t('Kind'), event.catalog],
      [vscode.l10n.t('Resource'), joinParts(event.instanceType, event.poolName, event.nodeName ?? event.instanceId)],
      [vscode.l10n.t('Published'), event.publishTime],
      [vscode.l10n.t('Not before'), event.notBefore],
      [vscode.l10n.t('Description'), event.description],
    ]),
  listPage: (services, scope, pageToken, signal) => services.management.listScheduledEvents(scope.region, pageToken, signal),
  // There is no single-event read (§6.4): the event is found in the list by its id.
  fetch: async (services, scope, id, signal) => {
    const { items } = await services.management.listScheduledEvents(scope.region, undefined, signal);
    return findListed(items, (candidate) => candidate.id === id, `scheduled event ${id}`);
  },
};
