import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../services/errors';
import type { Notebook } from '../services/notebooks';
import { flavorPrices, pricedFlavorLabel } from '../views/flavorPrices';
import { notebookFlavorFacts, uniqueFlavors } from '../views/flavorText';
import { notebookKind } from '../views/kinds/notebookKind';
import { autoStopAt, clockTime, timeLeftText } from '../views/kinds/notebookLease';
import { withCapability } from '../views/resourceKind';
import { type CommandContext, registerCommand } from './commandContext';
import { confirmAction } from './confirm';
import { withProgress } from './progress';
import { changeResourceState } from './resourceCommands';
import { requireServices, resolveTarget, type ResourceTarget } from './resourceTarget';
import { pick } from './userInput';

const HOUR_MS = 3_600_000;
/** The lease API takes 1 to 72 hours (§1.3). */
const LEASE_HOURS = [1, 2, 4, 8, 12, 24, 48, 72];

const has = (capability: string) => withCapability(notebookKind, capability);

/** Keeps a running notebook running for `hours` from `now`, then shows its new state (the command's and the cost guard's renewal). */
export async function renewNotebookLease(context: CommandContext, target: ResourceTarget<Notebook>, hours: number, now = Date.now()): Promise<void> {
  const notebook = target.item;
  await changeResourceState(context, target, vscode.l10n.t('Renewing the lease of "{0}"…', notebook.name), async (services, signal) => {
    await services.notebooks.renewLease(target.scope.region, notebook.id, hours * HOUR_MS, signal);
    return services.notebooks.get(target.scope.region, notebook.id, signal);
  });
  vscode.window.setStatusBarMessage(vscode.l10n.t('Notebook "{0}" now stops at {1}', notebook.name, clockTime(now + hours * HOUR_MS, now)), 5000);
}

/** How long a running notebook runs before it stops by itself (its lease), and the flavor of a stopped one. */
export function registerNotebookSettingsCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'modelarts.notebook.renewLease', async (node) => {
      const target = await resolveTarget(context, notebookKind, node, has('canRenewLease'));
      const { item: notebook } = target;
      const now = Date.now();
      const stopsAt = autoStopAt(notebook);
      const picked = await pick(
        context.ui,
        LEASE_HOURS.map((hours) => ({
          label: hours === 1 ? vscode.l10n.t('1 hour') : vscode.l10n.t('{0} hours', hours),
          description: vscode.l10n.t('stops at {0}', clockTime(now + hours * HOUR_MS, now)),
          hours,
        })),
        {
          title:
            stopsAt === undefined
              ? vscode.l10n.t('Stop "{0}" automatically after…', notebook.name)
              : vscode.l10n.t('Keep "{0}" running for… (it stops in {1})', notebook.name, timeLeftText(Math.max(0, stopsAt - now))),
        },
      );
      const newStop = now + picked.hours * HOUR_MS;
      // Running less long than it would have is the one renewal that takes something away.
      if (stopsAt !== undefined && newStop < stopsAt) {
        const confirmed = await confirmAction(
          context.ui,
          vscode.l10n.t('Stop notebook "{0}" sooner, at {1}?', notebook.name, clockTime(newStop, now)),
          vscode.l10n.t('It would otherwise run until {0}.', clockTime(stopsAt, now)),
          vscode.l10n.t('Stop Sooner'),
        );
        if (!confirmed) {
          return;
        }
      }
      await renewNotebookLease(context, target, picked.hours, now);
    }),
    registerCommand(context, 'modelarts.notebook.changeFlavor', async (node) => {
      const target = await resolveTarget(context, notebookKind, node, has('canChangeFlavor'));
      const { item: notebook } = target;
      const services = requireServices(context);
      const { available, prices } = await withProgress(vscode.l10n.t('Loading the flavors "{0}" can switch to…', notebook.name), async (signal) => {
        const flavors = await services.notebooks.switchableFlavors(target.scope.region, notebook.id, signal);
        const offered = uniqueFlavors(flavors, (flavor) => flavor.id).filter((flavor) => !flavor.sold_out && flavor.id !== notebook.flavor);
        return { available: offered, prices: await flavorPrices(services, target.scope.region, offered.map(notebookFlavorFacts), signal) };
      });
      if (available.length === 0) {
        throw new ModelArtsError(LocalErrorCode.invalidInput, vscode.l10n.t('No other flavor is available for notebook "{0}" now.', notebook.name), 'config');
      }
      const picked = await pick(
        context.ui,
        available.map((flavor) => ({ label: pricedFlavorLabel(notebookFlavorFacts(flavor), prices), description: flavor.id, flavor })),
        { title: vscode.l10n.t('Change the flavor of "{0}" (now {1})', notebook.name, notebook.flavor), matchOnDescription: true },
      );
      const confirmed = await confirmAction(
        context.ui,
        vscode.l10n.t('Change the flavor of notebook "{0}" to {1}?', notebook.name, picked.flavor.id),
        vscode.l10n.t('From {0}. The notebook runs on the new flavor from its next start, billed as such.', notebook.flavor),
        vscode.l10n.t('Change Flavor'),
      );
      if (!confirmed) {
        return;
      }
      await changeResourceState(context, target, vscode.l10n.t('Changing the flavor of "{0}"…', notebook.name), (changing, signal) =>
        changing.notebooks.update(target.scope.region, notebook.id, { flavor: picked.flavor.id }, signal),
      );
    }),
  ];
}
