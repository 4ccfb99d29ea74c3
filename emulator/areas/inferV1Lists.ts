/**
 * What the v1 lists (services, events, models: §3.2) share: `order` (asc or desc,
 * the default) and a page of `offset` + `limit`, where `offset` is a page index
 * (the reference's "start page"; Terraform pages by record, uncertain: §13.2).
 */
import { queryInt } from '../http';
import { oneOf } from '../validate';

export function orderOf(query: URLSearchParams): 1 | -1 {
  return oneOf((query.get('order') ?? 'desc').toLowerCase(), ['asc', 'desc'], 'order') === 'asc' ? 1 : -1;
}

/** One page: `limit` 1–1000, default 1000. */
export function v1Page<T>(items: readonly T[], query: URLSearchParams): T[] {
  const page = queryInt(query, 'offset', 0);
  const limit = queryInt(query, 'limit', 1000, 1, 1000);
  return items.slice(page * limit, (page + 1) * limit);
}

/** Sorts by the key, then by id so that pages never overlap. */
export function sortedBy<T extends { readonly id: string }>(items: T[], key: (item: T) => string | number, order: 1 | -1): T[] {
  return items.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return (ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * order;
  });
}
