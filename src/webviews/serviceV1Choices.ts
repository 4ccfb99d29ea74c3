/** Models and specifications as the v1 service form and the Update command compare them (host side). */
import type { ServiceSpecification } from '../services/inferenceV1';
import { type Model, modelRequirements } from '../services/models';
import type { ServiceModelChoice, ServiceSpecChoice } from './protocol';

export function modelChoice(model: Model, workspaceId: string): ServiceModelChoice {
  const needs = modelRequirements(model);
  return {
    id: model.model_id,
    name: model.model_name,
    version: model.model_version,
    workspaceId,
    description: [model.model_type, model.market_flag ? 'AI Gallery' : undefined, model.description].filter(Boolean).join(' · '),
    minCpu: needs.cpu,
    minMemoryMb: needs.memoryMb,
    minGpu: needs.gpu,
    minAscend: needs.ascend,
  };
}

/** `name`: how the form lists it (flavorPrices.ts pricedFlavorTexts); the id where only fits are compared. */
export function specChoice(spec: ServiceSpecification, name = spec.specification): ServiceSpecChoice {
  const memory = spec.memory_info?.memory;
  return {
    id: spec.specification,
    name,
    category: spec.category ?? '',
    description: spec.display_en ?? spec.specification,
    cpu: spec.cpu_info?.cpu,
    // The list gives its unit (MB as seen); GB is converted.
    memoryMb: memory === undefined ? undefined : spec.memory_info?.unit?.toUpperCase() === 'GB' ? memory * 1024 : memory,
    gpu: spec.gpu_info?.gpu,
    npu: spec.npu_info?.npu,
  };
}
