import { AsyncLocalStorage } from 'node:async_hooks';
import type { ActivityLog, ActivityReport, ActivityRun } from './activityLog';

/**
 * Which progress steps are long operations, decided without touching the commands that run them. A step is the work
 * of one `withProgress`; it is recorded when it runs
 * - in a command whose verb changes a resource and waits (LONG_VERBS: creates, deletes, starts, stops, Run on
 *   ModelArts…), known from the command wrapper, or
 * - inside `asLongOperation` (transfers and form submits, which run outside any command, e.g. a drop or a form).
 * The steps of one command make one entry, titled by the latest: a check then the work reads as the work. A step that
 * ended before the command asked for a confirmation was preparation for the question ("Checking…", "Listing…"): its
 * entry is dropped (`questionAsked`). Quick reads ("Loading…") in other commands are never recorded.
 */
const LONG_VERBS = new Set(['create', 'delete', 'start', 'stop', 'reboot', 'interrupt', 'run', 'scale', 'resize', 'remove', 'save', 'install', 'reinstall', 'change']);

interface OperationScope {
  readonly log: ActivityLog;
  readonly long: boolean;
  /** False once the command returned: steps that outlive it (a later Reveal) are not its operation. */
  open: boolean;
  /** The entry of this command's steps, once one ran. */
  run?: ActivityRun;
}

const scopes = new AsyncLocalStorage<OperationScope>();
/** The operation whose step runs now, for the step's work to attach a report to. */
const currentRuns = new AsyncLocalStorage<ActivityRun>();

/** Whether a command's steps are long operations: by the verb its id ends with (modelarts.notebook.start → start). */
export function isLongCommand(commandId: string): boolean {
  const verb = /^[a-z]+/.exec(commandId.slice(commandId.lastIndexOf('.') + 1))?.[0] ?? '';
  return LONG_VERBS.has(verb);
}

/** Runs a command's handler as one operation scope (the command wrapper does this for every command). */
export function inCommandScope<T>(log: ActivityLog, commandId: string, handler: () => T | PromiseLike<T>): Promise<T> {
  return inScope(log, isLongCommand(commandId), handler);
}

/** Runs `work` as a long operation of its own, wherever it is called from (a transfer, a form's submit, a drop). */
export function asLongOperation<T>(log: ActivityLog, work: () => PromiseLike<T>): Promise<T> {
  return inScope(log, true, work);
}

async function inScope<T>(log: ActivityLog, long: boolean, work: () => T | PromiseLike<T>): Promise<T> {
  const scope: OperationScope = { log, long, open: true };
  try {
    return await scopes.run(scope, work);
  } finally {
    scope.open = false;
  }
}

/**
 * The entry a progress step titled `title` runs under, or undefined when the step is not a long operation; to be
 * called where the step starts. A step inside another running step is part of it.
 */
export function beginStep(title: string, controller: AbortController): ActivityRun | undefined {
  const scope = scopes.getStore();
  if (!scope?.long || !scope.open || scope.run?.state === 'running') {
    return undefined;
  }
  if (scope.run?.state !== undefined) {
    scope.run.continueWith(title, controller);
  } else {
    scope.run = scope.log.start(title, controller);
  }
  return scope.run;
}

/** Runs a step's work where `attachReport` finds its entry. */
export function runStep<T>(run: ActivityRun | undefined, work: () => Promise<T>): Promise<T> {
  return run ? currentRuns.run(run, work) : work();
}

/** Keeps a transfer's report with the operation it belongs to, for Show Report in the Activity view. */
export function attachReport(report: ActivityReport): void {
  currentRuns.getStore()?.attachReport(report);
}

/** Called when a confirmation is asked: a finished step of the asking command was preparation, and is forgotten. */
export function questionAsked(): void {
  const scope = scopes.getStore();
  if (scope?.run && scope.run.state !== 'running') {
    scope.run.discard();
    scope.run = undefined;
  }
}
