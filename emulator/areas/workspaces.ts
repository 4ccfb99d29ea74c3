/** Workspaces (§6.1): list and show. Workspace "0" ("default") always exists. */
import { type ApiRequest, type ApiResponse, type Handler, invalidParameter, modelArtsError, ok, queryInt, requestProject } from '../http';
import type { Router } from '../router';
import type { ProjectState, WorkspaceRecord } from '../state';

export function registerWorkspaces(router: Router<Handler>): void {
  router.add('GET', '/v1/{project_id}/workspaces', listWorkspaces);
  router.add('GET', '/v1/{project_id}/workspaces/{workspace_id}', (request) =>
    ok({ ...workspaceView(requireWorkspace(requestProject(request), request.params.workspace_id)), grants: [] }),
  );
}

/** The workspace, or 400 ModelArts.7005 (§6.1 not-found) — also used to validate `workspace_id` elsewhere. */
export function requireWorkspace(project: ProjectState, workspaceId: string): WorkspaceRecord {
  const workspace = project.workspaces.get(workspaceId);
  if (!workspace) {
    throw modelArtsError(400, 'ModelArts.7005', `Workspace ${workspaceId} does not exist.`);
  }
  return workspace;
}

function workspaceView(workspace: WorkspaceRecord): Record<string, unknown> {
  return {
    id: workspace.id,
    name: workspace.name,
    description: workspace.description,
    owner: workspace.owner,
    auth_type: workspace.authType,
    enterprise_project_id: '0',
    enterprise_project_name: 'default',
    create_time: workspace.createTime,
    update_time: workspace.createTime,
    status: 'NORMAL',
    status_info: '',
  };
}

const SORT_KEYS: Record<string, (w: WorkspaceRecord) => string | number> = {
  name: (w) => w.name,
  update_time: (w) => w.createTime,
  // Every emulated workspace is NORMAL.
  status: () => 'NORMAL',
};

function listWorkspaces(request: ApiRequest): ApiResponse {
  const { query } = request;
  // §6.1: offset is a page index here, not a record offset.
  const page = queryInt(query, 'offset', 0);
  const limit = queryInt(query, 'limit', 1000, 1, 1000);
  const sortBy = query.get('sort_by') ?? 'name';
  const sortKey = SORT_KEYS[sortBy];
  if (!sortKey) {
    throw invalidParameter('sort_by', 'must be one of name, update_time, status');
  }
  const order = (query.get('order') ?? 'desc').toLowerCase();
  if (order !== 'asc' && order !== 'desc') {
    throw invalidParameter('order', 'must be asc or desc');
  }
  const nameFilter = query.get('name')?.toLowerCase();
  const matching = [...requestProject(request).workspaces.values()]
    .filter((w) => !nameFilter || w.name.toLowerCase().includes(nameFilter))
    .sort((a, b) => {
      const ka = sortKey(a);
      const kb = sortKey(b);
      const cmp = ka < kb ? -1 : ka > kb ? 1 : 0;
      return order === 'asc' ? cmp : -cmp;
    });
  const workspaces = matching.slice(page * limit, (page + 1) * limit).map(workspaceView);
  // total_count = all matches, count = this page (the reference does not spell out count).
  return ok({ total_count: matching.length, count: workspaces.length, workspaces });
}
