/**
 * Cloud text inside markdown (tooltips, chat answers, documents) is text, never markup, a link or an image.
 * CommonMark lets every ASCII punctuation character be backslash-escaped, and an escaped one is a literal
 * character: with all of them escaped, no link, autolink, image, HTML or emphasis can start. Line breaks stay.
 */
export function markdownText(value: string): string {
  return value.replace(/[!-/:-@[-`{-~]/g, '\\$&').replace(/\r?\n/g, '  \n');
}

/**
 * A markdown table whose cells cannot break it, nor become a link, an image or HTML: backslashes, pipes,
 * brackets and angle brackets escaped, what GFM would make a link of (`https://`, `ftp://`, `www.`, an e-mail)
 * broken, line breaks flattened. Cells keep `-`, `_`, `.`, `/`, `*` and `:` as they are, so a model reading the
 * table sees ids, flavors and OBS addresses (`physical.pi-a800`, `8*A800`, `obs://bucket/key`) unchanged.
 */
export function markdownTable(headers: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  const line = (cells: readonly (string | number | undefined)[]) => `| ${cells.map((cell) => markdownCell(cell)).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}

function markdownCell(value: string | number | undefined): string {
  if (value === undefined || value === '') {
    return '—';
  }
  return String(value)
    .replace(/[\\|[\]<>@]/g, '\\$&')
    .replace(/\b(https?|ftp):\/\//gi, '$1\\://')
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}\\.`)
    .replace(/\s*\n\s*/g, ' ');
}
