/**
 * Models ("AI applications", §3) the v1 services deploy: records, statuses,
 * lookups and the model object. A model is published one transition after it
 * starts publishing; only published models can be deployed.
 */
import type { Timeline } from '../clock';
import { type ApiError, modelArtsError } from '../http';
import type { ProjectState } from '../state';

/** §3.4, lowercase like the v1 services. */
export const MODEL_STATUSES = ['publishing', 'published', 'failed', 'building', 'building_failed'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** Minimum resources a specification must offer to run the model (`specification{}` of §3.4). */
export interface ModelRequirements {
  readonly minCpu?: number;
  /** MB (assumed: the reference gives no unit). */
  readonly minMemory?: number;
  readonly minGpu?: number;
  readonly minAscend?: number;
}

export interface ModelRecord {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  /** TensorFlow, PyTorch, MindSpore, Image, Custom, Template. */
  readonly modelType: string;
  /** Bytes. */
  readonly size: number;
  readonly source: 'auto' | 'algos' | 'custom';
  readonly installType: readonly string[];
  readonly createAt: number;
  readonly description: string;
  readonly workspaceId: string;
  readonly owner: string;
  readonly sourceLocation: string;
  readonly runtime: string;
  /** Set for models subscribed from AI Gallery (`market_flag`, `subscription_id`); the reference does not say more. */
  readonly subscriptionId?: string;
  readonly requirements: ModelRequirements;
  readonly timeline: Timeline<ModelStatus>;
}

/** Illustrative: the reference gives no code for an unknown model; 404 as for an unknown service. */
export function modelNotFound(id: string): ApiError {
  return modelArtsError(404, 'ModelArts.3003', `Model ${id} does not exist.`);
}

/** "mnist-cnn 1.1.0", as events and messages name a model; the id when the model is gone. */
export function modelLabel(project: ProjectState, modelId: string): string {
  const model = project.models.get(modelId);
  return model ? `${model.name} ${model.version}` : modelId;
}

/** The §3.4 model object (list item); show adds the source location and runtime. */
export function modelView(model: ModelRecord, project: ProjectState, now: number, detail: boolean): Record<string, unknown> {
  const { requirements } = model;
  // (assumed) Strings: the reference names these fields but not their types.
  const text = (value: number | undefined): string | undefined => (value === undefined ? undefined : String(value));
  return {
    model_id: model.id,
    model_name: model.name,
    model_version: model.version,
    model_type: model.modelType,
    model_status: model.timeline.status(now),
    model_size: model.size,
    model_source: model.source,
    source_type: '',
    install_type: [...model.installType],
    create_at: model.createAt,
    description: model.description,
    owner: model.owner,
    tenant: project.ref.account.domainId,
    project: project.id,
    workspace_id: model.workspaceId,
    market_flag: model.subscriptionId !== undefined,
    ...(model.subscriptionId ? { subscription_id: model.subscriptionId } : {}),
    tunable: false,
    publishable_flag: model.subscriptionId === undefined,
    specification: { min_cpu: text(requirements.minCpu), min_memory: text(requirements.minMemory), min_gpu: text(requirements.minGpu), min_ascend: text(requirements.minAscend) },
    ...(detail ? { source_location: model.sourceLocation, runtime: model.runtime } : {}),
  };
}
