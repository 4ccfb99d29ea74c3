import * as vscode from 'vscode';
import type { ServiceLogger } from './services/logger';
import { Redactor } from './services/secrets';

/**
 * The extension's output channel. Every line passes the redactor, which knows
 * the credentials in use, so even a careless message cannot print a key.
 */
export class ExtensionLog implements ServiceLogger, vscode.Disposable {
  readonly redactor = new Redactor();
  private readonly channel = vscode.window.createOutputChannel('ModelArts', { log: true });

  info(message: string): void {
    this.channel.info(this.redactor.redact(message));
  }

  warn(message: string): void {
    this.channel.warn(this.redactor.redact(message));
  }

  error(message: string): void {
    this.channel.error(this.redactor.redact(message));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
