/** Fields the real-time service forms (v1 and v2) share: the instance count and the environment variables. */
import { html, type TemplateResult } from 'lit';
import type { NameValue } from '../../src/webviews/protocol';
import { numberText, parseNumber, textField } from './fields';
import { nameValueTable } from './nameValueTable';
import * as l10n from '@vscode/l10n';

/** What the fields need of their form page. */
interface ServiceForm {
  readonly submitting: boolean;
  errorFor(field: 'environment' | 'instanceCount'): string | undefined;
  isOpen(section: string): boolean;
  setOpen(section: string, open: boolean): void;
}

export function environmentSection(page: ServiceForm, rows: readonly NameValue[], onChange: (rows: NameValue[]) => void): TemplateResult {
  return html`<div class="sections">
    ${nameValueTable({
      id: 'environment',
      heading: l10n.t('Environment variables'),
      item: l10n.t('Variable'),
      valueLabel: l10n.t('Value'),
      namePlaceholder: 'MY_SETTING',
      valuePlaceholder: 'value',
      rows,
      error: page.errorFor('environment'),
      disabled: page.submitting,
      open: page.isOpen('section-environment'),
      onToggle: (open) => page.setOpen('section-environment', open),
      onChange,
    })}
  </div>`;
}

export function instanceCountField(page: ServiceForm, count: number, max: number, onChange: (count: number) => void): TemplateResult {
  return textField({
    id: 'instanceCount',
    label: l10n.t('Instances'),
    required: true,
    type: 'number',
    min: 1,
    max,
    value: numberText(count),
    error: page.errorFor('instanceCount'),
    helper: l10n.t('1 to {0}; requests are spread over them.', max),
    disabled: page.submitting,
    onInput: (text) => onChange(parseNumber(text)),
  });
}
