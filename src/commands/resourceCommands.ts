import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import type { ResourceKind } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction, deleteQuestion } from './confirm';
import { withProgress } from './progress';
import { requireServices, resolveTarget, type ResourceTarget, type TargetPicker } from './resourceTarget';

/** Commands every resource kind has: copy its id, view its JSON. `pickTarget` replaces the workspace picker. */
export function registerCommonResourceCommands<T>(context: CommandContext, kind: ResourceKind<T>, commandPrefix: string, pickTarget?: TargetPicker<T>): vscode.Disposable[] {
  return [
    registerCommand(context, `${commandPrefix}.copyId`, async (node) => {
      const target = await resolveTarget(context, kind, node, undefined, pickTarget);
      await vscode.env.clipboard.writeText(kind.id(target.item));
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the ID of {0} "{1}"', kind.label, kind.name(target.item)), 3000);
    }),
    registerViewDetailsCommand(context, kind, commandPrefix, pickTarget),
  ];
}

/** View a resource as JSON, fetched again so it is current. */
export function registerViewDetailsCommand<T>(context: CommandContext, kind: ResourceKind<T>, commandPrefix: string, pickTarget?: TargetPicker<T>): vscode.Disposable {
  return registerCommand(context, `${commandPrefix}.viewDetails`, async (node) => {
    const target = await resolveTarget(context, kind, node, undefined, pickTarget);
    const services = requireServices(context);
    const latest = await withProgress(vscode.l10n.t('Loading {0} "{1}"…', kind.label, kind.name(target.item)), (signal) =>
      kind.fetch(services, target.scope, kind.id(target.item), signal),
    );
    target.node?.update(latest);
    if (target.node) {
      context.explorer.rerender(target.node);
    }
    await context.documents.show([target.scope.region, `${kind.contextValue}s`, `${kind.name(latest)}-${kind.id(latest)}.json`], JSON.stringify(latest, null, 2), 'json');
  });
}

/**
 * Runs a state change on a resource with progress, then shows the state the API
 * returned in place; the tree keeps polling it while it is transitional.
 */
export async function changeResourceState<T>(
  context: CommandContext,
  target: ResourceTarget<T>,
  title: string,
  change: (services: ModelArtsServices, signal: AbortSignal) => Promise<T | undefined>,
): Promise<void> {
  const services = requireServices(context);
  const updated = await withProgress(title, (signal) => change(services, signal));
  const { node } = target;
  if (!node) {
    return;
  }
  if (updated) {
    node.update(updated);
    context.explorer.rerender(node);
  } else {
    await context.explorer.refresh(node);
  }
}

/** Delete with a modal confirmation naming the resource; returns false when the user declined. */
export async function confirmDelete<T>(context: CommandContext, target: ResourceTarget<T>, detail: string): Promise<boolean> {
  const { kind, item } = target;
  return confirmAction(context.ui, deleteQuestion(kind.label, kind.name(item)), detail, vscode.l10n.t('Delete'));
}
