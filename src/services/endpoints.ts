/**
 * Where each service of a region lives (API reference §0 and §8), and how the
 * `modelarts.endpointOverrides` setting replaces that for emulators, private
 * clouds and proxies.
 */
import * as l10n from '@vscode/l10n';
import { LocalErrorCode, ModelArtsError } from './errors';

/** `bss` and `bssintl` are the price inquiry of the Chinese and the international site (global, not per region). */
export const SERVICE_NAMES = ['iam', 'modelarts', 'obs', 'swr', 'vpc', 'kms', 'bss', 'bssintl'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
export type EndpointOverrides = Partial<Record<ServiceName, string>>;

export interface RegionInfo {
  readonly id: string;
  /** City names are well known but not from the SDK tables (medium confidence, §8). */
  readonly displayName: string;
}

/** Regions the SDK's ModelArts region table knows (§8). */
export const MODELARTS_REGIONS: readonly RegionInfo[] = [
  { id: 'cn-north-4', displayName: 'Beijing-4' },
  { id: 'cn-north-1', displayName: 'Beijing-1' },
  { id: 'cn-north-2', displayName: 'Beijing-2' },
  { id: 'cn-north-9', displayName: 'Ulanqab-1' },
  { id: 'cn-north-11', displayName: 'cn-north-11' },
  { id: 'cn-north-12', displayName: 'cn-north-12' },
  { id: 'cn-east-3', displayName: 'Shanghai-1' },
  { id: 'cn-east-4', displayName: 'cn-east-4' },
  { id: 'cn-south-1', displayName: 'Guangzhou' },
  { id: 'cn-southwest-2', displayName: 'Guiyang-1' },
  { id: 'cn-southwest-3', displayName: 'cn-southwest-3' },
  { id: 'ap-southeast-1', displayName: 'Hong Kong' },
  { id: 'ap-southeast-2', displayName: 'Bangkok' },
  { id: 'ap-southeast-3', displayName: 'Singapore' },
  { id: 'ap-southeast-4', displayName: 'Jakarta' },
  { id: 'af-south-1', displayName: 'Johannesburg' },
  { id: 'af-north-1', displayName: 'af-north-1' },
  { id: 'la-south-2', displayName: 'Santiago' },
  { id: 'la-north-2', displayName: 'Mexico City-2' },
  { id: 'sa-brazil-1', displayName: 'São Paulo-1' },
  { id: 'tr-west-1', displayName: 'Istanbul' },
  { id: 'me-east-1', displayName: 'Riyadh' },
];

const REGION_ID_PATTERN = /^[a-z]{2}-[a-z]+-\d{1,2}$/;

export function isValidRegionId(region: string): boolean {
  return REGION_ID_PATTERN.test(region);
}

/** A region id goes into host names and queries: anything else (`x.attacker.test:9443/`) is refused before a request. */
export function checkRegionId(region: string): void {
  if (!isValidRegionId(region)) {
    // Only harmless characters of the bad value are echoed, so the message can never carry markup or a link.
    const shown = region.replace(/[^\w.:/-]/g, '?').slice(0, 64);
    throw new ModelArtsError(LocalErrorCode.invalidInput, l10n.t('"{0}" is not a region id; region ids look like cn-north-4', shown), 'config');
  }
}

export function regionDisplayName(region: string): string {
  return MODELARTS_REGIONS.find((r) => r.id === region)?.displayName ?? region;
}

const HOST_PREFIX: Record<Exclude<ServiceName, 'bss' | 'bssintl'>, string> = {
  iam: 'iam',
  modelarts: 'modelarts',
  obs: 'obs',
  swr: 'swr-api',
  vpc: 'vpc',
  // Key pairs (KPS) are served by the KMS/DEW endpoint (§8).
  kms: 'kms',
};

export function endpointFor(service: ServiceName, region: string, overrides: EndpointOverrides = {}): string {
  checkRegionId(region);
  const override = overrides[service];
  if (override) {
    return override.replace(/\/+$/, '');
  }
  // One endpoint per site, whatever the region (the BSS API docs; the SDKs' BssRegion and BssintlRegion).
  if (service === 'bss' || service === 'bssintl') {
    return service === 'bss' ? 'https://bss.myhuaweicloud.com' : 'https://bss-intl.myhuaweicloud.com';
  }
  // The SDK region table puts ModelArts ap-southeast-1 under .cn; many public examples use .com (§13.7).
  const domain = service === 'modelarts' && region === 'ap-southeast-1' ? 'myhuaweicloud.cn' : 'myhuaweicloud.com';
  return `https://${HOST_PREFIX[service]}.${region}.${domain}`;
}

/**
 * Keeps only known services with a base URL that is `https`, or plain `http` to a loopback host (an emulator on
 * this machine); anything else in the setting is reported, not used, so signed requests never travel in clear.
 */
export function parseEndpointOverrides(value: unknown): { overrides: EndpointOverrides; problems: string[] } {
  const overrides: EndpointOverrides = {};
  const problems: string[] = [];
  if (value === undefined || value === null) {
    return { overrides, problems };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { overrides, problems: ['modelarts.endpointOverrides must be an object'] };
  }
  for (const [key, url] of Object.entries(value as Record<string, unknown>)) {
    if (!(SERVICE_NAMES as readonly string[]).includes(key)) {
      problems.push(`unknown service "${key}" in modelarts.endpointOverrides`);
      continue;
    }
    const base = typeof url === 'string' ? parseBaseUrl(url) : undefined;
    if (base === undefined) {
      problems.push(`modelarts.endpointOverrides.${key} must be a base URL without user, query or fragment`);
    } else if (base.protocol !== 'https:' && !(base.protocol === 'http:' && isLoopbackHost(base.hostname))) {
      problems.push(`modelarts.endpointOverrides.${key} must use https (plain http only to localhost, 127.0.0.0/8 or ::1); it is not used`);
    } else {
      overrides[key as ServiceName] = `${base.origin}${base.pathname}`.replace(/\/+$/, '');
    }
  }
  return { overrides, problems };
}

function parseBaseUrl(text: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const plain = url.hostname !== '' && !url.username && !url.password && !url.search && !url.hash;
  return plain ? url : undefined;
}

/** localhost, 127.0.0.0/8 or ::1, as the URL parser normalises them (`127.1` and `0x7f.1` become 127.0.0.1). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
