/**
 * SDK-HMAC-SHA256, the AK/SK signature of huaweicloud-sdk-core (API reference §9.1).
 * The server side recomputes the canonical request over exactly the headers the
 * client listed in SignedHeaders, so Python- and Node-style header sets both work.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SignableRequest {
  readonly method: string;
  /** Path as sent on the wire (may contain %-escapes). */
  readonly path: string;
  /** Raw query string without `?` (may be empty). */
  readonly query: string;
  /** Header names in any case; multiple values already joined. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer | string;
}

export interface AuthorizationHeader {
  readonly access: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** RFC 3986 encoding: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function rfc3986Encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeLeniently(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Each segment decoded then re-encoded (as the gateway and the Python signer do), always ending with `/`. */
export function canonicalUri(path: string): string {
  const encoded = path
    .split('/')
    .map((segment) => rfc3986Encode(decodeLeniently(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/** Pairs sorted by key (repeated keys: values sorted), both sides RFC 3986 encoded. */
export function canonicalQuery(query: string): string {
  if (query === '') {
    return '';
  }
  const pairs = query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const rawKey = eq < 0 ? part : part.slice(0, eq);
      const rawValue = eq < 0 ? '' : part.slice(eq + 1);
      // Senders such as axios encode spaces as '+'.
      const decode = (s: string): string => decodeLeniently(s.replace(/\+/g, ' '));
      return { key: rfc3986Encode(decode(rawKey)), value: rfc3986Encode(decode(rawValue)) };
    });
  pairs.sort((a, b) => (a.key === b.key ? compare(a.value, b.value) : compare(a.key, b.key)));
  return pairs.map((p) => `${p.key}=${p.value}`).join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function headerValue(headers: SignableRequest['headers'], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) {
      return value;
    }
  }
  return undefined;
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function canonicalRequest(request: SignableRequest, signedHeaders: readonly string[]): string {
  const headerLines = signedHeaders.map((name) => `${name}:${(headerValue(request.headers, name) ?? '').trim()}\n`).join('');
  const contentSha256 = headerValue(request.headers, 'x-sdk-content-sha256');
  const payloadHash = contentSha256 ?? (request.body.length === 0 ? EMPTY_BODY_SHA256 : sha256Hex(request.body));
  return [
    request.method.toUpperCase(),
    canonicalUri(request.path),
    canonicalQuery(request.query),
    headerLines,
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

export function stringToSign(sdkDate: string, canonical: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

/** The hex signature of `request` over `signedHeaders` (lowercase names, in the order given). */
export function computeSignature(request: SignableRequest, signedHeaders: readonly string[], secretKey: string): string {
  const sdkDate = headerValue(request.headers, 'x-sdk-date') ?? '';
  return createHmac('sha256', secretKey).update(stringToSign(sdkDate, canonicalRequest(request, signedHeaders))).digest('hex');
}

/** `SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex`; undefined when it is not that form. */
export function parseAuthorization(value: string | undefined): AuthorizationHeader | undefined {
  if (!value?.startsWith(`${SIGNING_ALGORITHM} `)) {
    return undefined;
  }
  const fields = new Map<string, string>();
  for (const part of value.slice(SIGNING_ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
  }
  const access = fields.get('Access');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!access || !signedHeaders || !signature) {
    return undefined;
  }
  return { access, signedHeaders: signedHeaders.split(';').map((h) => h.trim().toLowerCase()), signature: signature.toLowerCase() };
}

export function signaturesEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `YYYYMMDDTHHMMSSZ` for `date` (UTC). */
export function formatSdkDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Epoch ms of an `X-Sdk-Date` value, or undefined when malformed. */
export function parseSdkDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) {
    return undefined;
  }
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/**
 * Adds `X-Sdk-Date` (if missing) and `Authorization` to `headers`, signing every
 * header present (as the Node SDK does). For the emulator's own client and tools.
 */
export function signHeaders(
  request: Omit<SignableRequest, 'headers'> & { headers: Record<string, string> },
  accessKey: string,
  secretKey: string,
  now: Date = new Date(),
): Record<string, string> {
  const headers: Record<string, string> = { ...request.headers };
  if (headerValue(headers, 'x-sdk-date') === undefined) {
    headers['X-Sdk-Date'] = formatSdkDate(now);
  }
  const signedHeaders = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort();
  const signature = computeSignature({ ...request, headers }, signedHeaders, secretKey);
  headers.Authorization = `${SIGNING_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  return headers;
}
