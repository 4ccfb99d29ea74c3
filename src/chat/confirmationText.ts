/**
 * Values in a confirmation's markdown, shown as exactly what they are: a model's input or a cloud
 * value is code, never markup, so a link, a link-reference definition or an HTML comment cannot
 * hide part of it. No `vscode` import.
 */

/** The longest run of backticks in a text: a code fence must be longer to hold it. */
function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}

/**
 * One line as inline code, in a fence longer than any run of backticks in it. A value that starts
 * or ends with a backtick or a space is padded with one space each side, which CommonMark drops
 * again; an empty value says so.
 */
export function inlineCode(value: string): string {
  if (value === '') {
    return '(empty)';
  }
  const line = value.replace(/[\r\n]+/g, ' ');
  const fence = '`'.repeat(longestBacktickRun(line) + 1);
  const padding = /^[` ]|[` ]$/.test(line) ? ' ' : '';
  return `${fence}${padding}${line}${padding}${fence}`;
}

/** A text of any number of lines, whole, as a fenced code block no line of it can close. */
export function codeBlock(value: string): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(value) + 1));
  return `${fence}text\n${value}\n${fence}`;
}

/** A value of a tool's input as one line: a string as it is, anything else as JSON. */
export function valueText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/**
 * A tool's input as one text, whatever the order of its keys: VS Code hands the same input to the
 * preparation of a confirmation and to the call it confirms, which this pairs.
 */
export function canonicalInput(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
  );
}
