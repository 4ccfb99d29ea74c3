import * as vscode from 'vscode';
import { credentialsFromEnvironment, credentialsFromNotebook, type NotebookEnvironmentProbe } from '../services/credentialSources';
import type { Credentials } from '../services/signedClient';
import { maskSecret } from '../services/secrets';
import type { ExtensionLog } from '../logging';

export type CredentialSource = 'secretStorage' | 'environment' | 'notebook';

export interface Account {
  readonly source: CredentialSource;
  readonly credentials: Credentials;
  /** The region the credentials were entered or issued for: the explorer's default region. */
  readonly homeRegion: string;
}

interface StoredAccount {
  readonly accessKey: string;
  readonly secretKey: string;
  readonly securityToken?: string;
  readonly region: string;
}

const SECRET_KEY = 'modelarts.account';
export const FALLBACK_REGION = 'cn-north-4';

export function maskedAccessKey(account: Account): string {
  return maskSecret(account.credentials.accessKey);
}

/**
 * Finds the credentials to use, in order: what the user signed in with (kept in
 * SecretStorage only), then MODELARTS_* environment variables, then a ModelArts
 * notebook's own temporary credentials. Nothing here writes a credential anywhere else.
 */
export class AccountManager implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Account | undefined>();
  readonly onDidChange = this.changed.event;
  private currentAccount: Account | undefined;
  private problem: string | undefined;
  /** The secret as this window last read or wrote it. */
  private storedJson: string | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: ExtensionLog,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly notebookProbe: NotebookEnvironmentProbe = {},
  ) {
    this.subscriptions = [
      this.changed,
      // Another window signing in or out changes this one too; this window's own writes are already applied.
      secrets.onDidChange(async (event) => {
        if (event.key === SECRET_KEY && (await secrets.get(SECRET_KEY)) !== this.storedJson) {
          await this.reload();
        }
      }),
    ];
  }

  get account(): Account | undefined {
    return this.currentAccount;
  }

  /** Why no account could be loaded, when a source exists but is unusable (e.g. a half-set environment). */
  get loadProblem(): string | undefined {
    return this.problem;
  }

  async reload(): Promise<void> {
    this.problem = undefined;
    let account: Account | undefined;
    try {
      account = (await this.fromSecretStorage()) ?? this.fromEnvironment() ?? (await this.fromNotebook());
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
      this.log.error(`Could not load credentials: ${this.problem}`);
    }
    this.setAccount(account);
  }

  async signIn(stored: StoredAccount): Promise<Account> {
    this.storedJson = JSON.stringify(stored);
    await this.secrets.store(SECRET_KEY, this.storedJson);
    const account = toAccount(stored);
    this.setAccount(account);
    return account;
  }

  async signOut(): Promise<void> {
    this.storedJson = undefined;
    await this.secrets.delete(SECRET_KEY);
    await this.reload();
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  private setAccount(account: Account | undefined): void {
    this.currentAccount = account;
    if (account) {
      const { accessKey, secretKey, securityToken } = account.credentials;
      this.log.redactor.add(accessKey, secretKey, securityToken);
      this.log.info(`Using access key ${maskedAccessKey(account)} (${account.source}), home region ${account.homeRegion}`);
    }
    this.changed.fire(account);
  }

  private async fromSecretStorage(): Promise<Account | undefined> {
    const raw = await this.secrets.get(SECRET_KEY);
    this.storedJson = raw;
    if (!raw) {
      return undefined;
    }
    try {
      const stored = JSON.parse(raw) as Partial<StoredAccount>;
      if (typeof stored.accessKey === 'string' && typeof stored.secretKey === 'string' && typeof stored.region === 'string') {
        return toAccount({ accessKey: stored.accessKey, secretKey: stored.secretKey, securityToken: stored.securityToken, region: stored.region });
      }
    } catch {
      // Fall through: an unreadable entry is treated as signed out and reported.
    }
    this.log.warn('The stored ModelArts credentials are unreadable; sign in again.');
    return undefined;
  }

  private fromEnvironment(): Account | undefined {
    const detected = credentialsFromEnvironment(this.env);
    return detected && { source: 'environment', credentials: detected.credentials, homeRegion: detected.region ?? FALLBACK_REGION };
  }

  private async fromNotebook(): Promise<Account | undefined> {
    const detected = await credentialsFromNotebook(this.notebookProbe);
    return detected && { source: 'notebook', credentials: detected.credentials, homeRegion: detected.region ?? FALLBACK_REGION };
  }
}

function toAccount(stored: StoredAccount): Account {
  return {
    source: 'secretStorage',
    homeRegion: stored.region,
    credentials: { accessKey: stored.accessKey, secretKey: stored.secretKey, securityToken: stored.securityToken || undefined },
  };
}
