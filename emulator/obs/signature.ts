/**
 * The OBS and S3-v2 HMAC-SHA1 signatures (API reference §10.3): `Authorization: OBS <AK>:<sig>` with
 * `x-obs-` headers, or `AWS <AK>:<sig>` with `x-amz-` headers, which esdk-obs-nodejs sends for IP
 * endpoints (path style). Both sign the same string; only the header prefix differs.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureScheme = 'OBS' | 'AWS';

/** Query parameters that are part of the signed resource (§10.3: a fixed allow-list; listing parameters are not). */
const SUB_RESOURCES = new Set([
  'acl', 'append', 'delete', 'deletebucket', 'location', 'logging', 'metadata', 'modify', 'name', 'partnumber', 'policy',
  'position', 'quota', 'rename', 'restore', 'storageclass', 'storageinfo', 'storagepolicy', 'tagging', 'truncate',
  'uploadid', 'uploads', 'versionid', 'versioning', 'versions', 'x-obs-security-token',
  'response-cache-control', 'response-content-disposition', 'response-content-encoding', 'response-content-language',
  'response-content-type', 'response-expires',
]);

export interface SignableObsRequest {
  readonly method: string;
  /** Path as sent (still %-encoded): `/`, `/bucket` or `/bucket/key`. */
  readonly path: string;
  /** Raw query string without `?`. */
  readonly rawQuery: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export interface ObsAuthorization {
  readonly scheme: SignatureScheme;
  readonly accessKey: string;
  readonly signature: string;
}

export function parseObsAuthorization(header: string | undefined): ObsAuthorization | undefined {
  const match = /^(OBS|AWS) ([^:\s]+):(\S+)$/.exec(header?.trim() ?? '');
  return match ? { scheme: match[1] as SignatureScheme, accessKey: match[2], signature: match[3] } : undefined;
}

export function headerPrefix(scheme: SignatureScheme): string {
  return scheme === 'OBS' ? 'x-obs-' : 'x-amz-';
}

/** `METHOD\nContent-MD5\nContent-Type\nDate\n` + sorted `x-obs-*` (or `x-amz-*`) headers + resource. */
export function stringToSign(request: SignableObsRequest, scheme: SignatureScheme): string {
  const prefix = headerPrefix(scheme);
  const header = (name: string): string => request.headers[name] ?? '';
  const prefixed = Object.keys(request.headers)
    .filter((name) => name.startsWith(prefix) && request.headers[name] !== undefined)
    .sort()
    .map((name) => `${name}:${name.startsWith(`${prefix}meta-`) ? header(name).trim() : header(name)}\n`)
    .join('');
  // With its own date header the Date line is left empty (S3 v2); esdk-obs-nodejs always sends Date instead.
  const date = request.headers[`${prefix}date`] === undefined ? header('date') : '';
  return `${request.method}\n${header('content-md5')}\n${header('content-type')}\n${date}\n${prefixed}${canonicalResource(request.path, request.rawQuery)}`;
}

function canonicalResource(path: string, rawQuery: string): string {
  const subResources = rawQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
      return { key, value };
    })
    .filter(({ key }) => SUB_RESOURCES.has(key.toLowerCase()))
    .map(({ key, value }) => (value ? `${key}=${value}` : key))
    .sort();
  return subResources.length > 0 ? `${path}?${subResources.join('&')}` : path;
}

export function signObsRequest(request: SignableObsRequest, scheme: SignatureScheme, secretKey: string): string {
  return createHmac('sha1', secretKey).update(stringToSign(request, scheme)).digest('base64');
}

export function signatureMatches(request: SignableObsRequest, authorization: ObsAuthorization, secretKey: string): boolean {
  const expected = Buffer.from(signObsRequest(request, authorization.scheme, secretKey));
  const given = Buffer.from(authorization.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
