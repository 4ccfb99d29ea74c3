/** Training jobs (§2): search, show, create, terminate, delete, update, log preview, metrics, events, stages, flavors and engines. */
import { randomUUID } from 'node:crypto';
import { TRAINING_ENGINES, TRAINING_FLAVORS } from '../catalog';
import { Timeline } from '../clock';
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, isRecord, modelArtsError, ok, requestProject } from '../http';
import type { Router } from '../router';
import { DEFAULT_WORKSPACE_ID, type TrainingJobRecord, type TrainingPhase } from '../state';
import { oneOf, optionalInteger, optionalString, requiredObject, requiredString, validName } from '../validate';
import { listJobEvents, listJobStages } from './trainingEvents';
import { logPreview } from './trainingLogs';
import { showTrainingJobMetrics } from './trainingMetrics';
import { searchTrainingJobs } from './trainingSearch';
import { FINISHED_PHASES, taskNames, trainingJobView } from './trainingView';
import { requireWorkspace } from './workspaces';

const JOB = '/v2/{project_id}/training-jobs/{training_job_id}';
const JOB_KINDS = ['job', 'hetero_job', 'autosearch_job', 'mrs_job', 'edge_job', 'federated_pool_job', 'diag_job', 'visualization_job'] as const;
/** Running lasts this many transitions, long enough to watch a log grow. */
const RUNNING_TRANSITIONS = 4;

export function registerTrainingJobs(router: Router<Handler>): void {
  router
    .add('POST', '/v2/{project_id}/training-job-searches', searchTrainingJobs)
    .add('POST', '/v2/{project_id}/training-jobs', createTrainingJob)
    .add('GET', JOB, (request) => ok(trainingJobView(requireJob(request), request.now)))
    .add('PUT', JOB, updateDescription)
    .add('DELETE', JOB, deleteTrainingJob)
    .add('POST', `${JOB}/actions`, terminateTrainingJob)
    .add('GET', `${JOB}/tasks/{task_id}/logs/preview`, previewLog)
    .add('GET', `${JOB}/metrics/{task_id}`, (request) => showTrainingJobMetrics(request, requireJob(request)))
    .add('GET', `${JOB}/events`, (request) => ok(listJobEvents(request, requireJob(request))))
    .add('GET', `${JOB}/stages`, (request) => ok(listJobStages(requireJob(request), request.now)))
    .add('GET', '/v2/{project_id}/training-job-flavors', listFlavors)
    .add('GET', '/v2/{project_id}/training-job-engines', () => ok({ total: TRAINING_ENGINES.length, items: TRAINING_ENGINES }));
}

/** Training errors carry `error_solution` (§2.5, §11.1). */
function trainingError(code: string, message: string, solution: string): ReturnType<typeof modelArtsError> {
  return modelArtsError(400, code, message, { error_solution: solution });
}

function invalidTrainingParameter(field: string, problem: string): ReturnType<typeof modelArtsError> {
  return trainingError('ModelArts.0101', `Invalid parameter ${field}: ${problem}`, `Correct ${field} and try again.`);
}

function requireJob(request: ApiRequest): TrainingJobRecord {
  const job = requestProject(request).trainingJob(request.params.training_job_id);
  if (!job) {
    throw trainingError('ModelArts.2775', `Training job ${request.params.training_job_id} not found.`, 'Check whether the training job ID is correct.');
  }
  return job;
}

/** Plans Creating → Pending → Running → Completed, or → Failed for names containing "fail" (emulator convention). */
export function planTrainingRun(timeline: Timeline<TrainingPhase>, name: string, start: number, transitionMs: number): void {
  const final: TrainingPhase = name.toLowerCase().includes('fail') ? 'Failed' : 'Completed';
  timeline.plan(
    start,
    [
      ['Creating', transitionMs],
      ['Pending', transitionMs],
      ['Running', RUNNING_TRANSITIONS * transitionMs],
    ],
    final,
  );
}

function createTrainingJob(request: ApiRequest): ApiResponse {
  const body = bodyObject(request);
  const project = requestProject(request);
  const kind = oneOf(requiredString(body, 'kind'), JOB_KINDS, 'kind');
  const metadata = requiredObject(body, 'metadata');
  const name = validName(requiredString(metadata, 'name', 'metadata.name'), 'metadata.name');
  const workspaceId = optionalString(metadata, 'workspace_id', DEFAULT_WORKSPACE_ID, 'metadata.workspace_id');
  requireWorkspace(project, workspaceId);
  const algorithm = requiredObject(body, 'algorithm');
  checkAlgorithmSource(algorithm);
  const resource = requiredObject(requiredObject(body, 'spec'), 'resource', 'spec.resource');
  const flavorId = requiredString(resource, 'flavor_id', 'spec.resource.flavor_id');
  const flavor = TRAINING_FLAVORS.find((f) => f.flavor_id === flavorId);
  // Dedicated-pool flavors are not catalogued here, so any flavor goes with a pool_id.
  if (!flavor && typeof resource.pool_id !== 'string') {
    throw invalidTrainingParameter('spec.resource.flavor_id', `unknown flavor ${flavorId}`);
  }
  const nodeCount = optionalInteger(resource, 'node_count', 1, flavor?.max_num ?? 64, 'spec.resource.node_count');
  if (nodeCount === undefined) {
    throw invalidTrainingParameter('spec.resource.node_count', 'is required');
  }
  const job: TrainingJobRecord = {
    id: randomUUID(),
    name,
    description: optionalString(metadata, 'description', '', 'metadata.description'),
    workspaceId,
    kind,
    createTime: request.now,
    userName: request.account.domainName,
    algorithm,
    flavorId,
    nodeCount,
    timeline: new Timeline<TrainingPhase>('Creating', request.now),
  };
  planTrainingRun(job.timeline, name, request.now, project.transitionMs);
  project.addTrainingJobs([job]);
  return ok(trainingJobView(job, request.now), 201);
}

/** One algorithm source is required (§2.3): id, subscription, code_dir + boot_file, or a custom image. */
function checkAlgorithmSource(algorithm: Record<string, unknown>): void {
  const engine = isRecord(algorithm.engine) ? algorithm.engine : {};
  const present = (value: unknown): boolean => typeof value === 'string' && value !== '';
  const hasSource =
    present(algorithm.id) ||
    (present(algorithm.subscription_id) && present(algorithm.item_version_id)) ||
    (present(algorithm.code_dir) && present(algorithm.boot_file)) ||
    present(engine.image_url);
  if (!hasSource) {
    throw invalidTrainingParameter('algorithm', 'give id, subscription_id + item_version_id, code_dir + boot_file, or engine.image_url');
  }
}

function updateDescription(request: ApiRequest): ApiResponse {
  const job = requireJob(request);
  job.description = requiredString(bodyObject(request), 'description');
  return ok(trainingJobView(job, request.now));
}

function deleteTrainingJob(request: ApiRequest): ApiResponse {
  const job = requireJob(request);
  requestProject(request).deleteTrainingJob(job.id);
  return { status: 202 };
}

function terminateTrainingJob(request: ApiRequest): ApiResponse {
  const job = requireJob(request);
  const body = bodyObject(request);
  oneOf(requiredString(body, 'action_type'), ['terminate'], 'action_type');
  const phase = job.timeline.status(request.now);
  if (FINISHED_PHASES.has(phase) || phase === 'Terminating') {
    // Illustrative code: the reference names no error for terminating a finished job.
    throw trainingError('ModelArts.2762', `Training job ${job.id} is ${phase} and cannot be terminated.`, 'Only jobs that are Creating, Pending or Running can be terminated.');
  }
  job.timeline.plan(request.now, [['Terminating', requestProject(request).transitionMs]], 'Terminated');
  return ok(trainingJobView(job, request.now), 202);
}

function previewLog(request: ApiRequest): ApiResponse {
  const job = requireJob(request);
  const task = request.params.task_id;
  if (!taskNames(job).includes(task)) {
    // Illustrative: the reference gives no code for an unknown task; 0104 is its generic invalid-parameter code.
    throw trainingError('ModelArts.0104', `Task ${task} does not exist in training job ${job.id}.`, `Use a task name from status.tasks, e.g. worker-0.`);
  }
  return ok(logPreview(job, task, request.now, requestProject(request).transitionMs));
}

function listFlavors(request: ApiRequest): ApiResponse {
  const type = request.query.get('flavor_type');
  const flavors = TRAINING_FLAVORS.filter((f) => !type || f.flavor_type === type);
  return ok({ total_count: flavors.length, flavors });
}
