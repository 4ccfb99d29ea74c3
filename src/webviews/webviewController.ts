import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ExtensionLog } from '../logging';
import { asModelArtsError } from '../services/errors';
import { webviewViewType } from './panelReload';
import { type ErrorInfo, type HostMessage, parseWebviewMessage, type WebviewApp, type WebviewLocale, type WebviewMessage } from './protocol';

export interface WebviewDependencies {
  readonly extensionUri: vscode.Uri;
  readonly log: ExtensionLog;
}

/**
 * The host side of one webview panel: a strict Content-Security-Policy with a
 * nonce, resources only from the extension's own webview bundle, and every
 * incoming message checked against the protocol before it is used. Subclasses
 * handle the checked messages.
 */
export abstract class WebviewController implements vscode.Disposable {
  protected readonly panel: vscode.WebviewPanel;
  private readonly posted = new vscode.EventEmitter<HostMessage>();
  /** Every message sent to the browser app (tests follow the conversation through it). */
  readonly onDidPostMessage = this.posted.event;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    protected readonly dependencies: WebviewDependencies,
    private readonly app: WebviewApp,
    title: string,
    /** The panel VS Code brought back after a window reload (see panelSerializers), else a new one is made. */
    restored?: vscode.WebviewPanel,
    /** Leaves the keyboard where it is (a preview opened by a click on a tree row keeps the tree focused). */
    preserveFocus = false,
  ) {
    const bundle = vscode.Uri.joinPath(dependencies.extensionUri, 'dist', 'webview');
    const options = { enableScripts: true, localResourceRoots: [bundle] };
    this.panel = restored ?? vscode.window.createWebviewPanel(webviewViewType(app), title, { viewColumn: vscode.ViewColumn.Active, preserveFocus }, options);
    if (restored) {
      restored.webview.options = options;
      restored.title = title;
    }
    this.panel.iconPath = vscode.Uri.joinPath(dependencies.extensionUri, 'media', 'modelarts.svg');
    this.panel.webview.html = this.html(bundle);
    this.subscriptions.push(
      this.posted,
      this.disposed,
      this.panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Handles a message exactly as if the browser app had sent it. */
  async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if ('problem' in parsed) {
      this.dependencies.log.warn(`${this.app} webview: rejected a message (${parsed.problem})`);
      return;
    }
    try {
      await this.onMessage(parsed.message);
    } catch (error) {
      this.dependencies.log.error(`${this.app} webview: ${asModelArtsError(error).toDisplayString()}`);
    }
  }

  reveal(preserveFocus = false): void {
    this.panel.reveal(undefined, preserveFocus);
  }

  dispose(): void {
    if (this.subscriptions.length === 0) {
      return;
    }
    this.disposed.fire();
    this.onDispose();
    const subscriptions = this.subscriptions.splice(0);
    this.panel.dispose();
    vscode.Disposable.from(...subscriptions).dispose();
  }

  /** Disposes the given with the panel. */
  protected register(disposable: vscode.Disposable): void {
    this.subscriptions.push(disposable);
  }

  protected post(message: HostMessage): void {
    this.posted.fire(message);
    void this.panel.webview.postMessage(message);
  }

  protected abstract onMessage(message: WebviewMessage): Promise<void>;

  /** Stop timers and requests; called once when the panel closes. */
  protected onDispose(): void {}

  private html(bundle: vscode.Uri): string {
    const { webview } = this.panel;
    const nonce = randomBytes(16).toString('base64');
    const asset = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(bundle, file)).toString();
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource} 'nonce-${nonce}'`,
      `font-src ${webview.cspSource}`,
      `img-src ${webview.cspSource} data:`,
      // The app is an ES module: the chunks it imports inherit its nonce, so no other script runs.
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('codicon.css')}" id="vscode-codicon-stylesheet" nonce="${nonce}">
<link rel="stylesheet" href="${asset(`${this.app}.css`)}" nonce="${nonce}">
</head>
<body data-locale="${attributeText(JSON.stringify(pageLocale()))}">
<main id="app"></main>
<script type="module" nonce="${nonce}" src="${asset(`${this.app}.js`)}"></script>
</body>
</html>`;
  }
}

/** The panel type VS Code knows an app's panels by; activation event `onWebviewPanel:<viewType>` brings them back. */
/** VS Code's display language and its translations of the extension's strings, as every page gets them. */
function pageLocale(): WebviewLocale {
  return { language: vscode.env.language, bundle: vscode.l10n.bundle ?? {} };
}

const attributeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An error as a webview may show it: code, message and request id, nothing else. */
export function errorInfo(error: unknown, log: ExtensionLog): ErrorInfo {
  const failure = asModelArtsError(error);
  return { errorCode: failure.errorCode, message: log.redactor.redact(failure.message), requestId: failure.requestId };
}
