/** What the v1 (§3.2) and v2 (§4.1) service event lists share in their queries. */
import { invalidParameter, queryInt } from '../http';
import { oneOf } from '../validate';

export interface FilterableEvent {
  readonly type: string;
  readonly info: string;
  readonly at: number;
}

/**
 * `event_type` (one of `types`, in the API version's spelling), a case-insensitive text match in
 * the `infoParam` parameter, and `start_time`/`end_time` (ms); events planned after `now` never show.
 */
export function serviceEventFilter(query: URLSearchParams, now: number, types: readonly string[], infoParam: string): (event: FilterableEvent) => boolean {
  const type = query.get('event_type');
  if (type !== null) {
    oneOf(type, types, 'event_type');
  }
  const info = query.get(infoParam)?.toLowerCase();
  const from = queryInt(query, 'start_time', 0);
  const to = queryInt(query, 'end_time', Number.MAX_SAFE_INTEGER);
  if (from > to) {
    throw invalidParameter('start_time', 'must not be after end_time');
  }
  return (event) => event.at <= now && event.at >= from && event.at <= to && (!type || event.type === type) && (!info || event.info.toLowerCase().includes(info));
}
