/**
 * The one way tool results are written: compact text sized for a model's context, tables for lists
 * and pruned JSON for one resource. Results speak to the model, so they are English, like the tools'
 * descriptions. No `vscode` import.
 */
import { markdownTable } from '../views/markdownTable';

/** Results stay under this many characters (about 3,000 tokens); longer ones are cut, saying so. */
export const RESULT_MAX_CHARS = 12_000;
/** Rows of one list result; the rest is a page away. */
export const LIST_PAGE_ROWS = 50;
/** Strings and lists inside a resource's JSON are shortened to this. */
const MAX_STRING = 400;
const MAX_ARRAY = 25;

/** A list as a table, under a heading that says what it is and how to get more. */
export function listResult(heading: string, headers: readonly string[], rows: readonly (readonly (string | number | undefined)[])[], more?: string): string {
  const body = rows.length > 0 ? markdownTable(headers, rows) : '(none)';
  return limitText([heading, '', body, ...(more ? ['', more] : [])].join('\n'));
}

/** One resource: a summary line, then its fields as JSON without the empty ones. */
export function resourceResult(summary: string, resource: unknown): string {
  return limitText(`${summary}\n\n\`\`\`json\n${JSON.stringify(compact(resource), null, 1)}\n\`\`\``);
}

/** Cuts a text at the limit, saying how much is left out. */
export function limitText(text: string, maxChars = RESULT_MAX_CHARS): string {
  if (text.length <= maxChars) {
    return text;
  }
  return `${text.slice(0, maxChars)}\n… (cut: ${text.length - maxChars} more characters)`;
}

/** The lines at the end of a log, at most `count` of them and within the size limit: the newest matter most. */
export function lastLines(text: string, count: number): { readonly lines: string; readonly omitted: number } {
  const all = text.replace(/\n$/, '').split('\n');
  let kept = all.slice(-count);
  while (kept.join('\n').length > RESULT_MAX_CHARS && kept.length > 1) {
    kept = kept.slice(Math.ceil(kept.length / 10));
  }
  return { lines: kept.join('\n'), omitted: all.length - kept.length };
}

/** A value without null, empty strings, empty lists and empty objects; long strings and lists shortened. */
export function compact(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}… (${value.length - MAX_STRING} more characters)` : value;
  }
  if (Array.isArray(value)) {
    const items = value.map(compact).filter(isPresent);
    return items.length > MAX_ARRAY ? [...items.slice(0, MAX_ARRAY), `… ${items.length - MAX_ARRAY} more`] : items;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, compact(item)] as const)
      .filter(([, item]) => isPresent(item));
    return Object.fromEntries(entries);
  }
  return value;
}

function isPresent(value: unknown): boolean {
  if (value === null || value === undefined || value === '') {
    return false;
  }
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  return typeof value !== 'object' || Object.keys(value).length > 0;
}

/** Lists of choices (flavors, images…) as one table each, under their names. */
export function tablesResult(heading: string, tables: Readonly<Record<string, readonly object[]>>): string {
  const sections = Object.entries(tables).map(([title, items]) => {
    const headers = [...new Set(items.flatMap((item) => Object.keys(item)))];
    const rows = items.map((item) => headers.map((header) => cellText((item as Record<string, unknown>)[header])));
    return `${title} (${items.length}):\n\n${items.length > 0 ? markdownTable(headers, rows) : '(none)'}`;
  });
  return limitText([heading, ...sections].join('\n\n'));
}

function cellText(value: unknown): string | number | undefined {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'number') {
    return value ?? undefined;
  }
  return Array.isArray(value) ? value.join(', ') : JSON.stringify(value);
}
