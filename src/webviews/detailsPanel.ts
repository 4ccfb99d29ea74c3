import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { requireServices, ResourceReference, type ResourceTarget } from '../commands/resourceTarget';
import { asModelArtsError } from '../services/errors';
import type { TrainingLog } from '../services/trainingJobs';
import { failureReasonOf, reasonLine } from '../views/failureReason';
import { listedFlavorOf } from '../views/flavorCatalog';
import { flavorWithId } from '../views/flavorText';
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
  private static preview: DetailsPanel<unknown> | undefined;
  private key: string;
  private item: T;
  private moreFields: DetailsField[] = [];
  private progress: { steps: DetailsStep[]; fields: DetailsField[] } | undefined;
  private log: TrainingLog | undefined;
  /** The log read last, redacted, split into lines. */
  private logLines: string[] = [];
  private charts: DetailsChartSource<T> | undefined;
  /** Why the resource failed, as its last refresh found it (its log's or events' last error when it says nothing itself). */
  private reason: string | undefined;
  /** The flavor as its listing describes it, for kinds whose resource names it by id only. */
  private flavor: string | undefined;
  private following = true;
  private timer: NodeJS.Timeout | undefined;
  private refreshing = new AbortController();

  /**
   * Opens the panel of a resource, or brings its open panel forward. A preview (a click on its row) takes the place of
   * the one panel still in preview, as VS Code's editors do; any other opening, or a second one, pins it.
   */
  static show<T>(context: CommandContext, presenter: DetailsPresenter<T>, target: ResourceTarget<T>, mode: 'preview' | 'pinned' = 'pinned'): DetailsPanel<T> {
    const existing = DetailsPanel.open.get(panelKey(presenter, target)) as DetailsPanel<T> | undefined;
    if (existing) {
      existing.reveal(mode === 'preview');
      if (mode === 'pinned') {
        existing.pin();
      }
      return existing;
    }
    const reused = mode === 'preview' ? (DetailsPanel.preview as DetailsPanel<T> | undefined) : undefined;
    if (reused) {
      reused.showResource(presenter, target);
      reused.reveal(true);
      return reused;
    }
    return DetailsPanel.track(new DetailsPanel(context, presenter, target, mode === 'pinned'));
  }

  /** A panel VS Code brings back after a window reload, showing the resource read again. */
  static restore<T>(context: CommandContext, presenter: DetailsPresenter<T>, target: ResourceTarget<T>, panel: vscode.WebviewPanel): DetailsPanel<T> {
    return DetailsPanel.track(new DetailsPanel(context, presenter, target, true, panel));
  }

  private static track<T>(panel: DetailsPanel<T>): DetailsPanel<T> {
    DetailsPanel.open.set(panel.key, panel as DetailsPanel<unknown>);
    if (!panel.pinned) {
      DetailsPanel.preview = panel as DetailsPanel<unknown>;
    }
    panel.onDidDispose(() => {
      DetailsPanel.open.delete(panel.key);
      if (DetailsPanel.preview === (panel as DetailsPanel<unknown>)) {
        DetailsPanel.preview = undefined;
      }
    });
    return panel;
  }

  private constructor(
    private readonly context: CommandContext,
    private presenter: DetailsPresenter<T>,
    private target: ResourceTarget<T>,
    private pinnedPanel: boolean,
    restored?: vscode.WebviewPanel,
  ) {
    super({ extensionUri: context.extensionUri, log: context.log }, 'details', `${presenter.kind.name(target.item)}`, restored, !pinnedPanel);
    this.item = target.item;
    this.key = panelKey(presenter, target);
    this.charts = presenter.charts?.(context.globalState, context.log);
    this.register(this.panel.onDidChangeViewState(() => this.schedule()));
    this.register(context.states.onDidChange((state) => this.showReported(state)));
  }

  /** Whether the panel stays as it is (a preview shows the next resource clicked). */
  get pinned(): boolean {
    return this.pinnedPanel;
  }

  /** Keeps the panel: a later preview opens a panel of its own. */
  pin(): void {
    if (DetailsPanel.preview === (this as DetailsPanel<unknown>)) {
      DetailsPanel.preview = undefined;
    }
    this.pinnedPanel = true;
  }

  /** The preview shows another resource: what the last one read is dropped, and its requests stop. */
  private showResource(presenter: DetailsPresenter<T>, target: ResourceTarget<T>): void {
    DetailsPanel.open.delete(this.key);
    this.refreshing.abort();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.refreshing = new AbortController();
    this.presenter = presenter;
    this.target = target;
    this.item = target.item;
    this.key = panelKey(presenter, target);
    DetailsPanel.open.set(this.key, this as DetailsPanel<unknown>);
    this.charts = presenter.charts?.(this.context.globalState, this.context.log);
    this.moreFields = [];
    this.progress = undefined;
    this.log = undefined;
    this.logLines = [];
    this.reason = undefined;
    this.flavor = undefined;
    this.following = true;
    this.panel.title = presenter.kind.name(target.item);
    this.render();
    this.postCharts();
    void this.refresh();
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
    if (message.type !== 'ready') {
      this.pin(); // working in a preview keeps it, as editing a preview editor does
    }
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
          if (message.action !== 'createSimilar' && message.action !== 'copyId' && message.action !== 'openInConsole') {
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
    // A preview that moved on to another resource aborted this signal: nothing read for the last one is shown.
    const { charts, target, item: shown, refreshing: { signal } } = this;
    try {
      const services = requireServices(this.context);
      const { region } = target.scope;
      const [item, logTail, more] = await Promise.all([
        kind.fetch(services, target.scope, kind.id(shown), signal),
        log ? log.fetch(services, region, shown, signal) : Promise.resolve(undefined),
        moreFields ? moreFields(services, region, shown, signal) : Promise.resolve([]),
      ]);
      // After the item: progress is told against its latest status. It only adds to the panel: without it the presenter's own steps show.
      const steps = await progress?.(services, region, item, signal).catch((error: unknown) => {
        if (!signal.aborted) {
          this.dependencies.log.warn(`details of ${kind.name(item)}: no progress: ${asModelArtsError(error).toDisplayString()}`);
        }
        return undefined;
      });
      const [reason, flavor] = await Promise.all([failureReasonOf(kind, services, target.scope, item, signal), listedFlavorOf(kind, services, region, item)]);
      const logLines = logTail ? this.redactedLines(logTail) : undefined;
      const chartsChanged = await charts?.read(services, region, item, logTail && completeLines(logTail, logLines ?? [], log?.live(item) ?? false), signal);
      if (signal.aborted) {
        return;
      }
      this.item = item;
      this.reason = reason;
      this.flavor = flavor && flavorWithId(flavor);
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
      if (signal.aborted) {
        return;
      }
      const failure = asModelArtsError(error);
      this.post({ type: 'detailsFailed', error: errorInfo(failure, this.dependencies.log) });
      if (failure.isNotFound) {
        return; // deleted: nothing more to refresh
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
    const fields = [...this.presenter.fields(this.item, this.flavor), ...this.moreFields, ...(this.progress?.fields ?? [])];
    const reason = kind.category(this.item) === 'failed' ? (reasonLine(kind.failureReason?.stated(this.item)) ?? this.reason) : undefined;
    const { region, workspaceId, parentId } = this.target.scope;
    const view: DetailsView = {
      reference: { kind: kind.contextValue, region, workspaceId, ...(parentId === undefined ? {} : { parentId }), id: kind.id(this.item) },
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

const panelKey = <T>(presenter: DetailsPresenter<T>, target: ResourceTarget<T>): string =>
  `${presenter.kind.contextValue}/${target.scope.region}/${presenter.kind.id(target.item)}`;

/** The lines written whole: not the first of a preview that starts mid-log, nor a last one a growing log has not ended. */
function completeLines(log: TrainingLog, lines: readonly string[], growing: boolean): string[] {
  return lines.slice(log.fullSize > log.currentSize ? 1 : 0, log.content.endsWith('\n') || growing ? -1 : lines.length);
}
