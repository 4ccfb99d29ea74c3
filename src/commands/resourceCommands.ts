import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import { type ResourceKind, withCapability } from '../views/resourceKind';
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
  await showChangedResource(context, target, updated);
}

/** Shows in the tree what a change answered, or reads the resource again when it answered nothing. */
export async function showChangedResource<T>(context: CommandContext, target: ResourceTarget<T>, updated: T | undefined): Promise<void> {
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

/**
 * A state change of one resource (start, stop, delete…), shared by its command and its chat tool:
 * the same capability its state must grant, the same question, request and tree update.
 */
export interface ResourceAction<T> {
  /** The word of the resource kind's capabilities that allows it, e.g. canStop. */
  readonly capability: string;
  /** "Stop notebook "x"?" */
  question(name: string): string;
  /** What follows, for what disrupts or destroys; absent for what does not (a start), which commands do without asking. */
  readonly detail?: string;
  /** The confirmation's button, e.g. Stop. */
  readonly button: string;
  /** "Stopping notebook "x"…" */
  progress(name: string): string;
  /** The request: the resource's new state, or undefined when it must be read again. */
  perform(services: ModelArtsServices, target: ResourceTarget<T>, signal: AbortSignal): Promise<T | undefined>;
  /** The resource is gone once the request answers (its deletion answers no body): the tree drops it at once. */
  readonly removes?: boolean;
}

/** A command running an action on the clicked resource, or on one picked among those that can. */
export function registerResourceAction<T>(context: CommandContext, command: string, kind: ResourceKind<T>, action: ResourceAction<T>): vscode.Disposable {
  return registerCommand(context, command, async (node) => {
    const target = await resolveTarget(context, kind, node, withCapability(kind, action.capability));
    const name = kind.name(target.item);
    if (action.detail !== undefined && !(await confirmAction(context.ui, action.question(name), action.detail, action.button))) {
      return;
    }
    const services = requireServices(context);
    const updated = await withProgress(action.progress(name), (signal) => action.perform(services, target, signal));
    await showActionResult(context, target, action, updated);
  });
}

/** The tree after an action: the resource's new state, or its node gone. */
export async function showActionResult<T>(context: CommandContext, target: ResourceTarget<T>, action: ResourceAction<T>, updated: T | undefined): Promise<void> {
  if (action.removes) {
    removeFromTree(context, target);
    return;
  }
  await showChangedResource(context, target, updated);
}

/** Drops the node of a resource that is gone once its deletion answers. */
export function removeFromTree<T>(context: CommandContext, target: ResourceTarget<T>): void {
  if (target.node) {
    target.node.parent.removeChild(target.node);
    context.explorer.rerender(target.node.parent);
  }
}

/** Delete with a modal confirmation naming the resource; returns false when the user declined. */
export async function confirmDelete<T>(context: CommandContext, target: ResourceTarget<T>, detail: string): Promise<boolean> {
  const { kind, item } = target;
  return confirmAction(context.ui, deleteQuestion(kind.label, kind.name(item)), detail, vscode.l10n.t('Delete'));
}
