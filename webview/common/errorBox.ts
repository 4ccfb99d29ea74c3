import '@vscode-elements/elements/dist/vscode-button/index.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { ErrorInfo } from '../../src/webviews/protocol';
import * as l10n from '@vscode/l10n';

/** A request that failed: what the user needs to report it (code, message, request id), and any further details. */
export function errorBox(title: string, error: ErrorInfo, retry?: () => void, details: readonly string[] = []): TemplateResult {
  return html`<div class="error-box" role="alert">
    <span class="codicon codicon-error" aria-hidden="true"></span>
    <div class="error-text">
      <strong>${title}</strong>
      <div>${error.message} <span class="error-code">(${error.errorCode})</span></div>
      ${details.length > 0 ? html`<ul>${details.map((detail) => html`<li>${detail}</li>`)}</ul>` : nothing}
      ${error.requestId ? html`<div class="request-id">${l10n.t('request id')} ${error.requestId}</div>` : nothing}
    </div>
    ${retry ? html`<vscode-button secondary icon="refresh" @click=${retry}>${l10n.t('Retry')}</vscode-button>` : nothing}
  </div>`;
}
