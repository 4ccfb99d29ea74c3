/** A markdown table whose cells cannot break it: pipes and backslashes escaped, line breaks flattened. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  const line = (cells: readonly (string | number | undefined)[]) => `| ${cells.map((cell) => markdownCell(cell)).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}

function markdownCell(value: string | number | undefined): string {
  return value === undefined || value === '' ? '—' : String(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
