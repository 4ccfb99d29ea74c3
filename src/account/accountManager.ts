import * as vscode from 'vscode';
import { credentialsFromEnvironment, credentialsFromNotebook, type NotebookEnvironmentProbe } from '../services/credentialSources';
import type { Credentials } from '../services/signedClient';
import { maskSecret } from '../services/secrets';
import type { ExtensionLog } from '../logging';
import { AuthState } from './authState';
import { ProfileStore, type StoredProfile, type StoredProfiles } from './profileStore';

export type CredentialSource = 'secretStorage' | 'environment' | 'notebook';

export interface Account {
  readonly source: CredentialSource;
  readonly credentials: Credentials;
  /** The region the credentials were entered or issued for: the explorer's default region. */
  readonly homeRegion: string;
}

/** A profile as other parts see it: never its keys. */
export interface ActiveProfile {
  readonly name: string;
  readonly source: CredentialSource;
  /** Environment and notebook credentials come from outside: they can be used, not edited or signed out of. */
  readonly readOnly: boolean;
  readonly homeRegion: string;
}

export interface ProfileSummary extends ActiveProfile {
  readonly maskedAccessKey: string;
}


export const FALLBACK_REGION = 'cn-north-4';
/** The names of the read-only profiles; Sign In does not accept them. */
export const ENVIRONMENT_PROFILE = 'Environment';
export const NOTEBOOK_PROFILE = 'Notebook';
/** Which profile is in use is no secret: it is kept in globalState, so the next window starts with it. */
const ACTIVE_PROFILE_KEY = 'modelarts.activeProfile';

export function maskedAccessKey(account: Account): string {
  return maskSecret(account.credentials.accessKey);
}

interface Candidate {
  readonly profile: ActiveProfile;
  readonly account: Account;
}

/**
 * The profiles and the one in use: those the user signed in with (kept in SecretStorage only), then read-only ones
 * from the MODELARTS_* environment variables and a ModelArts notebook's own temporary credentials. Nothing here
 * writes a credential anywhere else.
 */
export class AccountManager implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Account | undefined>();
  /** Fires when the profile in use (or its keys) changes. */
  readonly onDidChange = this.changed.event;
  /** The authentication state of the profile in use, for the status bar. */
  readonly auth = new AuthState();
  private readonly store: ProfileStore;
  private candidates: Candidate[] = [];
  private active: Candidate | undefined;
  private problem: string | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly log: ExtensionLog,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly notebookProbe: NotebookEnvironmentProbe = {},
  ) {
    this.store = new ProfileStore(secrets);
    this.subscriptions = [
      this.changed,
      this.auth,
      // Another window adding, changing or removing a profile changes this one too; this window's own writes are already applied.
      secrets.onDidChange(async (event) => {
        if (await this.store.changedElsewhere(event)) {
          await this.reload();
        }
      }),
    ];
  }

  get account(): Account | undefined {
    return this.active?.account;
  }

  get activeProfile(): ActiveProfile | undefined {
    return this.active?.profile;
  }

  /** Every profile that can be switched to, the stored ones first. */
  get profiles(): readonly ProfileSummary[] {
    return this.candidates.map(({ profile, account }) => ({ ...profile, maskedAccessKey: maskedAccessKey(account) }));
  }

  /** Why no account could be loaded, when a source exists but is unusable (e.g. a half-set environment). */
  get loadProblem(): string | undefined {
    return this.problem;
  }

  private markLoaded: () => void = () => undefined;
  /**
   * Settles once the profiles were first read (read or not). Until then no account is known though one may be:
   * what VS Code asks before that (a workspace's obs:// folder, on the window's start) waits for it.
   */
  readonly loaded = new Promise<void>((resolve) => (this.markLoaded = resolve));

  /** Reads every profile again and keeps the one in use when it still exists. */
  async reload(): Promise<void> {
    try {
      await this.readProfiles();
    } finally {
      this.markLoaded();
    }
  }

  private async readProfiles(): Promise<void> {
    this.problem = undefined;
    const stored = await this.store.read((name) => this.log.warn(`The stored ModelArts profile "${name}" is unreadable; sign in to it again.`));
    const candidates = Object.entries(stored).map(([name, profile]) => storedCandidate(name, profile));
    const outside = [await this.detect(() => this.fromEnvironment()), await this.detect(() => this.fromNotebook())];
    candidates.push(...outside.filter((candidate): candidate is Candidate => candidate !== undefined));
    this.candidates = candidates;
    if (candidates.length > 0) {
      this.problem = undefined;
    }
    const wanted = this.active?.profile.name ?? this.state.get<string>(ACTIVE_PROFILE_KEY);
    this.use(candidates.find((candidate) => candidate.profile.name === wanted) ?? candidates[0]);
  }

  /** Saves a profile (replacing one of the same name) and switches to it. */
  async saveProfile(name: string, profile: StoredProfile): Promise<Account> {
    const stored = await this.readStored();
    await this.store.write({ ...stored, [name]: profile });
    const candidate = storedCandidate(name, profile);
    this.candidates = [...this.candidates.filter((other) => other.profile.name !== name), candidate];
    await this.switchTo(name);
    return candidate.account;
  }

  /** Saves several profiles at once (an import) without changing the one in use, unless none was. */
  async addProfiles(profiles: StoredProfiles): Promise<void> {
    await this.store.write({ ...(await this.readStored()), ...profiles });
    await this.reload();
  }

  /** Removes a stored profile; when it was in use, the next profile is used. */
  async removeProfile(name: string): Promise<void> {
    const { [name]: removed, ...rest } = await this.readStored();
    if (removed) {
      await this.store.write(rest);
    }
    if (this.active?.profile.name === name) {
      this.active = undefined;
    }
    await this.reload();
  }

  async switchTo(name: string): Promise<void> {
    const candidate = this.candidates.find((other) => other.profile.name === name);
    if (candidate) {
      await this.state.update(ACTIVE_PROFILE_KEY, name);
      this.use(candidate, true);
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  private async readStored(): Promise<StoredProfiles> {
    return this.store.read(() => undefined);
  }

  private use(candidate: Candidate | undefined, always = false): void {
    const before = this.active;
    this.active = candidate;
    if (!always && before && candidate && before.profile.name === candidate.profile.name && JSON.stringify(before.account) === JSON.stringify(candidate.account)) {
      return; // another profile changed: the one in use and its work go on
    }
    this.auth.reset();
    if (candidate) {
      const { accessKey, secretKey, securityToken } = candidate.account.credentials;
      this.log.redactor.add(accessKey, secretKey, securityToken);
      this.log.info(`Using profile "${candidate.profile.name}": access key ${maskedAccessKey(candidate.account)} (${candidate.account.source}), home region ${candidate.account.homeRegion}`);
    }
    this.changed.fire(candidate?.account);
  }

  /** A read-only source's profile; an unusable one (a half-set environment) is noted as the load problem. */
  private async detect(find: () => Candidate | undefined | Promise<Candidate | undefined>): Promise<Candidate | undefined> {
    try {
      return await find();
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
      this.log.error(`Could not load credentials: ${this.problem}`);
      return undefined;
    }
  }

  private fromEnvironment(): Candidate | undefined {
    const detected = credentialsFromEnvironment(this.env);
    return detected && readOnlyCandidate(ENVIRONMENT_PROFILE, { source: 'environment', credentials: detected.credentials, homeRegion: detected.region ?? FALLBACK_REGION });
  }

  private async fromNotebook(): Promise<Candidate | undefined> {
    const detected = await credentialsFromNotebook(this.notebookProbe);
    return detected && readOnlyCandidate(NOTEBOOK_PROFILE, { source: 'notebook', credentials: detected.credentials, homeRegion: detected.region ?? FALLBACK_REGION });
  }
}

function storedCandidate(name: string, stored: StoredProfile): Candidate {
  const account: Account = {
    source: 'secretStorage',
    homeRegion: stored.region,
    credentials: { accessKey: stored.accessKey, secretKey: stored.secretKey, securityToken: stored.securityToken || undefined, projectIds: stored.projectIds },
  };
  return { account, profile: { name, source: 'secretStorage', readOnly: false, homeRegion: stored.region } };
}

function readOnlyCandidate(name: string, account: Account): Candidate {
  return { account, profile: { name, source: account.source, readOnly: true, homeRegion: account.homeRegion } };
}
