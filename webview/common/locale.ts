/**
 * Translates the app into VS Code's display language with the bundle the host wrote into the page. Each app imports
 * this first, so that every `l10n.t` call (labels kept in module constants too) already finds the bundle.
 */
import * as l10n from '@vscode/l10n';
import { parseWebviewLocale } from '../../src/webviews/protocol';

const locale = parseWebviewLocale(document.body.dataset.locale);
l10n.config({ contents: locale.bundle });

/** VS Code's display language ("en", "zh-cn"), for Intl formatting in the page. */
export const displayLanguage = locale.language;
