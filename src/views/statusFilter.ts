import * as vscode from 'vscode';
import type { StatusCategory } from '../services/status';
import { readableStatus } from './format';
import type { StatusFilterSpec } from './resourceKind';

/** The status categories as the filter offers them, in this order. */
const CATEGORY_LABELS: readonly (readonly [StatusCategory, () => string])[] = [
  ['running', () => vscode.l10n.t('Running')],
  ['failed', () => vscode.l10n.t('Failed')],
  ['degraded', () => vscode.l10n.t('Partly healthy')],
  ['transitional', () => vscode.l10n.t('Changing')],
  ['waiting', () => vscode.l10n.t('Waiting')],
  ['stopped', () => vscode.l10n.t('Stopped')],
  ['succeeded', () => vscode.l10n.t('Completed')],
];

export interface StatusChoice {
  readonly category: StatusCategory;
  readonly label: string;
  /** The kind's statuses in this category, as people read them. */
  readonly statuses: readonly string[];
}

/** The categories a kind's statuses fall in, each with its statuses. */
export function statusChoices(spec: StatusFilterSpec): StatusChoice[] {
  return CATEGORY_LABELS.map(([category, label]) => ({
    category,
    label: label(),
    statuses: spec.statuses.filter((status) => spec.categoryOf(status) === category).map(readableStatus),
  })).filter((choice) => choice.statuses.length > 0);
}

/** The API's statuses of the chosen categories: what a server-side filter sends. */
export function statusesIn(spec: StatusFilterSpec, categories: readonly StatusCategory[]): string[] {
  return spec.statuses.filter((status) => categories.includes(spec.categoryOf(status)));
}

/** "only Running, Failed": what a filtered category's row says. */
export function statusFilterDescription(categories: readonly StatusCategory[]): string {
  const labels = CATEGORY_LABELS.filter(([category]) => categories.includes(category)).map(([, label]) => label());
  return vscode.l10n.t('only {0}', labels.join(', '));
}

/**
 * The status filter of each category node (by its id) for the session, kept outside the nodes so that a
 * category built again (the whole tree refreshed, a region added) keeps its filter.
 */
export class StatusFilters {
  private readonly chosen = new Map<string, readonly StatusCategory[]>();

  get(groupId: string): readonly StatusCategory[] | undefined {
    return this.chosen.get(groupId);
  }

  set(groupId: string, categories: readonly StatusCategory[]): void {
    if (categories.length === 0) {
      this.chosen.delete(groupId);
    } else {
      this.chosen.set(groupId, categories);
    }
  }
}
