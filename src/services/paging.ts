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
