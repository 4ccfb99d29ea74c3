/** The Create Lite Server panel: the form, its live validation, and the requests to the host. */
// First: the other modules' labels are translated as they load.
import './common/locale';
import './common/styles.css';
import { html, nothing, type TemplateResult } from 'lit';
import { validateDevServerForm } from '../src/webviews/devServerFormRules';
import type { DevServerArchChoice, DevServerFlavorChoice, DevServerFormValues, DevServerImageChoice, DevServerTypeChoice, ErrorInfo } from '../src/webviews/protocol';
import { CompanionChoiceLists } from './common/companionLists';
import { errorBox } from './common/errorBox';
import { type Choice, radioField, selectField, textField } from './common/fields';
import { FormPage } from './common/formPage';
import { send } from './common/vscodeApi';
import { type DevServerOptions, diskFields, loginFields, networkFields, type Page, quantityFields, zonePatch } from './devServerSections';
import * as l10n from '@vscode/l10n';

/** The images of one flavor, asked for when the flavor is chosen. */
type Images =
  | { readonly flavor: string; readonly status: 'loading' }
  | { readonly flavor: string; readonly status: 'ready'; readonly images: readonly DevServerImageChoice[] }
  | { readonly flavor: string; readonly status: 'failed'; readonly error: ErrorInfo };

let images: Images | undefined;
const lists = new CompanionChoiceLists();

function requestImages(serverType: DevServerTypeChoice, flavor: string): void {
  images = { flavor, status: 'loading' };
  send({ type: 'loadDevServerImages', serverType, flavor });
}

/**
 * The images of the chosen flavor, asked for the first time the form shows that flavor: after a choice,
 * and for a flavor restored after the panel was hidden alike.
 */
function imagesOf(values: DevServerFormValues): Images | undefined {
  if (values.flavor && images?.flavor !== values.flavor) {
    requestImages(values.serverType, values.flavor);
  }
  return values.flavor ? images : undefined;
}

const SERVER_TYPES: readonly Choice[] = [
  { value: 'BMS', label: l10n.t('Bare metal (BMS)') },
  { value: 'ECS', label: l10n.t('Virtual machine (ECS)') },
  { value: 'HPS', label: l10n.t('Hyperinstance (HPS)') },
];
const ARCHES: readonly Choice[] = [
  { value: 'X86', label: 'x86' },
  { value: 'ARM', label: 'Arm' },
];

const isServerType = (value: string): value is DevServerTypeChoice => SERVER_TYPES.some((choice) => choice.value === value);
const isArch = (value: string): value is DevServerArchChoice => ARCHES.some((choice) => choice.value === value);

/** The flavor's zones; a flavor is sold out when every zone is. */
function zonesOf(options: DevServerOptions, flavor: string): readonly DevServerFlavorChoice[] {
  return options.flavors.filter((candidate) => candidate.flavor === flavor);
}

function matchingFlavors(options: DevServerOptions, values: DevServerFormValues): DevServerFlavorChoice[] {
  const seen = new Set<string>();
  return options.flavors.filter((candidate) => candidate.serverType === values.serverType && candidate.arch === values.arch && !seen.has(candidate.flavor) && seen.add(candidate.flavor));
}

/** A new type or architecture drops the flavor (and what hangs on it) when it no longer fits. */
function chooseKind(page: Page, values: DevServerFormValues, patch: Pick<DevServerFormValues, 'serverType' | 'arch'>): void {
  page.change(patch);
  const fits = (page.readyOptions?.flavors ?? []).some((candidate) => candidate.flavor === values.flavor && candidate.serverType === patch.serverType && candidate.arch === patch.arch);
  page.change(
    {
      ...(fits ? {} : { flavor: '', imageId: '', ...zonePatch(lists, values, '') }),
      ...(patch.serverType === 'HPS' ? { login: 'keyPair' as const } : { hpsClusterId: '' }),
    },
    false,
  );
}

/** A new flavor: its images are asked for as the form shows it, and its only open zone is taken. */
function chooseFlavor(page: Page, values: DevServerFormValues, options: DevServerOptions, flavor: string): void {
  const open = zonesOf(options, flavor).filter((zone) => !zone.soldOut);
  page.change({ flavor });
  page.change({ imageId: '', ...zonePatch(lists, values, open.length === 1 ? open[0].availabilityZone : '') }, false);
}

function imageField(page: Page, values: DevServerFormValues): TemplateResult {
  const state = imagesOf(values);
  if (state?.status === 'failed') {
    return errorBox(l10n.t('Could not load the images of {0}', state.flavor), state.error, () => {
      requestImages(values.serverType, state.flavor);
      page.change({}, false);
    });
  }
  const choices = state?.status === 'ready' ? state.images : [];
  const helper = !values.flavor
    ? l10n.t('Choose a flavor first.')
    : state?.status === 'loading'
      ? l10n.t('Loading the images for {0}…', values.flavor)
      : choices.length === 0
        ? l10n.t('No images for this flavor.')
        : l10n.t('Images for this flavor and architecture.');
  return selectField({
    id: 'imageId',
    label: l10n.t('Image'),
    required: true,
    combobox: true,
    value: values.imageId,
    choices: choices.map((image) => ({ value: image.id, label: image.usable ? image.name : `${image.name} (inactive)`, disabled: !image.usable })),
    error: page.errorFor('imageId'),
    helper,
    disabled: page.submitting || state?.status !== 'ready',
    onChange: (imageId) => page.change({ imageId }),
  });
}

function resourceFields(page: Page, values: DevServerFormValues, options: DevServerOptions): TemplateResult {
  const disabled = page.submitting;
  const flavors = matchingFlavors(options, values);
  const zones = zonesOf(options, values.flavor);
  const chosen = zones[0];
  return html`
    ${selectField({
      id: 'flavor',
      label: l10n.t('Flavor'),
      required: true,
      combobox: true,
      value: values.flavor,
      choices: flavors.map((candidate) => {
        const soldOut = zonesOf(options, candidate.flavor).every((zone) => zone.soldOut);
        return {
          value: candidate.flavor,
          label: soldOut ? l10n.t('{0} (sold out)', candidate.name) : candidate.name,
          description: [candidate.flavorType, candidate.specification].filter(Boolean).join(' · '),
          disabled: soldOut,
        };
      }),
      error: page.errorFor('flavor'),
      helper: chosen ? [chosen.flavorType, chosen.specification].filter(Boolean).join(' · ') : flavors.length === 0 ? l10n.t('No flavors of this type and architecture.') : l10n.t('Type to filter.'),
      disabled,
      onChange: (flavor) => chooseFlavor(page, values, options, flavor),
    })}
    ${selectField({
      id: 'availabilityZone',
      label: l10n.t('Availability zone'),
      required: true,
      value: values.availabilityZone,
      choices: zones.map((zone) => ({ value: zone.availabilityZone, label: zone.soldOut ? l10n.t('{0} (sold out)', zone.availabilityZone) : zone.availabilityZone, disabled: zone.soldOut })),
      error: page.errorFor('availabilityZone'),
      helper: values.flavor ? l10n.t('Where the flavor is sold.') : l10n.t('Choose a flavor first.'),
      disabled: disabled || zones.length === 0,
      onChange: (availabilityZone) => {
        page.change({ availabilityZone });
        page.change(zonePatch(lists, values, availabilityZone), false);
      },
    })}
    ${imageField(page, values)}
    ${values.serverType === 'HPS'
      ? selectField({
          id: 'hpsClusterId',
          label: l10n.t('Hyper cluster'),
          value: values.hpsClusterId,
          choices: [
            { value: '', label: l10n.t('None') },
            ...options.hyperClusters.map((cluster) => ({ value: cluster.id, label: cluster.name, description: cluster.id })),
          ],
          helper: l10n.t('Optional: the cluster whose network the hyperinstance joins.'),
          disabled,
          onChange: (hpsClusterId) => page.change({ hpsClusterId }),
        })
      : nothing}
  `;
}


function body(page: Page, values: DevServerFormValues): TemplateResult {
  const disabled = page.submitting;
  return html`
    ${textField({
      id: 'name',
      label: l10n.t('Name'),
      required: true,
      value: values.name,
      error: page.errorFor('name'),
      helper: l10n.t('1 to 64 letters, digits, hyphens, underscores or dots.'),
      disabled,
      onInput: (name) => page.change({ name }),
    })}
    <h2>${l10n.t('Server')}</h2>
    ${radioField({
      id: 'serverType',
      label: l10n.t('Server type'),
      value: values.serverType,
      choices: SERVER_TYPES,
      disabled,
      onChange: (type) => isServerType(type) && chooseKind(page, values, { serverType: type, arch: values.arch }),
    })}
    ${radioField({
      id: 'arch',
      label: l10n.t('Architecture'),
      value: values.arch,
      choices: ARCHES,
      disabled,
      onChange: (arch) => isArch(arch) && chooseKind(page, values, { serverType: values.serverType, arch }),
    })}
    ${page.withOptions((options) => resourceFields(page, values, options))} ${networkFields(page, values, lists)} ${loginFields(page, values, lists)}
    ${diskFields(page, values)} ${quantityFields(page, values)}
  `;
}

new FormPage<DevServerFormValues, DevServerOptions>({
  title: l10n.t('Create Lite Server'),
  submitLabel: l10n.t('Create'),
  readForm: (message) => (message.type === 'devServerForm' ? message : undefined),
  readOptions: (message) => (message.type === 'devServerOptions' ? message : undefined),
  validate: (values) => validateDevServerForm(values, lists.known(values.vpcId)),
  submitMessage: (values) => ({ type: 'submitDevServer', values }),
  body,
  receive: (message) => {
    if (lists.receive(message)) {
      return;
    }
    // An answer for a flavor no longer chosen is dropped.
    if (message.type === 'devServerImages' && message.flavor === images?.flavor) {
      images = { flavor: message.flavor, status: 'ready', images: message.images };
    } else if (message.type === 'devServerImagesFailed' && message.flavor === images?.flavor) {
      images = { flavor: message.flavor, status: 'failed', error: message.error };
    }
  },
  unsaved: ['adminPass', 'adminPassConfirm'],
}).start();
