import * as vscode from 'vscode';
import { regionDisplayName } from '../services/endpoints';
import { agencyNameProblem, type AuthMode, authorizationUserProblem } from '../services/management';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { DEFAULT_WORKSPACE_ID, type Workspace, type WorkspaceQuota } from '../services/workspaces';
import { readableStatus } from '../views/format';
import { scheduledEventKind } from '../views/kinds/scheduledEventKind';
import { canChangeWorkspace, RegionNode, WorkspaceNode } from '../views/nodes/regionNodes';
import { withCapability } from '../views/resourceKind';
import { panels } from '../webviews/panels';
import { cell, TablePanel } from '../webviews/tablePanel';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction } from './confirm';
import { withProgress } from './progress';
import { changeResourceState } from './resourceCommands';
import { pickRegion, requireServices, resolveRegion, resolveTarget } from './resourceTarget';
import { ask, pick } from './userInput';

/** Workspaces, quotas, scheduled events and the account's authorizations (§6). */
export function registerManagementCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.workspace.create', async (node) => {
      requireServices(context);
      return (await panels()).WorkspaceFormPanel.create(context, await resolveRegion(context, node, vscode.l10n.t('Create a workspace in which region?')));
    }),
    registerCommand(context, 'modelarts.workspace.edit', async (node) => {
      const { region, workspace } = await resolveWorkspace(context, node);
      const services = requireServices(context);
      // The form starts from the workspace as it is now, with its grants (the list may leave them out).
      const latest = await withProgress(vscode.l10n.t('Loading workspace "{0}"…', workspace.name), (signal) => services.workspaces.get(region, workspace.id, signal));
      if (!canChangeWorkspace(latest)) {
        const why = latest.id === DEFAULT_WORKSPACE_ID ? vscode.l10n.t('The default workspace cannot be changed.') : vscode.l10n.t('Workspace "{0}" is {1}; it cannot be changed.', latest.name, readableStatus(latest.status ?? ''));
        throw new ModelArtsError(LocalErrorCode.invalidInput, why, 'config');
      }
      return (await panels()).WorkspaceFormPanel.edit(context, region, latest);
    }),
    registerCommand(context, 'modelarts.workspace.delete', async (node) => {
      const { region, workspace } = await resolveWorkspace(context, node);
      const confirmed = await confirmAction(
        context.ui,
        vscode.l10n.t('Delete workspace "{0}"?', workspace.name),
        vscode.l10n.t('The workspace is deleted in {0}. This cannot be undone.', regionDisplayName(region)),
        vscode.l10n.t('Delete'),
      );
      if (!confirmed) {
        return;
      }
      const services = requireServices(context);
      await withProgress(vscode.l10n.t('Deleting workspace "{0}"…', workspace.name), (signal) => services.workspaces.delete(region, workspace.id, signal));
      await refreshRegion(context, region);
    }),
    registerCommand(context, 'modelarts.workspace.showQuotas', async (node) => {
      const { region, workspace } = await resolveWorkspace(context, node, true);
      const services = requireServices(context);
      const quotas = await withProgress(vscode.l10n.t('Loading the quotas of "{0}"…', workspace.name), (signal) => services.workspaces.quotas(region, workspace.id, signal));
      const rows = quotas.map((quota) => [cell(quota.name_en ?? quota.resource), cell(quota.used_quota), quota.quota === -1 ? vscode.l10n.t('unlimited') : cell(quota.quota), cell(quota.unit_en)]);
      const headers = [vscode.l10n.t('Resource'), vscode.l10n.t('Used'), vscode.l10n.t('Quota'), vscode.l10n.t('Unit')];
      return TablePanel.show(context, `quotas/${region}/${workspace.id}`, { title: vscode.l10n.t('Quotas of workspace "{0}" in {1}', workspace.name, region), sections: [{ table: { headers, rows, numeric: [1, 2] } }] });
    }),
    registerCommand(context, 'modelarts.workspace.setQuota', async (node) => {
      const { region, workspace } = await resolveWorkspace(context, node, true);
      const services = requireServices(context);
      const quotas = await withProgress(vscode.l10n.t('Loading the quotas of "{0}"…', workspace.name), (signal) => services.workspaces.quotas(region, workspace.id, signal));
      const chosen = await pick(
        context.ui,
        quotas.map((quota) => ({ label: quota.name_en ?? quota.resource, description: vscode.l10n.t('{0} used of {1}', quota.used_quota ?? '—', quotaText(quota.quota)), quota })),
        { title: vscode.l10n.t('Set a quota of workspace "{0}"', workspace.name) },
      );
      const { quota } = chosen;
      const answer = await ask(context.ui, {
        title: vscode.l10n.t('{0} in workspace "{1}"', chosen.label, workspace.name),
        prompt: vscode.l10n.t('New quota ({0}); -1 for unlimited', quotaRange(quota)),
        value: String(quota.quota),
        validateInput: (value) => quotaProblem(value, quota),
      });
      const value = Number(answer);
      await withProgress(vscode.l10n.t('Setting the quota of {0} to {1}…', chosen.label, quotaText(value)), (signal) => services.workspaces.setQuota(region, workspace.id, quota.resource, value, signal));
      void context.ui.showInformationMessage(vscode.l10n.t('{0} in workspace "{1}" is now {2}.', chosen.label, workspace.name, quotaText(value)));
    }),
    registerCommand(context, 'modelarts.scheduledEvent.accept', async (node) => {
      const target = await resolveTarget(context, scheduledEventKind, node, withCapability(scheduledEventKind, 'canAccept'));
      const name = scheduledEventKind.name(target.item);
      const confirmed = await confirmAction(
        context.ui,
        vscode.l10n.t('Let "{0}" go ahead now?', name),
        target.item.description ?? vscode.l10n.t('The maintenance starts as soon as the platform schedules it.'),
        vscode.l10n.t('Accept'),
      );
      if (!confirmed) {
        return;
      }
      await changeResourceState(context, target, vscode.l10n.t('Accepting "{0}"…', name), async (services, signal) => {
        await services.management.acceptScheduledEvent(target.scope.region, target.item.id, signal);
        return undefined; // read again: the event is now scheduled
      });
    }),
    registerCommand(context, 'modelarts.account.setAuthMode', async () => {
      const services = requireServices(context);
      const region = await pickRegion(context, vscode.l10n.t('Region'));
      const current = await services.management.authMode(region);
      const modes: { label: AuthMode; description: string }[] = [
        { label: 'strict', description: vscode.l10n.t('Users need explicit IAM permissions for each ModelArts action') },
        { label: 'loose', description: vscode.l10n.t('Users with ModelArts access can use every ModelArts action') },
      ];
      const chosen = await pick(context.ui, modes, { title: vscode.l10n.t('Authorization mode (now: {0})', current) });
      if (chosen.label !== current) {
        await withProgress(vscode.l10n.t('Setting the authorization mode to {0}…', chosen.label), (signal) => services.management.setAuthMode(region, chosen.label, signal));
      }
      await context.ui.showInformationMessage(vscode.l10n.t('The authorization mode is {0}.', chosen.label));
    }),
    registerCommand(context, 'modelarts.account.manageAuthorizations', async () => {
      const services = requireServices(context);
      const region = await pickRegion(context, vscode.l10n.t('Region'));
      const authorizations = await services.management.listAuthorizations(region);
      const add = { label: vscode.l10n.t('$(add) Authorize a user…'), userId: '' };
      const chosen = await pick(
        context.ui,
        [add, ...authorizations.map((authorization) => ({ label: authorization.user_name ?? authorization.user_id, description: `${authorization.type}: ${authorization.content ?? ''}`, userId: authorization.user_id }))],
        { title: vscode.l10n.t('Authorizations of ModelArts in {0}', region) },
      );
      if (chosen === add) {
        const userId = await ask(context.ui, {
          title: vscode.l10n.t('Authorize a user'),
          prompt: vscode.l10n.t('IAM user id, or "all" for every user'),
          validateInput: (value) => (authorizationUserProblem(value.trim()) ? vscode.l10n.t('Enter an IAM user id (3 to 32 letters, digits and hyphens), or "all".') : undefined),
        });
        const agency = await ask(context.ui, {
          title: vscode.l10n.t('Authorize a user'),
          prompt: vscode.l10n.t('Agency name'),
          value: 'modelarts_agency',
          validateInput: (value) => (agencyNameProblem(value.trim()) ? vscode.l10n.t('Enter an agency name of 1 to 64 characters.') : undefined),
        });
        await withProgress(vscode.l10n.t('Authorizing {0}…', userId), (signal) => services.management.addAgencyAuthorization(region, userId.trim(), agency.trim(), signal));
        return;
      }
      if (await confirmAction(context.ui, vscode.l10n.t('Remove the authorization of "{0}"?', chosen.label), vscode.l10n.t('ModelArts can no longer act for this user.'), vscode.l10n.t('Remove'))) {
        await withProgress(vscode.l10n.t('Removing the authorization of {0}…', chosen.label), (signal) => services.management.deleteAuthorization(region, chosen.userId, signal));
      }
    }),
  ];
}

function quotaText(quota: number): string {
  return quota === -1 ? vscode.l10n.t('unlimited') : String(quota);
}

function quotaRange(quota: WorkspaceQuota): string {
  return quota.max_quota === undefined ? vscode.l10n.t('at least 0') : vscode.l10n.t('0 to {0}', quota.max_quota);
}

/** -1 (unlimited) or a whole number the API accepts for this quota (§6.1 min_quota / max_quota). */
function quotaProblem(value: string, quota: WorkspaceQuota): string | undefined {
  const number = Number(value);
  const withinRange = number === -1 || (number >= Math.max(0, quota.min_quota ?? 0) && (quota.max_quota === undefined || number <= quota.max_quota));
  return value.trim() !== '' && Number.isInteger(number) && withinRange ? undefined : vscode.l10n.t('Enter -1 for unlimited, or a whole number: {0}.', quotaRange(quota));
}

/**
 * The workspace a command acts on: its tree node, or picked; unless `allowDefault`, only workspaces that can
 * change (not the default one, none being deleted).
 */
async function resolveWorkspace(context: CommandContext, node: unknown, allowDefault = false): Promise<{ region: string; workspace: Workspace }> {
  if (node instanceof WorkspaceNode) {
    return { region: node.scope.region, workspace: node.workspace };
  }
  const region = await pickRegion(context, vscode.l10n.t('Select a region'));
  const workspaces = (await requireServices(context).workspaces.list(region)).filter((workspace) => allowDefault || canChangeWorkspace(workspace));
  const chosen = await pick(context.ui, workspaces.map((workspace) => ({ label: workspace.name, description: workspace.id, workspace })), { title: vscode.l10n.t('Select a workspace') });
  return { region, workspace: chosen.workspace };
}

async function refreshRegion(context: CommandContext, region: string): Promise<void> {
  const node = context.explorer.loadedRoots().find((root) => root instanceof RegionNode && root.region === region);
  if (node) {
    await context.explorer.refresh(node);
  }
}
