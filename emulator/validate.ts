/** Field readers for request bodies; failures are ModelArts.0101 naming the field (dotted path). */
import { invalidParameter, isRecord } from './http';

/** 1–64 letters, digits, `-` and `_` (the notebook and training-job name rule used here). */
export const RESOURCE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function requiredString(source: Record<string, unknown>, key: string, path = key): string {
  const value = source[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidParameter(path, 'is required and must be a non-empty string');
  }
  return value;
}

export function optionalString(source: Record<string, unknown>, key: string, fallback: string, path = key): string {
  const value = source[key];
  if (value === undefined || value === null) {
    return fallback;
  }
  if (typeof value !== 'string') {
    throw invalidParameter(path, 'must be a string');
  }
  return value;
}

export function requiredObject(source: Record<string, unknown>, key: string, path = key): Record<string, unknown> {
  const value = source[key];
  if (!isRecord(value)) {
    throw invalidParameter(path, 'is required and must be an object');
  }
  return value;
}

export function optionalObject(source: Record<string, unknown>, key: string, path = key): Record<string, unknown> | undefined {
  const value = source[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!isRecord(value)) {
    throw invalidParameter(path, 'must be an object');
  }
  return value;
}

export function optionalInteger(source: Record<string, unknown>, key: string, min: number, max: number, path = key): number | undefined {
  const value = source[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidParameter(path, `must be an integer between ${min} and ${max}`);
  }
  return value;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], path: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalidParameter(path, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function validName(name: string, path: string): string {
  if (!RESOURCE_NAME.test(name)) {
    throw invalidParameter(path, 'must be 1-64 characters: letters, digits, "-" and "_"');
  }
  return name;
}
