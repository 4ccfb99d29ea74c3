import * as vscode from 'vscode';
import type { CommandContext } from '../../commands/commandContext';
import { currentRegion, onDidRememberPlace } from '../../commands/commandPlace';

/** High on the left, so the profile comes first among the extension's items (the cost guard sits right after it). */
const PRIORITY = 1000;

/**
 * `ModelArts: <profile> · <region>`, shown while the extension is active: the profile in use and the region commands
 * start from. It says when a key is being checked and when a request failed authentication (until one succeeds).
 * A click opens the profile menu (switch profile or region, Sign In, Show Log).
 */
export class ProfileStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('modelarts.profile', vscode.StatusBarAlignment.Left, PRIORITY);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly context: CommandContext) {
    this.item.name = vscode.l10n.t('ModelArts Profile');
    this.item.command = 'modelarts.profileMenu';
    const render = () => this.render();
    this.subscriptions = [
      this.item,
      context.accounts.onDidChange(render),
      context.accounts.auth.onDidChange(render),
      context.session.onDidChange(render),
      context.treeView.onDidChangeSelection(render),
      onDidRememberPlace(render),
    ];
    // Shown once the profiles were read: before that it would say "not signed in" of a user who is.
    void context.accounts.loaded.then(() => {
      this.render();
      this.item.show();
    });
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  private render(): void {
    const { accounts, log } = this.context;
    const profile = accounts.activeProfile;
    const problem = accounts.auth.current;
    const region = currentRegion(this.context) ?? '';
    const item = this.item;
    item.backgroundColor = undefined;
    if (problem?.kind === 'checking') {
      item.text = `$(sync~spin) ${vscode.l10n.t('ModelArts: checking the key of {0}…', problem.profile)}`;
      item.tooltip = vscode.l10n.t('Checking the access key of profile "{0}" with the cloud before saving it', problem.profile);
    } else if (!profile) {
      item.text = `$(account) ${vscode.l10n.t('ModelArts: not signed in')}`;
      item.tooltip = vscode.l10n.t('Sign in, import profiles or show the log');
    } else if (problem?.kind === 'failed' && problem.profile === profile.name) {
      item.text = `$(error) ${vscode.l10n.t('ModelArts: {0} · {1} · authentication failed', profile.name, region)}`;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      // A plain-text tooltip: the cloud's message is never markup.
      item.tooltip = vscode.l10n.t('Profile "{0}": the cloud refused a request as unauthenticated ({1}). Sign in again or switch profile.', profile.name, log.redactor.redact(problem.error.toDisplayString()));
    } else {
      item.text = vscode.l10n.t('ModelArts: {0} · {1}', profile.name, region);
      item.tooltip = profile.readOnly
        ? vscode.l10n.t('Read-only profile "{0}" (from outside VS Code); commands start in {1}. Click to switch profile or region.', profile.name, region)
        : vscode.l10n.t('Profile "{0}"; commands start in {1}. Click to switch profile or region, sign in or show the log.', profile.name, region);
    }
  }
}
