/** Field helpers of the k8s-style pool objects: merge patch, timestamps, label maps and selectors. */
import { isRecord } from '../http';
import { poolBadRequest } from './poolModel';

/** RFC 7386 JSON merge patch: objects merge, `null` removes, anything else (arrays too) replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) {
    return patch;
  }
  const result: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      result[key] = mergePatch(result[key], value);
    }
  }
  return result;
}

/** k8s-style RFC 3339 timestamp, second precision. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A `{string: string}` map (labels, annotations), or 400 naming the field. */
export function stringMap(value: unknown, path: string): Record<string, string> {
  if (value === undefined || value === null) {
    return {};
  }
  if (!isRecord(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw poolBadRequest(`Invalid ${path}: must be an object of strings.`);
  }
  return value as Record<string, string>;
}

/** `key=value,key2=value2` / `key!=value` / `key` selectors over labels (a subset of k8s label selectors). */
export function matchesLabelSelector(labels: Readonly<Record<string, string>>, selector: string | null): boolean {
  if (!selector) {
    return true;
  }
  return selector.split(',').every((term) => {
    const clause = term.trim();
    const notEqual = clause.indexOf('!=');
    if (notEqual > 0) {
      return labels[clause.slice(0, notEqual).trim()] !== clause.slice(notEqual + 2).trim();
    }
    const equal = clause.indexOf('=');
    if (equal > 0) {
      // `key=value` or `key==value`.
      return labels[clause.slice(0, equal).trim()] === clause.slice(equal + 1).replace(/^=/, '').trim();
    }
    return clause === '' || labels[clause] !== undefined;
  });
}
