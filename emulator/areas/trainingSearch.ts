/**
 * `POST /v2/{project_id}/training-job-searches` (§2.2). `offset` is a page index.
 * Jobs are kept oldest-first, so the default create_time order needs no sort even
 * with tens of thousands of jobs.
 */
import { type ApiRequest, type ApiResponse, bodyObject, isRecord, modelArtsError, ok, requestProject } from '../http';
import type { TrainingJobRecord } from '../state';
import { trainingJobView } from './trainingView';
import { requireWorkspace } from './workspaces';

const MAX_LIMIT = 50;
/** (uncertain) No default limit is documented. */
const DEFAULT_LIMIT = 10;
const MAX_FILTER_VALUES = 10;

type Getter = (job: TrainingJobRecord, now: number) => string | number;

const FILTER_FIELDS: Record<string, Getter> = {
  id: (job) => job.id,
  name: (job) => job.name,
  kind: (job) => job.kind,
  phase: (job, now) => job.timeline.status(now),
  create_time: (job) => job.createTime,
};

/** Documented filter keys for data the emulator does not model: accepted and ignored. */
const IGNORED_FILTER_KEYS = new Set(['algorithm_id', 'algorithm_name', 'user_id', 'pool_id', 'training_experiment_id', 'runtime_type', 'priority']);

const SORT_FIELDS: Record<string, Getter> = {
  create_time: (job) => job.createTime,
  name: (job) => job.name,
};

type JobTest = (job: TrainingJobRecord, now: number) => boolean;

function searchError(field: string, problem: string): ReturnType<typeof modelArtsError> {
  return modelArtsError(400, 'ModelArts.0104', `Invalid parameter ${field}: ${problem}`, { error_solution: `Correct ${field} and try again.` });
}

function integerField(body: Record<string, unknown>, key: string, fallback: number, min: number, max: number): number {
  const value = body[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw searchError(key, `must be an integer between ${min} and ${max}`);
  }
  return value;
}

function parseFilter(filter: unknown, index: number): JobTest | undefined {
  const path = `filters[${index}]`;
  if (!isRecord(filter) || typeof filter.key !== 'string' || typeof filter.operator !== 'string') {
    throw searchError(path, 'must be {key, operator, value[]}');
  }
  const values = filter.value;
  if (!Array.isArray(values) || values.length > MAX_FILTER_VALUES || !values.every((v) => typeof v === 'string')) {
    throw searchError(`${path}.value`, `must be a list of at most ${MAX_FILTER_VALUES} strings`);
  }
  if (IGNORED_FILTER_KEYS.has(filter.key)) {
    return undefined;
  }
  const get = FILTER_FIELDS[filter.key];
  if (!get) {
    throw searchError(`${path}.key`, `unsupported key ${filter.key}`);
  }
  const wanted = values as string[];
  switch (filter.operator) {
    case 'like':
      return (job, now) => wanted.some((v) => String(get(job, now)).toLowerCase().includes(v.toLowerCase()));
    case 'in':
      return (job, now) => wanted.includes(String(get(job, now)));
    case 'not':
      return (job, now) => !wanted.includes(String(get(job, now)));
    case 'between': {
      const [from, to] = wanted.map((v) => Date.parse(v));
      if (filter.key !== 'create_time' || wanted.length !== 2 || Number.isNaN(from) || Number.isNaN(to)) {
        throw searchError(`${path}`, 'between takes create_time and two RFC 3339 bounds');
      }
      return (job) => job.createTime >= from && job.createTime <= to;
    }
    default:
      throw searchError(`${path}.operator`, 'must be like, in, not or between');
  }
}

export function searchTrainingJobs(request: ApiRequest): ApiResponse {
  const body = request.body === undefined ? {} : bodyObject(request);
  const project = requestProject(request);
  const { now } = request;
  const page = integerField(body, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  const limit = integerField(body, 'limit', DEFAULT_LIMIT, 1, MAX_LIMIT);
  const sortBy = typeof body.sort_by === 'string' ? body.sort_by : 'create_time';
  if (!SORT_FIELDS[sortBy]) {
    throw searchError('sort_by', `must be one of ${Object.keys(SORT_FIELDS).join(', ')}`);
  }
  const order = typeof body.order === 'string' ? body.order.toLowerCase() : 'desc';
  if (order !== 'asc' && order !== 'desc') {
    throw searchError('order', 'must be asc or desc');
  }
  // Absent workspace_id searches every workspace (as the notebook list does).
  const workspaceId = typeof body.workspace_id === 'string' ? body.workspace_id : undefined;
  if (workspaceId !== undefined) {
    requireWorkspace(project, workspaceId);
  }
  const rawFilters = body.filters ?? [];
  if (!Array.isArray(rawFilters)) {
    throw searchError('filters', 'must be a list');
  }
  const tests = rawFilters.map(parseFilter).filter((test): test is JobTest => test !== undefined);

  const inWorkspace = project.trainingJobsOldestFirst().filter((job) => workspaceId === undefined || job.workspaceId === workspaceId);
  let matches = inWorkspace.filter((job) => tests.every((test) => test(job, now)));
  if (sortBy === 'create_time') {
    matches = order === 'desc' ? matches.reverse() : matches;
  } else {
    const get = SORT_FIELDS[sortBy];
    const direction = order === 'asc' ? 1 : -1;
    matches = matches.sort((a, b) => {
      const ka = get(a, now);
      const kb = get(b, now);
      return ka < kb ? -direction : ka > kb ? direction : 0;
    });
  }
  const items = matches.slice(page * limit, (page + 1) * limit).map((job) => trainingJobView(job, now));
  return ok({
    // (uncertain) Per the reference, total = all of the user's jobs (here: in the searched workspace), count = matches.
    total: inWorkspace.length,
    count: matches.length,
    limit,
    offset: page,
    sort_by: sortBy,
    order,
    group_by: '',
    workspace_id: workspaceId ?? '',
    ai_project: 'default-ai-project',
    items,
  });
}
