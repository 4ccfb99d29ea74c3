/** The Create (and Edit) Resource Pool panel: the form, its live validation, and the request to the host. */
// First: the other modules' labels are translated as they load.
import './common/locale';
import './common/styles.css';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox-group/index.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { isPoolEdit, POOL_MAX_NODES, validatePoolEdit, validatePoolForm } from '../src/webviews/poolFormRules';
import type { NetworkChoice, PoolEditValues, PoolFlavorChoice, PoolFormValues, PoolResourceRow, PoolUse } from '../src/webviews/protocol';
import { numberText, parseNumber, selectField, textField } from './common/fields';
import { FormPage } from './common/formPage';
import * as l10n from '@vscode/l10n';

interface PoolOptions {
  readonly flavors: readonly PoolFlavorChoice[];
  readonly networks: readonly NetworkChoice[];
}

type Values = PoolFormValues | PoolEditValues;
type Page = FormPage<Values, PoolOptions>;

const USES: readonly { readonly value: PoolUse; readonly label: string }[] = [
  { value: 'Train', label: l10n.t('Train') },
  { value: 'Infer', label: l10n.t('Infer') },
  { value: 'Notebook', label: l10n.t('Notebook') },
];

/**
 * "Used for": checkboxes laid out like the other fields (label, group, message line).
 * The group is named by the label and described by the message, which are in the same tree.
 */
function usesField(page: Page, values: Values): TemplateResult {
  const error = page.errorFor('uses');
  const onChange = (event: Event): void => {
    const box = event.target as VscodeCheckbox;
    // Kept in the order of USES, whatever order they were ticked in.
    page.change({ uses: USES.map((use) => use.value).filter((use) => (use === box.value ? box.checked : values.uses.includes(use))) });
  };
  const focus = (): void => document.querySelector<HTMLElement>('#uses vscode-checkbox')?.focus();
  return html`<div class="field ${error ? 'invalid' : ''}">
    <vscode-label id="uses-label" required @click=${focus}>${l10n.t('Used for')}</vscode-label>
    <vscode-checkbox-group id="uses" aria-labelledby="uses-label" aria-describedby="uses-message" @change=${onChange}>
      ${USES.map(
        (use) =>
          html`<vscode-checkbox value=${use.value} .checked=${live(values.uses.includes(use.value))} ?invalid=${Boolean(error)} ?disabled=${page.submitting}
            >${use.label}</vscode-checkbox
          >`,
      )}
    </vscode-checkbox-group>
    <div class="message" id="uses-message">
      ${error ? html`<span class="codicon codicon-error" aria-hidden="true"></span>${error}` : l10n.t('Choose at least one.')}
    </div>
  </div>`;
}

function resourceFields(page: Page, values: PoolFormValues, options: PoolOptions): TemplateResult {
  const disabled = page.submitting;
  const flavor = options.flavors.find((candidate) => candidate.id === values.flavorId);
  const network = options.networks.find((candidate) => candidate.name === values.networkName);
  return html`
    ${selectField({
      id: 'flavorId',
      label: l10n.t('Flavor'),
      required: true,
      combobox: true,
      value: values.flavorId,
      choices: options.flavors.map((candidate) => ({
        value: candidate.id,
        label: candidate.name,
        description: [candidate.category, candidate.description].filter(Boolean).join(' · '),
      })),
      error: page.errorFor('flavorId'),
      helper: flavor ? [flavor.category, flavor.description].filter(Boolean).join(' · ') : l10n.t('Type to filter.'),
      disabled,
      onChange: (flavorId) => page.change({ flavorId }),
    })}
    ${textField({
      id: 'nodeCount',
      label: l10n.t('Nodes'),
      required: true,
      type: 'number',
      min: 1,
      max: POOL_MAX_NODES,
      value: numberText(values.nodeCount),
      error: page.errorFor('nodeCount'),
      helper: `1 to ${POOL_MAX_NODES}.`,
      disabled,
      onInput: (text) => page.change({ nodeCount: parseNumber(text) }),
    })}
    ${selectField({
      // A combobox, like the flavor: a plain select shows its first option while nothing is chosen.
      id: 'networkName',
      label: l10n.t('Network'),
      required: true,
      combobox: true,
      value: values.networkName,
      choices: options.networks.map((candidate) => ({ value: candidate.name, label: candidate.name, description: candidate.description })),
      error: page.errorFor('networkName'),
      helper: network?.description || (options.networks.length === 0 ? l10n.t('No networks in this region.') : l10n.t('Type to filter.')),
      disabled,
      onChange: (networkName) => page.change({ networkName }),
    })}
  `;
}

/** Edit mode: the network is shown, not changed. */
function networkField(page: Page, values: PoolEditValues): TemplateResult {
  const network = page.readyOptions?.networks.find((candidate) => candidate.name === values.networkName);
  return textField({
    id: 'networkName',
    label: l10n.t('Network'),
    value: values.networkName,
    helper: [network?.description, l10n.t('Cannot be changed.')].filter(Boolean).join(' · '),
    disabled: true,
    onInput: () => undefined,
  });
}

const rowValid = (row: PoolResourceRow): boolean => Number.isInteger(row.count) && row.count >= 0 && row.count <= row.max;

/** Edit mode: one node count per node pool (the flavor of each is fixed). */
function sizeFields(page: Page, values: PoolEditValues): TemplateResult {
  const shown = Boolean(page.errorFor('resources'));
  const setCount = (index: number, count: number): void => page.change({ resources: values.resources.map((row, i) => (i === index ? { ...row, count } : row)) });
  return html`${values.resources.map((row, index) => {
    const flavor = page.readyOptions?.flavors.find((candidate) => candidate.id === row.flavor);
    return textField({
      id: `count-${index}`,
      label: l10n.t('Nodes of {0}', row.nodePool ? `${row.nodePool} (${row.flavor})` : row.flavor),
      required: true,
      type: 'number',
      min: 0,
      max: row.max,
      value: numberText(row.count),
      error: shown && !rowValid(row) ? l10n.t('Enter 0 to {0} nodes.', row.max) : undefined,
      helper: [`0 to ${row.max}.`, flavor?.name].filter(Boolean).join(' '),
      disabled: page.submitting,
      onInput: (text) => setCount(index, parseNumber(text)),
    });
  })}`;
}

function body(page: Page, values: Values): TemplateResult {
  if (isPoolEdit(values)) {
    return html`${page.identityFields(values)} ${networkField(page, values)} ${sizeFields(page, values)} ${usesField(page, values)}`;
  }
  return html`
    ${page.identityFields(values, l10n.t('4 to 30 lower-case letters, digits or hyphens, starting with a letter.'))}
    ${page.withOptions((options) => resourceFields(page, values, options))}
    ${usesField(page, values)}
  `;
}

new FormPage<Values, PoolOptions>({
  title: l10n.t('Create Resource Pool'),
  submitLabel: l10n.t('Create'),
  editTitle: l10n.t('Edit Resource Pool'),
  readForm: (message) => (message.type === 'poolForm' ? message : message.type === 'poolEditForm' ? { ...message, editing: true } : undefined),
  readOptions: (message) => (message.type === 'poolOptions' ? message : undefined),
  validate: (values) => (isPoolEdit(values) ? validatePoolEdit(values) : validatePoolForm(values)),
  submitMessage: (values) => (isPoolEdit(values) ? { type: 'submitPoolEdit', values } : { type: 'submitPool', values }),
  body,
}).start();
