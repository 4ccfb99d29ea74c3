import * as vscode from 'vscode';
import { markdownText } from './markdownTable';
import { STATUS_TRANSLATIONS } from './statusTranslations';
import { SPECIAL_STATUSES, type SpecialStatus, statusWords } from './statusWords';

/** "5 min ago", "3 h ago", "12 d ago": compact enough for a tree item's description. */
export function formatAge(epochMs: number | undefined, now: number = Date.now()): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) {
    return '';
  }
  const minutes = Math.max(0, Math.floor((now - epochMs) / 60_000));
  if (minutes < 1) {
    return vscode.l10n.t('just now');
  }
  if (minutes < 60) {
    return vscode.l10n.t('{0} min ago', minutes);
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return vscode.l10n.t('{0} h ago', hours);
  }
  return vscode.l10n.t('{0} d ago', Math.floor(hours / 24));
}

/** A date and time in VS Code's display language (not the OS's): "12/6/2026, 11:32:30 PM", "2026/12/6 23:32:30". */
export function formatTimestamp(epochMs: number | undefined): string {
  return epochMs === undefined ? '—' : new Date(epochMs).toLocaleString(vscode.env.language);
}

/** "1h 5m", "4m 20s", "12s". */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) {
    return '—';
  }
  const seconds = Math.floor(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? vscode.l10n.t('{0}h {1}m', h, m) : m > 0 ? vscode.l10n.t('{0}m {1}s', m, s) : vscode.l10n.t('{0}s', s);
}

/** What statusWords would get wrong ("Changingos", "Ok"). */
const STATUS_WORDS: Readonly<Record<SpecialStatus, string>> = {
  SNAPSHOTTING: vscode.l10n.t('Saving image'),
  CHANGINGOS: vscode.l10n.t('Changing OS'),
  CHANGINGOS_FAILED: vscode.l10n.t('Change OS failed'),
  REINSTALLINGOS: vscode.l10n.t('Reinstalling OS'),
  REINSTALLINGOS_FAILED: vscode.l10n.t('Reinstall OS failed'),
  TerminatedFailed: vscode.l10n.t('Terminate failed'),
  OK: vscode.l10n.t('OK'),
};

const isSpecial = (status: string): status is SpecialStatus => (SPECIAL_STATUSES as readonly string[]).includes(status);

/**
 * The one reading of a status wherever one is shown (tree, hover, details panel, picker, message, chat):
 * "CREATE_FAILED" → "Create failed", "running" → "Running", "CreationFailed" → "Creation failed" (statusWords),
 * and the few the word-by-word reading gets wrong.
 */
export function readableStatus(status: string): string {
  if (isSpecial(status)) {
    return STATUS_WORDS[status];
  }
  const words = statusWords(status);
  return STATUS_TRANSLATIONS[words] ?? words;
}

/** "13.2 GB", "512 KB": a size in bytes, in the largest unit that keeps it at 1 or more. */
export function formatSize(bytes: number | undefined): string | undefined {
  if (bytes === undefined || !Number.isFinite(bytes)) {
    return undefined;
  }
  const units = [vscode.l10n.t('B'), vscode.l10n.t('KB'), vscode.l10n.t('MB'), vscode.l10n.t('GB'), vscode.l10n.t('TB')];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // One decimal below 10 ("1.5 GB"), none when it is .0 or the value is larger; the decimal sign of the display language.
  const digits = new Intl.NumberFormat(vscode.env.language, { maximumFractionDigits: unit > 0 && value < 10 ? 1 : 0, useGrouping: false });
  return `${digits.format(value)} ${units[unit]}`;
}

/** "modelarts.vm.gpu.t4u8" → "vm.gpu.t4u8": every flavor starts with the service name. */
export function shortFlavor(flavor: string | undefined): string | undefined {
  return flavor?.replace(/^modelarts\./, '');
}

/** Joins the non-empty parts of a description with a middle dot. */
export function joinParts(...parts: (string | undefined)[]): string {
  return parts.filter((part) => part).join(' · ');
}

/**
 * A tooltip table of key fields. Names and values are markdownText: appendText leaves `<`, `:` and `.` as they
 * are, so a description could still become an autolink (`<file:///…>`, `https://…`, `www.…`).
 */
export function fieldTooltip(title: string, fields: [string, string | number | undefined][]): vscode.MarkdownString {
  const lines = fields.filter(([, value]) => value !== undefined && value !== '').map(([label, value]) => `${markdownText(`${label}: ${value}`)}  \n`);
  const tooltip = new vscode.MarkdownString(`**${markdownText(title)}**\n\n${lines.join('')}`);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  return tooltip;
}

/** An RFC 3339 time as epoch milliseconds (SWR and VPC objects carry strings), for `formatAge`. */
export function parseTimestamp(timestamp: string | undefined): number | undefined {
  const ms = timestamp ? Date.parse(timestamp) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}
