/**
 * Where each service of a region lives (API reference §0 and §8), and how the
 * `modelarts.endpointOverrides` setting replaces that for emulators, private
 * clouds and proxies.
 */
export const SERVICE_NAMES = ['iam', 'modelarts', 'obs', 'swr', 'vpc', 'kms'] as const;
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

export function regionDisplayName(region: string): string {
  return MODELARTS_REGIONS.find((r) => r.id === region)?.displayName ?? region;
}

const HOST_PREFIX: Record<ServiceName, string> = {
  iam: 'iam',
  modelarts: 'modelarts',
  obs: 'obs',
  swr: 'swr-api',
  vpc: 'vpc',
  // Key pairs (KPS) are served by the KMS/DEW endpoint (§8).
  kms: 'kms',
};

export function endpointFor(service: ServiceName, region: string, overrides: EndpointOverrides = {}): string {
  const override = overrides[service];
  if (override) {
    return override.replace(/\/+$/, '');
  }
  // The SDK region table puts ModelArts ap-southeast-1 under .cn; many public examples use .com (§13.7).
  const domain = service === 'modelarts' && region === 'ap-southeast-1' ? 'myhuaweicloud.cn' : 'myhuaweicloud.com';
  return `https://${HOST_PREFIX[service]}.${region}.${domain}`;
}

/** Keeps only known services with http(s) URLs; anything else in the setting is reported, not used. */
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
    } else if (typeof url !== 'string' || !/^https?:\/\/[^\s/]+/.test(url)) {
      problems.push(`modelarts.endpointOverrides.${key} must be an http(s) URL`);
    } else {
      overrides[key as ServiceName] = url;
    }
  }
  return { overrides, problems };
}
