import type * as vscode from 'vscode';

/** What a signed-in profile keeps: in SecretStorage only, never in settings or state. */
export interface StoredProfile {
  readonly accessKey: string;
  readonly secretKey: string;
  readonly securityToken?: string;
  /** The region the keys were entered for: the explorer's default region. */
  readonly region: string;
  /** Project ids given per region (e.g. imported); other regions are looked up. */
  readonly projectIds?: Readonly<Record<string, string>>;
}

export type StoredProfiles = Readonly<Record<string, StoredProfile>>;

const PROFILES_KEY = 'modelarts.profiles';
/** The one account the extension kept before profiles; moved into the profile named below on first read. */
const LEGACY_ACCOUNT_KEY = 'modelarts.account';
export const MIGRATED_PROFILE = 'default';

/**
 * The named profiles in SecretStorage, as one JSON secret (so a change is one write another window sees as
 * one event). The JSON this window last read or wrote is kept, so its own writes are not taken for another's.
 */
export class ProfileStore {
  private storedJson: string | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** Whether a SecretStorage change came from elsewhere (another window) and the profiles must be read again. */
  async changedElsewhere(event: vscode.SecretStorageChangeEvent): Promise<boolean> {
    return event.key === PROFILES_KEY && (await this.secrets.get(PROFILES_KEY)) !== this.storedJson;
  }

  /** The profiles; an account kept before profiles existed becomes the profile "default" first. `problem` hears of unreadable entries. */
  async read(problem: (what: string) => void): Promise<StoredProfiles> {
    let raw = await this.secrets.get(PROFILES_KEY);
    if (raw === undefined) {
      raw = await this.migrateLegacy(problem);
    }
    this.storedJson = raw;
    if (!raw) {
      return {};
    }
    const parsed = parseJson(raw);
    const profiles: Record<string, StoredProfile> = {};
    for (const [name, entry] of Object.entries(isRecord(parsed) ? parsed : {})) {
      const profile = toStoredProfile(entry);
      if (profile) {
        profiles[name] = profile;
      } else {
        problem(name);
      }
    }
    if (!isRecord(parsed)) {
      problem(PROFILES_KEY);
    }
    return profiles;
  }

  async write(profiles: StoredProfiles): Promise<void> {
    if (Object.keys(profiles).length === 0) {
      this.storedJson = undefined;
      await this.secrets.delete(PROFILES_KEY);
      return;
    }
    this.storedJson = JSON.stringify(profiles);
    await this.secrets.store(PROFILES_KEY, this.storedJson);
  }

  private async migrateLegacy(problem: (what: string) => void): Promise<string | undefined> {
    const legacy = await this.secrets.get(LEGACY_ACCOUNT_KEY);
    if (legacy === undefined) {
      return undefined;
    }
    const profile = toStoredProfile(parseJson(legacy));
    if (!profile) {
      problem(LEGACY_ACCOUNT_KEY);
      return undefined;
    }
    await this.write({ [MIGRATED_PROFILE]: profile });
    await this.secrets.delete(LEGACY_ACCOUNT_KEY);
    return this.storedJson;
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toStoredProfile(value: unknown): StoredProfile | undefined {
  if (!isRecord(value) || typeof value.accessKey !== 'string' || typeof value.secretKey !== 'string' || typeof value.region !== 'string') {
    return undefined;
  }
  const projectIds = isRecord(value.projectIds)
    ? Object.fromEntries(Object.entries(value.projectIds).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    : undefined;
  return {
    accessKey: value.accessKey,
    secretKey: value.secretKey,
    securityToken: typeof value.securityToken === 'string' && value.securityToken ? value.securityToken : undefined,
    region: value.region,
    projectIds,
  };
}
