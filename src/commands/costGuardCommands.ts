import * as vscode from 'vscode';
import type { CostGuard } from '../costGuard/costGuard';
import { SHOW_RUNNING_NOW } from '../costGuard/costStatusItem';
import { billingName, pickRunning } from '../costGuard/runningNow';
import { stopBilling } from '../costGuard/stopBilling';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import { type CommandContext, registerCommand } from './commandContext';
import { withProgress } from './progress';
import { requireServices } from './resourceTarget';

/** Running now (the cost guard's status item) and a count on request. */
export function registerCostGuardCommands(context: CommandContext, costGuard: CostGuard): vscode.Disposable[] {
  return [
    registerCommand(context, SHOW_RUNNING_NOW, async () => {
      requireServices(context);
      // Counted again, so what is offered for stopping is what runs now, not up to an interval ago.
      const snapshot = await withProgress(vscode.l10n.t('Counting what bills now…'), () => costGuard.refreshNow(), context.ui);
      if (!snapshot) {
        throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('The cost guard is turned off (setting modelarts.costGuard.enabled).'), 'config');
      }
      const choice = await pickRunning(context, snapshot, costGuard.now());
      if (!choice) {
        return;
      }
      if ('unstoppable' in choice) {
        await context.ui.showInformationMessage(
          vscode.l10n.t('{0} has no stop: a dedicated resource pool bills until it is deleted or scaled down (in the explorer).', billingName(choice.unstoppable)),
        );
        return;
      }
      await stopBilling(context, choice.stop, () => Promise.all([costGuard.refreshNow(), context.explorer.refresh()]));
    }),
    registerCommand(context, 'modelarts.costGuard.refresh', async () => {
      requireServices(context);
      await withProgress(vscode.l10n.t('Counting what bills now…'), () => costGuard.refreshNow(), context.ui);
    }),
  ];
}
