import * as l10n from '@vscode/l10n';
import { LocalErrorCode, ModelArtsError } from './errors';
import { workspaceNameProblem } from './naming';
import { expectArray } from './responses';
import type { SignedClient } from './signedClient';

/** Where a listing happens: a region and a workspace ("0" is the default workspace). */
export interface WorkspaceScope {
  readonly region: string;
  readonly workspaceId: string;
}

export const DEFAULT_WORKSPACE_ID = '0';

/**
 * Who may use a workspace (§6.1 `auth_type`; the SDK's field text): PUBLIC everyone in the account, PRIVATE only
 * its creator and the account's main user, INTERNAL those two and the IAM users in `grants`.
 */
export type WorkspaceAuthType = 'PUBLIC' | 'PRIVATE' | 'INTERNAL';

/**
 * A user granted an INTERNAL workspace: the API needs the id or the name, and prefers the id when both are given.
 * `user_type` (the SDK's field text) is IAM by default, and required for a federated user or an agency.
 */
export interface WorkspaceGrant {
  readonly user_id?: string;
  readonly user_name?: string;
  readonly user_type?: 'IAM' | 'FEDERATE' | 'AGENCY';
}

/** The fields of the workspace object (API reference §6.1) the product uses. */
export interface Workspace {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly status?: string;
  readonly owner?: string;
  readonly auth_type?: string;
  /** Returned by show (and create); the list has none (the SDK's WorkspaceResponse). */
  readonly grants?: readonly WorkspaceGrant[];
  readonly enterprise_project_id?: string;
}

interface WorkspaceListResponse {
  readonly workspaces?: Workspace[];
}

export class WorkspaceService {
  constructor(private readonly client: SignedClient) {}

  /** The default workspace, then every other workspace of the region. A region has few, so one page of 1000 holds them. */
  async list(region: string, signal?: AbortSignal): Promise<Workspace[]> {
    const response = await this.client.request<WorkspaceListResponse>({
      service: 'modelarts',
      region,
      method: 'GET',
      path: '/v1/{project_id}/workspaces',
      query: { offset: 0, limit: 1000, sort_by: 'name', order: 'asc' },
      signal,
    });
    const listed = expectArray(response.workspaces, 'workspace list');
    const others = listed.filter((workspace) => workspace.id !== DEFAULT_WORKSPACE_ID);
    // The default workspace always exists, even where the list leaves it out.
    const defaultWorkspace = listed.find((workspace) => workspace.id === DEFAULT_WORKSPACE_ID) ?? { id: DEFAULT_WORKSPACE_ID, name: 'default' };
    return [defaultWorkspace, ...others];
  }

  get(region: string, id: string, signal?: AbortSignal): Promise<Workspace> {
    return this.client.request<Workspace>({ service: 'modelarts', region, method: 'GET', path: '/v1/{project_id}/workspaces/{id}', pathParams: { id }, signal });
  }

  async create(region: string, request: CreateWorkspaceRequest, signal?: AbortSignal): Promise<Workspace> {
    checkName(request.name);
    return this.client.request<Workspace>({ service: 'modelarts', region, method: 'POST', path: '/v1/{project_id}/workspaces', body: request, signal });
  }

  /** Sends only the fields given; the answer is the workspace's id alone (§6.1). */
  async update(region: string, id: string, changes: WorkspaceUpdate, signal?: AbortSignal): Promise<void> {
    if (changes.name !== undefined) {
      checkName(changes.name);
    }
    await this.client.request({ service: 'modelarts', region, method: 'PUT', path: '/v1/{project_id}/workspaces/{id}', pathParams: { id }, body: changes, signal });
  }

  /** Deletion is asynchronous: the workspace shows DELETING until it is gone (§6.1). */
  async delete(region: string, id: string, signal?: AbortSignal): Promise<void> {
    await this.client.request({ service: 'modelarts', region, method: 'DELETE', path: '/v1/{project_id}/workspaces/{id}', pathParams: { id }, signal });
  }

  async quotas(region: string, id: string, signal?: AbortSignal): Promise<WorkspaceQuota[]> {
    const response = await this.client.request<{ quotas?: WorkspaceQuota[] }>({ service: 'modelarts', region, method: 'GET', path: '/v1/{project_id}/workspaces/{id}/quotas', pathParams: { id }, signal });
    return expectArray(response.quotas, 'quota list');
  }

  /** Sets one quota; -1 means unlimited (§6.1). */
  async setQuota(region: string, id: string, resource: string, quota: number, signal?: AbortSignal): Promise<void> {
    await this.client.request({ service: 'modelarts', region, method: 'PUT', path: '/v1/{project_id}/workspaces/{id}/quotas', pathParams: { id }, body: { quotas: [{ resource, quota }] }, signal });
  }
}

export interface WorkspaceQuota {
  readonly resource: string;
  readonly quota: number;
  /** Null for unlimited quotas. */
  readonly used_quota?: number | null;
  readonly min_quota?: number;
  readonly max_quota?: number;
  readonly name_en?: string;
  readonly unit_en?: string;
}

/** The PUT body of §6.1: every field optional. */
export interface WorkspaceUpdate {
  readonly name?: string;
  readonly description?: string;
  readonly auth_type?: WorkspaceAuthType;
  readonly grants?: readonly WorkspaceGrant[];
}

/** The POST body of §6.1; without `enterprise_project_id` the workspace is in the default enterprise project ("0"). */
export interface CreateWorkspaceRequest {
  readonly name: string;
  readonly description: string;
  readonly auth_type: WorkspaceAuthType;
  readonly grants: readonly WorkspaceGrant[];
  readonly enterprise_project_id?: string;
}

/** A name the API would refuse is refused before any request. */
function checkName(name: string): void {
  const problem = workspaceNameProblem(name);
  if (problem) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, l10n.t('workspace name "{0}": {1}', name, problem), 'config');
  }
}
