/**
 * Checks a JSON value against an SDK type at every depth. Locations are normalized so that one deviation entry
 * covers every item: `body.config[].envs`, `response.labels{}`.
 */
import type { ModelSpec } from './operations';

export type ShapeProblem = 'unknown-field' | 'wrong-type' | 'missing-required';

export interface ShapeFinding {
  readonly at: string;
  readonly problem: ShapeProblem;
  readonly detail: string;
}

type Models = Readonly<Record<string, ModelSpec>>;

/** Requests must carry the model's required fields; answers are only read, so they need not. */
export type Direction = 'request' | 'response';

const LIST = /^list\[(.+)\]$/;
const DICT = /^dict\(str, (.+)\)$/;

export function checkShape(value: unknown, type: string, models: Models, at: string, direction: Direction): ShapeFinding[] {
  const findings: ShapeFinding[] = [];
  visit(value, type, models, at, direction, findings);
  return findings;
}

function visit(value: unknown, type: string, models: Models, at: string, direction: Direction, findings: ShapeFinding[]): void {
  if (value === null || type === 'object') {
    // null is "not set" to the SDK's models (and a merge-patch's way to remove a field); `object` is any JSON.
    return;
  }
  const list = LIST.exec(type);
  if (list) {
    if (!Array.isArray(value)) {
      findings.push(wrongType(at, type, value));
      return;
    }
    for (const item of value) {
      visit(item, list[1], models, `${at}[]`, direction, findings);
    }
    return;
  }
  const dict = DICT.exec(type);
  if (dict) {
    if (!isPlainObject(value)) {
      findings.push(wrongType(at, type, value));
      return;
    }
    for (const item of Object.values(value)) {
      visit(item, dict[1], models, `${at}{}`, direction, findings);
    }
    return;
  }
  const model = models[type];
  if (model) {
    visitModel(value, type, model, models, at, direction, findings);
    return;
  }
  if (!primitiveMatches(value, type)) {
    findings.push(wrongType(at, type, value));
  }
}

function visitModel(value: unknown, type: string, model: ModelSpec, models: Models, at: string, direction: Direction, findings: ShapeFinding[]): void {
  if (!isPlainObject(value)) {
    findings.push(wrongType(at, type, value));
    return;
  }
  for (const [name, field] of Object.entries(value)) {
    const spec = model[name];
    const fieldAt = `${at}.${name}`;
    if (!spec) {
      findings.push({ at: fieldAt, problem: 'unknown-field', detail: `${type} has no field ${name}` });
    } else {
      visit(field, spec.type, models, fieldAt, direction, findings);
    }
  }
  if (direction === 'request') {
    for (const [name, spec] of Object.entries(model)) {
      if (spec.required && (value[name] === undefined || value[name] === null)) {
        findings.push({ at: `${at}.${name}`, problem: 'missing-required', detail: `${type} requires ${name}` });
      }
    }
  }
}

function primitiveMatches(value: unknown, type: string): boolean {
  switch (type) {
    case 'str':
    case 'datetime':
    case 'date':
      return typeof value === 'string';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float':
    case 'decimal.Decimal':
      return typeof value === 'number';
    case 'bool':
      return typeof value === 'boolean';
    default:
      // A type the contract names but does not define: nothing to hold the value to.
      return true;
  }
}

/** Whether a query parameter's text is a value of the type (the SDK writes ints, floats and bools as text). */
export function queryValueMatches(text: string, type: string): boolean {
  switch (type) {
    case 'int':
      return /^-?\d+$/.test(text);
    case 'float':
      return text.trim() !== '' && Number.isFinite(Number(text));
    case 'bool':
      return text === 'true' || text === 'false';
    default:
      return true;
  }
}

function wrongType(at: string, type: string, value: unknown): ShapeFinding {
  return { at, problem: 'wrong-type', detail: `expected ${type}, got ${jsonType(value)}` };
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
