import * as vscode from 'vscode';

/** How serious an inference service's event is; each API version maps its own spelling to these. */
export type EventSeverity = 'normal' | 'warning' | 'abnormal';

export interface ServiceEventLine {
  /** Epoch ms. */
  readonly at: number;
  readonly severity: EventSeverity;
  readonly message: string;
}

const MARKERS: Readonly<Record<EventSeverity, string>> = { normal: '  ', warning: '! ', abnormal: '✖ ' };
const LABELS: Readonly<Record<EventSeverity, string>> = { normal: 'NORMAL  ', warning: 'WARNING ', abnormal: 'ABNORMAL' };

/** "2025-06-01 09:30:05" in local time: sortable, and what the log language colours as a date. */
function localTime(epochMs: number): string {
  const date = new Date(epochMs);
  const two = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/**
 * An inference service's events as a read-only document: a heading that counts the
 * abnormal ones, then one line per event, newest first, abnormal ones marked so they
 * stand out (and coloured as errors by the log language).
 */
export function formatServiceEvents(heading: string, events: readonly ServiceEventLine[], omitted = 0): string {
  const newestFirst = [...events].sort((a, b) => b.at - a.at);
  const abnormal = events.filter((event) => event.severity === 'abnormal').length;
  const summary =
    events.length === 0
      ? vscode.l10n.t('No events yet.')
      : vscode.l10n.t('{0} events, newest first; {1} abnormal.', events.length, abnormal);
  const lines = newestFirst.map((event) => `${MARKERS[event.severity]}${localTime(event.at)}  ${LABELS[event.severity]}  ${event.message}`);
  const more = omitted > 0 ? ['', vscode.l10n.t('{0} older events are not shown.', omitted)] : [];
  return [heading, summary, '', ...lines, ...more, ''].join('\n');
}
