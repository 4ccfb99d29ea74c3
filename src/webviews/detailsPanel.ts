import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { requireServices, ResourceReference, type ResourceTarget } from '../commands/resourceTarget';
import { asModelArtsError } from '../services/errors';
import type { TrainingLog } from '../services/trainingJobs';
import { failureReasonOf, reasonLine } from '../views/failureReason';
import { readableStatus } from '../views/format';
import { type ResourceState, stateOf } from '../views/resourceStates';
import type { DetailsChartSource, DetailsPresenter } from './detailsPresenters';
import type { DetailsField, DetailsStep, DetailsView, WebviewMessage } from './protocol';
import { errorInfo, WebviewController } from './webviewController';

/** The log tail shown in a panel: enough to follow a run, small enough to re-send each refresh. */
const LOG_TAIL_LINES = 400;

/**
 * A resource's details: its fields, progress and log tail, refreshed while it is
 * changing (or its log is followed) and the panel is visible. Buttons run the
 * same commands as the tree, on this resource.
 */
export class DetailsPanel<T> extends WebviewController {
  private static readonly open = new Map<string, DetailsPanel<unknown>>();
  private item: T;
  private moreFields: DetailsField[] = [];
  private progress: { steps: DetailsStep[]; fields: DetailsField[] } | undefined;
  private log: TrainingLog | undefined;
  /** The log read last, redacted, split into lines. */
  private logLines: string[] = [];
  private readonly charts: DetailsChartSource<T> | undefined;
  /** Why the resource failed, as its last refresh found it (its log's or events' last error when it says nothing itself). */
  private reason: string | undefined;
  private following = true;
  private timer: NodeJS.Timeout | undefined;
  private readonly refreshing = new AbortController();

  /** Opens the panel of a resource, or brings its open panel forward. */
  static show<T>(context: CommandContext, presenter: DetailsPresenter<T>, target: ResourceTarget<T>): DetailsPanel<T> {
    const key = `${presenter.kind.contextValue}/${target.scope.region}/${presenter.kind.id(target.item)}`;
    const existing = DetailsPanel.open.get(key) as DetailsPanel<T> | undefined;
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = new DetailsPanel(context, presenter, target);
    DetailsPanel.open.set(key, panel as DetailsPanel<unknown>);
    panel.onDidDispose(() => DetailsPanel.open.delete(key));
    return panel;
  }

  private constructor(
    private readonly context: CommandContext,
    private readonly presenter: DetailsPresenter<T>,
    private readonly target: ResourceTarget<T>,
  ) {
    super({ extensionUri: context.extensionUri, log: context.log }, 'details', `${presenter.kind.name(target.item)}`);
    this.item = target.item;
    this.charts = presenter.charts?.(context.globalState, context.log);
    this.register(this.panel.onDidChangeViewState(() => this.schedule()));
    this.register(context.states.onDidChange((state) => this.showReported(state)));
  }

  /**
   * The resource's newer state, read elsewhere (the tree's polling, log following, a chat tool, an action's
   * answer): shown at once, without a request. A listing may leave out fields its own read has (a service's
   * address): those are kept from the panel's last read until its next one.
   */
  private showReported(state: ResourceState): void {
    const { kind } = this.presenter;
    const latest = stateOf(state, kind, this.target.scope.region, kind.id(this.item));
    if (latest === undefined || latest === this.item) {
      return;
    }
    this.item = { ...this.item, ...latest };
    this.render();
    this.schedule();
  }

  protected async onMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.render();
        this.postCharts(); // a webview shown again starts empty: what was read is sent at once
        await this.refresh();
        return;
      case 'showScalar':
        if (await this.charts?.choose(message.key, message.shown)) {
          this.postCharts();
        }
        return;
      case 'followLog':
        this.following = message.follow;
        this.render();
        this.schedule();
        return;
      case 'runAction':
        if (message.action === 'refresh') {
          await this.refresh();
        } else {
          const reference = new ResourceReference(this.presenter.kind, this.target.scope, this.item);
          await vscode.commands.executeCommand(`${this.presenter.commandPrefix}.${message.action}`, reference);
          if (message.action !== 'createSimilar' && message.action !== 'copyId') {
            await this.refresh();
          }
        }
        return;
      default:
        this.dependencies.log.warn(`details webview: "${message.type}" is not for this panel`);
    }
  }

  protected override onDispose(): void {
    clearTimeout(this.timer);
    this.refreshing.abort();
  }

  private async refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const { kind, log, moreFields, progress } = this.presenter;
    try {
      const services = requireServices(this.context);
      const signal = this.refreshing.signal;
      const { region } = this.target.scope;
      const [item, logTail, more] = await Promise.all([
        kind.fetch(services, this.target.scope, kind.id(this.item), signal),
        log ? log.fetch(services, region, this.item, signal) : Promise.resolve(undefined),
        moreFields ? moreFields(services, region, this.item, signal) : Promise.resolve([]),
      ]);
      // After the item: progress is told against its latest status. It only adds to the panel: without it the presenter's own steps show.
      const steps = await progress?.(services, region, item, signal).catch((error: unknown) => {
        if (!signal.aborted) {
          this.dependencies.log.warn(`details of ${kind.name(item)}: no progress: ${asModelArtsError(error).toDisplayString()}`);
        }
        return undefined;
      });
      const reason = await failureReasonOf(kind, services, this.target.scope, item, signal);
      const logLines = logTail ? this.redactedLines(logTail) : undefined;
      const chartsChanged = await this.charts?.read(services, region, item, logTail && completeLines(logTail, logLines ?? [], log?.live(item) ?? false), signal);
      this.item = item;
      this.reason = reason;
      this.log = logTail;
      this.logLines = logLines ?? [];
      this.moreFields = more;
      this.progress = steps;
      this.render();
      if (chartsChanged) {
        this.postCharts();
      }
      this.context.states.report(kind, region, item);
    } catch (error) {
      if (!this.refreshing.signal.aborted) {
        const failure = asModelArtsError(error);
        this.post({ type: 'detailsFailed', error: errorInfo(failure, this.dependencies.log) });
        if (failure.isNotFound) {
          return; // deleted: nothing more to refresh
        }
      }
    }
    this.schedule();
  }

  private get live(): boolean {
    const { kind, log } = this.presenter;
    return kind.category(this.item) === 'transitional' || (this.following && log !== undefined && log.live(this.item)) || (this.charts?.live(this.item) ?? false);
  }

  private schedule(): void {
    if (this.timer || this.refreshing.signal.aborted || !this.panel.visible || !this.live) {
      return;
    }
    this.timer = setTimeout(() => void this.refresh(), this.context.session.settings.pollIntervalMs);
  }

  /** The log passes the redactor before its tail is cut, so no piece of a secret is left at the cut. */
  private redactedLines(log: TrainingLog): string[] {
    // The preview is the log's newest part when it is shorter than the log; a running job may not have written a line's rest.
    return this.context.log.redactor.redact(log.content, { cutBefore: log.fullSize > log.currentSize, cutAfter: true }).split('\n');
  }

  private postCharts(): void {
    if (this.charts) {
      this.post({ type: 'detailsCharts', charts: this.charts.view() });
    }
  }

  /** Everything shown passes the redactor. */
  private render(): void {
    const { kind } = this.presenter;
    const redact = (text: string): string => this.context.log.redactor.redact(text);
    const lines = this.logLines;
    const fields = [...this.presenter.fields(this.item), ...this.moreFields, ...(this.progress?.fields ?? [])];
    const reason = kind.category(this.item) === 'failed' ? (reasonLine(kind.failureReason?.stated(this.item)) ?? this.reason) : undefined;
    const view: DetailsView = {
      kindLabel: kind.label,
      name: redact(kind.name(this.item)),
      status: redact(readableStatus(kind.status(this.item))),
      statusCategory: kind.category(this.item),
      reason: reason && redact(reason),
      fields: fields.map((field) => ({ label: redact(field.label), value: redact(field.value) })),
      steps: (this.progress && this.progress.steps.length > 0 ? this.progress.steps : this.presenter.steps(this.item)).map((step) => ({ ...step, label: redact(step.label) })),
      actions: this.presenter.actions(this.item),
      live: this.live,
      log: this.log && {
        text: lines.slice(-LOG_TAIL_LINES).join('\n'),
        following: this.following,
        truncated: lines.length > LOG_TAIL_LINES || this.log.fullSize > this.log.currentSize,
      },
    };
    this.post({ type: 'details', view });
  }
}

/** The lines written whole: not the first of a preview that starts mid-log, nor a last one a growing log has not ended. */
function completeLines(log: TrainingLog, lines: readonly string[], growing: boolean): string[] {
  return lines.slice(log.fullSize > log.currentSize ? 1 : 0, log.content.endsWith('\n') || growing ? -1 : lines.length);
}
