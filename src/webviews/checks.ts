/**
 * Small structural checks for data that crosses a trust boundary (messages from
 * webviews). A check returns undefined when the value fits, or what is wrong.
 */
export type Check<T> = ((value: unknown) => string | undefined) & { readonly __type?: T };

export const checkString: Check<string> = (value) => (typeof value === 'string' ? undefined : 'expected a string');

export const checkBoolean: Check<boolean> = (value) => (typeof value === 'boolean' ? undefined : 'expected true or false');

export const checkNumber: Check<number> = (value) => (typeof value === 'number' && Number.isFinite(value) ? undefined : 'expected a number');

export function checkLiteral<T extends string>(expected: T): Check<T> {
  return (value) => (value === expected ? undefined : `expected "${expected}"`);
}

export function checkOneOf<T extends string>(allowed: readonly T[]): Check<T> {
  return (value) => (typeof value === 'string' && (allowed as readonly string[]).includes(value) ? undefined : `expected one of ${allowed.join(', ')}`);
}

/** A field that may be left out. */
export function checkOptional<T>(check: Check<T>): Check<T | undefined> {
  return (value) => (value === undefined ? undefined : check(value));
}

/** At most this many items: a webview has no reason to send more, and a huge array is no one's input. */
const MAX_ITEMS = 200;

export function checkArray<T>(item: Check<T>): Check<T[]> {
  return (value) => {
    if (!Array.isArray(value)) {
      return 'expected a list';
    }
    if (value.length > MAX_ITEMS) {
      return `expected at most ${MAX_ITEMS} items`;
    }
    for (let index = 0; index < value.length; index++) {
      const problem = item(value[index]);
      if (problem) {
        return `[${index}]: ${problem}`;
      }
    }
    return undefined;
  };
}

/** An object with exactly these fields, each passing its check. */
export function checkObject<T>(fields: { readonly [K in keyof T]-?: Check<T[K]> }): Check<T> {
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return 'expected an object';
    }
    const record = value as Record<string, unknown>;
    // Own properties only: `__proto__`, `constructor` or `toString` are not fields, and nothing is read from a prototype.
    for (const key of Object.keys(record)) {
      if (!Object.hasOwn(fields, key)) {
        return `unexpected field "${key}"`;
      }
    }
    for (const [key, check] of Object.entries(fields) as [string, Check<unknown>][]) {
      const problem = check(Object.hasOwn(record, key) ? record[key] : undefined);
      if (problem) {
        return `${key}: ${problem}`;
      }
    }
    return undefined;
  };
}
