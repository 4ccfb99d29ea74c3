/**
 * Lite Server jobs (`/v1/{project_id}/dev-servers/jobs[...]`) as the SDK has them: a job runs one task per
 * server, created with a template's `type` and `items` of `{type, spec}`. Tasks are PROCESSING for one
 * transition, then SUCCESS (FAILED when the job's name contains "fail"); a server that is not RUNNING gets
 * a SKIPPED task. A job is PROCESSING while a task is, then FINISHED; `abnormal_count` counts FAILED tasks.
 * Lists are unpaged (the SDK gives them no paging parameters), in creation order. Jobs are deleted in
 * batches only (`DELETE …/jobs {job_ids}`), at once. Times are strings in the SDK: ISO 8601 here (uncertain).
 */
import { randomUUID } from 'node:crypto';
import { Timeline } from '../clock';
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, isRecord, ok, requestProject } from '../http';
import type { Router } from '../router';
import type { ProjectState } from '../state';
import { oneOf, optionalString, requiredString } from '../validate';
import { LITE_NAME, validLiteName } from './devServerCreate';
import { registerDevServerJobTemplates, templateOfType } from './devServerJobTemplates';
import {
  type DevServerJobRecord,
  type DevServerJobStatus,
  type DevServerRecord,
  type DevServerTaskRecord,
  type DevServerTaskStatus,
  liveDevServer,
  notFound,
} from './devServerModel';
import { wholePage } from './devServerView';

const TASK_MESSAGES: Record<DevServerTaskStatus, string> = {
  PROCESSING: 'Running',
  SUCCESS: 'Completed',
  FAILED: 'Exited with code 1',
  SKIPPED: 'Skipped: the Lite Server is not running',
};

export function registerDevServerJobs(router: Router<Handler>, base: string): void {
  const jobs = `${base}/jobs`;
  registerDevServerJobTemplates(router, jobs);
  router
    .add('GET', jobs, listJobs)
    .add('POST', jobs, createJob)
    .add('GET', `${jobs}/{id}`, (request) => ok(jobDetails(requireJob(request, request.params.id), request.now)))
    .add('DELETE', jobs, deleteJobs);
}

/** A task on `server`, created at `at`: SKIPPED unless the server runs, else PROCESSING for `transitionMs`. */
function newTask(server: DevServerRecord, at: number, transitionMs: number, fails: boolean): DevServerTaskRecord {
  const running = server.timeline.status(at) === 'RUNNING';
  const timeline = new Timeline<DevServerTaskStatus>(running ? 'PROCESSING' : 'SKIPPED', at);
  if (running) {
    timeline.plan(at, [['PROCESSING', transitionMs]], fails ? 'FAILED' : 'SUCCESS');
  }
  return { id: randomUUID(), serverId: server.id, serverName: server.name, serverType: server.serverType, cloudServerId: server.cloudServerId, timeline };
}

function jobStatus(job: DevServerJobRecord, now: number): DevServerJobStatus {
  return job.tasks.some((task) => task.timeline.status(now) === 'PROCESSING') ? 'PROCESSING' : 'FINISHED';
}

function updatedAt(job: DevServerJobRecord, now: number): number {
  return Math.max(job.createAt, ...job.tasks.map((task) => Math.min(now, task.timeline.current(now).at)));
}

const time = (ms: number): string => new Date(ms).toISOString();

/** DevServerJobListResponse. */
function jobSummary(job: DevServerJobRecord, now: number, status: DevServerJobStatus = jobStatus(job, now)): Record<string, unknown> {
  return {
    id: job.id,
    name: job.name,
    user_name: job.userName,
    ...(job.description ? { description: job.description } : {}),
    type: job.type,
    status,
    abnormal_count: job.tasks.filter((task) => task.timeline.status(now) === 'FAILED').length,
    create_at: time(job.createAt),
    update_at: time(updatedAt(job, now)),
  };
}

function taskView(task: DevServerTaskRecord, now: number): Record<string, unknown> {
  const current = task.timeline.current(now);
  return {
    id: task.id,
    server_id: task.serverId,
    server_name: task.serverName,
    status: current.status,
    cloud_server: { id: task.cloudServerId, type: task.serverType },
    message: TASK_MESSAGES[current.status],
    create_at: time(task.timeline.history(now)[0]?.at ?? current.at),
    update_at: time(Math.min(now, current.at)),
  };
}

/** The create and show answers (CreateDevServerJobResponse / GetDevServerJobResponse). */
function jobDetails(job: DevServerJobRecord, now: number): Record<string, unknown> {
  return {
    ...jobSummary(job, now),
    template_id: job.templateId,
    items: job.items.map((item) => ({ type: item.type, spec: { ...item.spec } })),
    tasks: job.tasks.map((task) => taskView(task, now)),
  };
}

function requireJob(request: ApiRequest, id: string): DevServerJobRecord {
  const job = requestProject(request).devServerJobs.get(id);
  if (!job) {
    throw notFound('Lite Server job', id);
  }
  return job;
}

/** `?id&name(substring)&type&status&visible`; every job is visible here (the SDK does not say what hides one). */
function listJobs(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const name = query.get('name')?.toLowerCase();
  const visible = query.get('visible');
  if (visible !== null) {
    oneOf(visible, ['true', 'false'], 'visible');
  }
  const jobs = [...requestProject(request).devServerJobs.values()].filter(
    (job) =>
      (query.get('id') === null || job.id === query.get('id')) &&
      (!name || job.name.toLowerCase().includes(name)) &&
      (query.get('type') === null || job.type === query.get('type')) &&
      (query.get('status') === null || jobStatus(job, now) === query.get('status')) &&
      visible !== 'false',
  );
  return ok(wholePage(jobs.map((job) => jobSummary(job, now))));
}

/** Each item `{type, spec?}`; a spec value for a template parameter with a `regex` must match it (emulator rule). */
function parseItems(body: Record<string, unknown>, params: readonly { readonly name: string; readonly regex?: string }[]): DevServerJobRecord['items'] {
  if (!Array.isArray(body.items) || body.items.length === 0) {
    throw invalidParameter('items', 'must be a non-empty array of {type, spec}');
  }
  return body.items.map((item: unknown, index) => {
    const path = `items[${index}]`;
    if (!isRecord(item)) {
      throw invalidParameter(path, 'must be an object');
    }
    const type = requiredString(item, 'type', `${path}.type`);
    if (!LITE_NAME.test(type)) {
      throw invalidParameter(`${path}.type`, 'must be 1-64 letters, digits, "-", "_" or "."');
    }
    const spec = isRecord(item.spec) ? (item.spec as Record<string, string>) : {};
    for (const param of params) {
      const value = spec[param.name];
      if (value !== undefined && param.regex !== undefined && !new RegExp(param.regex).test(value)) {
        throw invalidParameter(`${path}.spec.${param.name}`, `does not match ${param.regex}`);
      }
    }
    return { type, spec: { ...spec } };
  });
}

function parseServers(project: ProjectState, ids: unknown, now: number): DevServerRecord[] {
  if (!Array.isArray(ids) || ids.length === 0) {
    throw invalidParameter('server_ids', 'must be a non-empty array of Lite Server ids');
  }
  return [...new Set(ids as string[])].map((id) => {
    const server = liveDevServer(project, id, now);
    if (!server) {
      throw notFound('Lite Server', id);
    }
    return server;
  });
}

/** DevServerJobCreateRequest `{name, description?, server_ids, type, is_reboot?, items}`; `type` names a template's type. */
function createJob(request: ApiRequest): ApiResponse {
  const project = requestProject(request);
  const body = bodyObject(request);
  const { now } = request;
  const name = validLiteName(body.name, 'name');
  const description = optionalString(body, 'description', '') || undefined;
  if (description !== undefined && !LITE_NAME.test(description)) {
    throw invalidParameter('description', 'must be 1-64 letters, digits, "-", "_" or "."');
  }
  const type = requiredString(body, 'type');
  const template = templateOfType(type);
  if (!template) {
    throw invalidParameter('type', `no job template has the type ${type}`);
  }
  const items = parseItems(body, template.params);
  const servers = parseServers(project, body.server_ids, now);
  const fails = name.toLowerCase().includes('fail');
  const job: DevServerJobRecord = {
    id: randomUUID(),
    name,
    description,
    type,
    templateId: template.id,
    userName: request.account.domainName,
    items,
    tasks: servers.map((server) => newTask(server, now, project.transitionMs, fails)),
    createAt: now,
  };
  project.devServerJobs.set(job.id, job);
  return ok(jobDetails(job, now));
}

/**
 * `DELETE …/jobs {job_ids:[…]}` → the deleted jobs (DELETED) in the list envelope. Emulator choice: all or
 * nothing, an unknown id fails the request (ModelArts.6404) and deletes none.
 */
function deleteJobs(request: ApiRequest): ApiResponse {
  const ids = bodyObject(request).job_ids;
  if (!Array.isArray(ids) || ids.length === 0) {
    throw invalidParameter('job_ids', 'must be a non-empty array of Lite Server job ids');
  }
  const deleted = [...new Set(ids as string[])].map((id) => requireJob(request, id));
  deleted.forEach((job) => requestProject(request).devServerJobs.delete(job.id));
  return ok(wholePage(deleted.map((job) => jobSummary(job, request.now, 'DELETED'))));
}
