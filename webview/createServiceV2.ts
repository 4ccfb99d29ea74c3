/** The Create Real-Time Service (v2) panel: the form, its live validation, and the request to the host. */
// First: the other modules' labels are translated as they load.
import './common/locale';
import './common/styles.css';
import { html, type TemplateResult } from 'lit';
import {
  SERVICE_V2_MAX_CPU,
  SERVICE_V2_MAX_INSTANCES,
  SERVICE_V2_MAX_RATE,
  SERVICE_V2_MAX_REQUEST_MB,
  SERVICE_V2_MAX_TIMEOUT_S,
  validateServiceV2Form,
} from '../src/webviews/serviceV2FormRules';
import { SERVICE_V2_AUTH_TYPES, SERVICE_V2_FRAMEWORKS, SERVICE_V2_RATE_UNITS, type ServiceV2FormValues, type ServiceV2Options } from '../src/webviews/protocol';
import { type Choice, numberText, parseNumber, radioField, selectField, textField } from './common/fields';
import { FormPage } from './common/formPage';
import { environmentSection, instanceCountField } from './common/serviceFields';
import * as l10n from '@vscode/l10n';

type Page = FormPage<ServiceV2FormValues, ServiceV2Options>;

const FRAMEWORKS: Readonly<Record<ServiceV2FormValues['framework'], string>> = { COMMON: l10n.t('Common (your own server)'), VLLM: 'vLLM', MINDIE: 'MindIE' };
const AUTH_TYPES: Readonly<Record<ServiceV2FormValues['authType'], string>> = { TOKEN: l10n.t('IAM token'), API_KEY: l10n.t('API key'), NONE: l10n.t('None (anyone with the address)') };
const RATE_UNITS: Readonly<Record<ServiceV2FormValues['rateLimitUnit'], string>> = { SECONDS: l10n.t('a second'), MINUTES: l10n.t('a minute') };
const PER_UNIT: Readonly<Record<ServiceV2FormValues['rateLimitUnit'], string>> = { SECONDS: l10n.t('Per second'), MINUTES: l10n.t('Per minute') };
const RESOURCES: readonly Choice[] = [
  { value: 'flavor', label: l10n.t('Public resources (a flavor)') },
  { value: 'pool', label: l10n.t('A dedicated pool of this workspace') },
];

const isOneOf = <T extends string>(allowed: readonly T[], value: string): value is T => allowed.some((candidate) => candidate === value);

/** The account's images as a list that fills the path, and the path itself, which can also be typed. */
function imageFields(page: Page, values: ServiceV2FormValues, options: ServiceV2Options): TemplateResult {
  const disabled = page.submitting;
  return html`
    ${selectField({
      id: 'swrImage',
      label: l10n.t('Image from your SWR'),
      combobox: true,
      value: options.images.some((image) => image.path === values.image.trim()) ? values.image.trim() : '',
      choices: options.images.map((image) => ({ value: image.path, label: image.path.replace(/^swr\.[^/]+\//, ''), description: image.description })),
      helper: options.images.length === 0 ? l10n.t('Your SWR in {0} has no image; type a path below.', options.region) : l10n.t('Type to filter; choosing one fills the path below.'),
      disabled,
      reserveMessage: false,
      onChange: (image) => page.change({ image }),
    })}
    ${textField({
      id: 'image',
      label: l10n.t('Image path'),
      required: true,
      value: values.image,
      placeholder: l10n.t('swr.{0}.myhuaweicloud.com/<namespace>/<repository>:<tag>', options.region),
      error: page.errorFor('image'),
      helper: l10n.t('An image of the SWR of {0}, with its tag.', options.region),
      disabled,
      onInput: (image) => page.change({ image }),
    })}
  `;
}

function resourceFields(page: Page, values: ServiceV2FormValues, options: ServiceV2Options): TemplateResult {
  const disabled = page.submitting;
  const pools = options.pools.filter((pool) => pool.workspaceId === values.workspaceId);
  const flavor = options.flavors.find((candidate) => candidate.id === values.flavor);
  const resources = radioField({
    id: 'resources',
    label: l10n.t('Runs on'),
    value: values.resources,
    choices: RESOURCES.map((choice) => (choice.value === 'pool' && pools.length === 0 ? { ...choice, label: l10n.t('{0} (none used for inference)', choice.label), disabled: true } : choice)),
    disabled,
    onChange: (value) => page.change({ resources: value === 'pool' ? 'pool' : 'flavor' }),
  });
  if (values.resources === 'flavor') {
    return html`${resources}
    ${selectField({
      id: 'flavor',
      label: l10n.t('Flavor'),
      required: true,
      combobox: true,
      value: values.flavor,
      choices: options.flavors.map((candidate) => ({
        value: candidate.id,
        label: candidate.soldOut ? l10n.t('{0} (sold out)', candidate.name) : candidate.name,
        description: candidate.description,
        disabled: candidate.soldOut,
      })),
      error: page.errorFor('flavor'),
      helper: flavor?.description ?? l10n.t('Type to filter; sold-out flavors cannot be chosen.'),
      disabled,
      onChange: (chosen) => page.change({ flavor: chosen }),
    })}`;
  }
  return html`${resources}
    ${selectField({
      id: 'poolId',
      label: l10n.t('Dedicated pool'),
      required: true,
      value: values.poolId,
      choices: pools.map((pool) => ({ value: pool.id, label: pool.name, description: pool.description })),
      error: page.errorFor('poolId'),
      helper: l10n.t('Running pools of this workspace that are used for inference.'),
      disabled,
      onChange: (poolId) => page.change({ poolId }),
    })}
    ${textField({
      id: 'cpu',
      label: l10n.t('CPU cores per instance'),
      required: true,
      type: 'number',
      min: 0,
      max: SERVICE_V2_MAX_CPU,
      value: numberText(values.cpu),
      error: page.errorFor('cpu'),
      helper: l10n.t('Fractions such as 0.5 are allowed.'),
      disabled,
      onInput: (text) => page.change({ cpu: parseNumber(text) }),
    })}
    ${textField({
      id: 'memoryMb',
      label: l10n.t('Memory per instance (MB)'),
      required: true,
      type: 'number',
      min: 1,
      value: numberText(values.memoryMb),
      error: page.errorFor('memoryMb'),
      helper: l10n.t('8192 is 8 GB.'),
      disabled,
      onInput: (text) => page.change({ memoryMb: parseNumber(text) }),
    })}`;
}

function body(page: Page, values: ServiceV2FormValues): TemplateResult {
  const disabled = page.submitting;
  return html`
    ${page.identityFields(values)}
    ${textField({
      id: 'version',
      label: l10n.t('Version'),
      required: true,
      value: values.version,
      error: page.errorFor('version'),
      helper: l10n.t('Later versions can be switched to and back.'),
      disabled,
      onInput: (version) => page.change({ version }),
    })}
    ${selectField({
      id: 'framework',
      label: l10n.t('Framework'),
      value: values.framework,
      choices: SERVICE_V2_FRAMEWORKS.map((framework) => ({ value: framework, label: FRAMEWORKS[framework] })),
      disabled,
      reserveMessage: false,
      onChange: (framework) => isOneOf(SERVICE_V2_FRAMEWORKS, framework) && page.change({ framework }),
    })}
    ${page.withOptions((options) => html`${imageFields(page, values, options)} ${resourceFields(page, values, options)}`)}
    ${instanceCountField(page, values.instanceCount, SERVICE_V2_MAX_INSTANCES, (instanceCount) => page.change({ instanceCount }))}
    ${textField({
      id: 'port',
      label: l10n.t('Port'),
      required: true,
      type: 'number',
      min: 1,
      max: 65535,
      value: numberText(values.port),
      error: page.errorFor('port'),
      helper: l10n.t('The port the container serves requests on.'),
      disabled,
      onInput: (text) => page.change({ port: parseNumber(text) }),
    })}
    ${textField({
      id: 'command',
      label: l10n.t('Start command'),
      value: values.command,
      placeholder: 'python serve.py',
      helper: l10n.t('Optional; empty runs the image\'s own entry point.'),
      disabled,
      onInput: (command) => page.change({ command }),
    })}
    ${selectField({
      id: 'authType',
      label: l10n.t('Callers authenticate with'),
      value: values.authType,
      choices: SERVICE_V2_AUTH_TYPES.map((authType) => ({ value: authType, label: AUTH_TYPES[authType] })),
      disabled,
      reserveMessage: false,
      onChange: (authType) => isOneOf(SERVICE_V2_AUTH_TYPES, authType) && page.change({ authType }),
    })}
    ${limitFields(page, values)}
    ${environmentSection(page, values.environment, (environment) => page.change({ environment }))}
  `;
}

/** What the service lets through: calls per second or minute, and each request's size and time. */
function limitFields(page: Page, values: ServiceV2FormValues): TemplateResult {
  const disabled = page.submitting;
  return html`
    ${textField({
      id: 'rateLimit',
      label: l10n.t('Calls allowed'),
      required: true,
      type: 'number',
      min: 1,
      max: SERVICE_V2_MAX_RATE,
      value: numberText(values.rateLimit),
      error: page.errorFor('rateLimit'),
      helper: l10n.t('1 to {0}, {1}; more are refused.', SERVICE_V2_MAX_RATE, RATE_UNITS[values.rateLimitUnit]),
      disabled,
      onInput: (text) => page.change({ rateLimit: parseNumber(text) }),
    })}
    ${selectField({
      id: 'rateLimitUnit',
      label: l10n.t('Calls counted'),
      value: values.rateLimitUnit,
      choices: SERVICE_V2_RATE_UNITS.map((unit) => ({ value: unit, label: PER_UNIT[unit] })),
      disabled,
      reserveMessage: false,
      onChange: (unit) => isOneOf(SERVICE_V2_RATE_UNITS, unit) && page.change({ rateLimitUnit: unit }),
    })}
    ${textField({
      id: 'requestTimeout',
      label: l10n.t('Request timeout (seconds)'),
      required: true,
      type: 'number',
      min: 1,
      max: SERVICE_V2_MAX_TIMEOUT_S,
      value: numberText(values.requestTimeout),
      error: page.errorFor('requestTimeout'),
      helper: l10n.t('1 to {0}; a request that takes longer fails.', SERVICE_V2_MAX_TIMEOUT_S),
      disabled,
      onInput: (text) => page.change({ requestTimeout: parseNumber(text) }),
    })}
    ${textField({
      id: 'requestSizeLimit',
      label: l10n.t('Largest request (MB)'),
      required: true,
      type: 'number',
      min: 1,
      max: SERVICE_V2_MAX_REQUEST_MB,
      value: numberText(values.requestSizeLimit),
      error: page.errorFor('requestSizeLimit'),
      helper: `1 to ${SERVICE_V2_MAX_REQUEST_MB}.`,
      disabled,
      onInput: (text) => page.change({ requestSizeLimit: parseNumber(text) }),
    })}
  `;
}

new FormPage<ServiceV2FormValues, ServiceV2Options>({
  title: l10n.t('Create Real-Time Service (v2)'),
  submitLabel: l10n.t('Deploy'),
  readForm: (message) => (message.type === 'serviceV2Form' ? message : undefined),
  readOptions: (message) => (message.type === 'serviceV2Options' ? message : undefined),
  validate: (values, options) => validateServiceV2Form(values, options),
  submitMessage: (values) => ({ type: 'submitServiceV2', values }),
  body,
}).start();
