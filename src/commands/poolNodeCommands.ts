import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { collectPages } from '../services/paging';
import { NODE_BATCH_LABEL, NODE_POOL_LABEL, type NodeActionResult, type PoolNode } from '../services/pools';
import { flavorPickItems } from '../views/flavorPrices';
import { poolFlavorFacts } from '../views/flavorText';
import { shortFlavor } from '../views/format';
import { nodePoolKind, nodesText, poolKind, poolNodeKind, poolOf } from '../views/kinds/poolKinds';
import { ResourceNode } from '../views/nodes/resourceNodes';
import type { ListScope } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction } from './confirm';
import { poolNodeAbove, refreshPool } from './poolTargets';
import { withProgress } from './progress';
import { requireServices, resolveTarget } from './resourceTarget';
import { pick, pickMany } from './userInput';

/** Several nodes of one pool: the ones selected in the tree, or picked in the palette. */
interface NodeSelection {
  readonly scope: ListScope & { readonly parentId: string };
  readonly nodes: readonly PoolNode[];
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
      question: ({ names, poolName }) =>
        names.length === 1 ? vscode.l10n.t('Reboot 1 node of pool "{0}"?', poolName) : vscode.l10n.t('Reboot {0} nodes of pool "{1}"?', names.length, poolName),
      detail: (selection) => vscode.l10n.t('Workloads on them are interrupted: {0}', selection.names.join(', ')),
      button: () => vscode.l10n.t('Reboot'),
    },
    progress: ({ names }) => (names.length === 1 ? vscode.l10n.t('Rebooting 1 node…') : vscode.l10n.t('Rebooting {0} nodes…', names.length)),
    run: async (services, selection, signal) => {
      await services.pools.rebootNodes(selection.scope.region, selection.scope.parentId, selection.names, signal);
      return []; // all or nothing: a refusal is an error
    },
  },
  {
    command: 'modelarts.poolNode.delete',
    pickTitle: () => vscode.l10n.t('Select the nodes to delete'),
    confirm: {
      question: ({ names, poolName }) =>
        names.length === 1 ? vscode.l10n.t('Delete 1 node of pool "{0}"?', poolName) : vscode.l10n.t('Delete {0} nodes of pool "{1}"?', names.length, poolName),
      detail: (selection) => vscode.l10n.t('The pool shrinks by these nodes, and workloads on them stop: {0}', selection.names.join(', ')),
      button: () => vscode.l10n.t('Delete'),
    },
    progress: ({ names }) => (names.length === 1 ? vscode.l10n.t('Deleting 1 node…') : vscode.l10n.t('Deleting {0} nodes…', names.length)),
    run: async (services, selection, signal) => {
      await services.pools.deleteNodes(selection.scope.region, selection.scope.parentId, selection.names, signal);
      return []; // all or nothing: a refusal (a locked node) is an error
    },
  },
  {
    command: 'modelarts.poolNode.lock',
    pickTitle: () => vscode.l10n.t('Select the nodes to lock against deletion'),
    progress: ({ names }) =>
      names.length === 1 ? vscode.l10n.t('Locking 1 node against deletion…') : vscode.l10n.t('Locking {0} nodes against deletion…', names.length),
    run: (services, selection, signal) => services.pools.setNodesLocked(selection.scope.region, selection.scope.parentId, selection.names, true, signal),
  },
  {
    command: 'modelarts.poolNode.unlock',
    pickTitle: () => vscode.l10n.t('Select the nodes to unlock'),
    progress: ({ names }) => (names.length === 1 ? vscode.l10n.t('Unlocking 1 node…') : vscode.l10n.t('Unlocking {0} nodes…', names.length)),
    run: (services, selection, signal) => services.pools.setNodesLocked(selection.scope.region, selection.scope.parentId, selection.names, false, signal),
  },
];

/** The batch actions on a pool's nodes, and changing their flavor. */
export function registerPoolNodeCommands(context: CommandContext): vscode.Disposable[] {
  return [
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
    registerCommand(context, 'modelarts.poolNode.resize', async (clicked, selected) => {
      await changeFlavor(context, await resolveNodes(context, clicked, selected, vscode.l10n.t('Select the nodes whose flavor changes')));
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
    const poolName = poolNodeAbove(chosen[0])?.name ?? poolOf(scope);
    const nodes = chosen.map((node) => node.resource);
    return { scope: { ...scope, parentId: poolOf(scope) }, nodes, names: nodes.map((node) => node.metadata.name), poolName, treeNodes: chosen };
  }
  const pool = await resolveTarget(context, poolKind, undefined);
  const poolName = poolKind.id(pool.item);
  const services = requireServices(context);
  const nodes = await collectPages((token, signal) => services.pools.listNodes(pool.scope.region, poolName, token, signal), 500);
  const picked = await pickMany(context.ui, nodes.map((node) => ({ label: node.metadata.name, description: poolNodeKind.description(node), node })), { title });
  const pickedNodes = picked.map((item) => item.node);
  return { scope: { ...pool.scope, parentId: poolName }, nodes: pickedNodes, names: pickedNodes.map((node) => node.metadata.name), poolName: poolKind.name(pool.item), treeNodes: [] };
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
    const which = failed.map((result) => result.name).join(', ');
    void context.ui.showErrorMessage(failed.length === 1 ? vscode.l10n.t('Not done for 1 node: {0}', which) : vscode.l10n.t('Not done for {0} nodes: {1}', failed.length, which));
  }
  await Promise.all(selection.treeNodes.map((node) => context.explorer.refresh(node)));
}

/**
 * A flavor changes for whole creation batches (the SDK's batch-resize takes batch ids):
 * every node of the selected nodes' batches changes, so the confirmation names them all.
 */
async function changeFlavor(context: CommandContext, selection: NodeSelection): Promise<void> {
  const { region, parentId: poolId } = selection.scope;
  const nodePools = new Set(selection.nodes.map((node) => node.metadata.labels?.[NODE_POOL_LABEL]));
  const flavors = new Set(selection.nodes.map((node) => node.spec?.flavor));
  const [nodePool] = nodePools;
  const [flavor] = flavors;
  if (nodePools.size !== 1 || flavors.size !== 1 || !nodePool || !flavor) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Select nodes of one node pool and one flavor to change their flavor.'), 'config');
  }
  const unbatched = selection.nodes.find((node) => !node.metadata.labels?.[NODE_BATCH_LABEL]);
  if (unbatched) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Node {0} does not say which creation batch it belongs to, so its flavor cannot be changed.', unbatched.metadata.name), 'config');
  }
  const batchUids = [...new Set(selection.nodes.map((node) => node.metadata.labels?.[NODE_BATCH_LABEL] ?? ''))];
  const services = requireServices(context);
  const [poolNodes, flavorItems] = await withProgress(vscode.l10n.t('Loading the nodes of node pool "{0}"…', nodePool), (signal) =>
    Promise.all([
      collectPages((token) => services.pools.listNodePoolNodes(region, poolId, nodePool, token, signal), 5000, signal),
      services.pools.listResourceFlavors(region, signal).then((listed) => flavorPickItems(services, region, listed, poolFlavorFacts, signal)),
    ]),
  );
  const affected = poolNodes.filter((node) => batchUids.includes(node.metadata.labels?.[NODE_BATCH_LABEL] ?? '') && node.spec?.flavor === flavor).map((node) => node.metadata.name);
  const { id: target } = await pick(
    context.ui,
    flavorItems.filter((candidate) => candidate.id !== flavor),
    { title: vscode.l10n.t('Change the flavor of {0} from {1} to', nodesText(affected.length), shortFlavor(flavor) ?? flavor), matchOnDescription: true },
  );
  const question =
    affected.length === 1
      ? vscode.l10n.t('Change the flavor of 1 node of pool "{0}" to {1}?', selection.poolName, target)
      : vscode.l10n.t('Change the flavor of {0} nodes of pool "{1}" to {2}?', affected.length, selection.poolName, target);
  const detail = vscode.l10n.t('The nodes restart with the new flavor, interrupting their workloads. A flavor changes for whole creation batches, so these nodes change: {0}', affected.join(', '));
  if (!(await confirmAction(context.ui, question, detail, vscode.l10n.t('Change Flavor')))) {
    return;
  }
  const progress = affected.length === 1 ? vscode.l10n.t('Changing the flavor of 1 node…') : vscode.l10n.t('Changing the flavor of {0} nodes…', affected.length);
  await withProgress(progress, (signal) => services.pools.resizeNodes(region, poolId, { nodePool, fromFlavor: flavor, toFlavor: target, batchUids }, signal));
  // Nodes of the batches that were not selected change too: the whole list is loaded again.
  await refreshPool(context, poolNodeAbove(selection.treeNodes[0]), poolNodeKind, nodePoolKind);
}
