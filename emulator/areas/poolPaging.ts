/**
 * k8s-style `limit` + `continue` paging (§11.3) for node, node-pool-node,
 * resource-flavor and network lists. The token is opaque to clients: base64url
 * JSON naming the list it belongs to and the position (`seq`) of the last item
 * returned, so deleting items between pages neither repeats nor skips others.
 */
import { queryInt } from '../http';
import { poolBadRequest } from './poolModel';

const MAX_LIMIT = 500;

export interface ListMetadata {
  /** Empty on the last page. */
  readonly continue: string;
  readonly remainingItemCount: number;
}

export interface ContinuePage<T> {
  readonly items: T[];
  readonly metadata: ListMetadata;
}

function encodeToken(list: string, after: number): string {
  return Buffer.from(JSON.stringify({ l: list, a: after }), 'utf8').toString('base64url');
}

function decodeToken(token: string, list: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const record = parsed as { l?: unknown; a?: unknown } | undefined;
  if (!record || typeof record !== 'object' || record.l !== list || typeof record.a !== 'number' || !Number.isInteger(record.a)) {
    // Illustrative text; the code is the pool service's bad-request code.
    throw poolBadRequest('Invalid parameter continue: the continue token is invalid or belongs to another list.');
  }
  return record.a;
}

/**
 * One page of `items` (ascending by `seqOf`). `limit` is 0–500, default 500;
 * 0 means the default, as an absent k8s limit means "no limit" and 500 is the cap.
 */
export function continuePage<T>(items: readonly T[], seqOf: (item: T) => number, query: URLSearchParams, list: string): ContinuePage<T> {
  const limit = queryInt(query, 'limit', MAX_LIMIT, 0, MAX_LIMIT) || MAX_LIMIT;
  const token = query.get('continue');
  const after = token ? decodeToken(token, list) : undefined;
  const rest = after === undefined ? items : items.filter((item) => seqOf(item) > after);
  const page = rest.slice(0, limit);
  const remaining = rest.length - page.length;
  return {
    items: page,
    metadata: remaining > 0 ? { continue: encodeToken(list, seqOf(page[page.length - 1])), remainingItemCount: remaining } : { continue: '', remainingItemCount: 0 },
  };
}
