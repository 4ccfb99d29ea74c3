/** The Create Training Job panel: the form, its live validation, and the request to the host. */
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

const nodes = (count: number): string => (count === 1 ? '1 node' : `${count} nodes`);

const chosenFlavor = (values: TrainingJobFormValues, options: TrainingJobOptions | undefined): TrainingFlavorChoice | undefined =>
  options?.flavors.find((flavor) => flavor.id === values.flavorId);

function sourceFields(page: Page, values: TrainingJobFormValues): TemplateResult {
  const disabled = page.submitting;
  const mismatches = trainingJobMismatches(values, page.readyOptions);
  if (values.source === 'image') {
    return html`
      ${textField({
        id: 'imageUrl',
        label: 'Image',
        required: true,
        placeholder: 'swr.cn-north-4.myhuaweicloud.com/my-org/train:1.0',
        value: values.imageUrl,
        error: page.errorFor('imageUrl'),
        warning: mismatches.imageUrl,
        helper: browse.status === 'open' ? 'Pick the repository and tag in the list at the top of the window.' : 'An image you can pull: browse this region\'s SWR images, or type its path.',
        disabled,
        action: { label: 'Browse SWR…', icon: 'search', disabled: disabled || browse.status === 'open', onClick: () => browseSwr(page) },
        onInput: (imageUrl) => page.change({ imageUrl }),
      })}
      ${browse.status === 'failed' ? errorBox('Could not list the SWR images', browse.error, () => browseSwr(page)) : nothing}
      ${textField({
        id: 'command',
        label: 'Command',
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
      label: 'Engine',
      required: true,
      combobox: true,
      value: values.engineId,
      choices: engines.map((engine) => ({ value: engine.id, label: `${engine.name} ${engine.version}` })),
      error: page.errorFor('engineId'),
      warning: mismatches.engineId,
      helper: page.readyOptions ? 'Type to filter.' : 'The engines are listed once the choices have loaded.',
      disabled,
      onChange: (engineId) => page.change({ engineId }),
    })}
    ${textField({
      id: 'codeDir',
      label: 'Code folder',
      required: true,
      placeholder: 'obs://my-bucket/code/',
      value: values.codeDir,
      error: page.errorFor('codeDir'),
      helper: obs.helper('codeDir', 'Uploaded to every node before training starts.'),
      disabled,
      action: obs.action('codeDir', 'folder', disabled),
      onInput: (codeDir) => page.change({ codeDir }),
    })}
    ${obs.failure('codeDir')}
    ${textField({
      id: 'bootFile',
      label: 'Boot file',
      required: true,
      placeholder: 'obs://my-bucket/code/train.py',
      value: values.bootFile,
      error: page.errorFor('bootFile'),
      helper: obs.helper('bootFile', 'The script that starts training, inside the code folder (Browse… starts there).'),
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
      label: 'Flavor',
      required: true,
      combobox: true,
      value: values.flavorId,
      choices: options.flavors.map((candidate) => ({
        value: candidate.id,
        label: candidate.name,
        description: `${candidate.category}, up to ${nodes(candidate.maxNodes)}`,
      })),
      error: page.errorFor('flavorId'),
      helper: flavor ? `${flavor.category}, up to ${nodes(flavor.maxNodes)}.` : 'Type to filter.',
      disabled,
      onChange: (flavorId) => page.change({ flavorId }),
    })}
    ${textField({
      id: 'nodeCount',
      label: 'Nodes',
      required: true,
      type: 'number',
      min: 1,
      max: flavor?.maxNodes,
      value: numberText(values.nodeCount),
      error: page.errorFor('nodeCount'),
      helper: flavor ? `Up to ${nodes(flavor.maxNodes)} with this flavor.` : 'How many nodes train together.',
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
      label: 'Algorithm',
      value: values.source,
      choices: [
        { value: 'engine', label: 'Preset engine' },
        { value: 'image', label: 'Custom image' },
      ],
      disabled,
      onChange: (source) => page.change({ source: source === 'image' ? 'image' : 'engine' }),
    })}
    ${sourceFields(page, values)}
    ${page.withOptions((options) => resourceFields(page, values, options))}
    <div class="sections">
      ${table(page, values, 'inputs', { heading: 'Inputs', item: 'Input', valueLabel: 'OBS path', namePlaceholder: 'data_url', valuePlaceholder: 'obs://my-bucket/data/', valueAction: (index) => obs.action(`inputs.${index}`, 'any', disabled) })}
      ${obs.failure('inputs')}
      ${table(page, values, 'outputs', { heading: 'Outputs', item: 'Output', valueLabel: 'OBS folder', namePlaceholder: 'train_url', valuePlaceholder: 'obs://my-bucket/output/', valueAction: (index) => obs.action(`outputs.${index}`, 'folder', disabled) })}
      ${obs.failure('outputs')}
      ${table(page, values, 'hyperparameters', { heading: 'Hyperparameters', item: 'Hyperparameter', valueLabel: 'Value', namePlaceholder: 'learning_rate', valuePlaceholder: '0.001' })}
      ${table(page, values, 'environment', { heading: 'Environment variables', item: 'Variable', valueLabel: 'Value', namePlaceholder: 'MY_SETTING', valuePlaceholder: 'value' })}
    </div>
    ${textField({
      id: 'logPath',
      label: 'Log output folder',
      placeholder: 'obs://my-bucket/logs/',
      value: values.logPath,
      error: page.errorFor('logPath'),
      helper: obs.helper('logPath', 'Optional. Training logs are copied here.'),
      disabled,
      action: obs.action('logPath', 'folder', disabled),
      onInput: (logPath) => page.change({ logPath }),
    })}
    ${obs.failure('logPath')}
  `;
}

const page: Page = new FormPage<TrainingJobFormValues, TrainingJobOptions>({
  title: 'Create Training Job',
  submitLabel: 'Create',
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
