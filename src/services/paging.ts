import { LocalErrorCode, ModelArtsError } from './errors';

/**
 * One shape for every paged list, whatever the API's own style (record offset,
 * page index, continue token, marker): adapters translate, everything above
 * them sees a Page and an opaque token for the next one.
 */
export interface Page<T> {
  readonly items: readonly T[];
  /** Pass back to get the next page; absent on the last page. */
  readonly nextPageToken?: string;
  /** Total number of matching items when the API reports it. */
  readonly total?: number;
}

export type PageFetcher<T> = (pageToken: string | undefined, signal?: AbortSignal) => Promise<Page<T>>;

/** At most this many items are offered in a picker or a form's dropdown; the tree pages through the rest. */
export const PICKER_LIMIT = 500;

/** Loads pages until the end or until `maxItems` items are in hand (pickers, chat tools). */
export async function collectPages<T>(fetchPage: PageFetcher<T>, maxItems: number, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token, signal);
    items.push(...page.items);
    token = page.nextPageToken;
  } while (token !== undefined && items.length < maxItems);
  return items.slice(0, maxItems);
}

/** For APIs whose `offset` counts records: the token is the next record offset. */
export function recordOffsetPage<T>(items: readonly T[], offset: number, total: number): Page<T> {
  const next = offset + items.length;
  return { items, total, nextPageToken: items.length > 0 && next < total ? String(next) : undefined };
}

/** For APIs whose `offset` is a page index: the token is the next page index. */
export function pageIndexPage<T>(items: readonly T[], pageIndex: number, limit: number, total: number | undefined): Page<T> {
  const full = items.length === limit;
  const more = full && (total === undefined || (pageIndex + 1) * limit < total);
  return { items, total, nextPageToken: more ? String(pageIndex + 1) : undefined };
}

/** For APIs paged by marker (VPC, KPS): the token is the marker of the next page, none on the last. */
export function markerPage<T>(items: readonly T[], nextMarker: string | undefined): Page<T> {
  return { items, nextPageToken: items.length > 0 && nextMarker ? nextMarker : undefined };
}

export function tokenToNumber(token: string | undefined): number {
  const value = token === undefined ? 0 : Number(token);
  return Number.isInteger(value) && value >= 0 ? value : 0;
}

/** A page of a filtered listing: the items kept, and where the next one starts (absent at the end). */
export interface CursorPage<T> {
  readonly items: readonly T[];
  readonly cursor?: string;
  /** All items of the listing, when the API reports it and nothing was filtered out. */
  readonly total?: number;
}

/**
 * Up to `maxItems` items that `keep` accepts, from where `cursor` points (the start when absent),
 * reading at most `maxPages` API pages (chat tools). A cursor is an API page token and a position
 * in that page, so an API page larger than `maxItems` is served in parts.
 */
export async function collectFromCursor<T>(
  fetchPage: PageFetcher<T>,
  options: { readonly cursor?: string; readonly maxItems: number; readonly maxPages: number; readonly keep: (item: T) => boolean },
  signal?: AbortSignal,
): Promise<CursorPage<T>> {
  const start = parseCursor(options.cursor);
  let token = start.token;
  let position = start.position;
  const items: T[] = [];
  let filteredOut = false;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(token, signal);
    for (; position < page.items.length; position++) {
      if (items.length === options.maxItems) {
        return { items, cursor: cursorOf(token, position) };
      }
      if (options.keep(page.items[position])) {
        items.push(page.items[position]);
      } else {
        filteredOut = true;
      }
    }
    if (page.nextPageToken === undefined) {
      return { items, total: filteredOut ? undefined : page.total };
    }
    token = page.nextPageToken;
    position = 0;
    if (items.length === options.maxItems || pages === options.maxPages) {
      return { items, cursor: cursorOf(token, 0) };
    }
  }
}

function cursorOf(token: string | undefined, position: number): string {
  return `${position}:${token ?? ''}`;
}

function parseCursor(cursor: string | undefined): { token?: string; position: number } {
  if (cursor === undefined) {
    return { position: 0 };
  }
  const match = /^(\d+):(.*)$/s.exec(cursor);
  if (!match) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, `"${cursor}" is not a cursor this listing gave; leave it out to start from the beginning.`, 'config');
  }
  return { position: Number(match[1]), token: match[2] === '' ? undefined : match[2] };
}
