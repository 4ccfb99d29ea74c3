/** The Create Lite Server form's sections after the server itself: network, login, disks, quantity and billing. */
import { html, nothing, type TemplateResult } from 'lit';
import { DATA_VOLUME_GB, EVS_TYPES, MAX_DATA_VOLUMES, MAX_SERVERS, ROOT_VOLUME_GB } from '../src/webviews/devServerFormRules';
import type { DevServerFlavorChoice, DevServerFormValues, HyperClusterChoice } from '../src/webviews/protocol';
import { type Choice, numberText, parseNumber, radioField, selectField, textField } from './common/fields';
import type { FormPage } from './common/formPage';

export interface DevServerOptions {
  readonly flavors: readonly DevServerFlavorChoice[];
  readonly hyperClusters: readonly HyperClusterChoice[];
}

export type Page = FormPage<DevServerFormValues, DevServerOptions>;

const DISK_TYPES: readonly Choice[] = EVS_TYPES.map((type) => ({ value: type, label: type }));

export function networkFields(page: Page, values: DevServerFormValues): TemplateResult {
  const idField = (id: 'vpcId' | 'subnetId' | 'securityGroupId', label: string): TemplateResult =>
    textField({
      id,
      label,
      required: true,
      placeholder: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      value: values[id],
      error: page.errorFor(id),
      helper: 'The ID from the VPC console.',
      disabled: page.submitting,
      onInput: (text) => page.change({ [id]: text.trim() }),
    });
  return html`<h2>Network</h2>
    ${idField('vpcId', 'VPC ID')} ${idField('subnetId', 'Subnet ID')} ${idField('securityGroupId', 'Security group ID')}`;
}

export function loginFields(page: Page, values: DevServerFormValues): TemplateResult {
  const disabled = page.submitting;
  const hps = values.serverType === 'HPS';
  const passwordField = (id: 'adminPass' | 'adminPassConfirm', label: string, helper: string): TemplateResult =>
    textField({
      id,
      label,
      required: true,
      type: 'password',
      value: values[id],
      error: page.errorFor(id),
      helper,
      disabled,
      onInput: (text) => page.change({ [id]: text }),
    });
  return html`<h2>Login</h2>
    ${radioField({
      id: 'login',
      label: 'Log in with',
      value: hps ? 'keyPair' : values.login,
      choices: [
        { value: 'keyPair', label: 'Key pair' },
        { value: 'password', label: 'Password', disabled: hps },
      ],
      error: page.errorFor('login'),
      helper: hps ? 'HPS servers log in with a key pair only.' : undefined,
      disabled,
      onChange: (login) => page.change({ login: login === 'password' ? 'password' : 'keyPair' }),
    })}
    ${hps || values.login === 'keyPair'
      ? textField({
          id: 'keyPairName',
          label: 'Key pair name',
          required: true,
          value: values.keyPairName,
          error: page.errorFor('keyPairName'),
          helper: 'An SSH key pair of this region (Data Encryption Workshop console).',
          disabled,
          onInput: (keyPairName) => page.change({ keyPairName: keyPairName.trim() }),
        })
      : html`${passwordField('adminPass', 'Password', '8 to 26 characters, three of: upper case, lower case, digits, special characters.')}
        ${passwordField('adminPassConfirm', 'Confirm password', 'Type it again. It is not kept if the panel is hidden.')}`}`;
}

export function diskFields(page: Page, values: DevServerFormValues): TemplateResult {
  const disabled = page.submitting;
  const sizeField = (id: 'rootVolumeSizeGb' | 'dataVolumeSizeGb', label: string, range: { min: number; max: number }): TemplateResult =>
    textField({
      id,
      label,
      required: true,
      type: 'number',
      min: range.min,
      max: range.max,
      value: numberText(values[id]),
      error: page.errorFor(id),
      helper: `${range.min} to ${range.max} GB.`,
      disabled,
      onInput: (text) => page.change({ [id]: parseNumber(text) }),
    });
  const typeField = (id: 'rootVolumeType' | 'dataVolumeType', label: string): TemplateResult =>
    selectField({ id, label, value: values[id], choices: DISK_TYPES, error: page.errorFor(id), disabled, reserveMessage: false, onChange: (type) => page.change({ [id]: type }) });
  return html`<h2>Disks</h2>
    ${typeField('rootVolumeType', 'System disk type')} ${sizeField('rootVolumeSizeGb', 'System disk size (GB)', ROOT_VOLUME_GB)}
    ${textField({
      id: 'dataVolumeCount',
      label: 'Data disks',
      type: 'number',
      min: 0,
      max: MAX_DATA_VOLUMES,
      value: numberText(values.dataVolumeCount),
      error: page.errorFor('dataVolumeCount'),
      helper: `0 (none) to ${MAX_DATA_VOLUMES} disks alike.`,
      disabled,
      onInput: (text) => page.change({ dataVolumeCount: parseNumber(text) }),
    })}
    ${values.dataVolumeCount > 0 ? html`${typeField('dataVolumeType', 'Data disk type')} ${sizeField('dataVolumeSizeGb', 'Data disk size (GB)', DATA_VOLUME_GB)}` : nothing}`;
}

export function quantityFields(page: Page, values: DevServerFormValues): TemplateResult {
  return html`<h2>Quantity and billing</h2>
    ${values.serverType === 'HPS'
      ? html`<p class="note">An HPS flavor creates one hyperinstance with all of its servers.</p>`
      : textField({
          id: 'count',
          label: 'Servers',
          required: true,
          type: 'number',
          min: 1,
          max: MAX_SERVERS,
          value: numberText(values.count),
          error: page.errorFor('count'),
          helper: `1 to ${MAX_SERVERS} servers alike.`,
          disabled: page.submitting,
          onInput: (text) => page.change({ count: parseNumber(text) }),
        })}
    <p class="note">
      Billed pay-per-use. Yearly or monthly (prepaid) servers are not offered here: their create answers with an order that is paid in the
      console, and the server exists only then.
    </p>`;
}
