import * as vscode from 'vscode';
import { nodePoolKind, pluginKind, poolKind, poolNodeKind, poolOf } from '../views/kinds/poolKinds';
import { POOL_MAX_NODES } from '../webviews/poolFormRules';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmByTypingName } from './confirm';
import { createNodePool } from './nodePoolWizard';
import { registerPoolNodeCommands } from './poolNodeCommands';
import { registerPoolTagCommands } from './poolTagCommands';
import { poolNodeAbove, refreshPool, resolvePoolOf } from './poolTargets';
import { withProgress } from './progress';
import { changeResourceState, confirmDelete, registerCommonResourceCommands } from './resourceCommands';
import { requireServices, resolveTarget } from './resourceTarget';
import { ask, pick } from './userInput';

/** Pools, their node pools and plugins; their nodes and tags have their own modules. */
export function registerPoolCommands(context: CommandContext): vscode.Disposable[] {
  return [
    ...registerCommonResourceCommands(context, poolKind, 'modelarts.pool'),
    registerCommand(context, 'modelarts.pool.delete', async (node) => {
      const target = await resolveTarget(context, poolKind, node);
      const name = poolKind.name(target.item);
      const question = vscode.l10n.t('Delete resource pool "{0}" and all its nodes?', name);
      if (!(await confirmByTypingName(context.ui, question, name))) {
        return;
      }
      await changeResourceState(context, target, vscode.l10n.t('Deleting resource pool "{0}"…', name), async (services, signal) => {
        await services.pools.delete(target.scope.region, poolKind.id(target.item), signal);
        return undefined; // refetched: the pool is now Deleting
      });
    }),
    registerCommand(context, 'modelarts.pool.viewNodeConfigTemplate', async (node) => {
      const target = await resolveTarget(context, poolKind, node);
      const services = requireServices(context);
      const template = await withProgress(vscode.l10n.t('Loading the node configuration template…'), (signal) =>
        services.pools.nodeConfigTemplate(target.scope.region, poolKind.id(target.item), signal),
      );
      await context.documents.show([target.scope.region, 'pools', `${poolKind.name(target.item)}-node-config-template.json`], JSON.stringify(template, null, 2), 'json');
    }),
    registerCommand(context, 'modelarts.nodePool.scale', async (node) => {
      const target = await resolveTarget(context, nodePoolKind, node);
      const current = target.item.spec?.resources?.count ?? 0;
      const limit = Math.max(POOL_MAX_NODES, current);
      const answer = await ask(context.ui, {
        title: vscode.l10n.t('Scale node pool "{0}"', nodePoolKind.name(target.item)),
        prompt: vscode.l10n.t('Number of nodes, 0 to {0}', limit),
        value: String(current),
        validateInput: (value) => {
          const count = Number(value);
          return /^\d+$/.test(value.trim()) && count <= limit ? undefined : vscode.l10n.t('Enter a whole number from 0 to {0}.', limit);
        },
      });
      // The PATCH answers neither the name nor the nodes by state: the node pool is read again.
      await changeResourceState(context, target, vscode.l10n.t('Scaling node pool "{0}" to {1}…', nodePoolKind.name(target.item), answer), async (services, signal) => {
        await services.pools.scaleNodePool(target.scope.region, poolOf(target.scope), target.item, Number(answer), signal);
        return undefined;
      });
      await refreshPool(context, poolNodeAbove(target.node), poolNodeKind);
    }),
    registerCommand(context, 'modelarts.nodePool.create', (node) => createNodePool(context, node)),
    registerCommand(context, 'modelarts.nodePool.delete', async (node) => {
      const target = await resolveTarget(context, nodePoolKind, node);
      if (!(await confirmDelete(context, target, vscode.l10n.t('Its nodes are deleted with it.')))) {
        return;
      }
      const services = requireServices(context);
      await withProgress(vscode.l10n.t('Deleting node pool "{0}"…', nodePoolKind.name(target.item)), (signal) =>
        services.pools.deleteNodePool(target.scope.region, poolOf(target.scope), nodePoolKind.id(target.item), signal),
      );
      await refreshPool(context, poolNodeAbove(target.node), nodePoolKind, poolNodeKind);
    }),
    registerCommand(context, 'modelarts.plugin.install', async (node) => {
      const pool = await resolvePoolOf(context, node);
      const services = requireServices(context);
      const templates = await services.pools.listPluginTemplates(pool.scope.region, pool.id);
      const template = await pick(
        context.ui,
        templates.map((candidate) => ({ label: candidate.metadata.name, description: candidate.spec?.description, candidate })),
        { title: vscode.l10n.t('Install a plugin in pool "{0}"', pool.name) },
      );
      // Versions as the template lists them, the first offered first.
      const versions = (template.candidate.spec?.versions ?? []).map((entry) => ({ label: entry.version, description: entry.description }));
      const version =
        versions.length > 1 ? (await pick(context.ui, versions, { title: vscode.l10n.t('Version of {0}', template.label) })).label : (versions[0]?.label ?? '');
      await withProgress(vscode.l10n.t('Installing {0} {1}…', template.label, version), (signal) => services.pools.installPlugin(pool.scope.region, pool.id, template.label, version, signal));
      await refreshPool(context, pool.node, pluginKind);
    }),
    ...registerPoolNodeCommands(context),
    registerPoolTagCommands(context),
  ];
}
