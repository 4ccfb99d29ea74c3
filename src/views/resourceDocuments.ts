import * as vscode from 'vscode';
import type { Redactor } from '../services/secrets';

export const RESOURCE_SCHEME = 'modelarts';

/**
 * Read-only documents for resource details (JSON) and training logs. Content is
 * fetched by the command that opens it and kept here while the document is open,
 * after the redactor: no document shows a credential the extension knows.
 */
export class ResourceDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly redactor: Redactor) {
    this.subscriptions = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(RESOURCE_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.contents.delete(document.uri.toString())),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** The document's address; path segments are made file-name safe. */
  uriFor(pathSegments: readonly string[]): vscode.Uri {
    const path = '/' + pathSegments.map((segment) => segment.replace(/[^\w.-]+/g, '_')).join('/');
    return vscode.Uri.from({ scheme: RESOURCE_SCHEME, path });
  }

  /**
   * Replaces an open document's content; editors showing it update in place. Resolves once they have it, so that a
   * caller changing the document again and again sends the next change only then: the workbench drops a change
   * still being applied when the next arrives, and a stream of large ones would never show.
   */
  update(uri: vscode.Uri, content: string): Promise<void> {
    return this.updateOpen(uri, this.redactor.redact(content));
  }

  /** Opens (or updates, if already open) a read-only document; the editor it answers shows `content`. */
  async show(pathSegments: readonly string[], content: string, language: string): Promise<vscode.TextEditor> {
    const uri = this.uriFor(pathSegments);
    const updated = this.updateOpen(uri, this.redactor.redact(content));
    const document = await vscode.workspace.openTextDocument(uri);
    await updated;
    const typed = document.languageId === language ? document : await vscode.languages.setTextDocumentLanguage(document, language);
    return vscode.window.showTextDocument(typed, { preview: false });
  }

  /**
   * Updates the document; when it is already open, resolves once the editor has the new text (or the document
   * closed). That arrives asynchronously, as a change, unless the text is the same once line breaks are normalized.
   */
  private updateOpen(uri: vscode.Uri, content: string): Promise<void> {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
    const lineBreak = open?.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const changed =
      open === undefined || open.getText() === content.replace(/\r\n|\r|\n/g, lineBreak)
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const done = (document: vscode.TextDocument): void => {
              if (document.uri.toString() === key) {
                listeners.forEach((listener) => listener.dispose());
                resolve();
              }
            };
            const listeners = [vscode.workspace.onDidChangeTextDocument((event) => done(event.document)), vscode.workspace.onDidCloseTextDocument(done)];
          });
    this.contents.set(key, content);
    this.changed.fire(uri);
    return changed;
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
