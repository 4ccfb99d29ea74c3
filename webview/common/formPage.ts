/**
 * What the forms share: the conversation with the host (form, options, submit),
 * live validation at each field, the blocked submit, the error box, and the state
 * saved across hiding the panel. Each app supplies its fields. A form the host opens
 * on an existing resource is in edit mode: its identity is read-only and Save waits
 * for a change.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import { html, nothing, render, type TemplateResult } from 'lit';
import type { FieldErrors } from '../../src/webviews/formRules';
import type { ErrorInfo, FormReload, FormScope, HostMessage, WebviewMessage } from '../../src/webviews/protocol';
import { errorBox } from './errorBox';
import { selectField, textField } from './fields';
import { appElement, loadState, onMessage, saveState, send } from './vscodeApi';
import * as l10n from '@vscode/l10n';

type Options<O> = { readonly status: 'loading' } | { readonly status: 'failed'; readonly error: ErrorInfo } | { readonly status: 'ready'; readonly value: O };

/**
 * What survives hiding the panel, and a window reload: everything the user typed or opened, but no field the form
 * keeps unsaved (a password: VS Code stores the state unencrypted). A reload brings back a form the host said how
 * to open again (`reloadAs`), in the region saved.
 */
interface SavedForm<V> {
  readonly region: string;
  readonly reloadAs?: FormReload;
  readonly values: V;
  readonly touched: readonly string[];
  readonly open: readonly string[];
  readonly filter: string;
}

/** The fields of any of the value shapes an app's form takes (create or edit). */
type FieldOf<V> = V extends unknown ? keyof V & string : never;

/** The fields every create form has. */
type BaseFormValues = {
  readonly workspaceId: string;
  readonly name: string;
  readonly description?: string;
};

export interface FormDefinition<V extends BaseFormValues, O> {
  readonly title: string;
  readonly submitLabel: string;
  /** The heading in edit mode, for apps that have one. */
  readonly editTitle?: string;
  /** The scope and initial values, when the message is this app's form message; `editing` for a form on an existing resource. */
  readonly readForm: (message: HostMessage) => { readonly scope: FormScope; readonly values: V; readonly editing?: boolean } | undefined;
  /** The choices, when the message is this app's options message. */
  readonly readOptions: (message: HostMessage) => O | undefined;
  readonly validate: (values: V, options: O | undefined) => FieldErrors;
  readonly submitMessage: (values: V) => WebviewMessage;
  readonly body: (page: FormPage<V, O>, values: V) => TemplateResult;
  /** The app's own messages (choices that depend on earlier ones); the page renders again after each. */
  readonly receive?: (message: HostMessage) => void;
  /** Fields not kept in the saved state (a password): typed again after the panel was hidden. */
  readonly unsaved?: readonly (keyof V & string)[];
  /** Sections open when the form first shows (until the user folds them). */
  readonly initiallyOpen?: readonly string[];
}

export class FormPage<V extends BaseFormValues, O> {
  options: Options<O> = { status: 'loading' };
  submitting = false;
  /** The app's list filter (Create Notebook's flavor category). */
  filter = '';
  private scope: FormScope | undefined;
  private values: V | undefined;
  /** In edit mode: the resource's values as the host sent them. */
  private original: V | undefined;
  private submitError: ErrorInfo | undefined;
  private hostErrors: FieldErrors = {};
  private touched = new Set<string>();
  private showAllErrors = false;
  private open: Set<string>;
  private readonly saved = loadState<SavedForm<V>>();

  constructor(private readonly definition: FormDefinition<V, O>) {
    this.open = new Set(definition.initiallyOpen);
  }

  start(): void {
    onMessage((message) => this.receive(message));
    this.update();
    send({ type: 'ready' });
  }

  /**
   * Sets fields: the host's verdict on them is stale, and when the user typed them
   * (`touch`) their messages show from now on. Fields cleared as a side effect of
   * another choice are not touched, so they do not turn red before the user gets to them.
   */
  change(patch: Partial<V>, touch = true): void {
    if (!this.values || this.submitting) {
      return;
    }
    this.values = { ...this.values, ...patch };
    for (const field of Object.keys(patch)) {
      if (touch) {
        this.touched.add(field);
      }
      delete this.hostErrors[field];
    }
    this.update();
  }

  errorFor(field: FieldOf<V> | keyof BaseFormValues): string | undefined {
    if (this.hostErrors[field]) {
      return this.hostErrors[field];
    }
    const shown = this.showAllErrors || this.touched.has(field);
    return shown && this.values ? this.definition.validate(this.values, this.readyOptions)[field] : undefined;
  }

  /** The values as they are now (undefined until the host sent the form). */
  get current(): V | undefined {
    return this.values;
  }

  get editing(): boolean {
    return this.original !== undefined;
  }

  get readyOptions(): O | undefined {
    return this.options.status === 'ready' ? this.options.value : undefined;
  }

  isOpen(section: string): boolean {
    return this.open.has(section);
  }

  setOpen(section: string, open: boolean): void {
    if (open !== this.open.has(section)) {
      this.open[open ? 'add' : 'delete'](section);
      this.update();
    }
  }

  /** The option-dependent fields, or a progress ring while they load, or the error with Retry. */
  withOptions(fields: (options: O) => TemplateResult): TemplateResult {
    switch (this.options.status) {
      case 'loading':
        return html`<div class="loading" role="status"><vscode-progress-ring></vscode-progress-ring><span>${l10n.t('Loading choices…')}</span></div>`;
      case 'failed':
        return errorBox(l10n.t('Could not load the choices'), this.options.error, () => {
          this.options = { status: 'loading' };
          this.update();
          send({ type: 'reloadOptions' });
        });
      case 'ready':
        return fields(this.options.value);
    }
  }

  /** What every form starts with: where the resource goes, its name (both fixed in edit mode) and description. */
  identityFields(values: V, nameHelper = l10n.t('1 to 64 letters, digits, hyphens or underscores.')): TemplateResult {
    const disabled = this.submitting;
    return html`
      ${this.workspaceField(values.workspaceId)}
      ${this.nameField(values, nameHelper)}
      ${textField({
        id: 'description',
        label: l10n.t('Description'),
        multiline: true,
        value: values.description ?? '',
        error: this.errorFor('description'),
        helper: l10n.t('Optional.'),
        disabled,
        onInput: (description) => this.change({ description } as Partial<V>),
      })}
    `;
  }

  /** The name: fixed in edit mode unless the resource can be renamed. */
  nameField(values: V, helper: string, renamable = false): TemplateResult {
    const fixed = this.editing && !renamable;
    return textField({
      id: 'name',
      label: l10n.t('Name'),
      required: true,
      value: values.name,
      error: this.errorFor('name'),
      helper: fixed ? l10n.t('Cannot be changed.') : helper,
      disabled: this.submitting || fixed,
      onInput: (name) => this.change({ name } as Partial<V>),
    });
  }

  private workspaceField(workspaceId: string): TemplateResult {
    const workspaces = this.scope?.workspaces ?? [];
    return selectField({
      id: 'workspaceId',
      label: l10n.t('Workspace'),
      value: workspaceId,
      choices: workspaces.map((workspace) => ({ value: workspace.id, label: workspace.name })),
      disabled: this.submitting || this.editing,
      reserveMessage: false,
      onChange: (value) => this.change({ workspaceId: value } as Partial<V>),
    });
  }

  private receive(message: HostMessage): void {
    const form = this.definition.readForm(message);
    const options = this.definition.readOptions(message);
    if (form) {
      this.scope = form.scope;
      this.original = form.editing ? form.values : undefined;
      // The host re-sends its initial values on every load; what the user already typed wins.
      this.values ??= this.restore(form.values, form.scope);
    } else if (options) {
      this.options = { status: 'ready', value: options };
    } else if (message.type === 'optionsFailed') {
      this.options = { status: 'failed', error: message.error };
    } else if (message.type === 'submitting') {
      this.submitting = true;
    } else if (message.type === 'submitCancelled') {
      this.submitting = false;
    } else if (message.type === 'submitFailed') {
      this.submitting = false;
      this.submitError = message.error;
      this.hostErrors = { ...message.fieldErrors };
      this.showAllErrors = true;
    } else {
      this.definition.receive?.(message);
    }
    this.update();
    if (message.type === 'submitFailed') {
      // The box is at the top, under the title, and the user is at the Create button at the bottom.
      window.scrollTo({ top: 0 });
    }
  }

  /** The saved values over the host's, keeping each field's type (a cleared number field is saved as null). */
  private restore(initial: V, scope: FormScope): V {
    const saved = this.saved;
    if (!saved?.values) {
      return initial;
    }
    this.touched = new Set(saved.touched);
    this.open = new Set(saved.open);
    this.filter = saved.filter ?? '';
    const values: Record<string, unknown> = { ...initial };
    for (const [key, value] of Object.entries(initial)) {
      const restored: unknown = (saved.values as Record<string, unknown>)[key];
      if (typeof value === 'number') {
        values[key] = typeof restored === 'number' ? restored : Number.NaN;
      } else if (restored !== undefined && Array.isArray(restored) === Array.isArray(value) && typeof restored === typeof value) {
        values[key] = restored;
      }
    }
    // A workspace deleted while the panel was hidden is no choice any more.
    if (!scope.workspaces.some((workspace) => workspace.id === values.workspaceId)) {
      values.workspaceId = initial.workspaceId;
    }
    return values as V;
  }

  private submit(): void {
    if (!this.values || this.submitting) {
      return;
    }
    this.showAllErrors = true;
    if (Object.keys(this.definition.validate(this.values, this.readyOptions)).length > 0) {
      this.update();
      this.focusFirstInvalid();
      return;
    }
    this.submitting = true;
    this.submitError = undefined;
    this.hostErrors = {};
    this.update();
    send(this.definition.submitMessage(this.values));
  }

  private focusFirstInvalid(): void {
    const invalid = appElement().querySelector('.field.invalid');
    const section = invalid?.closest('vscode-collapsible');
    if (section?.id) {
      this.setOpen(section.id, true);
    }
    const control = invalid?.querySelector<HTMLElement>('vscode-textfield, vscode-textarea, vscode-single-select, vscode-radio, vscode-checkbox');
    // The control may be in a section that only just opened: let it render first.
    requestAnimationFrame(() => control?.focus());
  }

  private update(): void {
    render(this.view(), appElement());
    if (this.values) {
      const kept = Object.fromEntries(Object.entries(this.values).filter(([field]) => !this.definition.unsaved?.includes(field as keyof V & string))) as V;
      saveState<SavedForm<V>>({ region: this.scope?.region ?? '', reloadAs: this.scope?.reloadAs, values: kept, touched: [...this.touched], open: [...this.open], filter: this.filter });
    }
  }

  private view(): TemplateResult {
    const { definition, values, scope } = this;
    if (!values || !scope) {
      return html`<div class="loading" role="status"><vscode-progress-ring></vscode-progress-ring><span>${l10n.t('Loading…')}</span></div>`;
    }
    const unchanged = this.editing && JSON.stringify(values) === JSON.stringify(this.original);
    // The host's errors for fields this form does not show go into the error box.
    const otherErrors = Object.entries(this.hostErrors)
      .filter(([field]) => !(field in values))
      .map(([field, message]) => `${field}: ${message}`);
    const onSubmit = (event: Event): void => {
      event.preventDefault();
      this.submit();
    };
    return html`<form class="form" novalidate @submit=${onSubmit}>
      <header class="form-header">
        <h1>${this.editing ? (definition.editTitle ?? definition.title) : definition.title}</h1>
        <div class="scope"><span class="codicon codicon-globe" aria-hidden="true"></span>${l10n.t('Region')} <strong>${scope.region}</strong></div>
      </header>
      ${this.submitError ? errorBox(l10n.t('The request failed'), this.submitError, undefined, otherErrors) : nothing}
      ${definition.body(this, values)}
      <div class="buttons">
        <vscode-button type="submit" ?disabled=${this.submitting || unchanged} title=${unchanged ? l10n.t('Nothing has changed yet.') : nothing}
          >${this.editing ? l10n.t('Save') : definition.submitLabel}</vscode-button
        >
        <vscode-button secondary ?disabled=${this.submitting} @click=${() => this.submitting || send({ type: 'cancel' })}>${l10n.t('Cancel')}</vscode-button>
        ${this.submitting
          ? html`<span class="loading" role="status"><vscode-progress-ring></vscode-progress-ring>${this.editing ? l10n.t('Saving…') : l10n.t('Creating…')}</span>`
          : nothing}
      </div>
    </form>`;
  }
}
