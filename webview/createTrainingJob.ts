/** The Create Training Job panel: the form, its live validation, and the request to the host. */
// First: the other modules' labels are translated as they load.
import './common/locale';
import './common/styles.css';
import { html, nothing, type TemplateResult } from 'lit';
import { OBS_FOLDER } from '../src/services/notebookRules';
import { trainingJobMismatches } from '../src/webviews/compatibilityRules';
import { validateTrainingJobForm } from '../src/webviews/formRules';
import type { EngineChoice, ErrorInfo, HostMessage, NameValue, TrainingFlavorChoice, TrainingJobFormValues } from '../src/webviews/protocol';
import { errorBox } from './common/errorBox';
import { numberText, parseNumber, radioField, selectField, textField } from './common/fields';
import { FormPage } from './common/formPage';
import { nameValueTable, type NameValueTableProps } from './common/nameValueTable';
import { ObsBrowser } from './common/obsBrowse';
import { send } from './common/vscodeApi';
import * as l10n from '@vscode/l10n';

interface TrainingJobOptions {
  readonly flavors: readonly TrainingFlavorChoice[];
  readonly engines: readonly EngineChoice[];
}

type Page = FormPage<TrainingJobFormValues, TrainingJobOptions>;
type TableField = 'inputs' | 'outputs' | 'hyperparameters' | 'environment';

/** Browsing SWR happens in VS Code's quick pick: the form waits for the image picked (or why none could be). */
let browse: { readonly status: 'idle' } | { readonly status: 'open' } | { readonly status: 'failed'; readonly error: ErrorInfo } = { status: 'idle' };

function browseSwr(page: Page): void {
  browse = { status: 'open' };
  send({ type: 'browseSwrImage' });
  page.change({}, false);
}

function receiveBrowsed(page: Page, message: HostMessage): void {
  if (message.type !== 'swrImageBrowsed') {
    return;
  }
  browse = message.error ? { status: 'failed', error: message.error } : { status: 'idle' };
  if (message.path) {
    page.change({ imageUrl: message.path });
  }
}

/** Puts an obs:// path picked in the bucket tree into its field, or into a row of the inputs or outputs. */
function applyObsPath(page: Page, field: string, uri: string): void {
  const [name, index] = field.split('.');
  if (name === 'inputs' || name === 'outputs') {
    page.change({ [name]: (page.current?.[name] ?? []).map((row, i) => (i === Number(index) ? { ...row, value: uri } : row)) });
  } else if (name === 'codeDir' || name === 'bootFile' || name === 'logPath') {
    page.change({ [name]: uri });
  }
}

const obs = new ObsBrowser(
  () => page.change({}, false),
  (field, uri) => applyObsPath(page, field, uri),
);

const nodes = (count: number): string => (count === 1 ? l10n.t('1 node') : l10n.t('{0} nodes', count));

const chosenFlavor = (values: TrainingJobFormValues, options: TrainingJobOptions | undefined): TrainingFlavorChoice | undefined =>
  options?.flavors.find((flavor) => flavor.id === values.flavorId);

function sourceFields(page: Page, values: TrainingJobFormValues): TemplateResult {
  const disabled = page.submitting;
  const mismatches = trainingJobMismatches(values, page.readyOptions);
  if (values.source === 'image') {
    return html`
      ${textField({
        id: 'imageUrl',
        label: l10n.t('Image'),
        required: true,
        placeholder: 'swr.cn-north-4.myhuaweicloud.com/my-org/train:1.0',
        value: values.imageUrl,
        error: page.errorFor('imageUrl'),
        warning: mismatches.imageUrl,
        helper: browse.status === 'open' ? l10n.t('Pick the repository and tag in the list at the top of the window.') : l10n.t('An image you can pull: browse this region\'s SWR images, or type its path.'),
        disabled,
        action: { label: l10n.t('Browse SWR…'), icon: 'search', disabled: disabled || browse.status === 'open', onClick: () => browseSwr(page) },
        onInput: (imageUrl) => page.change({ imageUrl }),
      })}
      ${browse.status === 'failed' ? errorBox(l10n.t('Could not list the SWR images'), browse.error, () => browseSwr(page)) : nothing}
      ${textField({
        id: 'command',
        label: l10n.t('Command'),
        required: true,
        multiline: true,
        placeholder: 'python /home/ma-user/code/train.py --epochs 10',
        value: values.command,
        error: page.errorFor('command'),
        disabled,
        onInput: (command) => page.change({ command }),
      })}
    `;
  }
  const engines = page.readyOptions?.engines ?? [];
  return html`
    ${selectField({
      id: 'engineId',
      label: l10n.t('Engine'),
      required: true,
      combobox: true,
      value: values.engineId,
      choices: engines.map((engine) => ({ value: engine.id, label: `${engine.name} ${engine.version}` })),
      error: page.errorFor('engineId'),
      warning: mismatches.engineId,
      helper: page.readyOptions ? l10n.t('Type to filter.') : l10n.t('The engines are listed once the choices have loaded.'),
      disabled,
      onChange: (engineId) => page.change({ engineId }),
    })}
    ${textField({
      id: 'codeDir',
      label: l10n.t('Code folder'),
      required: true,
      placeholder: 'obs://my-bucket/code/',
      value: values.codeDir,
      error: page.errorFor('codeDir'),
      helper: obs.helper('codeDir', l10n.t('Uploaded to every node before training starts.')),
      disabled,
      action: obs.action('codeDir', 'folder', disabled),
      onInput: (codeDir) => page.change({ codeDir }),
    })}
    ${obs.failure('codeDir')}
    ${textField({
      id: 'bootFile',
      label: l10n.t('Boot file'),
      required: true,
      placeholder: 'obs://my-bucket/code/train.py',
      value: values.bootFile,
      error: page.errorFor('bootFile'),
      helper: obs.helper('bootFile', l10n.t('The script that starts training, inside the code folder (Browse… starts there).')),
      disabled,
      action: obs.action('bootFile', 'object', disabled, OBS_FOLDER.test(values.codeDir) ? values.codeDir : undefined),
      onInput: (bootFile) => page.change({ bootFile }),
    })}
    ${obs.failure('bootFile')}
  `;
}

function resourceFields(page: Page, values: TrainingJobFormValues, options: TrainingJobOptions): TemplateResult {
  const disabled = page.submitting;
  const flavor = chosenFlavor(values, options);
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
        description: l10n.t('{0}, up to {1}', candidate.category, nodes(candidate.maxNodes)),
      })),
      error: page.errorFor('flavorId'),
      helper: flavor ? l10n.t('{0}, up to {1}.', flavor.category, nodes(flavor.maxNodes)) : l10n.t('Type to filter.'),
      disabled,
      onChange: (flavorId) => page.change({ flavorId }),
    })}
    ${textField({
      id: 'nodeCount',
      label: l10n.t('Nodes'),
      required: true,
      type: 'number',
      min: 1,
      max: flavor?.maxNodes,
      value: numberText(values.nodeCount),
      error: page.errorFor('nodeCount'),
      helper: flavor ? l10n.t('Up to {0} with this flavor.', nodes(flavor.maxNodes)) : l10n.t('How many nodes train together.'),
      disabled,
      onInput: (text) => page.change({ nodeCount: parseNumber(text) }),
    })}
  `;
}

function table(page: Page, values: TrainingJobFormValues, id: TableField, labels: Pick<NameValueTableProps, 'heading' | 'item' | 'valueLabel' | 'namePlaceholder' | 'valuePlaceholder' | 'valueAction'>): TemplateResult {
  return nameValueTable({
    ...labels,
    id,
    rows: values[id],
    error: page.errorFor(id),
    disabled: page.submitting,
    open: page.isOpen(`section-${id}`),
    onToggle: (open) => page.setOpen(`section-${id}`, open),
    onChange: (rows: NameValue[]) => page.change({ [id]: rows }),
  });
}

function body(page: Page, values: TrainingJobFormValues): TemplateResult {
  const disabled = page.submitting;
  return html`
    ${page.identityFields(values)}
    ${radioField({
      id: 'source',
      label: l10n.t('Algorithm'),
      value: values.source,
      choices: [
        { value: 'engine', label: l10n.t('Preset engine') },
        { value: 'image', label: l10n.t('Custom image') },
      ],
      disabled,
      onChange: (source) => page.change({ source: source === 'image' ? 'image' : 'engine' }),
    })}
    ${sourceFields(page, values)}
    ${page.withOptions((options) => resourceFields(page, values, options))}
    <div class="sections">
      ${table(page, values, 'inputs', { heading: l10n.t('Inputs'), item: l10n.t('Input'), valueLabel: l10n.t('OBS path'), namePlaceholder: 'data_url', valuePlaceholder: 'obs://my-bucket/data/', valueAction: (index) => obs.action(`inputs.${index}`, 'any', disabled) })}
      ${obs.failure('inputs')}
      ${table(page, values, 'outputs', { heading: l10n.t('Outputs'), item: l10n.t('Output'), valueLabel: l10n.t('OBS folder'), namePlaceholder: 'train_url', valuePlaceholder: 'obs://my-bucket/output/', valueAction: (index) => obs.action(`outputs.${index}`, 'folder', disabled) })}
      ${obs.failure('outputs')}
      ${table(page, values, 'hyperparameters', { heading: l10n.t('Hyperparameters'), item: l10n.t('Hyperparameter'), valueLabel: l10n.t('Value'), namePlaceholder: 'learning_rate', valuePlaceholder: '0.001' })}
      ${table(page, values, 'environment', { heading: l10n.t('Environment variables'), item: l10n.t('Variable'), valueLabel: l10n.t('Value'), namePlaceholder: 'MY_SETTING', valuePlaceholder: 'value' })}
    </div>
    ${textField({
      id: 'logPath',
      label: l10n.t('Log output folder'),
      placeholder: 'obs://my-bucket/logs/',
      value: values.logPath,
      error: page.errorFor('logPath'),
      helper: obs.helper('logPath', l10n.t('Optional. Training logs are copied here.')),
      disabled,
      action: obs.action('logPath', 'folder', disabled),
      onInput: (logPath) => page.change({ logPath }),
    })}
    ${obs.failure('logPath')}
  `;
}

const page: Page = new FormPage<TrainingJobFormValues, TrainingJobOptions>({
  title: l10n.t('Create Training Job'),
  submitLabel: l10n.t('Create'),
  readForm: (message) => (message.type === 'trainingJobForm' ? message : undefined),
  readOptions: (message) => (message.type === 'trainingJobOptions' ? message : undefined),
  validate: (values, options) => validateTrainingJobForm(values, chosenFlavor(values, options)?.maxNodes),
  submitMessage: (values) => ({ type: 'submitTrainingJob', values }),
  body,
  receive: (message) => {
    receiveBrowsed(page, message);
    obs.receive(message);
  },
});
page.start();
