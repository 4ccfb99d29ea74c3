import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { confirmAction } from '../commands/confirm';
import { withProgress } from '../commands/progress';
import { PARALLEL_ACTIONS, refusalWithCurrentState, type ResourceAction, showActionResult } from '../commands/resourceCommands';
import { requireServices, type ResourceTarget } from '../commands/resourceTarget';
import { isCancellation, type ModelArtsError } from '../services/errors';
import { Limiter } from '../services/limiter';
import type { BillingItem } from './billingKinds';
import { stopOf } from './billingStops';
import { billingName } from './runningNow';

/**
 * Stops what Running now chose, after one confirmation naming them all, each through its kind's own Stop action (the
 * request, the row's new state and the refusal read as the tree's Stop does them), at most PARALLEL_ACTIONS at once.
 * The refused are reported together, with their current state. Once confirmed, `afterwards` runs (the count and the
 * tree read again), also when the stops are cancelled: some requests may have gone out.
 */
export async function stopBilling(context: CommandContext, items: readonly BillingItem[], afterwards: () => Promise<unknown>): Promise<void> {
  const stoppable = items.flatMap((item) => {
    const action = stopOf(item.kind);
    return action ? [{ item, action }] : [];
  });
  if (stoppable.length === 0) {
    return;
  }
  const names = stoppable.map(({ item }) => billingName(item));
  const question =
    stoppable.length === 1
      ? stoppable[0].action.question(stoppable[0].item.kind.resourceKind.name(stoppable[0].item.resource))
      : vscode.l10n.t('Stop {0} resources: {1}?', stoppable.length, names.join(', '));
  const details = [...new Set(stoppable.map(({ action }) => action.detail).filter((detail): detail is string => Boolean(detail)))];
  if (!(await confirmAction(context.ui, question, details.join('\n'), vscode.l10n.t('Stop')))) {
    return;
  }
  try {
    await stopConfirmed(context, stoppable);
  } finally {
    await afterwards();
  }
}

async function stopConfirmed(context: CommandContext, stoppable: readonly { readonly item: BillingItem; readonly action: ResourceAction<unknown> }[]): Promise<void> {
  const names = stoppable.map(({ item }) => billingName(item));
  const services = requireServices(context);
  const limiter = new Limiter(PARALLEL_ACTIONS);
  const targets: ResourceTarget<unknown>[] = stoppable.map(({ item }) => ({ kind: item.kind.resourceKind, scope: item.scope, item: item.resource }));
  const outcomes = await withProgress(
    vscode.l10n.t('Stopping {0}…', names.join(', ')),
    (signal) => Promise.allSettled(stoppable.map(({ action }, index) => limiter.run(() => action.perform(services, targets[index], signal), signal))),
    context.ui,
  );
  const refusals: ModelArtsError[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    const { action } = stoppable[index];
    if (outcome.status === 'fulfilled') {
      await showActionResult(context, targets[index], action, outcome.value);
    } else if (!isCancellation(outcome.reason)) {
      refusals.push(await refusalWithCurrentState(context, targets[index], action, outcome.reason));
    }
  }
  if (refusals.length > 0) {
    const report = refusals.map((refusal) => refusal.toDisplayString());
    context.log.error(`modelarts.costGuard.stop: ${report.join(' ')}`);
    const summary = vscode.l10n.t('Stop: {0} of {1} done.', stoppable.length - refusals.length, stoppable.length);
    await context.ui.showErrorMessage(context.log.redactor.redact([summary, ...report].join(' ')));
  }
}
