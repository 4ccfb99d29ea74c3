/**
 * Marker paging as the VPC and KPS lists use it (§8, §11.3): a page is the
 * items after the one whose key is `marker` (from the start without one), at
 * most `limit` of them.
 */
import type { ApiError } from '../http';

export interface MarkerPage<T> {
  readonly items: T[];
  /** Whether items follow this page. */
  readonly more: boolean;
}

export interface MarkerRules {
  readonly defaultLimit: number;
  readonly maxLimit: number;
  /** The service's error for a bad `limit` or an unknown `marker`. */
  readonly invalid: (message: string) => ApiError;
}

export function markerPage<T>(items: readonly T[], keyOf: (item: T) => string, query: URLSearchParams, rules: MarkerRules): MarkerPage<T> {
  const rawLimit = query.get('limit');
  const limit = rawLimit === null || rawLimit === '' ? rules.defaultLimit : /^\d+$/.test(rawLimit) ? Number(rawLimit) : NaN;
  if (!(limit >= 1 && limit <= rules.maxLimit)) {
    throw rules.invalid(`Invalid limit: must be an integer from 1 to ${rules.maxLimit}.`);
  }
  const marker = query.get('marker');
  let start = 0;
  if (marker !== null && marker !== '') {
    const index = items.findIndex((item) => keyOf(item) === marker);
    if (index < 0) {
      throw rules.invalid(`Invalid marker: ${marker} is not listed.`);
    }
    start = index + 1;
  }
  return { items: items.slice(start, start + limit), more: start + limit < items.length };
}
