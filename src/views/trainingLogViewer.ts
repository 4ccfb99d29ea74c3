import * as vscode from 'vscode';
import type { CommandContext } from '../commands/commandContext';
import { asModelArtsError } from '../services/errors';
import { LogTail } from '../services/logTail';
import type { Redactor } from '../services/secrets';
import { type TrainingJob, type TrainingLog, trainingLogMayGrow } from '../services/trainingJobs';
import { formatSize, readableStatus } from './format';
import { type PollScheduler, realTimers } from './transitionPoller';

/**
 * The newest bytes of a log kept in memory and in its editor (whole lines): some 20,000 lines of a training log.
 * A document change sends the whole document to the workbench, so this bounds what each change costs.
 */
const MAX_KEPT_BYTES = 2 * 1024 * 1024;
/**
 * A followed log's document changes at most this often, however fast the job writes: each change is one batch of
 * every line written since the last (one preview), never a change per line or per chunk.
 */
const MAX_CHANGES_PER_SECOND = 4;

/** True while the active editor shows a log that is being followed; enables "Follow Training Job Log". */
const FOLLOWING_CONTEXT_KEY = 'modelarts.followingLog';

/** One task's log of one job, as the editor shows it. */
export interface TaskLog {
  readonly region: string;
  readonly job: TrainingJob;
  readonly task: string;
}

/** A log whose job may still write to it, polled until the job ends or its editor closes. */
class FollowedLog {
  readonly stopping = new AbortController();
  timer: unknown;

  constructor(
    readonly uri: vscode.Uri,
    readonly log: TaskLog,
    readonly tail: LogTail,
  ) {}
}

/**
 * Training logs in read-only editors, one per job and task. While the job runs the log is followed: polled
 * every poll interval, the new lines appended, and editors that showed the end scrolled to the new end. However
 * fast the job writes, each poll changes the document once, and the next poll waits until that change has arrived. An
 * editor scrolled up stays where it is until scrolled back to the end, as in VS Code's Output panel: reading
 * back needs no button, and returning to the end resumes following. The status bar says which is the case.
 */
export class TrainingLogViewer implements vscode.Disposable {
  private readonly followed = new Map<string, FollowedLog>();
  /** Editors that showed the end of a log before its latest change, to scroll once the change arrives. */
  private readonly revealAfterChange = new Map<string, vscode.TextEditor[]>();
  private readonly status = vscode.window.createStatusBarItem('modelarts.trainingLog', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];
  private followingContext: boolean | undefined;
  private scheduler: PollScheduler = realTimers;

  constructor(private readonly context: CommandContext) {
    this.status.name = vscode.l10n.t('ModelArts training log');
    this.status.command = 'modelarts.trainingJob.followLog';
    this.subscriptions = [
      this.status,
      vscode.window.tabGroups.onDidChangeTabs(() => this.stopClosed()),
      vscode.workspace.onDidChangeTextDocument((event) => this.revealChange(event.document)),
      vscode.window.onDidChangeActiveTextEditor(() => this.showStatus()),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => event.textEditor === vscode.window.activeTextEditor && this.showStatus()),
    ];
  }

  /** Runs the follow polls on `scheduler` from now on (tests drive a virtual clock). */
  useScheduler(scheduler: PollScheduler): void {
    const follows = [...this.followed.values()];
    follows.forEach((follow) => this.scheduler.clearTimeout(follow.timer));
    this.scheduler = scheduler;
    follows.forEach((follow) => this.schedule(follow));
  }

  /** Brings an already followed log forward, scrolled to its end; false when the log is not followed. */
  async revealFollowed(log: TaskLog): Promise<boolean> {
    const follow = this.followed.get(this.context.documents.uriFor(pathOf(log)).toString());
    if (!follow) {
      return false;
    }
    const document = await vscode.workspace.openTextDocument(follow.uri);
    showEnd(await vscode.window.showTextDocument(document, { preview: false }));
    return true;
  }

  /** Opens a task's log with its first preview at the end; follows it while `phase` says the job may still write. */
  async show(log: TaskLog, first: TrainingLog, phase: string): Promise<vscode.TextEditor> {
    const tail = new LogTail(MAX_KEPT_BYTES);
    tail.merge(first);
    const editor = await this.context.documents.show(pathOf(log), documentText(tail, this.context.log.redactor), 'log');
    // The newest lines, where a failure's traceback is, are at the end.
    showEnd(editor);
    if (trainingLogMayGrow(phase)) {
      const follow = new FollowedLog(editor.document.uri, log, tail);
      this.followed.set(follow.uri.toString(), follow);
      this.schedule(follow);
    }
    this.showStatus();
    return editor;
  }

  /** Scrolls the active log to its end, so that it follows again. */
  followActive(): boolean {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.followed.has(editor.document.uri.toString())) {
      return false;
    }
    showEnd(editor);
    return true;
  }

  private schedule(follow: FollowedLog): void {
    const intervalMs = Math.max(this.context.session.settings.pollIntervalMs, 1000 / MAX_CHANGES_PER_SECOND);
    follow.timer = this.scheduler.setTimeout(() => this.poll(follow), intervalMs);
  }

  private async poll(follow: FollowedLog): Promise<void> {
    const services = this.context.session.services;
    if (!services || !isOpenInTab(follow.uri)) {
      this.stop(follow);
      return;
    }
    const { region, job, task } = follow.log;
    const signal = follow.stopping.signal;
    try {
      // The job first: once it has ended, the log read after it is complete, and this is the last poll.
      const latest = await services.trainingJobs.get(region, job.metadata.id, signal);
      // The job's phase as read here is the tree's and the details panel's too (a job seen Completed here turns Completed
      // there). The kind's code loads with the tree and the commands, not at activation.
      const { trainingJobKind } = await import('./treeCode');
      this.context.states.report(trainingJobKind, region, latest);
      const log = await services.trainingJobs.logPreview(region, job.metadata.id, task, signal);
      if (signal.aborted) {
        return;
      }
      if (follow.tail.merge(log) !== 'unchanged') {
        // The next poll waits until the workbench has this change: however slow it is, one change is under way.
        await this.render(follow);
        if (signal.aborted) {
          return;
        }
      }
      if (!trainingLogMayGrow(latest.status.phase)) {
        this.stop(follow);
        vscode.window.setStatusBarMessage(vscode.l10n.t('Training job "{0}" is {1}: its log ({2}) is complete.', job.metadata.name, readableStatus(latest.status.phase), task), 10_000);
        return;
      }
    } catch (error) {
      if (signal.aborted) {
        return;
      }
      const failure = asModelArtsError(error);
      this.context.log.warn(`following the log of training job ${job.metadata.id} (${task}): ${failure.toDisplayString()}`);
      if (failure.isNotFound) {
        this.stop(follow);
        return;
      }
    }
    this.schedule(follow);
  }

  private render(follow: FollowedLog): Promise<void> {
    const key = follow.uri.toString();
    const atEnd = vscode.window.visibleTextEditors.filter((editor) => editor.document.uri.toString() === key && showsEnd(editor));
    this.revealAfterChange.set(key, atEnd);
    return this.context.documents.update(follow.uri, documentText(follow.tail, this.context.log.redactor));
  }

  private revealChange(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const editors = this.revealAfterChange.get(key);
    if (!editors) {
      return;
    }
    this.revealAfterChange.delete(key);
    const end = new vscode.Range(document.lineCount - 1, 0, document.lineCount - 1, 0);
    for (const editor of editors) {
      editor.revealRange(end, vscode.TextEditorRevealType.Default);
    }
  }

  private stopClosed(): void {
    for (const follow of [...this.followed.values()]) {
      if (!isOpenInTab(follow.uri)) {
        this.stop(follow);
      }
    }
  }

  private stop(follow: FollowedLog): void {
    this.scheduler.clearTimeout(follow.timer);
    follow.stopping.abort();
    this.followed.delete(follow.uri.toString());
    this.showStatus();
  }

  private showStatus(): void {
    const editor = vscode.window.activeTextEditor;
    const follow = editor && this.followed.get(editor.document.uri.toString());
    if (this.followingContext !== (follow !== undefined)) {
      this.followingContext = follow !== undefined;
      void vscode.commands.executeCommand('setContext', FOLLOWING_CONTEXT_KEY, this.followingContext);
    }
    if (!editor || !follow) {
      this.status.hide();
      return;
    }
    const name = follow.log.job.metadata.name;
    if (showsEnd(editor)) {
      this.status.text = `$(sync~spin) ${vscode.l10n.t('Following {0}…', follow.log.task)}`;
      this.status.tooltip = vscode.l10n.t('New lines of the log of "{0}" are added as the job writes them. Scroll up to stop following; scroll back to the end to follow again.', name);
    } else {
      this.status.text = `$(debug-pause) ${vscode.l10n.t('Not following: scrolled up')}`;
      this.status.tooltip = vscode.l10n.t('New lines of the log of "{0}" are still added at the end. Click to go to the end and follow them.', name);
    }
    this.status.show();
  }

  dispose(): void {
    for (const follow of [...this.followed.values()]) {
      this.stop(follow);
    }
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

/** region/trainingJobs/<job id>/<job name>-<task>.log: the tab shows the name, the id keeps same-named jobs apart. */
function pathOf(log: TaskLog): string[] {
  return [log.region, 'trainingJobs', log.job.metadata.id, `${log.job.metadata.name}-${log.task}.log`];
}

function documentText(tail: LogTail, redactor: Redactor): string {
  const omitted = tail.omittedBytes > 0 ? `${vscode.l10n.t('[{0} of earlier output not shown: only the newest part of the log is kept]', formatSize(tail.omittedBytes) ?? '')}\n` : '';
  return omitted + tail.shownText(redactor);
}

/** Whether the editor shows the log's last line (the one after the final line break counts as the end too). */
function showsEnd(editor: vscode.TextEditor): boolean {
  const lastVisible = editor.visibleRanges.at(-1)?.end.line;
  return lastVisible !== undefined && lastVisible >= editor.document.lineCount - 2;
}

function showEnd(editor: vscode.TextEditor): void {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.Default);
}

function isOpenInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key));
}
