/**
 * The one way tool results are written: compact text sized for a model's context, tables for lists
 * and pruned JSON for one resource. Results speak to the model, so they are English, like the tools'
 * descriptions. Every cut comes after the redactor (a secret cut in two would not be recognised):
 * strings inside a resource are redacted here, and the whole result is redacted, then limited, by
 * the tool (limitText). No `vscode` import.
 */
import { markdownTable } from '../views/markdownTable';
import { withoutSecretValues } from './secretFields';

/** Replaces every known credential in a text by its masked form (the log's redactor). */
export type Redact = (text: string) => string;

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
  return [heading, '', body, ...(more ? ['', more] : [])].join('\n');
}

/**
 * One resource: a summary line, then its fields as JSON without the empty ones, and without the
 * values of its environment variables and secrets (their names stay, as in the details panel).
 */
export function resourceResult(summary: string, resource: unknown, redact: Redact): string {
  return `${summary}\n\n\`\`\`json\n${JSON.stringify(compact(withoutSecretValues(resource), redact), null, 1)}\n\`\`\``;
}

/** Cuts a (redacted) text at the limit, saying how much is left out. */
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

/** A value without null, empty strings, empty lists and empty objects; long strings (redacted first) and lists shortened. */
export function compact(value: unknown, redact: Redact): unknown {
  if (typeof value === 'string') {
    const text = redact(value);
    return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}… (${text.length - MAX_STRING} more characters)` : text;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => compact(item, redact)).filter(isPresent);
    return items.length > MAX_ARRAY ? [...items.slice(0, MAX_ARRAY), `… ${items.length - MAX_ARRAY} more`] : items;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, compact(item, redact)] as const)
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
  return [heading, ...sections].join('\n\n');
}

function cellText(value: unknown): string | number | undefined {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'number') {
    return value ?? undefined;
  }
  return Array.isArray(value) ? value.join(', ') : JSON.stringify(value);
}
