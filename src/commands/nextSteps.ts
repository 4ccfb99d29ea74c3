import * as vscode from 'vscode';
import type { ServiceV1 } from '../services/inferenceV1';
import type { ServiceV2 } from '../services/inferenceV2';
import type { Notebook } from '../services/notebooks';
import { readableStatus } from '../views/format';
import { KIND_NAMES } from '../views/kindNames';
import type { ListScope, ResourceKind } from '../views/resourceKind';
import type { ResourceState, StartedResource } from '../views/resourceStates';
import type { PollScheduler } from '../views/transitionPoller';
import type { CommandContext } from './commandContext';
import { ResourceReference } from './resourceTarget';
import { StartWatcher } from './startWatcher';

/** A notification's button: a command run on the resource, offered when the resource's state grants `capability`. */
export interface NextStep {
  readonly button: string;
  readonly command: string;
  readonly capability?: string;
  /** What the command is run on, where it is not the resource (Run Again: the folder it was run from). */
  readonly argument?: unknown;
}

/**
 * What a started resource of a kind offers once it runs, and what tells why its start failed. The kind is named by
 * its contextValue: its code loads with the tree or the command that started the resource, not at activation.
 */
interface AfterStart<T> {
  readonly contextValue: string;
  running(name: string): string;
  readonly steps: readonly NextStep[];
  readonly details: string;
  reason(item: T): string | undefined;
}

export const SHOW_DETAILS = vscode.l10n.t('Show Details');
const COPY_ADDRESS = vscode.l10n.t('Copy Address');

const notebookStart: AfterStart<Notebook> = {
  contextValue: KIND_NAMES.notebook,
  running: (name) => vscode.l10n.t('Notebook "{0}" is running.', name),
  steps: [
    { button: vscode.l10n.t('Open JupyterLab'), command: 'modelarts.notebook.openJupyter', capability: 'canOpen' },
    { button: vscode.l10n.t('Connect via SSH'), command: 'modelarts.notebook.connectSsh', capability: 'canSsh' },
  ],
  details: 'modelarts.notebook.showDetails',
  reason: (notebook) => notebook.fail_reason,
};

const serviceV1Start: AfterStart<ServiceV1> = {
  contextValue: KIND_NAMES.serviceV1,
  running: (name) => vscode.l10n.t('Real-time service "{0}" is running.', name),
  steps: [
    { button: COPY_ADDRESS, command: 'modelarts.serviceV1.copyAccessAddress', capability: 'canCopyAddress' },
    { button: SHOW_DETAILS, command: 'modelarts.serviceV1.showDetails' },
  ],
  details: 'modelarts.serviceV1.showDetails',
  // The list leaves error_msg out (§3.4): a failure read from it is told by its status alone.
  reason: (service) => service.error_msg,
};

const serviceV2Start: AfterStart<ServiceV2> = {
  contextValue: KIND_NAMES.serviceV2,
  running: (name) => vscode.l10n.t('Real-time service "{0}" is running.', name),
  steps: [
    { button: COPY_ADDRESS, command: 'modelarts.serviceV2.copyAccessAddress', capability: 'canCopyAddress' },
    { button: SHOW_DETAILS, command: 'modelarts.serviceV2.showDetails' },
  ],
  details: 'modelarts.serviceV2.showDetails',
  // The v2 service carries no failure text of its own; its events (Show Details) tell more.
  reason: () => undefined,
};

/** Which kinds offer a next step once started: notebooks and real-time services. */
const AFTER_START: readonly AfterStart<unknown>[] = [notebookStart, serviceV1Start, serviceV2Start];

/** What a created resource of a kind offers at once: a training job's log, followed while it runs. */
const AFTER_CREATE: Readonly<Record<string, readonly NextStep[]>> = {
  [KIND_NAMES.trainingJob]: [{ button: vscode.l10n.t('Follow Log'), command: 'modelarts.trainingJob.viewLogs' }],
};

/** Shows `message` with the steps `item` can take now as buttons; the one clicked runs on the resource. */
export async function offer<T>(context: CommandContext, show: 'info' | 'error', message: string, steps: readonly NextStep[], reference: ResourceReference<T>): Promise<void> {
  const { kind, item } = reference;
  const offered = steps.filter((step) => step.capability === undefined || kind.capabilities(item).includes(step.capability));
  const buttons = offered.map((step) => step.button);
  const answer = show === 'info' ? await context.ui.showInformationMessage(message, ...buttons) : await context.ui.showErrorMessage(message, ...buttons);
  const chosen = offered.find((step) => step.button === answer);
  if (chosen) {
    await vscode.commands.executeCommand(chosen.command, chosen.argument ?? reference);
  }
}

/** The notification of a created resource, with its next step where its kind has one (a training job: Follow Log). */
export async function announceCreated<T>(context: CommandContext, message: string, created: ResourceReference<T> | undefined): Promise<void> {
  if (created) {
    await offer(context, 'info', message, AFTER_CREATE[created.kind.contextValue] ?? [], created);
  } else {
    await context.ui.showInformationMessage(message);
  }
}

/**
 * Resources the user started in this session (from the tree, the palette or a chat tool) notify once when they
 * run, with their next step (Open JupyterLab, Connect via SSH, Copy Address, Show Details), or when their start
 * failed, with why. What they are now is learnt from whatever reads them (see ResourceStates), such as the
 * explorer's polling; one that nothing reported for a poll interval (the explorer hidden, its category never
 * opened) is read by the StartWatcher. A change of session (sign-out, another account, regions or clients)
 * forgets them.
 */
export class NextSteps implements vscode.Disposable {
  /** Started resources not yet running nor failed, by kind, region and id. */
  private readonly awaited = new Map<string, { readonly afterStart: AfterStart<unknown>; readonly kind: ResourceKind<unknown>; readonly scope: ListScope }>();
  private readonly watcher: StartWatcher;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly context: CommandContext) {
    this.watcher = new StartWatcher(context, (key) => this.awaited.delete(key));
    this.subscriptions = [
      this.watcher,
      context.states.onDidStart((started) => this.await(started)),
      context.states.onDidChange((state) => this.settle(state)),
      context.session.onDidChange(() => this.forgetAll()),
    ];
  }

  /** Runs the watcher's reads on `scheduler` (tests drive a virtual clock). */
  useScheduler(scheduler: PollScheduler): void {
    this.watcher.useScheduler(scheduler);
  }

  private await(started: StartedResource): void {
    const afterStart = AFTER_START.find((entry) => entry.contextValue === started.kind.contextValue);
    if (afterStart) {
      const id = started.kind.id(started.item);
      const key = keyOf(started.kind.contextValue, started.scope.region, id);
      this.awaited.set(key, { afterStart, kind: started.kind, scope: started.scope });
      this.watcher.watch(key, started.kind, started.scope, id);
    }
  }

  private settle(state: ResourceState): void {
    const key = keyOf(state.kind, state.region, state.id);
    const awaited = this.awaited.get(key);
    if (!awaited) {
      return;
    }
    this.watcher.heard(key);
    const { afterStart, kind, scope } = awaited;
    const category = kind.category(state.item);
    if (category !== 'running' && category !== 'failed') {
      return; // still starting (or not yet seen starting): wait for the next state
    }
    this.awaited.delete(key);
    this.watcher.stop(key);
    const name = kind.name(state.item);
    const reference = new ResourceReference(kind, scope, state.item);
    if (category === 'running') {
      void offer(this.context, 'info', afterStart.running(name), afterStart.steps, reference);
      return;
    }
    const why = afterStart.reason(state.item) ?? readableStatus(kind.status(state.item));
    // The reason is the cloud's text: shown as plain text (context.ui), with any known credential masked.
    const message = this.context.log.redactor.redact(vscode.l10n.t('Starting {0} "{1}" failed: {2}', kind.label, name, why));
    void offer(this.context, 'error', message, [{ button: SHOW_DETAILS, command: afterStart.details }], reference);
  }

  /** Signed out, another account, other regions or clients: what was started before is no longer awaited. */
  private forgetAll(): void {
    this.awaited.clear();
    this.watcher.clear();
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

function keyOf(kind: string, region: string, id: string): string {
  return `${kind}/${region}/${id}`;
}
