/** Models (§3): list and show under `/v1/{project_id}/models`; records and views are in `modelsModel.ts`. */
import { type ApiRequest, type ApiResponse, type Handler, ok, requestProject } from '../http';
import type { Router } from '../router';
import { oneOf } from '../validate';
import { orderOf, sortedBy, v1Page } from './inferV1Lists';
import { type ModelRecord, modelNotFound, modelView } from './modelsModel';
import { requireWorkspace } from './workspaces';

const BASE = '/v1/{project_id}/models';

export function registerModels(router: Router<Handler>): void {
  router.add('GET', BASE, listModels).add('GET', `${BASE}/{model_id}`, (request) => {
    const project = requestProject(request);
    const model = project.models.get(request.params.model_id);
    if (!model) {
      throw modelNotFound(request.params.model_id);
    }
    return ok(modelView(model, project, request.now, true));
  });
}

/** Versions compare part by part as numbers ("1.10.0" after "1.9.2"). */
function versionKey(version: string): string {
  return version
    .split('.')
    .map((part) => part.padStart(8, '0'))
    .join('.');
}

const SORT_KEYS: Record<string, (model: ModelRecord) => string | number> = {
  create_at: (model) => model.createAt,
  model_version: (model) => versionKey(model.version),
  model_size: (model) => model.size,
};

/**
 * `model_name` matches as SQL LIKE does, so `_` stands for any one character unless
 * `exact_match=true` (§3.2); case-insensitive (uncertain).
 */
function nameMatcher(query: URLSearchParams): (name: string) => boolean {
  const name = query.get('model_name');
  if (!name) {
    return () => true;
  }
  if (query.get('exact_match') === 'true') {
    return (candidate) => candidate.toLowerCase().includes(name.toLowerCase());
  }
  const pattern = new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/_/g, '.'), 'i');
  return (candidate) => pattern.test(candidate);
}

/**
 * §3.2: `model_name`, `exact_match`, `model_version`, `model_status`, `description` (contains), `workspace_id`
 * (default "0"), `model_type` / `not_model_type` (comma-separated), `sort_by`, `order`, `offset`, `limit`.
 */
function listModels(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const project = requestProject(request);
  const workspaceId = query.get('workspace_id') ?? '0';
  requireWorkspace(project, workspaceId, now);
  const sortKey = SORT_KEYS[oneOf(query.get('sort_by') ?? 'create_at', Object.keys(SORT_KEYS), 'sort_by')];
  const order = orderOf(query);
  const nameMatches = nameMatcher(query);
  const version = query.get('model_version');
  const status = query.get('model_status');
  const description = query.get('description')?.toLowerCase();
  const types = query.get('model_type')?.split(',');
  const excludedTypes = query.get('not_model_type')?.split(',');
  const matching = [...project.models.values()].filter(
    (model) =>
      model.workspaceId === workspaceId &&
      nameMatches(model.name) &&
      (!version || model.version === version) &&
      (!status || model.timeline.status(now) === status) &&
      (!description || model.description.toLowerCase().includes(description)) &&
      (!types || types.includes(model.modelType)) &&
      (!excludedTypes || !excludedTypes.includes(model.modelType)),
  );
  const models = v1Page(sortedBy(matching, sortKey, order), query).map((model) => modelView(model, project, now, false));
  return ok({ total_count: matching.length, count: models.length, models });
}
