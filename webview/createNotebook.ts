/** The Create Notebook panel: the form, its live validation, and the request to the host. */
// First: the other modules' labels are translated as they load.
import './common/locale';
import './common/styles.css';
import { html, nothing, type TemplateResult } from 'lit';
import { notebookMismatches } from '../src/webviews/compatibilityRules';
import { AUTO_STOP_MAX_HOURS, EVS_MAX_GB, EVS_MIN_GB, validateNotebookForm } from '../src/webviews/formRules';
import type { FlavorChoice, ImageChoice, NotebookFormValues } from '../src/webviews/protocol';
import { companionChoice, CompanionChoiceLists } from './common/companionLists';
import { numberText, parseNumber, radioField, selectField, textField } from './common/fields';
import { FormPage } from './common/formPage';
import { ObsBrowser } from './common/obsBrowse';
import * as l10n from '@vscode/l10n';

interface NotebookOptions {
  readonly flavors: readonly FlavorChoice[];
  readonly images: readonly ImageChoice[];
}

type Page = FormPage<NotebookFormValues, NotebookOptions>;

const lists = new CompanionChoiceLists();
const obs = new ObsBrowser(
  () => page.change({}, false),
  (_field, obsPath) => page.change({ obsPath }),
);

const CATEGORY_ORDER = ['CPU', 'GPU', 'ASCEND'];
const CATEGORY_LABELS: Readonly<Record<string, string>> = { ASCEND: 'Ascend' };

/** The API is not consistent about case ("Ascend", "ASCEND"). */
const categoryKey = (category: string): string => category.toUpperCase();

function categoriesOf(flavors: readonly FlavorChoice[]): string[] {
  const present = new Set(flavors.map((flavor) => categoryKey(flavor.category)));
  return [...CATEGORY_ORDER.filter((category) => present.has(category)), ...[...present].filter((category) => !CATEGORY_ORDER.includes(category))];
}

function runsOn(image: ImageChoice, category: string): boolean {
  return !category || image.categories.some((candidate) => categoryKey(candidate) === category);
}

/** Narrowing the lists drops a chosen flavor or image the narrowed lists no longer offer. */
function chooseCategory(page: Page, values: NotebookFormValues, options: NotebookOptions, category: string): void {
  const flavor = options.flavors.find((candidate) => candidate.id === values.flavorId);
  const keepFlavor = flavor !== undefined && (!category || categoryKey(flavor.category) === category);
  const image = options.images.find((candidate) => candidate.id === values.imageId);
  const keepImage = image !== undefined && runsOn(image, keepFlavor ? categoryKey(flavor.category) : category);
  page.filter = category;
  page.change({ ...(keepFlavor ? {} : { flavorId: '' }), ...(keepImage ? {} : { imageId: '' }) }, false);
}

function chooseFlavor(page: Page, values: NotebookFormValues, options: NotebookOptions, flavorId: string): void {
  const flavor = options.flavors.find((candidate) => candidate.id === flavorId);
  const image = options.images.find((candidate) => candidate.id === values.imageId);
  const keepImage = !image || (flavor !== undefined && runsOn(image, categoryKey(flavor.category)));
  page.change(keepImage ? { flavorId } : { flavorId, imageId: '' });
}

function resourceFields(page: Page, values: NotebookFormValues, options: NotebookOptions): TemplateResult {
  const disabled = page.submitting;
  const category = page.filter;
  const flavor = options.flavors.find((candidate) => candidate.id === values.flavorId);
  const imageCategory = flavor ? categoryKey(flavor.category) : category;
  const images = options.images.filter((image) => runsOn(image, imageCategory));
  const image = images.find((candidate) => candidate.id === values.imageId);
  return html`
    ${radioField({
      id: 'category',
      label: l10n.t('Category'),
      value: category,
      choices: [{ value: '', label: l10n.t('All') }, ...categoriesOf(options.flavors).map((key) => ({ value: key, label: CATEGORY_LABELS[key] ?? key }))],
      disabled,
      onChange: (key) => chooseCategory(page, values, options, key),
    })}
    ${selectField({
      id: 'flavorId',
      label: l10n.t('Flavor'),
      required: true,
      combobox: true,
      value: values.flavorId,
      choices: options.flavors
        .filter((candidate) => !category || categoryKey(candidate.category) === category)
        .map((candidate) => ({
          value: candidate.id,
          label: candidate.soldOut ? l10n.t('{0} (sold out)', candidate.name) : candidate.name,
          description: candidate.description,
          disabled: candidate.soldOut,
        })),
      error: page.errorFor('flavorId'),
      helper: flavor?.description ?? l10n.t('Type to filter.'),
      disabled,
      onChange: (flavorId) => chooseFlavor(page, values, options, flavorId),
    })}
    ${selectField({
      id: 'imageId',
      label: l10n.t('Image'),
      required: true,
      combobox: true,
      value: values.imageId,
      choices: images.map((candidate) => ({ value: candidate.id, label: candidate.name, description: candidate.description })),
      error: page.errorFor('imageId'),
      warning: notebookMismatches(values, options).imageId,
      helper: image?.description ?? (flavor ? l10n.t('Images that run on {0}.', CATEGORY_LABELS[imageCategory] ?? imageCategory) : l10n.t('Type to filter.')),
      disabled,
      onChange: (imageId) => page.change({ imageId }),
    })}
  `;
}

function storageField(page: Page, values: NotebookFormValues): TemplateResult {
  const disabled = page.submitting;
  return html`
    ${radioField({
      id: 'storage',
      label: l10n.t('Storage'),
      value: values.storage,
      choices: [
        { value: 'EVS', label: l10n.t('EVS disk') },
        { value: 'OBS', label: l10n.t('OBS folder') },
      ],
      disabled,
      onChange: (storage) => page.change({ storage: storage === 'OBS' ? 'OBS' : 'EVS' }),
    })}
    ${values.storage === 'EVS'
      ? textField({
          id: 'evsSizeGb',
          label: l10n.t('Disk size (GB)'),
          type: 'number',
          min: EVS_MIN_GB,
          max: EVS_MAX_GB,
          value: numberText(values.evsSizeGb),
          error: page.errorFor('evsSizeGb'),
          helper: l10n.t('{0} to {1} GB.', EVS_MIN_GB, EVS_MAX_GB),
          disabled,
          onInput: (text) => page.change({ evsSizeGb: parseNumber(text) }),
        })
      : textField({
          id: 'obsPath',
          label: l10n.t('OBS folder'),
          placeholder: 'obs://my-bucket/notebooks/',
          value: values.obsPath,
          error: page.errorFor('obsPath'),
          helper: obs.helper('obsPath', l10n.t('A folder in a parallel file system bucket of yours, ending with /.')),
          disabled,
          action: obs.action('obsPath', 'folder', disabled),
          onInput: (obsPath) => page.change({ obsPath }),
        })}
    ${values.storage === 'OBS' ? obs.failure('obsPath') : nothing}
  `;
}

function body(page: Page, values: NotebookFormValues): TemplateResult {
  const disabled = page.submitting;
  return html`
    ${page.identityFields(values)}
    ${page.withOptions((options) => resourceFields(page, values, options))}
    ${storageField(page, values)}
    ${lists.field('keyPairs', '', {
      id: 'keyPairName',
      label: l10n.t('SSH key pair'),
      combobox: true,
      value: values.keyPairName,
      error: page.errorFor('keyPairName'),
      disabled,
      rerender: () => page.change({}, false),
      choices: (keyPairs) => [{ value: '', label: l10n.t('None (no SSH access)') }, ...keyPairs.map((keyPair) => companionChoice(keyPair, false))],
      helper: (keyPairs) => (keyPairs.length === 0 ? l10n.t('This region has no key pair, so the notebook gets no SSH access.') : l10n.t('To connect over SSH; frozen key pairs cannot be used.')),
      onChange: (keyPairName) => page.change({ keyPairName }),
    })}
    ${textField({
      id: 'autoStopHours',
      label: l10n.t('Auto-stop after (hours)'),
      type: 'number',
      min: 0,
      max: AUTO_STOP_MAX_HOURS,
      value: numberText(values.autoStopHours),
      error: page.errorFor('autoStopHours'),
      helper: l10n.t('0 never stops it; at most {0}. Each start keeps it.', AUTO_STOP_MAX_HOURS),
      disabled,
      onInput: (text) => page.change({ autoStopHours: parseNumber(text) }),
    })}
  `;
}

const page: Page = new FormPage<NotebookFormValues, NotebookOptions>({
  title: l10n.t('Create Notebook'),
  submitLabel: l10n.t('Create'),
  readForm: (message) => (message.type === 'notebookForm' ? message : undefined),
  readOptions: (message) => (message.type === 'notebookOptions' ? message : undefined),
  validate: (values) => validateNotebookForm(values, lists.known()),
  submitMessage: (values) => ({ type: 'submitNotebook', values }),
  body,
  receive: (message) => {
    lists.receive(message);
    obs.receive(message);
  },
});
page.start();
