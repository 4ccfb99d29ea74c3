/** The Create Real-Time Service (v1) panel: the form, its live validation, and the request to the host. */
// First: the other modules' labels are translated as they load.
import './common/locale';
import './common/styles.css';
import { html, type TemplateResult } from 'lit';
import type { ServiceModelChoice, ServiceV1FormValues } from '../src/webviews/protocol';
import {
  requirementsText,
  SERVICE_AUTO_STOP_MAX_HOURS,
  SERVICE_MAX_INSTANCES,
  type ServiceV1Options,
  specificationFits,
  validateServiceV1Form,
} from '../src/webviews/serviceV1FormRules';
import { numberText, parseNumber, selectField, textField } from './common/fields';
import { FormPage } from './common/formPage';
import { environmentSection, instanceCountField } from './common/serviceFields';
import * as l10n from '@vscode/l10n';

type Page = FormPage<ServiceV1FormValues, ServiceV1Options>;

/** "1.10.0" before "1.9.2": versions compare part by part as numbers. */
function newestFirst(a: ServiceModelChoice, b: ServiceModelChoice): number {
  const parts = (version: string) => version.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const [pa, pb] = [parts(a.version), parts(b.version)];
  for (let index = 0; index < Math.max(pa.length, pb.length); index++) {
    const difference = (pb[index] ?? 0) - (pa[index] ?? 0);
    if (difference !== 0) {
      return difference;
    }
  }
  return 0;
}

/** The published models of the chosen workspace (a service deploys its own workspace's models). */
const workspaceModels = (values: ServiceV1FormValues, options: ServiceV1Options) => options.models.filter((model) => model.workspaceId === values.workspaceId);

/** Choosing a model takes its newest version; a specification too small for it is dropped. */
function chooseModel(page: Page, values: ServiceV1FormValues, options: ServiceV1Options, modelName: string): void {
  const [newest] = workspaceModels(values, options)
    .filter((model) => model.name === modelName)
    .sort(newestFirst);
  chooseVersion(page, values, options, newest, { modelName });
}

function chooseVersion(page: Page, values: ServiceV1FormValues, options: ServiceV1Options, model: ServiceModelChoice | undefined, patch: Partial<ServiceV1FormValues> = {}): void {
  const spec = options.specifications.find((candidate) => candidate.id === values.specification);
  const keepSpec = !spec || !model || specificationFits(spec, model);
  page.change({ ...patch, modelId: model?.id ?? '' });
  if (!keepSpec) {
    page.change({ specification: '' }, false);
  }
}

function modelFields(page: Page, values: ServiceV1FormValues, options: ServiceV1Options): TemplateResult {
  const disabled = page.submitting;
  const models = workspaceModels(values, options);
  const names = [...new Set(models.map((model) => model.name))].sort();
  const versions = models.filter((model) => model.name === values.modelName).sort(newestFirst);
  const model = versions.find((candidate) => candidate.id === values.modelId);
  const specs = options.specifications.filter((spec) => !model || specificationFits(spec, model));
  const spec = specs.find((candidate) => candidate.id === values.specification);
  return html`
    ${selectField({
      id: 'modelName',
      label: l10n.t('Model'),
      required: true,
      combobox: true,
      value: values.modelName,
      choices: names.map((name) => ({ value: name, label: name, description: models.find((candidate) => candidate.name === name)?.description })),
      error: page.errorFor('modelName'),
      helper: names.length === 0 ? l10n.t('This workspace has no published model.') : l10n.t('Published models of this workspace.'),
      disabled,
      onChange: (modelName) => chooseModel(page, values, options, modelName),
    })}
    ${selectField({
      id: 'modelId',
      label: l10n.t('Version'),
      required: true,
      value: values.modelId,
      choices: versions.map((candidate) => ({ value: candidate.id, label: candidate.version, description: candidate.description })),
      error: page.errorFor('modelId'),
      helper: model ? l10n.t('Needs {0}.', requirementsText(model)) : l10n.t('Choose a model first.'),
      disabled: disabled || versions.length === 0,
      onChange: (modelId) => chooseVersion(page, values, options, versions.find((candidate) => candidate.id === modelId)),
    })}
    ${selectField({
      id: 'specification',
      label: l10n.t('Specification'),
      required: true,
      combobox: true,
      value: values.specification,
      choices: specs.map((candidate) => ({ value: candidate.id, label: candidate.name, description: candidate.description })),
      error: page.errorFor('specification'),
      helper: spec?.description ?? (model ? l10n.t('Only the specifications that meet the model\'s needs are listed.') : l10n.t('Type to filter.')),
      disabled,
      onChange: (specification) => page.change({ specification }),
    })}
  `;
}

function body(page: Page, values: ServiceV1FormValues): TemplateResult {
  const disabled = page.submitting;
  return html`
    ${page.identityFields(values)}
    ${page.withOptions((options) => modelFields(page, values, options))}
    ${instanceCountField(page, values.instanceCount, SERVICE_MAX_INSTANCES, (instanceCount) => page.change({ instanceCount }))}
    ${environmentSection(page, values.environment, (environment) => page.change({ environment }))}
    ${textField({
      id: 'autoStopHours',
      label: l10n.t('Stop automatically after (hours)'),
      type: 'number',
      min: 0,
      max: SERVICE_AUTO_STOP_MAX_HOURS,
      value: numberText(values.autoStopHours),
      error: page.errorFor('autoStopHours'),
      helper: l10n.t('0 keeps it running until you stop it; at most {0}.', SERVICE_AUTO_STOP_MAX_HOURS),
      disabled,
      onInput: (text) => page.change({ autoStopHours: parseNumber(text) }),
    })}
  `;
}

new FormPage<ServiceV1FormValues, ServiceV1Options>({
  title: l10n.t('Create Real-Time Service (v1)'),
  submitLabel: l10n.t('Deploy'),
  readForm: (message) => (message.type === 'serviceV1Form' ? message : undefined),
  readOptions: (message) => (message.type === 'serviceV1Options' ? message : undefined),
  validate: (values, options) => validateServiceV1Form(values, options),
  submitMessage: (values) => ({ type: 'submitServiceV1', values }),
  body,
}).start();
