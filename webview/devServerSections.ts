/** The Create Lite Server form's sections after the server itself: network, login, disks, quantity and billing. */
import { html, nothing, type TemplateResult } from 'lit';
import { subnetServesZone } from '../src/webviews/companionRules';
import { DATA_VOLUME_GB, EVS_TYPES, MAX_DATA_VOLUMES, MAX_SERVERS, ROOT_VOLUME_GB } from '../src/webviews/devServerFormRules';
import type { CompanionChoice, CompanionList, DevServerFlavorChoice, DevServerFormValues, HyperClusterChoice } from '../src/webviews/protocol';
import { companionChoice, type CompanionChoiceLists, type CompanionFieldProps } from './common/companionLists';
import { type Choice, numberText, parseNumber, radioField, selectField, textField } from './common/fields';
import type { FormPage } from './common/formPage';
import * as l10n from '@vscode/l10n';

export interface DevServerOptions {
  readonly flavors: readonly DevServerFlavorChoice[];
  readonly hyperClusters: readonly HyperClusterChoice[];
}

export type Page = FormPage<DevServerFormValues, DevServerOptions>;

const DISK_TYPES: readonly Choice[] = EVS_TYPES.map((type) => ({ value: type, label: type }));

/** A new zone, and no subnet of another zone: the chosen subnet is dropped when it does not serve the zone. */
export function zonePatch(lists: CompanionChoiceLists, values: DevServerFormValues, availabilityZone: string): Partial<DevServerFormValues> {
  const subnet = lists.loaded('subnets', values.vpcId)?.find((candidate) => candidate.id === values.subnetId);
  return { availabilityZone, ...(subnet && !subnetServesZone(subnet, availabilityZone) ? { subnetId: '' } : {}) };
}

/** Subnets and security groups belong to one VPC: another VPC drops them. */
function chooseVpc(page: Page, values: DevServerFormValues, vpcId: string): void {
  page.change({ vpcId });
  if (vpcId !== values.vpcId) {
    page.change({ subnetId: '', securityGroupId: '' }, false);
  }
}

/** The VPC, then its subnets (those serving the chosen zone) and security groups, each list loaded as it is needed. */
export function networkFields(page: Page, values: DevServerFormValues, lists: CompanionChoiceLists): TemplateResult {
  const zone = values.availabilityZone;
  const vpcName = lists.loaded('vpcs')?.find((candidate) => candidate.id === values.vpcId)?.name ?? l10n.t('The VPC');
  type NetworkField = 'vpcId' | 'subnetId' | 'securityGroupId';
  const select = (id: NetworkField, label: string, list: CompanionList, shown: Pick<CompanionFieldProps, 'choices' | 'helper'>): TemplateResult =>
    lists.field(list, values.vpcId, {
      id,
      label,
      required: true,
      combobox: true,
      value: values[id],
      error: page.errorFor(id),
      disabled: page.submitting,
      rerender: () => page.change({}, false),
      onChange: (value) => (id === 'vpcId' ? chooseVpc(page, values, value) : page.change({ [id]: value })),
      ...shown,
    });
  // Subnets and security groups are listed per VPC: none until one is chosen.
  const member = (id: NetworkField, label: string, list: CompanionList, shown: Pick<CompanionFieldProps, 'choices' | 'helper'>): TemplateResult =>
    values.vpcId
      ? select(id, label, list, shown)
      : selectField({ id, label, required: true, value: '', choices: [], error: page.errorFor(id), helper: l10n.t('Choose a VPC first.'), disabled: true, onChange: () => undefined });
  const servesZone = (subnet: CompanionChoice): boolean => subnetServesZone(subnet, zone);
  return html`<h2>${l10n.t('Network')}</h2>
    ${select('vpcId', 'VPC', 'vpcs', {
      choices: (vpcs) => vpcs.map((vpc) => companionChoice(vpc, true)),
      helper: (vpcs) => (vpcs.length === 0 ? l10n.t('This region has no VPC: create one in the VPC console.') : l10n.t('The virtual private cloud the server joins.')),
    })}
    ${member('subnetId', l10n.t('Subnet'), 'subnets', {
      choices: (subnets) => subnets.filter(servesZone).map((subnet) => companionChoice(subnet, true)),
      helper: (subnets) =>
        subnets.some(servesZone)
          ? zone ? l10n.t('Subnets of {0} that serve {1}.', vpcName, zone) : l10n.t('Subnets of {0}.', vpcName)
          : zone ? l10n.t('{0} has no subnet in {1}.', vpcName, zone) : l10n.t('{0} has no subnet.', vpcName),
    })}
    ${member('securityGroupId', l10n.t('Security group'), 'securityGroups', {
      choices: (groups) => groups.map((group) => companionChoice(group, false)),
      helper: (groups) => (groups.length === 0 ? l10n.t('{0} has no security group.', vpcName) : l10n.t('The firewall rules of the server.')),
    })}`;
}

export function loginFields(page: Page, values: DevServerFormValues, lists: CompanionChoiceLists): TemplateResult {
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
  return html`<h2>${l10n.t('Login')}</h2>
    ${radioField({
      id: 'login',
      label: l10n.t('Log in with'),
      value: hps ? 'keyPair' : values.login,
      choices: [
        { value: 'keyPair', label: l10n.t('Key pair') },
        { value: 'password', label: l10n.t('Password'), disabled: hps },
      ],
      error: page.errorFor('login'),
      helper: hps ? l10n.t('HPS servers log in with a key pair only.') : undefined,
      disabled,
      onChange: (login) => page.change({ login: login === 'password' ? 'password' : 'keyPair' }),
    })}
    ${hps || values.login === 'keyPair'
      ? lists.field('keyPairs', '', {
          id: 'keyPairName',
          label: l10n.t('Key pair'),
          required: true,
          combobox: true,
          value: values.keyPairName,
          error: page.errorFor('keyPairName'),
          disabled,
          rerender: () => page.change({}, false),
          choices: (keyPairs) => keyPairs.map((keyPair) => companionChoice(keyPair, false)),
          helper: (keyPairs) =>
            keyPairs.length === 0 ? l10n.t('This region has no key pair: create one in the Data Encryption Workshop console.') : l10n.t('An SSH key pair of this region; frozen ones cannot be used.'),
          onChange: (keyPairName) => page.change({ keyPairName }),
        })
      : html`${passwordField('adminPass', l10n.t('Password'), l10n.t('8 to 26 characters, three of: upper case, lower case, digits, special characters.'))}
        ${passwordField('adminPassConfirm', l10n.t('Confirm password'), l10n.t('Type it again. It is not kept if the panel is hidden.'))}`}`;
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
      helper: l10n.t('{0} to {1} GB.', range.min, range.max),
      disabled,
      onInput: (text) => page.change({ [id]: parseNumber(text) }),
    });
  const typeField = (id: 'rootVolumeType' | 'dataVolumeType', label: string): TemplateResult =>
    selectField({ id, label, value: values[id], choices: DISK_TYPES, error: page.errorFor(id), disabled, reserveMessage: false, onChange: (type) => page.change({ [id]: type }) });
  return html`<h2>${l10n.t('Disks')}</h2>
    ${typeField('rootVolumeType', l10n.t('System disk type'))} ${sizeField('rootVolumeSizeGb', l10n.t('System disk size (GB)'), ROOT_VOLUME_GB)}
    ${textField({
      id: 'dataVolumeCount',
      label: l10n.t('Data disks'),
      type: 'number',
      min: 0,
      max: MAX_DATA_VOLUMES,
      value: numberText(values.dataVolumeCount),
      error: page.errorFor('dataVolumeCount'),
      helper: l10n.t('0 (none) to {0} disks alike.', MAX_DATA_VOLUMES),
      disabled,
      onInput: (text) => page.change({ dataVolumeCount: parseNumber(text) }),
    })}
    ${values.dataVolumeCount > 0 ? html`${typeField('dataVolumeType', l10n.t('Data disk type'))} ${sizeField('dataVolumeSizeGb', l10n.t('Data disk size (GB)'), DATA_VOLUME_GB)}` : nothing}`;
}

export function quantityFields(page: Page, values: DevServerFormValues): TemplateResult {
  return html`<h2>${l10n.t('Quantity and billing')}</h2>
    ${values.serverType === 'HPS'
      ? html`<p class="note">${l10n.t('An HPS flavor creates one hyperinstance with all of its servers.')}</p>`
      : textField({
          id: 'count',
          label: l10n.t('Servers'),
          required: true,
          type: 'number',
          min: 1,
          max: MAX_SERVERS,
          value: numberText(values.count),
          error: page.errorFor('count'),
          helper: l10n.t('1 to {0} servers alike.', MAX_SERVERS),
          disabled: page.submitting,
          onInput: (text) => page.change({ count: parseNumber(text) }),
        })}
    <p class="note">
      ${l10n.t('Billed pay-per-use. Yearly or monthly (prepaid) servers are not offered here: their create answers with an order that is paid in the console, and the server exists only then.')}
    </p>`;
}
