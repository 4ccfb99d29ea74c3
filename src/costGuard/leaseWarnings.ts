import * as vscode from 'vscode';
import { type CommandContext, reportFailure } from '../commands/commandContext';
import { isCancellation } from '../services/errors';
import type { Notebook } from '../services/notebooks';
import type { WorkspaceScope } from '../services/workspaces';
import { autoStopAt, clockTime, timeLeftText } from '../views/kinds/notebookLease';
import type { PollScheduler } from '../views/transitionPoller';
import type { CostSnapshot } from './costCount';

/** How long before a notebook's auto-stop the user is asked whether to renew it. */
export const LEASE_WARNING_MS = 10 * 60_000;

interface FollowedLease {
  readonly scope: WorkspaceScope;
  readonly notebook: Notebook;
  readonly stopsAt: number;
}

/**
 * Ten minutes before a running notebook stops by itself (its lease, read by the last count), a notification offers
 * Renew for 1 h, Renew for 4 h or Let it stop, once per lease end: a renewal makes a new end, warned of in turn. The
 * lease end is on the cloud's clock, as is the scheduler's `now()`; each count replaces the timers with the leases
 * it read, so a lease renewed elsewhere is followed at its new end.
 */
export class LeaseWarnings implements vscode.Disposable {
  private readonly timers = new Map<string, unknown>();
  /** The lease ends already warned of, as "region/id@end". */
  private readonly warned = new Set<string>();

  constructor(
    private readonly context: CommandContext,
    private readonly scheduler: () => PollScheduler,
    private readonly recount: () => Promise<unknown>,
  ) {}

  follow(snapshot: CostSnapshot): void {
    this.clear();
    const now = this.scheduler().now();
    for (const item of snapshot.items) {
      if (item.kind.key !== 'notebook') {
        continue;
      }
      // The notebook kind lists notebooks (billingKinds.ts).
      const notebook = item.resource as Notebook;
      const stopsAt = autoStopAt(notebook);
      if (stopsAt === undefined || stopsAt <= now || this.warned.has(leaseKey(item.scope, notebook, stopsAt))) {
        continue;
      }
      const lease = { scope: item.scope, notebook, stopsAt };
      const delay = stopsAt - LEASE_WARNING_MS - now;
      if (delay <= 0) {
        this.warn(lease);
      } else {
        this.timers.set(
          `${item.scope.region}/${notebook.id}`,
          this.scheduler().setTimeout(async () => this.warn(lease), delay),
        );
      }
    }
  }

  /** Drops the pending warnings (a new session, or before following a new count). */
  clear(): void {
    for (const timer of this.timers.values()) {
      this.scheduler().clearTimeout(timer);
    }
    this.timers.clear();
  }

  dispose(): void {
    this.clear();
  }

  /** Asks without waiting for the answer: the count and the other warnings go on meanwhile. */
  private warn(lease: FollowedLease): void {
    const key = leaseKey(lease.scope, lease.notebook, lease.stopsAt);
    if (this.warned.has(key)) {
      return;
    }
    this.warned.add(key);
    void this.ask(lease);
  }

  private async ask({ scope, notebook, stopsAt }: FollowedLease): Promise<void> {
    const now = this.scheduler().now();
    const renewOne = vscode.l10n.t('Renew for 1 h');
    const renewFour = vscode.l10n.t('Renew for 4 h');
    const letItStop = vscode.l10n.t('Let it stop');
    const answer = await this.context.ui.showWarningMessage(
      vscode.l10n.t('Notebook "{0}" ({1}) stops automatically in {2}, at {3}.', notebook.name, scope.region, timeLeftText(Math.max(0, stopsAt - now)), clockTime(stopsAt, now)),
      {},
      renewOne,
      renewFour,
      letItStop,
    );
    const hours = answer === renewOne ? 1 : answer === renewFour ? 4 : undefined;
    if (hours === undefined) {
      return;
    }
    try {
      // The renewal is the notebook command's, loaded at the first renewal.
      const [{ renewNotebookLease }, { notebookKind }] = await Promise.all([import('../commands/notebookSettingsCommands'), import('../views/treeCode')]);
      await renewNotebookLease(this.context, { kind: notebookKind, scope, item: notebook }, hours, this.scheduler().now());
    } catch (error) {
      if (!isCancellation(error)) {
        await reportFailure(this.context, 'modelarts.notebook.renewLease', error);
      }
      return;
    }
    // The renewal makes a new lease end: the next count follows it.
    await this.recount();
  }
}

function leaseKey(scope: WorkspaceScope, notebook: Notebook, stopsAt: number): string {
  return `${scope.region}/${notebook.id}@${stopsAt}`;
}
