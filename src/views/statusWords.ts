/**
 * The word-by-word reading of a status, for readableStatus (format.ts), which adds the few statuses it gets
 * wrong. No `vscode` import, so its table test runs without VS Code.
 */

/**
 * Statuses the word-by-word reading gets wrong (joined words, an acronym, what a state means): readableStatus
 * gives each its localized words.
 */
export const SPECIAL_STATUSES = ['SNAPSHOTTING', 'CHANGINGOS', 'CHANGINGOS_FAILED', 'REINSTALLINGOS', 'REINSTALLINGOS_FAILED', 'TerminatedFailed', 'OK'] as const;
export type SpecialStatus = (typeof SPECIAL_STATUSES)[number];

/** A single CamelCase status of two or more words: "CreationFailed", "ScalingFailed". */
const CAMEL_CASE = /^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/;

/**
 * "CREATE_FAILED" → "Create failed", "building_failed" → "Building failed", "CreationFailed" → "Creation failed",
 * "Running" stays: every API spells its statuses its own way (UPPER_CASE, lower_case, CamelCase); people read one
 * sentence-case form. A text that is not one status word (a localized label, "Deploying 40%") is left as it is.
 */
export function statusWords(status: string): string {
  const camelCase = CAMEL_CASE.test(status);
  if (!camelCase && status !== status.toUpperCase() && status !== status.toLowerCase()) {
    return status;
  }
  const words = (camelCase ? status.replace(/(?<=[a-z])(?=[A-Z])/g, ' ') : status.replace(/_/g, ' ')).toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
