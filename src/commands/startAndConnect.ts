import * as vscode from 'vscode';
import { cancelledError, isCancellation, LocalErrorCode, ModelArtsError } from '../services/errors';
import type { ModelArtsServices } from '../services';
import { readableStatus } from '../views/format';
import type { CommandContext } from './commandContext';
import { withProgress } from './progress';
import type { ResourceAction } from './resourceCommands';
import { requireServices, type ResourceTarget } from './resourceTarget';

/**
 * Start and Connect: starts a stopped notebook or server with its Start action's request, waits for it to run
 * under one progress notification (reading it every poll interval on the SSH host's clock, each read shown in
 * the tree too), then connects. Cancel ends the wait only: the start was sent and goes on.
 */
export async function startAndConnect<T>(context: CommandContext, target: ResourceTarget<T>, start: ResourceAction<T>, connect: (running: T) => Promise<void>): Promise<void> {
  const services = requireServices(context);
  const { kind } = target;
  const name = kind.name(target.item);
  let running: T;
  try {
    running = await withProgress(
      vscode.l10n.t('Starting {0} "{1}" to connect via SSH…', kind.label, name),
      async (signal, progress) => {
        // Not aborted by Cancel: a start half sent is not undone; Cancel ends what follows.
        const started = await start.perform(services, target, new AbortController().signal);
        if (started) {
          context.states.report(kind, target.scope.region, started);
        }
        return waitForRunning(context, services, target, signal, (item) => progress.report({ message: readableStatus(kind.status(item)) }));
      },
      context.ui,
    );
  } catch (error) {
    if (isCancellation(error)) {
      void context.ui.showInformationMessage(vscode.l10n.t('Stopped waiting for {0} "{1}": it goes on starting.', kind.label, name));
    }
    throw error;
  }
  await connect(running);
}

/** Reads the resource every poll interval until it runs; a failed or stopped state ends the wait with an error. */
function waitForRunning<T>(context: CommandContext, services: ModelArtsServices, target: ResourceTarget<T>, signal: AbortSignal, onRead: (item: T) => void): Promise<T> {
  const { kind, scope } = target;
  const { scheduler } = context.sshHost;
  const id = kind.id(target.item);
  return new Promise<T>((resolve, reject) => {
    let handle: unknown;
    const onAbort = (): void => {
      scheduler.clearTimeout(handle);
      reject(cancelledError());
    };
    const settle = (outcome: () => void): void => {
      signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const tick = async (): Promise<void> => {
      try {
        const item = await kind.fetch(services, scope, id, signal);
        context.states.report(kind, scope.region, item);
        onRead(item);
        // Cancelled meanwhile (the read, or its progress, may be where Cancel came): the wait already ended.
        if (signal.aborted) {
          return;
        }
        const category = kind.category(item);
        if (category === 'running') {
          settle(() => resolve(item));
        } else if (category === 'failed' || category === 'stopped') {
          const message = vscode.l10n.t('It did not start: {0} "{1}" is {2}, so there is nothing to connect to.', kind.label, kind.name(item), readableStatus(kind.status(item)));
          settle(() => reject(new ModelArtsError(LocalErrorCode.invalidInput, message, 'config')));
        } else {
          handle = scheduler.setTimeout(tick, context.session.settings.pollIntervalMs);
        }
      } catch (error) {
        settle(() => reject(error));
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    handle = scheduler.setTimeout(tick, context.session.settings.pollIntervalMs);
  });
}
