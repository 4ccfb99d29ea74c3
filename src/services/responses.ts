import { LocalErrorCode, ModelArtsError } from './errors';

/** A list field that is missing or not an array means the body was not what the API documents. */
export function expectArray<T>(value: T[] | undefined, what: string): T[] {
  if (!Array.isArray(value)) {
    throw new ModelArtsError(LocalErrorCode.malformed, `the ${what} in the response is missing or not a list`, 'malformed');
  }
  return value;
}
