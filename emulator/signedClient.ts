/**
 * A minimal signed HTTP client for the emulator's own tests, tools and
 * benchmarks (product code uses the core SDK instead). Signs every header it sets.
 */
import { rfc3986Encode, signHeaders } from './signature';

export interface SignedClientOptions {
  readonly url: string;
  readonly ak: string;
  readonly sk: string;
  /** Fills `{project_id}` in paths and is sent as `X-Project-Id`. */
  readonly projectId?: string;
  readonly securityToken?: string;
}

export interface SignedRequestOptions {
  readonly query?: Readonly<Record<string, string | number | boolean>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

export interface SignedResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON, or undefined for an empty body. */
  readonly body: T;
}

export async function signedRequest<T = unknown>(
  client: SignedClientOptions,
  method: string,
  pathTemplate: string,
  options: SignedRequestOptions = {},
): Promise<SignedResponse<T>> {
  const path = pathTemplate.replace('{project_id}', client.projectId ?? '{project_id}');
  const query = Object.entries(options.query ?? {})
    .map(([key, value]) => `${rfc3986Encode(key)}=${rfc3986Encode(String(value))}`)
    .join('&');
  const body = options.body === undefined ? '' : JSON.stringify(options.body);
  const headers: Record<string, string> = { Host: new URL(client.url).host, ...options.headers };
  if (body) {
    headers['Content-Type'] = 'application/json';
  }
  if (client.projectId) {
    headers['X-Project-Id'] = client.projectId;
  }
  if (client.securityToken) {
    headers['X-Security-Token'] = client.securityToken;
  }
  const signed = signHeaders({ method, path, query, headers, body }, client.ak, client.sk);
  // fetch sets Host itself (it is a forbidden header), to the same value that was signed.
  delete signed.Host;
  const response = await fetch(`${client.url}${path}${query ? `?${query}` : ''}`, {
    method,
    headers: signed,
    body: body || undefined,
    signal: options.signal,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: (text ? JSON.parse(text) : undefined) as T };
}
