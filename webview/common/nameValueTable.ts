/**
 * An editable list of name/value rows (inputs, outputs, hyperparameters, environment
 * variables, granted users) in a collapsible section: a text field per cell (and a choice
 * per row where the rows have a kind), a remove button per row, an Add button, and the
 * table's message line.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import './nameValueTable.css';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { NameValue } from '../../src/webviews/protocol';
import type { Choice, FieldAction } from './fields';
import * as l10n from '@vscode/l10n';

export interface NameValueTableProps<R extends NameValue = NameValue> {
  /** The form field, e.g. "inputs". */
  readonly id: string;
  readonly heading: string;
  /** One row, as in "Add input" and "Remove input 2". */
  readonly item: string;
  /** The first column's heading, "Name" unless given. */
  readonly nameLabel?: string;
  readonly valueLabel: string;
  readonly namePlaceholder: string;
  readonly valuePlaceholder: string;
  readonly rows: readonly R[];
  readonly error?: string;
  readonly disabled: boolean;
  readonly open: boolean;
  readonly onToggle: (open: boolean) => void;
  readonly onChange: (rows: R[]) => void;
  /** A button beside each row's value that fills it another way (Browse…). */
  readonly valueAction?: (index: number) => FieldAction;
}

/** A third column: each row's kind, chosen from a list. */
export interface ChoiceColumn<R> {
  readonly label: string;
  readonly choices: readonly Choice[];
  readonly of: (row: R) => string;
  readonly set: (row: R, value: string) => R;
}

/** Rows that carry more than a name and a value: what a new row starts as, and their kind's column. */
export interface RowTableProps<R extends NameValue> extends NameValueTableProps<R> {
  readonly blankRow: R;
  readonly choiceColumn?: ChoiceColumn<R>;
}

/** Focus an element of the next render (a row just added, or Add after a row went away). */
function focusLater(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

function row<R extends NameValue>(props: RowTableProps<R>, current: R, index: number): TemplateResult {
  const label = `${props.item} ${index + 1}`;
  const replace = (next: R): void => props.onChange(props.rows.map((candidate, i) => (i === index ? next : candidate)));
  const edit = (patch: Partial<NameValue>): void => replace({ ...current, ...patch });
  const remove = (): void => {
    if (!props.disabled) {
      props.onChange(props.rows.filter((_, i) => i !== index));
      focusLater(`${props.id}-add`);
    }
  };
  return html`<tr>
    <td>
      <vscode-textfield
        id="${props.id}-${index}-name"
        .label="${label} ${props.nameLabel ?? 'name'}"
        .value=${live(current.name)}
        placeholder=${props.namePlaceholder}
        ?disabled=${props.disabled}
        @input=${(event: Event) => edit({ name: (event.target as VscodeTextfield).value })}
      ></vscode-textfield>
    </td>
    <td>${valueCell(props, label, current, edit, props.valueAction?.(index))}</td>
    ${props.choiceColumn ? html`<td>${choiceCell(props.choiceColumn, label, current, replace, props.disabled)}</td>` : nothing}
    <td class="row-action">
      <vscode-button secondary icon="trash" icon-only aria-label=${l10n.t('Remove {0}', label)} title=${l10n.t('Remove {0}', label)} ?disabled=${props.disabled} @click=${remove}></vscode-button>
    </td>
  </tr>`;
}

function choiceCell<R>(column: ChoiceColumn<R>, label: string, current: R, replace: (next: R) => void, disabled: boolean): TemplateResult {
  const value = column.of(current);
  return html`<vscode-single-select
    .label="${label} ${column.label}"
    ?disabled=${disabled}
    @change=${(event: Event) => replace(column.set(current, (event.target as VscodeSingleSelect).value))}
  >
    ${column.choices.map((choice) => html`<vscode-option value=${choice.value} ?selected=${choice.value === value}>${choice.label}</vscode-option>`)}
  </vscode-single-select>`;
}

function valueCell<R extends NameValue>(props: NameValueTableProps<R>, label: string, current: NameValue, edit: (patch: Partial<NameValue>) => void, action: FieldAction | undefined): TemplateResult {
  const control = html`<vscode-textfield
    .label="${label} ${props.valueLabel}"
    .value=${live(current.value)}
    placeholder=${props.valuePlaceholder}
    ?disabled=${props.disabled}
    @input=${(event: Event) => edit({ value: (event.target as VscodeTextfield).value })}
  ></vscode-textfield>`;
  return action
    ? html`<div class="control-row">
        ${control}
        <vscode-button secondary icon=${action.icon} aria-label="${action.label} (${label})" ?disabled=${action.disabled} @click=${action.onClick}>${action.label}</vscode-button>
      </div>`
    : control;
}

export function nameValueTable(props: NameValueTableProps): TemplateResult {
  return rowTable({ ...props, blankRow: { name: '', value: '' } });
}

export function rowTable<R extends NameValue>(props: RowTableProps<R>): TemplateResult {
  const add = (): void => {
    if (!props.disabled) {
      props.onChange([...props.rows, props.blankRow]);
      focusLater(`${props.id}-${props.rows.length}-name`);
    }
  };
  const onToggle = (event: CustomEvent<{ open: boolean }>): void => props.onToggle(event.detail.open);
  return html`<vscode-collapsible
    id="section-${props.id}"
    heading=${props.heading}
    description=${props.rows.length > 0 ? String(props.rows.length) : ''}
    ?open=${props.open}
    @vsc-collapsible-toggle=${onToggle}
  >
    <div class="field table-field ${props.error ? 'invalid' : ''}">
      ${props.rows.length > 0
        ? html`<table class="name-value">
            <thead>
              <tr>
                <th scope="col">${props.nameLabel ?? l10n.t('Name')}</th>
                <th scope="col">${props.valueLabel}</th>
                ${props.choiceColumn ? html`<th scope="col">${props.choiceColumn.label}</th>` : nothing}
                <th scope="col"><span class="visually-hidden">${l10n.t('Remove')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${props.rows.map((current, index) => row(props, current, index))}
            </tbody>
          </table>`
        : nothing}
      ${props.rows.length > 0 || props.error
        ? html`<div class="message" id="${props.id}-message">
            ${props.error ? html`<span class="codicon codicon-error" aria-hidden="true"></span>${props.error}` : nothing}
          </div>`
        : nothing}
      <div>
        <vscode-button id="${props.id}-add" secondary icon="add" ?disabled=${props.disabled} @click=${add}>${l10n.t('Add {0}', props.item.toLowerCase())}</vscode-button>
      </div>
    </div>
  </vscode-collapsible>`;
}
