import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { formatDuration, formatSize, formatTimestamp } from '../../src/views/format';
import { parseWebviewLocale } from '../../src/webviews/protocol';
import { type Panel, signedInSuite } from './harness';

/** The controller a form command returns, with the panel whose page it wrote. */
interface PanelWithPage extends Panel {
  readonly panel: vscode.WebviewPanel;
}

/** The page's `data-locale`, as the browser reads the attribute. */
function pageLocaleOf(html: string) {
  const attribute = /<body data-locale="([^"]*)"/.exec(html)?.[1];
  const text = attribute?.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return { attribute, locale: parseWebviewLocale(text) };
}

describe('Localized strings: the webviews translate with the bundle the host sends, dates follow VS Code\'s language', () => {
  const under = signedInSuite({ transitionMs: 60_000 });

  it('a form\'s page carries VS Code\'s display language and its l10n bundle before any script runs', async () => {
    const panel = (await vscode.commands.executeCommand('modelarts.notebook.create', await under().category('Notebooks'))) as PanelWithPage;
    try {
      const html = panel.panel.webview.html;
      const { attribute, locale } = pageLocaleOf(html);
      assert.ok(attribute, 'the page body has data-locale');
      assert.deepEqual(locale, { language: vscode.env.language, bundle: vscode.l10n.bundle ?? {} });
      assert.ok(html.indexOf('data-locale=') < html.indexOf('<script'), 'the locale is in the page before the app\'s script');
      assert.match(html, new RegExp(`<html lang="${vscode.env.language}">`));
    } finally {
      panel.dispose();
    }
  });

  it('dates, durations and sizes follow vscode.env.language, not the OS locale; English reads as before', () => {
    const at = Date.UTC(2026, 11, 6, 23, 32, 30);
    // Run with LANG=de_DE.UTF-8, the extension host formats "6.12.2026, 23:32:30" by itself while VS Code shows English.
    assert.equal(formatTimestamp(at), new Date(at).toLocaleString(vscode.env.language));
    assert.equal(formatSize(1.5 * 1024 ** 3), new Intl.NumberFormat(vscode.env.language).format(1.5) + ' GB');
    if (vscode.env.language.startsWith('en')) {
      assert.equal(formatDuration(3_900_000), '1h 5m');
      assert.equal(formatDuration(260_000), '4m 20s');
      assert.equal(formatSize(1.5 * 1024 ** 3), '1.5 GB');
    }
  });
});
