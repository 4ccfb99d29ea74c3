import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { quotedNames } from '../commands/treeSelection';
import { formatDuration } from '../views/format';
import type { PollScheduler } from '../views/transitionPoller';
import type { BillingItem, BillingKindKey } from './billingKinds';
import type { CostSnapshot } from './costCount';
import { SHOW_RUNNING_NOW } from './costStatusItem';

/** The kinds flagged when they run long: those people start by hand and forget. */
const FLAGGED_KINDS: readonly BillingKindKey[] = ['notebook', 'liteServer'];

/** globalState: the day (on the scheduler's clock) and the resources flagged on it, so each is flagged once a day, also across reloads. */
const FLAGGED_KEY = 'modelarts.costGuard.flaggedToday';

interface FlaggedToday {
  readonly day: string;
  readonly keys: readonly string[];
}

/**
 * A notebook or Lite Server running longer than `modelarts.costGuard.longRunningHours` is named in one notification
 * per count that finds new ones, at most once a day each.
 */
export class LongRunningFlags {
  constructor(
    private readonly context: Pick<CommandContext, 'globalState' | 'ui'>,
    private readonly scheduler: () => PollScheduler,
  ) {}

  async check(snapshot: CostSnapshot, longRunningMs: number): Promise<void> {
    const now = this.scheduler().now();
    const day = new Date(now).toDateString();
    const stored = this.context.globalState.get<FlaggedToday>(FLAGGED_KEY);
    const flaggedToday = new Set(stored?.day === day ? stored.keys : []);
    const fresh = snapshot.items.filter((item) => {
      const since = item.kind.runningSince(item.resource);
      return FLAGGED_KINDS.includes(item.kind.key) && since !== undefined && now - since > longRunningMs && !flaggedToday.has(itemKey(item));
    });
    if (fresh.length === 0) {
      return;
    }
    await this.context.globalState.update(FLAGGED_KEY, { day, keys: [...flaggedToday, ...fresh.map(itemKey)] } satisfies FlaggedToday);
    const names = fresh.map((item) => {
      const since = item.kind.runningSince(item.resource) ?? now;
      return vscode.l10n.t('{0} {1} for {2}', item.kind.resourceKind.label, quotedNames([item.kind.resourceKind.name(item.resource)]), formatDuration(now - since));
    });
    const show = vscode.l10n.t('Show Running Now');
    void Promise.resolve(this.context.ui.showInformationMessage(vscode.l10n.t('Running for long, and billing: {0}.', names.join('; ')), show)).then((answer) =>
      answer === show ? vscode.commands.executeCommand(SHOW_RUNNING_NOW) : undefined,
    );
  }
}

function itemKey(item: BillingItem): string {
  return `${item.kind.key}:${item.scope.region}:${item.kind.resourceKind.id(item.resource)}`;
}
