/**
 * Jobs on Lite Servers (§7.1: `/v1/{project_id}/dev-servers/jobs[...]`, `…/jobs/templates[...]`).
 * The reference gives the paths only, so the shapes are illustrative:
 * job `{id, name, type: TRAIN|INFER, status, server_ids[], template_id?, image, command, visible, create_at, update_at}`,
 * template `{id, name, type, image, command, description}`, lists in the `{current,data,pages,size,total}` envelope.
 * Statuses (illustrative): PENDING → RUNNING one transition later; a TRAIN job SUCCEEDED after four more
 * (FAILED after one when its name contains "fail"); an INFER job runs until deleted. Jobs are deleted in
 * batches only (`DELETE …/jobs {job_ids}`, the body of Huawei's API documentation), at once.
 */
import { randomUUID } from 'node:crypto';
import { Timeline } from '../clock';
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, ok, requestProject } from '../http';
import type { Router } from '../router';
import { oneOf, optionalString, requiredString } from '../validate';
import { validLiteName } from './devServerCreate';
import { type DevServerJobRecord, type DevServerJobStatus, liveDevServer, notFound, seededUuid } from './devServerModel';
import { offsetPage, sortByTime } from './devServerView';

interface JobTemplate {
  readonly id: string;
  readonly name: string;
  readonly type: DevServerJobRecord['type'];
  readonly image: string;
  readonly command: string;
  readonly description: string;
}

export const JOB_TEMPLATES: readonly JobTemplate[] = [
  {
    id: seededUuid('dev-server-job-template:vllm-ascend'),
    name: 'vllm-ascend-inference',
    type: 'INFER',
    image: 'swr.cn-north-4.myhuaweicloud.com/atelier/vllm-ascend:0.7.3',
    command: 'vllm serve /models/current --port 8000',
    description: 'Serve a model with vLLM on Ascend',
  },
  {
    id: seededUuid('dev-server-job-template:mindspeed-sft'),
    name: 'mindspeed-llm-sft',
    type: 'TRAIN',
    image: 'swr.cn-north-4.myhuaweicloud.com/atelier/mindspeed-llm:2.0.0',
    command: 'bash examples/sft.sh',
    description: 'Supervised fine-tuning with MindSpeed-LLM',
  },
];

export function registerDevServerJobs(router: Router<Handler>, base: string): void {
  const jobs = `${base}/jobs`;
  router
    .add('GET', jobs, listJobs)
    .add('POST', jobs, createJob)
    .add('GET', `${jobs}/templates`, listTemplates)
    .add('GET', `${jobs}/templates/{id}`, (request) => ok(templateView(requireTemplate(request.params.id))))
    .add('GET', `${jobs}/{id}`, (request) => ok(jobView(requireJob(request, request.params.id), request.now)))
    .add('DELETE', jobs, deleteJobs);
}

/** A job's timeline from `at`: PENDING, RUNNING, then SUCCEEDED / FAILED for training jobs. */
export function planJob(job: DevServerJobRecord, at: number, transitionMs: number): void {
  if (job.type === 'INFER') {
    job.timeline.plan(at, [['PENDING', transitionMs]], 'RUNNING');
  } else if (job.name.toLowerCase().includes('fail')) {
    job.timeline.plan(at, [['PENDING', transitionMs], ['RUNNING', transitionMs]], 'FAILED');
  } else {
    job.timeline.plan(at, [['PENDING', transitionMs], ['RUNNING', 4 * transitionMs]], 'SUCCEEDED');
  }
}

export function jobView(job: DevServerJobRecord, now: number): Record<string, unknown> {
  const current = job.timeline.current(now);
  return {
    id: job.id,
    name: job.name,
    type: job.type,
    status: current.status,
    server_ids: [...job.serverIds],
    ...(job.templateId ? { template_id: job.templateId } : {}),
    image: job.image,
    command: job.command,
    visible: job.visible,
    create_at: job.createAt,
    update_at: Math.max(job.createAt, Math.min(now, current.at)),
  };
}

function templateView(template: JobTemplate): Record<string, unknown> {
  return { id: template.id, name: template.name, type: template.type, image: template.image, command: template.command, description: template.description };
}

function requireTemplate(id: string): JobTemplate {
  const template = JOB_TEMPLATES.find((candidate) => candidate.id === id);
  if (!template) {
    throw notFound('Lite Server job template', id);
  }
  return template;
}

function requireJob(request: ApiRequest, id: string): DevServerJobRecord {
  const job = requestProject(request).devServerJobs.get(id);
  if (!job) {
    throw notFound('Lite Server job', id);
  }
  return job;
}

/** `?id&name(substring)&type&status&visible&offset&limit&sort_dir&sort_key`. */
function listJobs(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const filters = { id: query.get('id'), name: query.get('name')?.toLowerCase(), type: query.get('type'), status: query.get('status'), visible: query.get('visible') };
  if (filters.visible !== null) {
    oneOf(filters.visible, ['true', 'false'], 'visible');
  }
  const records = [...requestProject(request).devServerJobs.values()].filter(
    (job) =>
      (filters.id === null || job.id === filters.id) &&
      (!filters.name || job.name.toLowerCase().includes(filters.name)) &&
      (filters.type === null || job.type === filters.type) &&
      (filters.status === null || job.timeline.status(now) === filters.status) &&
      (filters.visible === null || String(job.visible) === filters.visible),
  );
  const sorted = sortByTime(records, query, (job) => Math.max(job.createAt, Math.min(now, job.timeline.current(now).at)));
  return ok(offsetPage(sorted, query, (job) => jobView(job, now), 1));
}

function listTemplates(request: ApiRequest): ApiResponse {
  const { query } = request;
  const name = query.get('name')?.toLowerCase();
  const templates = JOB_TEMPLATES.filter(
    (template) =>
      (query.get('id') === null || template.id === query.get('id')) &&
      (!name || template.name.includes(name)) &&
      (query.get('type') === null || template.type === query.get('type')),
  );
  return ok(offsetPage(templates, query, templateView, 1));
}

/** Body (illustrative): `{name, type: TRAIN|INFER, server_ids:[…], template_id?, image?, command?, visible?}`; servers must be RUNNING. */
function createJob(request: ApiRequest): ApiResponse {
  const project = requestProject(request);
  const body = bodyObject(request);
  const { now } = request;
  const name = validLiteName(body.name, 'name');
  const templateId = optionalString(body, 'template_id', '') || undefined;
  const template = templateId === undefined ? undefined : requireTemplate(templateId);
  const type = oneOf(template && body.type === undefined ? template.type : requiredString(body, 'type'), ['TRAIN', 'INFER'], 'type');
  const ids = body.server_ids;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
    throw invalidParameter('server_ids', 'must be a non-empty array of Lite Server ids');
  }
  for (const id of ids as string[]) {
    const server = liveDevServer(project, id, now);
    if (!server) {
      throw notFound('Lite Server', id);
    }
    if (server.timeline.status(now) !== 'RUNNING') {
      throw invalidParameter('server_ids', `Lite Server ${id} is ${server.timeline.status(now)}, not RUNNING`);
    }
  }
  if (body.visible !== undefined && typeof body.visible !== 'boolean') {
    throw invalidParameter('visible', 'must be a boolean');
  }
  const job: DevServerJobRecord = {
    id: randomUUID(),
    name,
    type,
    serverIds: [...new Set(ids as string[])],
    templateId,
    image: template ? optionalString(body, 'image', template.image) : requiredString(body, 'image'),
    command: optionalString(body, 'command', template?.command ?? ''),
    visible: body.visible !== false,
    createAt: now,
    timeline: new Timeline<DevServerJobStatus>('PENDING', now),
  };
  planJob(job, now, project.transitionMs);
  project.devServerJobs.set(job.id, job);
  return ok(jobView(job, now));
}

/**
 * `DELETE …/jobs {job_ids:[…]}` → the deleted jobs in the list envelope. Emulator choice: all or
 * nothing, an unknown id fails the request (ModelArts.6404) and deletes none.
 */
function deleteJobs(request: ApiRequest): ApiResponse {
  const ids = bodyObject(request).job_ids;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
    throw invalidParameter('job_ids', 'must be a non-empty array of Lite Server job ids');
  }
  const deleted = [...new Set(ids as string[])].map((id) => requireJob(request, id));
  const data = deleted.map((job) => jobView(job, request.now));
  deleted.forEach((job) => requestProject(request).devServerJobs.delete(job.id));
  return ok({ current: 1, data, pages: 1, size: data.length, total: data.length });
}
