/** Emulated IAM accounts: AK/SK pairs, their domains and one project per region (§8). */
import { createHash, randomBytes } from 'node:crypto';

/** Regions in which every account has a project; any other region has none (IAM returns an empty list). */
export const PROJECT_REGIONS = ['cn-north-4', 'cn-north-9', 'cn-east-3', 'cn-south-1', 'ap-southeast-1', 'ap-southeast-3'] as const;

/** Real AKs are 20 upper-case alphanumerics and SKs 40 characters; the demo pair looks alike. */
export const DEMO_CREDENTIALS = { ak: 'EMULATORDEMOAK000001', sk: 'DemoSecretKeyForTheModelArtsEmulator0001' } as const;

export interface Account {
  readonly ak: string;
  sk: string;
  readonly domainId: string;
  readonly domainName: string;
}

/**
 * Temporary credentials (AK/SK + security token) of an account, as IAM's security-token API and the ECS
 * metadata service hand them out (modelarts-api.md §9.2): they act as their account until `expiresAt`
 * (emulator clock, ms).
 */
export interface TemporaryCredentials {
  readonly owner: Account;
  readonly ak: string;
  readonly sk: string;
  readonly securityToken: string;
  readonly expiresAt: number;
}

export interface ProjectRef {
  readonly account: Account;
  readonly region: string;
  readonly projectId: string;
}

function hex32(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

export class AccountRegistry {
  private readonly byAk = new Map<string, Account>();
  private readonly projects = new Map<string, ProjectRef>();
  private readonly temporaryByAk = new Map<string, TemporaryCredentials>();

  /** Registers (or re-keys) an account; its ids are derived from the AK, so they are stable across runs. */
  add(ak: string, sk: string, domainName = `user_${ak.slice(-6).toLowerCase()}`): Account {
    const existing = this.byAk.get(ak);
    if (existing) {
      existing.sk = sk;
      return existing;
    }
    const account: Account = { ak, sk, domainId: hex32(`domain:${ak}`), domainName };
    this.byAk.set(ak, account);
    for (const region of PROJECT_REGIONS) {
      const projectId = hex32(`project:${account.domainId}:${region}`);
      this.projects.set(projectId, { account, region, projectId });
    }
    return account;
  }

  get(ak: string): Account | undefined {
    return this.byAk.get(ak);
  }

  /** New temporary credentials of `owner`, valid until `expiresAt` (emulator clock). */
  issueTemporary(owner: Account, expiresAt: number): TemporaryCredentials {
    const alphanumeric = (length: number): string => randomBytes(length).toString('hex').toUpperCase().slice(0, length);
    const credentials = { owner, ak: alphanumeric(20), sk: randomBytes(20).toString('hex'), securityToken: randomBytes(96).toString('base64'), expiresAt };
    this.temporaryByAk.set(credentials.ak, credentials);
    return credentials;
  }

  temporary(ak: string): TemporaryCredentials | undefined {
    return this.temporaryByAk.get(ak);
  }

  /** The project of (account, region), or undefined when the region has no project. */
  projectOf(account: Account, region: string): ProjectRef | undefined {
    if (!(PROJECT_REGIONS as readonly string[]).includes(region)) {
      return undefined;
    }
    return this.projects.get(hex32(`project:${account.domainId}:${region}`));
  }

  projectById(projectId: string): ProjectRef | undefined {
    return this.projects.get(projectId);
  }
}

/** `ABCD****WXYZ`, as the gateway shows AKs in error messages. */
export function maskAk(ak: string): string {
  return ak.length <= 8 ? '****' : `${ak.slice(0, 4)}****${ak.slice(-4)}`;
}
