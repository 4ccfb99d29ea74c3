import * as vscode from 'vscode';
import type { Account, AccountManager } from './account/accountManager';
import { affectsClients, type ExtensionSettings, readSettings } from './config';
import type { ExtensionLog } from './logging';
import { createServices, type ModelArtsServices } from './services';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './services/retry';
import type { ModelArtsError } from './services/errors';
import type { AuthWatch } from './services/sessionSignal';
import type { Credentials } from './services/signedClient';

/**
 * The signed-in state the explorer and commands work with: the account, the
 * settings, and service adapters built for both. Rebuilt when either changes.
 */
export class SessionManager implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the account, the regions or the clients change: the explorer reloads. */
  readonly onDidChange = this.changed.event;
  private currentServices: ModelArtsServices | undefined;
  private currentSettings: ExtensionSettings = readSettings();
  private readonly subscriptions: vscode.Disposable[];
  /** The settings problems last shown, so a rebuild for another reason does not repeat them. */
  private shownProblems = '';
  /** How failed requests are retried; users have no setting for it, tests shorten its delays. */
  retryPolicy: RetryPolicy = DEFAULT_RETRY_POLICY;
  private controller = new AbortController();

  constructor(
    private readonly accounts: AccountManager,
    private readonly log: ExtensionLog,
    private readonly userAgent: string,
  ) {
    this.subscriptions = [
      this.changed,
      accounts.onDidChange(() => {
        // Work started for the account that was in use stops, and no answer of it is shown under the next one.
        this.controller.abort();
        this.controller = new AbortController();
        this.rebuild();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsClients(event)) {
          this.rebuild();
        } else if (event.affectsConfiguration('modelarts.regions')) {
          // Same clients (and their cached project ids), other regions: only the tree reloads.
          this.currentSettings = readSettings();
          this.announce();
        } else if (event.affectsConfiguration('modelarts.pollIntervalSeconds') || event.affectsConfiguration('modelarts.runningPollIntervalSeconds')) {
          this.currentSettings = readSettings();
        }
      }),
    ];
  }

  get account(): Account | undefined {
    return this.accounts.account;
  }

  /** Settles once the profiles were first read (see AccountManager.loaded). */
  get loaded(): Promise<void> {
    return this.accounts.loaded;
  }

  /**
   * Aborted when the account or profile in use changes (a new signal for the next one). Every request of
   * `services` stops with it; other work started for the account passes it, or combines it with its own.
   */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get services(): ModelArtsServices | undefined {
    return this.currentServices;
  }

  get settings(): ExtensionSettings {
    return this.currentSettings;
  }

  /** The regions the explorer lists: the setting, or the account's home region while the setting is unset. */
  get regions(): readonly string[] {
    return this.currentSettings.regions ?? (this.account ? [this.account.homeRegion] : []);
  }

  /** Adapters over the given credentials with the current settings, e.g. to verify keys before saving them. */
  servicesFor(credentials: Credentials): ModelArtsServices {
    return this.createFor(credentials);
  }

  private createFor(credentials: Credentials, sessionSignal?: AbortSignal, authWatch?: AuthWatch): ModelArtsServices {
    const { endpointOverrides, proxyUrl, timeoutMs } = this.currentSettings;
    const { retryPolicy, userAgent, log } = this;
    return createServices({ credentials, endpointOverrides, proxyUrl, timeoutMs, retryPolicy, userAgent, logger: log, sessionSignal, authWatch });
  }

  rebuild(): void {
    this.currentSettings = readSettings();
    const problems = this.currentSettings.endpointProblems;
    for (const problem of problems) {
      this.log.warn(problem);
    }
    if (problems.length > 0 && problems.join('\n') !== this.shownProblems) {
      void vscode.window.showWarningMessage(vscode.l10n.t('ModelArts ignores part of your settings: {0}', problems.join('; ')));
    }
    this.shownProblems = problems.join('\n');
    const account = this.accounts.account;
    const profile = this.accounts.activeProfile?.name ?? '';
    const auth = this.accounts.auth;
    const authWatch = { failed: (error: ModelArtsError) => auth.failed(profile, error), succeeded: () => auth.succeeded(profile) };
    this.currentServices = account ? this.createFor(account.credentials, this.controller.signal, authWatch) : undefined;
    this.announce();
  }

  private announce(): void {
    const signedIn = this.accounts.account !== undefined;
    void vscode.commands.executeCommand('setContext', 'modelarts.signedIn', signedIn);
    void vscode.commands.executeCommand('setContext', 'modelarts.noRegions', signedIn && this.regions.length === 0);
    this.changed.fire();
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
