/**
 * Workspaces (§6.1): list, show, create, update, delete. Workspace "0" ("default")
 * always exists and cannot be deleted or renamed. A deleted workspace is DELETING
 * for one transition, then gone (list, show and the quota routes drop it lazily).
 * Quotas live in `managementQuotas.ts`.
 */
import { randomBytes } from 'node:crypto';
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, isRecord, modelArtsError, ok, queryInt, requestProject } from '../http';
import type { Router } from '../router';
import { DEFAULT_WORKSPACE_ID, type ProjectState, type WorkspaceGrant, type WorkspaceRecord } from '../state';
import { oneOf, optionalString, requiredString } from '../validate';
import { userIdOf } from './devServerModel';
import { workspaceServicesV1 } from './inferV1Model';
import { workspaceServicesV2 } from './inferV2Model';
import { livePools } from './poolModel';

const BASE = '/v1/{project_id}/workspaces';
/** §6.1: 4–64 characters; the SDK's field text allows Chinese characters, letters, digits, "-" and "_". */
const WORKSPACE_NAME = /^[\p{Script=Han}A-Za-z0-9_-]{4,64}$/u;
const AUTH_TYPES = ['PUBLIC', 'PRIVATE', 'INTERNAL'] as const;
/** The SDK's grant `user_type`: IAM users (the default), federated users and agencies. */
const GRANT_USER_TYPES = ['IAM', 'FEDERATE', 'AGENCY'] as const;
/** The SDK's field text: 0–256 characters. */
const MAX_DESCRIPTION = 256;

export type WorkspaceStatus = 'NORMAL' | 'DELETING';

export function registerWorkspaces(router: Router<Handler>): void {
  router
    .add('GET', BASE, listWorkspaces)
    .add('POST', BASE, createWorkspace)
    .add('GET', `${BASE}/{workspace_id}`, (request) => {
      const workspace = existingWorkspace(requestProject(request), request.params.workspace_id, request.now);
      return ok({ ...workspaceView(workspace, requestProject(request), request.now), grants: (workspace.grants ?? []).map((grant) => ({ ...grant, user_type: grant.user_type ?? 'IAM' })) });
    })
    .add('PUT', `${BASE}/{workspace_id}`, updateWorkspace)
    .add('DELETE', `${BASE}/{workspace_id}`, deleteWorkspace);
}

/** NORMAL, DELETING (one transition after the DELETE), or undefined once the deletion has completed. */
export function workspaceStatus(workspace: WorkspaceRecord, project: ProjectState, now: number): WorkspaceStatus | undefined {
  if (workspace.deletingSince === undefined) {
    return 'NORMAL';
  }
  return now < workspace.deletingSince + project.transitionMs ? 'DELETING' : undefined;
}

/** Live workspaces (DELETING included); drops completed deletions and their quota changes. */
export function liveWorkspaces(project: ProjectState, now: number): WorkspaceRecord[] {
  for (const workspace of [...project.workspaces.values()]) {
    if (!workspaceStatus(workspace, project, now)) {
      project.workspaces.delete(workspace.id);
      project.workspaceQuotas.delete(workspace.id);
    }
  }
  return [...project.workspaces.values()];
}

/** The workspace (even DELETING), or 400 ModelArts.7005 (§6.1 not-found). */
export function existingWorkspace(project: ProjectState, workspaceId: string, now: number): WorkspaceRecord {
  const workspace = liveWorkspaces(project, now).find((w) => w.id === workspaceId);
  if (!workspace) {
    throw modelArtsError(400, 'ModelArts.7005', `Workspace ${workspaceId} does not exist.`);
  }
  return workspace;
}

/**
 * The workspace (even DELETING), or 400 ModelArts.7005 (§6.1 not-found) — used to validate `workspace_id`
 * elsewhere, so listing a DELETING workspace's notebooks still works.
 */
export function requireWorkspace(project: ProjectState, workspaceId: string, now = project.now()): WorkspaceRecord {
  return existingWorkspace(project, workspaceId, now);
}

/** A workspace that can change: not DELETING (400 ModelArts.7004, §6.1 "abnormal workspace"). */
export function changeableWorkspace(project: ProjectState, workspaceId: string, now: number): WorkspaceRecord {
  const workspace = existingWorkspace(project, workspaceId, now);
  if (workspace.deletingSince !== undefined) {
    throw modelArtsError(400, 'ModelArts.7004', `Workspace ${workspaceId} is being deleted.`);
  }
  return workspace;
}

/**
 * A list item (the SDK's WorkspaceResponse). Show adds `grants` with each user's type (ViewWorkspaceResponseGrants),
 * create adds them without it (CreateWorkspaceResponseBodyGrants); the list has none.
 */
function workspaceView(workspace: WorkspaceRecord, project: ProjectState, now: number): Record<string, unknown> {
  const enterpriseProjectId = workspace.enterpriseProjectId ?? '0';
  return {
    id: workspace.id,
    name: workspace.name,
    description: workspace.description,
    owner: workspace.owner,
    auth_type: workspace.authType,
    enterprise_project_id: enterpriseProjectId,
    // Illustrative: only the default enterprise project has a known name here.
    enterprise_project_name: enterpriseProjectId === '0' ? 'default' : '',
    create_time: workspace.createTime,
    update_time: workspace.updateTime ?? workspace.createTime,
    status: workspaceStatus(workspace, project, now) ?? 'DELETING',
    status_info: '',
  };
}

function listWorkspaces(request: ApiRequest): ApiResponse {
  const { query, now } = request;
  const project = requestProject(request);
  // §6.1: offset is a page index here, not a record offset.
  const page = queryInt(query, 'offset', 0);
  const limit = queryInt(query, 'limit', 1000, 1, 1000);
  const sortBy = query.get('sort_by') ?? 'name';
  const sortKeys: Record<string, (w: WorkspaceRecord) => string | number> = {
    name: (w) => w.name,
    update_time: (w) => w.updateTime ?? w.createTime,
    status: (w) => workspaceStatus(w, project, now) ?? 'DELETING',
  };
  const sortKey = sortKeys[sortBy];
  if (!sortKey) {
    throw invalidParameter('sort_by', 'must be one of name, update_time, status');
  }
  const order = (query.get('order') ?? 'desc').toLowerCase();
  if (order !== 'asc' && order !== 'desc') {
    throw invalidParameter('order', 'must be asc or desc');
  }
  const nameFilter = query.get('name')?.toLowerCase();
  const enterpriseProject = query.get('enterprise_project_id');
  const matching = liveWorkspaces(project, now)
    .filter((w) => !nameFilter || w.name.toLowerCase().includes(nameFilter))
    .filter((w) => !enterpriseProject || (w.enterpriseProjectId ?? '0') === enterpriseProject)
    .sort((a, b) => {
      const ka = sortKey(a);
      const kb = sortKey(b);
      const cmp = ka < kb ? -1 : ka > kb ? 1 : 0;
      return order === 'asc' ? cmp : -cmp;
    });
  const workspaces = matching.slice(page * limit, (page + 1) * limit).map((w) => workspaceView(w, project, now));
  // total_count = all matches, count = this page (the reference does not spell out count).
  return ok({ total_count: matching.length, count: workspaces.length, workspaces });
}

function validWorkspaceName(project: ProjectState, name: string, now: number, self?: WorkspaceRecord): string {
  if (!WORKSPACE_NAME.test(name)) {
    throw invalidParameter('name', 'must be 4-64 characters: Chinese characters, letters, digits, "-" and "_"');
  }
  if (name.toLowerCase() === 'default') {
    throw invalidParameter('name', '"default" is reserved');
  }
  if (liveWorkspaces(project, now).some((w) => w !== self && w.name === name)) {
    // Illustrative code: the reference gives none for a duplicate workspace name.
    throw modelArtsError(400, 'ModelArts.7001', `Workspace name ${name} already exists.`);
  }
  return name;
}

function description(body: Record<string, unknown>, fallback: string): string {
  const value = optionalString(body, 'description', fallback);
  if (value.length > MAX_DESCRIPTION) {
    throw invalidParameter('description', `must be at most ${MAX_DESCRIPTION} characters`);
  }
  return value;
}

/**
 * `grants[{user_id?, user_name?, user_type?}]`: either id or name is enough, the other is derived (illustrative
 * user names); `user_type` IAM (default), FEDERATE or AGENCY, as the SDK's field text enumerates them.
 */
function parseGrants(value: unknown): WorkspaceGrant[] {
  if (!Array.isArray(value)) {
    throw invalidParameter('grants', 'must be an array');
  }
  return value.map((grant, index) => {
    const entry = isRecord(grant) ? grant : {};
    const userId = optionalString(entry, 'user_id', '', `grants[${index}].user_id`);
    const userName = optionalString(entry, 'user_name', '', `grants[${index}].user_name`);
    if (!userId && !userName) {
      throw invalidParameter(`grants[${index}]`, 'needs user_id or user_name');
    }
    const userType = oneOf(optionalString(entry, 'user_type', 'IAM', `grants[${index}].user_type`), GRANT_USER_TYPES, `grants[${index}].user_type`);
    return { user_id: userId || userIdOf(userName), user_name: userName || `iam-user-${userId.slice(0, 6)}`, user_type: userType };
  });
}

function createWorkspace(request: ApiRequest): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const body = bodyObject(request);
  const name = validWorkspaceName(project, requiredString(body, 'name'), now);
  let id: string;
  do {
    id = randomBytes(16).toString('hex');
  } while (project.workspaces.has(id));
  const workspace: WorkspaceRecord = {
    id,
    name,
    description: description(body, ''),
    owner: request.account.domainName,
    authType: oneOf(optionalString(body, 'auth_type', 'PUBLIC'), AUTH_TYPES, 'auth_type'),
    createTime: now,
    updateTime: now,
    grants: body.grants === undefined || body.grants === null ? [] : parseGrants(body.grants),
    enterpriseProjectId: optionalString(body, 'enterprise_project_id', '0'),
  };
  project.workspaces.set(id, workspace);
  return ok({ ...workspaceView(workspace, project, now), grants: (workspace.grants ?? []).map((grant) => ({ user_id: grant.user_id, user_name: grant.user_name })) });
}

function updateWorkspace(request: ApiRequest): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const workspace = changeableWorkspace(project, request.params.workspace_id, now);
  const body = bodyObject(request);
  const name = optionalString(body, 'name', workspace.name);
  if (name !== workspace.name && workspace.id === DEFAULT_WORKSPACE_ID) {
    // Illustrative code: the default workspace keeps its name.
    throw modelArtsError(400, 'ModelArts.7003', 'The default workspace cannot be renamed or deleted.');
  }
  // Validate everything before changing anything.
  const changes = {
    name: name === workspace.name ? name : validWorkspaceName(project, name, now, workspace),
    description: description(body, workspace.description),
    authType: oneOf(optionalString(body, 'auth_type', workspace.authType), AUTH_TYPES, 'auth_type'),
    grants: body.grants === undefined || body.grants === null ? workspace.grants : parseGrants(body.grants),
  };
  Object.assign(workspace, changes, { updateTime: now });
  return ok({ workspace_id: workspace.id });
}

function deleteWorkspace(request: ApiRequest): ApiResponse {
  const { now } = request;
  const project = requestProject(request);
  const id = request.params.workspace_id;
  if (id === DEFAULT_WORKSPACE_ID) {
    // Illustrative code, as for renaming.
    throw modelArtsError(400, 'ModelArts.7003', 'The default workspace cannot be renamed or deleted.');
  }
  const workspace = changeableWorkspace(project, id, now);
  const holdings: [string, boolean][] = [
    ['notebooks', project.notebooks(now).some((n) => n.workspaceId === id)],
    ['training jobs', project.trainingJobsOldestFirst().some((j) => j.workspaceId === id)],
    ['resource pools', livePools(project, now).some((p) => p.workspaceId === id)],
    ['real-time services', workspaceServicesV1(project, id, now).length > 0],
    ['real-time services (v2)', workspaceServicesV2(project, id, now).length > 0],
  ];
  const held = holdings.filter(([, holds]) => holds).map(([what]) => what);
  if (held.length > 0) {
    // Emulator choice and illustrative code: a workspace must be emptied before it is deleted.
    throw modelArtsError(400, 'ModelArts.7006', `Workspace ${workspace.name} still holds ${held.join(', ')}; delete them first.`);
  }
  workspace.deletingSince = now;
  workspace.updateTime = now;
  return ok({ workspace_id: id });
}
