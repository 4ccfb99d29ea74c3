import * as vscode from 'vscode';
import { cancelledError, LocalErrorCode, ModelArtsError } from '../services/errors';
import { ResourceGroupNode } from '../views/nodes/resourceNodes';
import { statusChoices } from '../views/statusFilter';
import { type CommandContext, registerCommand } from './commandContext';

/** The funnel on a category (Training Jobs, Notebooks…) and its Clear: they act on the category node they are clicked on. */
export function registerStatusFilterCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.filterByStatus', (node) => filterByStatus(context, filterableGroup(node))),
    registerCommand(context, 'modelarts.clearStatusFilter', async (node) => {
      const group = filterableGroup(node);
      group.setStatusFilter([]);
      context.explorer.rerender(group);
      await context.treeView.reveal(group, { expand: true, focus: false, select: false });
    }),
  ];
}

function filterableGroup(node: unknown): ResourceGroupNode<unknown> {
  if (node instanceof ResourceGroupNode && node.kind.statusFilter) {
    return node;
  }
  throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('Run Filter by Status on a category of the explorer, such as Training Jobs.'), 'config');
}

/** Picks the status categories to show (several at once); choosing none shows every status again. */
async function filterByStatus(context: CommandContext, group: ResourceGroupNode<unknown>): Promise<void> {
  const spec = group.kind.statusFilter;
  if (!spec) {
    return;
  }
  const current = group.statusFilter ?? [];
  const items = statusChoices(spec).map((choice) => ({
    label: choice.label,
    // The statuses it stands for, unless that is only its own name again.
    description: choice.statuses.join(', ') === choice.label ? undefined : choice.statuses.join(', '),
    picked: current.includes(choice.category),
    category: choice.category,
  }));
  const picked = await context.ui.showQuickPickMany(items, {
    title: vscode.l10n.t('Show only {0} in these states', group.kind.groupLabel),
    placeHolder: vscode.l10n.t('Choose none to show every state'),
  });
  if (picked === undefined) {
    throw cancelledError();
  }
  group.setStatusFilter(picked.map((item) => item.category));
  context.explorer.rerender(group);
  await context.treeView.reveal(group, { expand: true, focus: false, select: false });
}
