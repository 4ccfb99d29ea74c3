/**
 * Form fields as lit templates: a label, the control and one message line under
 * it (the error, else the helper text). The message line keeps its space while
 * empty, so an error appearing does not move the rest of the form.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeRadio } from '@vscode-elements/elements/dist/vscode-radio/vscode-radio.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

interface FieldBase {
  readonly id: string;
  readonly label: string;
  readonly error?: string;
  /** What may fail although the field is valid (an image that does not suit the flavor); shown when there is no error. */
  readonly warning?: string;
  readonly helper?: string;
  readonly required?: boolean;
  readonly disabled: boolean;
  /** Keep the message line even when empty, so errors coming and going move nothing; off for fields that always hold a valid choice. */
  readonly reserveMessage?: boolean;
}

export interface TextFieldProps extends FieldBase {
  readonly value: string;
  readonly placeholder?: string;
  readonly type?: 'text' | 'number' | 'password';
  readonly min?: number;
  readonly max?: number;
  /** A multi-line field (Enter adds a line instead of submitting). */
  readonly multiline?: boolean;
  /** A button next to a one-line field that fills it another way (Browse…). */
  readonly action?: FieldAction;
  readonly onInput: (value: string) => void;
}

export interface FieldAction {
  readonly label: string;
  /** A codicon name. */
  readonly icon: string;
  readonly disabled: boolean;
  readonly onClick: () => void;
}

export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly description?: string;
  readonly disabled?: boolean;
}

export interface SelectProps extends FieldBase {
  readonly value: string;
  readonly choices: readonly Choice[];
  /** Filter the list by typing. */
  readonly combobox?: boolean;
  readonly onChange: (value: string) => void;
}

export interface RadioProps extends FieldBase {
  readonly value: string;
  readonly choices: readonly Choice[];
  /** One choice per line, for choices that describe themselves. */
  readonly vertical?: boolean;
  readonly onChange: (value: string) => void;
}

/** A number field's value; empty is not a number, so validation asks for one. */
export function parseNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

export function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** The screen-reader name of a control: its label, and its error or warning when it has one (shadow DOM hides aria-describedby). */
function accessibleName(props: FieldBase): string {
  const note = props.error ?? props.warning;
  return note ? `${props.label}: ${note}` : props.label;
}

function field(props: FieldBase, control: TemplateResult): TemplateResult {
  const focus = (): void => document.getElementById(props.id)?.focus();
  const warned = !props.error && Boolean(props.warning);
  const message = props.error
    ? html`<span class="codicon codicon-error" aria-hidden="true"></span>${props.error}`
    : warned
      ? html`<span class="codicon codicon-warning" aria-hidden="true"></span>${props.warning}`
      : props.helper;
  const hasMessageLine = Boolean(message) || props.reserveMessage !== false;
  return html`<div class="field ${props.error ? 'invalid' : ''} ${warned ? 'warned' : ''} ${hasMessageLine ? '' : 'no-message'}">
    <vscode-label id="${props.id}-label" ?required=${props.required} @click=${focus}>${props.label}</vscode-label>
    ${control}
    ${hasMessageLine ? html`<div class="message" id="${props.id}-message">${message ?? nothing}</div>` : nothing}
  </div>`;
}

export function textField(props: TextFieldProps): TemplateResult {
  // The text area has the same `value` as the text field.
  const onInput = (event: Event): void => props.onInput((event.target as VscodeTextfield).value);
  const control = props.multiline
    ? html`<vscode-textarea
        id=${props.id}
        .label=${accessibleName(props)}
        .value=${live(props.value)}
        placeholder=${props.placeholder ?? nothing}
        rows="3"
        resize="vertical"
        ?invalid=${Boolean(props.error)}
        ?disabled=${props.disabled}
        @input=${onInput}
      ></vscode-textarea>`
    : html`<vscode-textfield
        id=${props.id}
        type=${props.type ?? 'text'}
        .label=${accessibleName(props)}
        .value=${live(props.value)}
        placeholder=${props.placeholder ?? nothing}
        min=${props.min ?? nothing}
        max=${props.max ?? nothing}
        ?invalid=${Boolean(props.error)}
        ?disabled=${props.disabled}
        @input=${onInput}
      ></vscode-textfield>`;
  const { action } = props;
  return field(
    props,
    action
      ? html`<div class="control-row">
          ${control}
          <vscode-button secondary icon=${action.icon} ?disabled=${action.disabled} @click=${action.onClick}>${action.label}</vscode-button>
        </div>`
      : control,
  );
}

export function selectField(props: SelectProps): TemplateResult {
  const onChange = (event: Event): void => props.onChange((event.target as VscodeSingleSelect).value);
  return field(
    props,
    html`<vscode-single-select
      id=${props.id}
      .label=${accessibleName(props)}
      ?combobox=${props.combobox}
      filter="contains"
      ?invalid=${Boolean(props.error)}
      ?disabled=${props.disabled}
      @change=${onChange}
    >
      ${props.choices.map(
        (choice) =>
          html`<vscode-option value=${choice.value} description=${choice.description ?? ''} ?disabled=${choice.disabled} ?selected=${choice.value === props.value}
            >${choice.label}</vscode-option
          >`,
      )}
    </vscode-single-select>`,
  );
}

/** A radio group; it always holds a valid choice, so it keeps no message line unless given one. */
export function radioField(props: RadioProps): TemplateResult {
  const onChange = (event: Event): void => {
    const radio = event.target as VscodeRadio;
    if (radio.checked) {
      props.onChange(radio.value);
    }
  };
  return field(
    { reserveMessage: false, ...props },
    html`<vscode-radio-group id=${props.id} aria-labelledby="${props.id}-label" variant=${props.vertical ? 'vertical' : 'horizontal'} @change=${onChange}>
      ${props.choices.map(
        (choice) =>
          html`<vscode-radio name=${props.id} value=${choice.value} .checked=${live(choice.value === props.value)} ?disabled=${props.disabled || choice.disabled}
            >${choice.label}</vscode-radio
          >`,
      )}
    </vscode-radio-group>`,
  );
}
