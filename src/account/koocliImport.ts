import { join } from 'node:path';
import { isValidRegionId } from '../services/endpoints';
import type { StoredProfile } from './profileStore';

/*
 * The Huawei Cloud CLI (KooCLI, `hcloud`) keeps its profiles in ~/.hcloud/config.json. Its documentation describes
 * profiles (name, AK/SK, cli-region, cli-project-id, cli-domain-id; "KooCLI Concepts",
 * https://support.huaweicloud.com/intl/en-us/productdesc-hcli/hcli_01_002.html) but not the file's fields. The field
 * names read here are those public readers of the file use: a top-level `current` and `profiles` array whose entries
 * have `name`, `mode` ("AKSK" for access keys), `accessKeyId`, `secretAccessKey`, `securityToken`, `region` and
 * `projectId`; and a top-level `authEncrypt` ("true", as a string, or true) when KooCLI stores the keys encrypted.
 * Unsure: the other values of `mode` (SSO, agency, ECS agency) and whether an entry without `mode` is always AK/SK;
 * only "AKSK" or a missing mode is read, and anything else is skipped with its mode named.
 */

/** The config's place under the user's home; nothing (no setting, no workspace) can point elsewhere. */
export function kooCliConfigPath(home: string): string {
  return join(home, '.hcloud', 'config.json');
}

export type SkipReason = 'encrypted' | 'unsupportedMode' | 'missingKeys' | 'missingRegion' | 'invalidName';

export interface ImportableProfile {
  readonly name: string;
  readonly profile: StoredProfile;
}

export interface SkippedProfile {
  readonly name: string;
  readonly reason: SkipReason;
  /** The unsupported mode, as the file names it. */
  readonly mode?: string;
}

export interface KooCliProfiles {
  readonly importable: readonly ImportableProfile[];
  readonly skipped: readonly SkippedProfile[];
}

const ACCESS_KEY = /^[A-Za-z0-9]{10,128}$/;

/**
 * The profiles of a KooCLI config that can be used as they are, and those that cannot with why. Undefined when the
 * text is not a KooCLI config at all. `validName` says why a name cannot be a profile name here, if it cannot.
 */
export function parseKooCliConfig(text: string, validName: (name: string) => boolean): KooCliProfiles | undefined {
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(config) || !Array.isArray(config.profiles)) {
    return undefined;
  }
  const encrypted = config.authEncrypt === true || config.authEncrypt === 'true';
  const importable: ImportableProfile[] = [];
  const skipped: SkippedProfile[] = [];
  config.profiles.forEach((entry: unknown, index) => {
    const fields = isRecord(entry) ? entry : {};
    const name = stringField(fields.name) || `#${index + 1}`;
    const mode = stringField(fields.mode);
    const accessKey = stringField(fields.accessKeyId);
    const secretKey = stringField(fields.secretAccessKey);
    const region = stringField(fields.region);
    if (!validName(name)) {
      skipped.push({ name, reason: 'invalidName' });
    } else if (mode && mode.toUpperCase() !== 'AKSK') {
      skipped.push({ name, reason: 'unsupportedMode', mode });
    } else if (encrypted) {
      skipped.push({ name, reason: 'encrypted' });
    } else if (!ACCESS_KEY.test(accessKey) || secretKey.length < 10) {
      skipped.push({ name, reason: 'missingKeys' });
    } else if (!isValidRegionId(region)) {
      skipped.push({ name, reason: 'missingRegion' });
    } else {
      const projectId = stringField(fields.projectId);
      const securityToken = stringField(fields.securityToken) || undefined;
      importable.push({ name, profile: { accessKey, secretKey, securityToken, region, projectIds: projectId ? { [region]: projectId } : undefined } });
    }
  });
  return { importable, skipped };
}

function stringField(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
