import type { CommandContext } from '../commands/commandContext';
import type { TableDocument, WebviewMessage } from './protocol';
import { WebviewController } from './webviewController';

/**
 * Tables of the cloud's catalogs (flavors, specifications, quotas, images) rendered in a page of the extension's
 * own: every cell is text, so a cloud string never becomes markup or a link (a markdown preview would linkify it).
 * One panel per document, shown again with the newer content when its command runs again.
 */
export class TablePanel extends WebviewController {
  private static readonly open = new Map<string, TablePanel>();

  static show(context: CommandContext, key: string, document: TableDocument): TablePanel {
    const redact = (text: string): string => context.log.redactor.redact(text);
    const shown: TableDocument = {
      title: redact(document.title),
      sections: document.sections.map(({ heading, lines, table }) => ({
        heading: heading && redact(heading),
        lines: lines?.map(redact),
        table: table && { ...table, headers: table.headers.map(redact), rows: table.rows.map((row) => row.map(redact)) },
      })),
    };
    const existing = TablePanel.open.get(key);
    if (existing) {
      existing.document = shown;
      existing.post({ type: 'tableDocument', document: shown });
      existing.reveal();
      return existing;
    }
    const panel = new TablePanel(context, shown);
    TablePanel.open.set(key, panel);
    panel.onDidDispose(() => TablePanel.open.delete(key));
    return panel;
  }

  private constructor(
    context: CommandContext,
    private document: TableDocument,
  ) {
    super({ extensionUri: context.extensionUri, log: context.log }, 'tableDocument', document.title);
  }

  protected onMessage(message: WebviewMessage): Promise<void> {
    if (message.type === 'ready') {
      this.post({ type: 'tableDocument', document: this.document });
    } else {
      this.dependencies.log.warn(`table webview: "${message.type}" is not for this panel`);
    }
    return Promise.resolve();
  }
}

/** A table's cell: an absent value shows as a dash. */
export const cell = (value: string | number | null | undefined): string => (value === undefined || value === null || value === '' ? '—' : String(value));
