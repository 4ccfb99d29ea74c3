/** The Create Real-Time Service (v2) panel: the form, its live validation, and the request to the host. */
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

type Page = FormPage<ServiceV2FormValues, ServiceV2Options>;

const FRAMEWORKS: Readonly<Record<ServiceV2FormValues['framework'], string>> = { COMMON: 'Common (your own server)', VLLM: 'vLLM', MINDIE: 'MindIE' };
const AUTH_TYPES: Readonly<Record<ServiceV2FormValues['authType'], string>> = { TOKEN: 'IAM token', API_KEY: 'API key', NONE: 'None (anyone with the address)' };
const RATE_UNITS: Readonly<Record<ServiceV2FormValues['rateLimitUnit'], string>> = { SECONDS: 'a second', MINUTES: 'a minute' };
const RESOURCES: readonly Choice[] = [
  { value: 'flavor', label: 'Public resources (a flavor)' },
  { value: 'pool', label: 'A dedicated pool of this workspace' },
];

const isOneOf = <T extends string>(allowed: readonly T[], value: string): value is T => allowed.some((candidate) => candidate === value);

/** The account's images as a list that fills the path, and the path itself, which can also be typed. */
function imageFields(page: Page, values: ServiceV2FormValues, options: ServiceV2Options): TemplateResult {
  const disabled = page.submitting;
  return html`
    ${selectField({
      id: 'swrImage',
      label: 'Image from your SWR',
      combobox: true,
      value: options.images.some((image) => image.path === values.image.trim()) ? values.image.trim() : '',
      choices: options.images.map((image) => ({ value: image.path, label: image.path.replace(/^swr\.[^/]+\//, ''), description: image.description })),
      helper: options.images.length === 0 ? `Your SWR in ${options.region} has no image; type a path below.` : 'Type to filter; choosing one fills the path below.',
      disabled,
      reserveMessage: false,
      onChange: (image) => page.change({ image }),
    })}
    ${textField({
      id: 'image',
      label: 'Image path',
      required: true,
      value: values.image,
      placeholder: `swr.${options.region}.myhuaweicloud.com/<namespace>/<repository>:<tag>`,
      error: page.errorFor('image'),
      helper: `An image of the SWR of ${options.region}, with its tag.`,
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
    label: 'Runs on',
    value: values.resources,
    choices: RESOURCES.map((choice) => (choice.value === 'pool' && pools.length === 0 ? { ...choice, label: `${choice.label} (none used for inference)`, disabled: true } : choice)),
    disabled,
    onChange: (value) => page.change({ resources: value === 'pool' ? 'pool' : 'flavor' }),
  });
  if (values.resources === 'flavor') {
    return html`${resources}
    ${selectField({
      id: 'flavor',
      label: 'Flavor',
      required: true,
      combobox: true,
      value: values.flavor,
      choices: options.flavors.map((candidate) => ({
        value: candidate.id,
        label: candidate.soldOut ? `${candidate.name} (sold out)` : candidate.name,
        description: candidate.description,
        disabled: candidate.soldOut,
      })),
      error: page.errorFor('flavor'),
      helper: flavor?.description ?? 'Type to filter; sold-out flavors cannot be chosen.',
      disabled,
      onChange: (chosen) => page.change({ flavor: chosen }),
    })}`;
  }
  return html`${resources}
    ${selectField({
      id: 'poolId',
      label: 'Dedicated pool',
      required: true,
      value: values.poolId,
      choices: pools.map((pool) => ({ value: pool.id, label: pool.name, description: pool.description })),
      error: page.errorFor('poolId'),
      helper: 'Running pools of this workspace that are used for inference.',
      disabled,
      onChange: (poolId) => page.change({ poolId }),
    })}
    ${textField({
      id: 'cpu',
      label: 'CPU cores per instance',
      required: true,
      type: 'number',
      min: 0,
      max: SERVICE_V2_MAX_CPU,
      value: numberText(values.cpu),
      error: page.errorFor('cpu'),
      helper: 'Fractions such as 0.5 are allowed.',
      disabled,
      onInput: (text) => page.change({ cpu: parseNumber(text) }),
    })}
    ${textField({
      id: 'memoryMb',
      label: 'Memory per instance (MB)',
      required: true,
      type: 'number',
      min: 1,
      value: numberText(values.memoryMb),
      error: page.errorFor('memoryMb'),
      helper: '8192 is 8 GB.',
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
      label: 'Version',
      required: true,
      value: values.version,
      error: page.errorFor('version'),
      helper: 'Later versions can be switched to and back.',
      disabled,
      onInput: (version) => page.change({ version }),
    })}
    ${selectField({
      id: 'framework',
      label: 'Framework',
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
      label: 'Port',
      required: true,
      type: 'number',
      min: 1,
      max: 65535,
      value: numberText(values.port),
      error: page.errorFor('port'),
      helper: 'The port the container serves requests on.',
      disabled,
      onInput: (text) => page.change({ port: parseNumber(text) }),
    })}
    ${textField({
      id: 'command',
      label: 'Start command',
      value: values.command,
      placeholder: 'python serve.py',
      helper: 'Optional; empty runs the image\'s own entry point.',
      disabled,
      onInput: (command) => page.change({ command }),
    })}
    ${selectField({
      id: 'authType',
      label: 'Callers authenticate with',
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
      label: 'Calls allowed',
      required: true,
      type: 'number',
      min: 1,
      max: SERVICE_V2_MAX_RATE,
      value: numberText(values.rateLimit),
      error: page.errorFor('rateLimit'),
      helper: `1 to ${SERVICE_V2_MAX_RATE}, ${RATE_UNITS[values.rateLimitUnit]}; more are refused.`,
      disabled,
      onInput: (text) => page.change({ rateLimit: parseNumber(text) }),
    })}
    ${selectField({
      id: 'rateLimitUnit',
      label: 'Calls counted',
      value: values.rateLimitUnit,
      choices: SERVICE_V2_RATE_UNITS.map((unit) => ({ value: unit, label: `Per ${RATE_UNITS[unit].replace(/^a /, '')}` })),
      disabled,
      reserveMessage: false,
      onChange: (unit) => isOneOf(SERVICE_V2_RATE_UNITS, unit) && page.change({ rateLimitUnit: unit }),
    })}
    ${textField({
      id: 'requestTimeout',
      label: 'Request timeout (seconds)',
      required: true,
      type: 'number',
      min: 1,
      max: SERVICE_V2_MAX_TIMEOUT_S,
      value: numberText(values.requestTimeout),
      error: page.errorFor('requestTimeout'),
      helper: `1 to ${SERVICE_V2_MAX_TIMEOUT_S}; a request that takes longer fails.`,
      disabled,
      onInput: (text) => page.change({ requestTimeout: parseNumber(text) }),
    })}
    ${textField({
      id: 'requestSizeLimit',
      label: 'Largest request (MB)',
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
  title: 'Create Real-Time Service (v2)',
  submitLabel: 'Deploy',
  readForm: (message) => (message.type === 'serviceV2Form' ? message : undefined),
  readOptions: (message) => (message.type === 'serviceV2Options' ? message : undefined),
  validate: (values, options) => validateServiceV2Form(values, options),
  submitMessage: (values) => ({ type: 'submitServiceV2', values }),
  body,
}).start();
