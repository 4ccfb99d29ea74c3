/** A read-only document of tables (flavors, specifications, quotas, images). Every cell is a text node: no markup, no link. */
// First: the other modules' labels are translated as they load.
import './common/locale';
import './common/styles.css';
import './tableDocument.css';
import { html, nothing, render, type TemplateResult } from 'lit';
import type { TableDocument, TableSection } from '../src/webviews/protocol';
import { appElement, onMessage, send } from './common/vscodeApi';

function section({ heading, lines, table }: TableSection): TemplateResult {
  const numeric = new Set(table?.numeric ?? []);
  const align = (column: number) => (numeric.has(column) ? 'numeric' : nothing);
  return html`<section>
    ${heading ? html`<h2>${heading}</h2>` : nothing}
    ${(lines ?? []).map((line) => html`<p>${line}</p>`)}
    ${table
      ? html`<table class="table-document">
          <thead>
            <tr>${table.headers.map((header, column) => html`<th scope="col" class=${align(column)}>${header}</th>`)}</tr>
          </thead>
          <tbody>
            ${table.rows.map((row) => html`<tr>${row.map((cell, column) => html`<td class=${align(column)}>${cell}</td>`)}</tr>`)}
          </tbody>
        </table>`
      : nothing}
  </section>`;
}

function view(document: TableDocument | undefined): TemplateResult {
  return document ? html`<article class="document"><h1>${document.title}</h1>${document.sections.map(section)}</article>` : html``;
}

onMessage((message) => {
  if (message.type === 'tableDocument') {
    render(view(message.document), appElement());
  }
});
render(view(undefined), appElement());
send({ type: 'ready' });
