import * as l10n from '@vscode/l10n';
import { LocalErrorCode, ModelArtsError } from './errors';

/** A list field that is missing or not an array means the body was not what the API documents. */
export function expectArray<T>(value: T[] | undefined, what: string): T[] {
  if (!Array.isArray(value)) {
    throw new ModelArtsError(LocalErrorCode.malformed, l10n.t('the {0} in the response is missing or not a list', what), 'malformed');
  }
  return value;
}

/** For APIs with no single-item read: the item as its list shows it, or a not-found error when it is no longer listed. */
export function findListed<T>(items: readonly T[], matches: (item: T) => boolean, what: string): T {
  const found = items.find(matches);
  if (found === undefined) {
    throw new ModelArtsError('NotFound', l10n.t('{0} is no longer listed', what), 'service', undefined, 404);
  }
  return found;
}
