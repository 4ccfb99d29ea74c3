/**
 * The rules of the Create Real-Time Service (v1) form, shared by the browser (live)
 * and the host (again before any request), and the request it makes. No `vscode`
 * import: bundled into the browser app.
 */
import type { CreateServiceV1Request, ServiceV1 } from '../services/inferenceV1';
import { resourceNameProblem } from '../services/naming';
import { copyName, environmentErrors, type FieldErrors } from './formRules';
import type { ServiceModelChoice, ServiceSpecChoice, ServiceV1FormValues } from './protocol';
import * as l10n from '@vscode/l10n';

/** (uncertain) The console's limit on instances of one model. */
export const SERVICE_MAX_INSTANCES = 128;
/** (uncertain) The console offers stop schedules of up to a day. */
export const SERVICE_AUTO_STOP_MAX_HOURS = 24;
const MAX_DESCRIPTION = 100;
/** The API refuses these in a service description (§3.3). */
const FORBIDDEN_DESCRIPTION = /[<>=&"']/;

export interface ServiceV1Options {
  readonly models: readonly ServiceModelChoice[];
  readonly specifications: readonly ServiceSpecChoice[];
}

/** A specification runs a model when it offers at least the model's minimums (absent ones ask nothing). */
export function specificationFits(spec: ServiceSpecChoice, model: ServiceModelChoice): boolean {
  const enough = (minimum: number | undefined, offered: number | undefined): boolean => minimum === undefined || minimum <= 0 || (offered ?? 0) >= minimum;
  return enough(model.minCpu, spec.cpu) && enough(model.minMemoryMb, spec.memoryMb) && enough(model.minGpu, spec.gpu) && enough(model.minAscend, spec.npu);
}

/** "at least 4 vCPUs, 16 GB, 1 GPU": what a model needs, for messages. */
export function requirementsText(model: ServiceModelChoice): string {
  const parts = [
    model.minCpu ? `${model.minCpu} vCPUs` : undefined,
    model.minMemoryMb ? `${Math.round(model.minMemoryMb / 1024)} GB` : undefined,
    model.minGpu ? `${model.minGpu} GPU` : undefined,
    model.minAscend ? l10n.t('{0} Ascend', model.minAscend) : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? l10n.t('at least {0}', parts.join(', ')) : l10n.t('no minimum');
}

export function descriptionProblem(description: string): string | undefined {
  return description.length > MAX_DESCRIPTION || FORBIDDEN_DESCRIPTION.test(description) ? l10n.t('At most {0} characters, without < > = & " or \'.', MAX_DESCRIPTION) : undefined;
}

export function instanceCountProblem(count: number): string | undefined {
  return Number.isInteger(count) && count >= 1 && count <= SERVICE_MAX_INSTANCES ? undefined : l10n.t('Enter 1 to {0} instances.', SERVICE_MAX_INSTANCES);
}

/** With the choices loaded, the model must be a published one of the chosen workspace, and the specification must fit it. */
export function validateServiceV1Form(values: ServiceV1FormValues, options?: ServiceV1Options): FieldErrors {
  const errors: FieldErrors = {};
  const name = resourceNameProblem(values.name);
  if (name) {
    errors.name = name;
  }
  const description = descriptionProblem(values.description);
  if (description) {
    errors.description = description;
  }
  const model = options?.models.find((candidate) => candidate.id === values.modelId && candidate.workspaceId === values.workspaceId);
  if (!values.modelName) {
    errors.modelName = l10n.t('Choose a model.');
  } else if (!values.modelId) {
    errors.modelId = l10n.t('Choose a version.');
  } else if (options && !model) {
    errors.modelId = l10n.t('Choose a published version of a model in this workspace.');
  }
  const spec = options?.specifications.find((candidate) => candidate.id === values.specification);
  if (!values.specification) {
    errors.specification = l10n.t('Choose a specification.');
  } else if (options && !spec) {
    errors.specification = l10n.t('This specification is not offered in this region.');
  } else if (spec && model && !specificationFits(spec, model)) {
    errors.specification = l10n.t('Too small for {0} {1}, which needs {2}.', model.name, model.version, requirementsText(model));
  }
  const instances = instanceCountProblem(values.instanceCount);
  if (instances) {
    errors.instanceCount = instances;
  }
  environmentErrors(errors, 'environment', values.environment);
  if (!(Number.isInteger(values.autoStopHours) && values.autoStopHours >= 0 && values.autoStopHours <= SERVICE_AUTO_STOP_MAX_HOURS)) {
    errors.autoStopHours = l10n.t('Enter 0 (never) or 1 to {0} hours.', SERVICE_AUTO_STOP_MAX_HOURS);
  }
  return errors;
}

export function emptyServiceV1Form(workspaceId: string): ServiceV1FormValues {
  return { name: '', description: '', workspaceId, modelName: '', modelId: '', specification: '', instanceCount: 1, environment: [], autoStopHours: 0 };
}

/** The create body of §3.3: one model taking all the traffic, and a stop schedule when asked for. */
export function toCreateServiceV1Request(values: ServiceV1FormValues): CreateServiceV1Request {
  return {
    service_name: values.name,
    description: values.description,
    config: [
      {
        model_id: values.modelId,
        specification: values.specification,
        weight: 100,
        instance_count: values.instanceCount,
        envs: Object.fromEntries(values.environment.map((row) => [row.name, row.value])),
      },
    ],
    schedule: values.autoStopHours > 0 ? [{ type: 'stop', time_unit: 'HOURS', duration: values.autoStopHours }] : undefined,
  };
}

/** "Create similar…": the form filled from a service's details (its first model). */
export function serviceV1ToFormValues(service: ServiceV1, workspaceId: string): ServiceV1FormValues {
  const [config] = service.config ?? [];
  const stop = service.schedule?.find((entry) => entry.type.toLowerCase() === 'stop' && entry.time_unit === 'HOURS');
  return {
    ...emptyServiceV1Form(workspaceId),
    name: copyName(service.service_name),
    description: service.description ?? '',
    modelName: config?.model_name ?? '',
    modelId: config?.model_id ?? '',
    specification: config?.specification ?? '',
    instanceCount: config?.instance_count ?? 1,
    environment: Object.entries(config?.envs ?? {}).map(([name, value]) => ({ name, value })),
    autoStopHours: stop ? Math.min(stop.duration, SERVICE_AUTO_STOP_MAX_HOURS) : 0,
  };
}
