/**
 * Checks a language-model tool's input against the JSON schema the tool declares in package.json,
 * before any request. VS Code does not promise to check it, and a model's input is untrusted: what
 * is wrong comes back as one sentence per problem, naming the field, so the model can correct itself.
 * Only the keywords the declared schemas use are understood; a unit test keeps them to this subset.
 * No `vscode` import.
 */

export interface JsonSchema {
  readonly type?: 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'array';
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly enum?: readonly (string | number)[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: JsonSchema;
  readonly maxItems?: number;
}

/** The keywords `inputProblems` understands; a schema using others would be checked less than it says. */
export const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'description',
  'properties',
  'required',
  'additionalProperties',
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'items',
  'maxItems',
]);

/**
 * What is wrong with `value` for `schema`, one sentence per problem; empty when it fits. A string
 * holds one line unless its field is one of `multiLine` (a training job's command): a line break
 * in a name or an id is never meant, and a confirmation would show it as something else.
 */
export function inputProblems(schema: JsonSchema, value: unknown, multiLine: ReadonlySet<string> = new Set(), path = 'input'): string[] {
  const typeProblem = wrongType(schema, value, path);
  if (typeProblem) {
    return [typeProblem];
  }
  if (schema.enum && !schema.enum.includes(value as string | number)) {
    return [`${path} must be one of ${schema.enum.map((option) => JSON.stringify(option)).join(', ')}.`];
  }
  if (typeof value === 'string') {
    return /[\r\n]/.test(value) && !multiLine.has(path) ? [`${path} must be one line: it holds a line break.`] : stringProblems(schema, value, path);
  }
  if (typeof value === 'number') {
    return numberProblems(schema, value, path);
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      return [`${path} may hold at most ${schema.maxItems} items.`];
    }
    return schema.items ? value.flatMap((item, index) => inputProblems(schema.items as JsonSchema, item, multiLine, `${path}[${index}]`)) : [];
  }
  if (typeof value === 'object' && value !== null) {
    return objectProblems(schema, value as Record<string, unknown>, multiLine, path);
  }
  return [];
}

function wrongType(schema: JsonSchema, value: unknown, path: string): string | undefined {
  switch (schema.type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : `${path} must be an object.`;
    case 'array':
      return Array.isArray(value) ? undefined : `${path} must be a list.`;
    case 'integer':
      return Number.isInteger(value) ? undefined : `${path} must be a whole number.`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : `${path} must be a number.`;
    case 'string':
    case 'boolean':
      return typeof value === schema.type ? undefined : `${path} must be a ${schema.type}.`;
    default:
      return undefined;
  }
}

function stringProblems(schema: JsonSchema, value: string, path: string): string[] {
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    return [schema.minLength === 1 ? `${path} must not be empty.` : `${path} must have at least ${schema.minLength} characters.`];
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength) {
    return [`${path} must have at most ${schema.maxLength} characters.`];
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
    return [`${path} ${JSON.stringify(value)} does not match ${schema.pattern}${schema.description ? ` (${schema.description})` : ''}.`];
  }
  return [];
}

function numberProblems(schema: JsonSchema, value: number, path: string): string[] {
  const { minimum, maximum } = schema;
  if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) {
    const range = minimum !== undefined && maximum !== undefined ? `from ${minimum} to ${maximum}` : minimum !== undefined ? `at least ${minimum}` : `at most ${maximum}`;
    return [`${path} must be ${range}.`];
  }
  return [];
}

/** Own properties only, of the input and of the schema: `__proto__`, `constructor` or `toString` are no inputs. */
function objectProblems(schema: JsonSchema, value: Record<string, unknown>, multiLine: ReadonlySet<string>, path: string): string[] {
  const properties = schema.properties ?? {};
  const field = (key: string) => (path === 'input' ? key : `${path}.${key}`);
  const missing = (schema.required ?? []).filter((key) => !Object.hasOwn(value, key) || value[key] === undefined).map((key) => `${field(key)} is required.`);
  const unknown =
    schema.additionalProperties === false
      ? Object.keys(value)
          .filter((key) => !Object.hasOwn(properties, key))
          .map((key) => `${field(key)} is not an input of this tool (it takes ${Object.keys(properties).join(', ') || 'nothing'}).`)
      : [];
  const invalid = Object.entries(value)
    .filter(([key, item]) => Object.hasOwn(properties, key) && item !== undefined)
    .flatMap(([key, item]) => inputProblems(properties[key], item, multiLine, field(key)));
  return [...missing, ...unknown, ...invalid];
}

/** Keywords of a schema (and of the schemas inside it) that `inputProblems` does not understand. */
export function unsupportedKeywords(schema: JsonSchema, path = ''): string[] {
  const own = Object.keys(schema)
    .filter((keyword) => !SUPPORTED_KEYWORDS.has(keyword))
    .map((keyword) => `${path || '/'}: ${keyword}`);
  const nested = [
    ...Object.entries(schema.properties ?? {}).flatMap(([key, property]) => unsupportedKeywords(property, `${path}/${key}`)),
    ...(schema.items ? unsupportedKeywords(schema.items, `${path}/items`) : []),
  ];
  return [...own, ...nested];
}
