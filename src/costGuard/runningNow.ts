import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { withProgress } from '../commands/progress';
import { requireServices } from '../commands/resourceTarget';
import { quotedNames } from '../commands/treeSelection';
import { pick } from '../commands/userInput';
import { formatDuration, joinParts } from '../views/format';
import { BILLING_KINDS, type BillingItem } from './billingKinds';
import { stopOf } from './billingStops';
import type { CostSnapshot } from './costCount';
import { hourlySum, type RunningFlavor, runningFlavors } from './runningPrices';

/** What Running now offers: one resource, Stop several, or a separator. */
export interface RunningPick extends vscode.QuickPickItem {
  readonly billing?: BillingItem;
  readonly stopSeveral?: boolean;
}

/** What the user chose in Running now: resources to stop (after one confirmation), or a pool to be told about. */
export type RunningChoice = { readonly stop: readonly BillingItem[] } | { readonly unstoppable: BillingItem } | undefined;

/** The name of a resource as messages and confirmations write it: `notebook "a"`. */
export function billingName(item: BillingItem): string {
  return `${item.kind.resourceKind.label} ${quotedNames([item.kind.resourceKind.name(item.resource)])}`;
}

/**
 * Running now: what the count found, grouped by kind (separators), each with its flavor, its hourly price where BSS
 * gives one, and how long it has run on the cloud's clock (`now`); the title adds up the prices. Stop several opens a multi-selection of the
 * resources that have a Stop; pools have none and are never offered it.
 */
export async function pickRunning(context: CommandContext, snapshot: CostSnapshot, now: number): Promise<RunningChoice> {
  const flavors = await withProgress(vscode.l10n.t('Reading the flavors and prices of what bills now…'), (signal) => runningFlavors(requireServices(context), snapshot.items, signal), context.ui);
  const rows = (items: readonly BillingItem[]) => groupedRows(items, flavors, now);
  const stoppable = snapshot.items.filter((item) => stopOf(item.kind) !== undefined);
  const stopSeveral: RunningPick[] =
    stoppable.length > 1 ? [{ label: `$(debug-stop) ${vscode.l10n.t('Stop several…')}`, description: vscode.l10n.t('choose which, then confirm once'), stopSeveral: true }] : [];
  const title = runningTitle(snapshot.items.length, hourlySum(flavors.values()));
  const picked = await pick(context.ui, [...stopSeveral, ...rows(snapshot.items)], { title, placeHolder: vscode.l10n.t('Pick a resource to stop it'), matchOnDescription: true, matchOnDetail: true });
  if (picked.stopSeveral) {
    const chosen = await context.ui.showQuickPickMany(rows(stoppable), { title: vscode.l10n.t('Stop which? One confirmation follows for all of them.'), canPickMany: true, matchOnDescription: true });
    const items = (chosen ?? []).flatMap((row) => (row.billing ? [row.billing] : []));
    return items.length > 0 ? { stop: items } : undefined;
  }
  if (!picked.billing) {
    return undefined;
  }
  return stopOf(picked.billing.kind) ? { stop: [picked.billing] } : { unstoppable: picked.billing };
}

function runningTitle(count: number, sum: ReturnType<typeof hourlySum>): string {
  if (count === 0) {
    return vscode.l10n.t('Nothing bills now in the configured regions');
  }
  return sum
    ? vscode.l10n.t('Billing now: {0} · {1} for the {2} priced (flavor, price and time running)', count, sum.text, sum.priced)
    : vscode.l10n.t('Billing now: {0} (flavor and time running; no price known)', count);
}

function groupedRows(items: readonly BillingItem[], flavors: ReadonlyMap<BillingItem, RunningFlavor>, now: number): RunningPick[] {
  return BILLING_KINDS.flatMap((kind) => {
    const ofKind = items.filter((item) => item.kind === kind);
    if (ofKind.length === 0) {
      return [];
    }
    const separator: RunningPick = { label: stopOf(kind) ? `${kind.title} (${ofKind.length})` : vscode.l10n.t('{0} ({1}, no stop)', kind.title, ofKind.length), kind: vscode.QuickPickItemKind.Separator };
    return [separator, ...ofKind.map((item) => row(item, flavors, now))];
  });
}

function row(item: BillingItem, flavors: ReadonlyMap<BillingItem, RunningFlavor>, now: number): RunningPick {
  const { kind, scope, resource } = item;
  const flavor = flavors.get(item);
  const since = kind.runningSince(resource);
  const ran = since === undefined ? undefined : vscode.l10n.t('running for {0}', formatDuration(Math.max(0, now - since)));
  return {
    label: `$(${kind.icon}) ${kind.resourceKind.name(resource)}`,
    description: joinParts(flavor?.text, flavor?.priceText, ran),
    detail: joinParts(kind.perRegion ? scope.region : vscode.l10n.t('{0} · workspace {1}', scope.region, item.workspaceName ?? scope.workspaceId), stopOf(kind) ? undefined : vscode.l10n.t('no stop: it bills until it is deleted or scaled down')),
    billing: item,
  };
}
