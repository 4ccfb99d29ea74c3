import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { collectPages } from '../services/paging';
import type { NodeActionResult, PoolNode } from '../services/pools';
import { nodePoolKind, pluginKind, poolKind, poolNodeKind, poolOf } from '../views/kinds/poolKinds';
import type { ExplorerNode } from '../views/nodes/explorerNode';
import { ResourceGroupNode, ResourceNode } from '../views/nodes/resourceNodes';
import type { ListScope } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction, confirmByTypingName } from './confirm';
import { withProgress } from './progress';
import { changeResourceState, confirmDelete, registerCommonResourceCommands } from './resourceCommands';
import { requireServices, resolveTarget } from './resourceTarget';
import { ask, pick, pickMany } from './userInput';

/** Several nodes of one pool: the ones selected in the tree, or picked in the palette. */
interface NodeSelection {
  readonly scope: ListScope & { readonly parentId: string };
  readonly names: readonly string[];
  /** The pool's display name, as the tree shows it (its id is scope.parentId). */
  readonly poolName: string;
  /** The tree nodes, when the command came from the tree. */
  readonly treeNodes: readonly ResourceNode<PoolNode>[];
}

/** An action on several nodes of one pool at once (the tree's multi-selection). */
interface NodeBatchAction {
  readonly command: string;
  pickTitle(): string;
  /** Asked before acting; harmless actions ask nothing. */
  readonly confirm?: { question(selection: NodeSelection): string; detail(selection: NodeSelection): string; button(): string };
  progress(selection: NodeSelection): string;
  run(services: ModelArtsServices, selection: NodeSelection, signal: AbortSignal): Promise<NodeActionResult[]>;
}

const NODE_BATCH_ACTIONS: readonly NodeBatchAction[] = [
  {
    command: 'modelarts.poolNode.reboot',
    pickTitle: () => vscode.l10n.t('Select the nodes to reboot'),
    confirm: {
      question: (selection) => vscode.l10n.t('Reboot {0} node(s) of pool "{1}"?', selection.names.length, selection.poolName),
      detail: (selection) => vscode.l10n.t('Workloads on them are interrupted: {0}', selection.names.join(', ')),
      button: () => vscode.l10n.t('Reboot'),
    },
    progress: (selection) => vscode.l10n.t('Rebooting {0} node(s)…', selection.names.length),
    run: async (services, selection, signal) => {
      await services.pools.rebootNodes(selection.scope.region, selection.scope.parentId, selection.names, signal);
      return []; // all or nothing: a refusal is an error
    },
  },
  {
    command: 'modelarts.poolNode.delete',
    pickTitle: () => vscode.l10n.t('Select the nodes to delete'),
    confirm: {
      question: (selection) => vscode.l10n.t('Delete {0} node(s) of pool "{1}"?', selection.names.length, selection.poolName),
      detail: (selection) => vscode.l10n.t('The pool shrinks by these nodes, and workloads on them stop: {0}', selection.names.join(', ')),
      button: () => vscode.l10n.t('Delete'),
    },
    progress: (selection) => vscode.l10n.t('Deleting {0} node(s)…', selection.names.length),
    run: (services, selection, signal) => services.pools.deleteNodes(selection.scope.region, selection.scope.parentId, selection.names, signal),
  },
  {
    command: 'modelarts.poolNode.lock',
    pickTitle: () => vscode.l10n.t('Select the nodes to lock against deletion'),
    progress: (selection) => vscode.l10n.t('Locking {0} node(s) against deletion…', selection.names.length),
    run: (services, selection, signal) => services.pools.setNodesLocked(selection.scope.region, selection.scope.parentId, selection.names, true, signal),
  },
  {
    command: 'modelarts.poolNode.unlock',
    pickTitle: () => vscode.l10n.t('Select the nodes to unlock'),
    progress: (selection) => vscode.l10n.t('Unlocking {0} node(s)…', selection.names.length),
    run: (services, selection, signal) => services.pools.setNodesLocked(selection.scope.region, selection.scope.parentId, selection.names, false, signal),
  },
];

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
    ...NODE_BATCH_ACTIONS.map((action) =>
      registerCommand(context, action.command, async (clicked, selected) => {
        const selection = await resolveNodes(context, clicked, selected, action.pickTitle());
        const { confirm } = action;
        if (confirm && !(await confirmAction(context.ui, confirm.question(selection), confirm.detail(selection), confirm.button()))) {
          return;
        }
        await runOnNodes(context, selection, action.progress(selection), (services, signal) => action.run(services, selection, signal));
      }),
    ),
    registerCommand(context, 'modelarts.nodePool.scale', async (node) => {
      const target = await resolveTarget(context, nodePoolKind, node);
      const { resources } = target.item.spec ?? {};
      const limit = resources?.maxCount;
      const answer = await ask(context.ui, {
        title: vscode.l10n.t('Scale node pool "{0}"', nodePoolKind.name(target.item)),
        prompt: limit ? vscode.l10n.t('Number of nodes, 0 to {0}', limit) : vscode.l10n.t('Number of nodes'),
        value: String(resources?.count ?? 0),
        validateInput: (value) => {
          const count = Number(value);
          return Number.isInteger(count) && count >= 0 && (!limit || count <= limit) ? undefined : vscode.l10n.t('Enter a whole number of nodes within the limit.');
        },
      });
      await changeResourceState(context, target, vscode.l10n.t('Scaling node pool "{0}" to {1}…', nodePoolKind.name(target.item), answer), (services, signal) =>
        services.pools.scaleNodePool(target.scope.region, poolOf(target.scope), nodePoolKind.id(target.item), Number(answer), signal),
      );
      refreshSiblingGroup(context, target.node, 'poolNode');
    }),
    registerCommand(context, 'modelarts.nodePool.delete', async (node) => {
      const target = await resolveTarget(context, nodePoolKind, node);
      if (!(await confirmDelete(context, target, vscode.l10n.t('Its nodes are deleted with it.')))) {
        return;
      }
      const services = requireServices(context);
      await withProgress(vscode.l10n.t('Deleting node pool "{0}"…', nodePoolKind.name(target.item)), (signal) =>
        services.pools.deleteNodePool(target.scope.region, poolOf(target.scope), nodePoolKind.id(target.item), signal),
      );
      if (target.node) {
        await context.explorer.refresh(target.node.parent);
        refreshSiblingGroup(context, target.node, 'poolNode');
      }
    }),
    registerCommand(context, 'modelarts.plugin.install', async (node) => {
      const pool = await resolvePoolOf(context, node);
      const services = requireServices(context);
      const templates = await services.pools.listPluginTemplates(pool.scope.region);
      const template = await pick(
        context.ui,
        templates.map((candidate) => ({ label: candidate.metadata.name, description: candidate.spec?.description, candidate })),
        { title: vscode.l10n.t('Install a plugin in pool "{0}"', pool.name) },
      );
      const versions = template.candidate.spec?.versions ?? [];
      const version = versions.length > 1 ? (await pick(context.ui, versions.map((label) => ({ label })), { title: vscode.l10n.t('Version of {0}', template.label) })).label : (versions[0] ?? '');
      await withProgress(vscode.l10n.t('Installing {0} {1}…', template.label, version), (signal) => services.pools.installPlugin(pool.scope.region, pool.id, template.label, version, signal));
      if (pool.pluginsGroup) {
        await context.explorer.refresh(pool.pluginsGroup);
      }
    }),
  ];
}

async function resolveNodes(context: CommandContext, clicked: unknown, selected: unknown, title: string): Promise<NodeSelection> {
  const chosen = (Array.isArray(selected) && selected.length > 0 ? selected : [clicked]).filter(
    (node): node is ResourceNode<PoolNode> => node instanceof ResourceNode && node.kind === poolNodeKind,
  );
  if (chosen.length > 0) {
    const scope = chosen[0].parent.scope;
    if (chosen.some((node) => node.parent.scope.parentId !== scope.parentId)) {
      throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Select nodes of one pool at a time.'), 'config');
    }
    const poolNode = chosen[0].parent.parent;
    const poolName = poolNode instanceof ResourceNode ? poolNode.name : poolOf(scope);
    return { scope: { ...scope, parentId: poolOf(scope) }, names: chosen.map((node) => node.resourceId), poolName, treeNodes: chosen };
  }
  const pool = await resolveTarget(context, poolKind, undefined);
  const poolName = poolKind.id(pool.item);
  const services = requireServices(context);
  const nodes = await collectPages((token, signal) => services.pools.listNodes(pool.scope.region, poolName, token, signal), 500);
  const picked = await pickMany(context.ui, nodes.map((node) => ({ label: node.metadata.name, description: poolNodeKind.description(node) })), { title });
  return { scope: { ...pool.scope, parentId: poolName }, names: picked.map((item) => item.label), poolName: poolKind.name(pool.item), treeNodes: [] };
}

/** Runs a batch action on nodes, reports the nodes it failed for, and shows the nodes' new state. */
async function runOnNodes(
  context: CommandContext,
  selection: NodeSelection,
  title: string,
  action: (services: ModelArtsServices, signal: AbortSignal) => Promise<NodeActionResult[]>,
): Promise<void> {
  const services = requireServices(context);
  const results = await withProgress(title, (signal) => action(services, signal));
  const failed = results.filter((result) => result.status === 'failed');
  if (failed.length > 0) {
    void context.ui.showErrorMessage(
      vscode.l10n.t('Not done for {0} node(s): {1}', failed.length, failed.map((result) => (result.message ? `${result.name} (${result.message})` : result.name)).join(', ')),
    );
  }
  await Promise.all(selection.treeNodes.map((node) => context.explorer.refresh(node)));
}

/** After a node pool changes size, the pool's Nodes list is out of date. */
function refreshSiblingGroup(context: CommandContext, node: ResourceNode<unknown> | undefined, kindContextValue: string): void {
  const pool = node?.parent.parent;
  const group = pool?.loadedChildren?.().find((child): child is ResourceGroupNode<unknown> => child instanceof ResourceGroupNode && child.kind.contextValue === kindContextValue);
  if (group) {
    void context.explorer.refresh(group);
  }
}

/** The pool a plugin goes into: from its Plugins category or the pool's node, or picked. */
async function resolvePoolOf(context: CommandContext, node: unknown): Promise<{ id: string; name: string; scope: ListScope; pluginsGroup?: ExplorerNode }> {
  if (node instanceof ResourceGroupNode && node.kind === pluginKind) {
    const poolNode = node.parent as ResourceNode<unknown>;
    return { id: poolNode.resourceId, name: poolNode.name, scope: node.scope, pluginsGroup: node };
  }
  const target = await resolveTarget(context, poolKind, node);
  const pluginsGroup = target.node?.loadedChildren().find((child) => child instanceof ResourceGroupNode && child.kind === pluginKind);
  return { id: poolKind.id(target.item), name: poolKind.name(target.item), scope: target.scope, pluginsGroup };
}
