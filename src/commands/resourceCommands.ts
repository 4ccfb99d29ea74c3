import * as vscode from 'vscode';
import type { ModelArtsServices } from '../services';
import { asModelArtsError, isCancellation, LocalErrorCode, ModelArtsError } from '../services/errors';
import { Limiter } from '../services/limiter';
import { readableStatus } from '../views/format';
import { ResourceNode } from '../views/nodes/resourceNodes';
import { type ResourceKind, withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction, deleteQuestion } from './confirm';
import { withProgress } from './progress';
import { requireServices, resolveTarget, type ResourceTarget, type TargetPicker } from './resourceTarget';
import { leftOutNote, quotedNames } from './treeSelection';

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
    context.states.report(kind, target.scope.region, latest);
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

/** Shows what a change answered (in the tree and open details panels), or reads the resource again in the tree when it answered nothing. */
export async function showChangedResource<T>(context: CommandContext, target: ResourceTarget<T>, updated: T | undefined): Promise<void> {
  if (updated) {
    context.states.report(target.kind, target.scope.region, updated);
  } else if (target.node) {
    await context.explorer.refresh(target.node);
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
  /** The action starts the resource: once it runs, its next step is offered (see NextSteps). */
  readonly starts?: boolean;
}

/** How many requests a multi-selection runs at once where the API has no batch request for them. */
export const PARALLEL_ACTIONS = 4;

/**
 * A command running an action on the clicked resource, or on one picked among those that can; from a
 * multi-selection in the tree, on every selected resource of the kind that can (see runOnSelection).
 */
export function registerResourceAction<T>(context: CommandContext, command: string, kind: ResourceKind<T>, action: ResourceAction<T>): vscode.Disposable {
  return registerCommand(context, command, async (clicked, selected) => {
    if (Array.isArray(selected) && selected.length > 1) {
      await runOnSelection(context, command, kind, action, selected);
      return;
    }
    const target = await resolveTarget(context, kind, clicked, withCapability(kind, action.capability));
    const name = kind.name(target.item);
    if (action.detail !== undefined && !(await confirmAction(context.ui, action.question(name), action.detail, action.button))) {
      return;
    }
    const services = requireServices(context);
    let updated: T | undefined;
    try {
      updated = await withProgress(action.progress(name), (signal) => action.perform(services, target, signal));
    } catch (error) {
      throw await refusalWithCurrentState(context, target, action, error);
    }
    await showActionResult(context, target, action, updated);
  });
}

/**
 * An action on every selected resource of `kind` that can take it: one confirmation naming them all, the
 * requests at most PARALLEL_ACTIONS at a time, their rows updated, then one report naming the refused ones
 * (with their current state, code and request id) and what the selection held that was left out.
 */
async function runOnSelection<T>(context: CommandContext, command: string, kind: ResourceKind<T>, action: ResourceAction<T>, selected: readonly unknown[]): Promise<void> {
  const able = withCapability(kind, action.capability);
  const nodes = selected.filter((node): node is ResourceNode<T> => node instanceof ResourceNode && node.kind === kind && able((node as ResourceNode<T>).resource));
  const leftOut = leftOutNote(selected, nodes);
  if (nodes.length === 0) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('None of the selected items can do that now ({0} {1}).', action.button, kind.label), 'config');
  }
  const names = quotedNames(nodes.map((node) => node.name));
  if (action.detail !== undefined) {
    const question = vscode.l10n.t('{0} {1} {2}: {3}?', action.button, nodes.length, kind.groupLabel, names);
    if (!(await confirmAction(context.ui, question, [action.detail, leftOut].filter(Boolean).join('\n\n'), action.button))) {
      return;
    }
  }
  const services = requireServices(context);
  const targets: ResourceTarget<T>[] = nodes.map((node) => ({ kind, scope: node.parent.scope, item: node.resource, node }));
  let outcomes: PromiseSettledResult<T | undefined>[];
  try {
    const limiter = new Limiter(PARALLEL_ACTIONS);
    outcomes = await withProgress(action.progress(names), (signal) =>
      // After Cancel no further request starts: those still waiting are rejected as cancelled.
      Promise.allSettled(targets.map((target) => limiter.run(() => action.perform(services, target, signal), signal))),
    );
  } catch (error) {
    // Cancelled: some requests may have gone out; every row shows what is true now.
    await Promise.all(nodes.map((node) => context.explorer.refresh(node)));
    throw error;
  }
  const refusals: ModelArtsError[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome.status === 'fulfilled') {
      await showActionResult(context, targets[index], action, outcome.value);
    } else if (!isCancellation(outcome.reason)) {
      refusals.push(await refusalWithCurrentState(context, targets[index], action, outcome.reason));
    }
  }
  const report = [...refusals.map((refusal) => refusal.toDisplayString()), leftOut].filter((line): line is string => line !== undefined);
  if (refusals.length > 0) {
    context.log.error(`${command}: ${report.join(' ')}`);
    const summary = vscode.l10n.t('{0}: {1} of {2} {3} done.', action.button, nodes.length - refusals.length, nodes.length, kind.groupLabel);
    await context.ui.showErrorMessage(context.log.redactor.redact([summary, ...report].join(' ')));
  } else if (leftOut) {
    await context.ui.showInformationMessage(leftOut);
  }
}

/**
 * When the cloud refuses an action (often because the resource's state moved on), reads the resource
 * again so its row shows the truth (dropped when it is gone), and answers the refusal with its name and
 * current state before the cloud's code, message and request id.
 */
export async function refusalWithCurrentState<T>(context: CommandContext, target: ResourceTarget<T>, action: ResourceAction<T>, error: unknown): Promise<ModelArtsError> {
  const refusal = asModelArtsError(error);
  if (refusal.kind !== 'service') {
    return refusal;
  }
  const { kind, scope, item } = target;
  const name = kind.name(item);
  let now: string;
  try {
    const latest = await kind.fetch(requireServices(context), scope, kind.id(item), new AbortController().signal);
    context.states.report(kind, scope.region, latest);
    now = vscode.l10n.t('{0} was refused for {1} "{2}": it is {3} now.', action.button, kind.label, name, readableStatus(kind.status(latest)));
  } catch (readError) {
    if (!asModelArtsError(readError).isNotFound) {
      return refusal;
    }
    removeFromTree(context, target);
    now = vscode.l10n.t('{0} was refused for {1} "{2}": it no longer exists.', action.button, kind.label, name);
  }
  return new ModelArtsError(refusal.errorCode, `${now} ${refusal.message}`, refusal.kind, refusal.requestId, refusal.httpStatus);
}

/** The tree after an action: the resource's new state, or its node gone. */
export async function showActionResult<T>(context: CommandContext, target: ResourceTarget<T>, action: ResourceAction<T>, updated: T | undefined): Promise<void> {
  if (action.removes) {
    removeFromTree(context, target);
    return;
  }
  if (action.starts) {
    context.states.started(target.kind, target.scope, target.item);
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
