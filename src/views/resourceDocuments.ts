import * as vscode from 'vscode';

export const RESOURCE_SCHEME = 'modelarts';

/**
 * Read-only documents for resource details (JSON) and training logs. Content is
 * fetched by the command that opens it and kept here while the document is open.
 */
export class ResourceDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(RESOURCE_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.contents.delete(document.uri.toString())),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Opens (or updates, if already open) a read-only document; path segments are made file-name safe. */
  async show(pathSegments: string[], content: string, language: string): Promise<vscode.TextEditor> {
    const path = '/' + pathSegments.map((segment) => segment.replace(/[^\w.-]+/g, '_')).join('/');
    const uri = vscode.Uri.from({ scheme: RESOURCE_SCHEME, path });
    this.contents.set(uri.toString(), content);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const typed = document.languageId === language ? document : await vscode.languages.setTextDocumentLanguage(document, language);
    return vscode.window.showTextDocument(typed, { preview: false });
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
