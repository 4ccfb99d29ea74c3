/**
 * The rules of the Create and Edit Workspace form, shared by the browser (live) and
 * the host (again before any request). No `vscode` import: bundled into the browser app.
 */
import { workspaceNameProblem } from '../services/naming';
import type { CreateWorkspaceRequest, Workspace, WorkspaceGrant, WorkspaceUpdate } from '../services/workspaces';
import type { FieldErrors } from './formRules';
import { WORKSPACE_GRANT_USER_TYPES, type WorkspaceAccess, type WorkspaceFormValues, type WorkspaceGrantRow } from './protocol';
import * as l10n from '@vscode/l10n';

/** §6.1 (the SDK's field text): a description has 0 to 256 characters. */
export const WORKSPACE_DESCRIPTION_MAX = 256;
/** IAM user ids are 32 hexadecimal characters (assumed: the reference does not give their format). */
const IAM_USER_ID = /^[0-9a-f]{32}$/i;
/**
 * The reference says only "enterprise project ID", with "0" (the default project) in its example; other ids are
 * assumed to be letters, digits and hyphens (UUIDs in the console).
 */
const ENTERPRISE_PROJECT_ID = /^[A-Za-z0-9-]{1,64}$/;
const ACCESS: readonly WorkspaceAccess[] = ['PUBLIC', 'PRIVATE', 'INTERNAL'];

export function emptyWorkspaceForm(): WorkspaceFormValues {
  return { workspaceId: '', name: '', description: '', access: 'PUBLIC', grants: [], enterpriseProjectId: '' };
}

export function validateWorkspaceForm(values: WorkspaceFormValues): FieldErrors {
  const errors: FieldErrors = {};
  const name = workspaceNameProblem(values.name);
  if (name) {
    errors.name = name;
  }
  if (values.description.length > WORKSPACE_DESCRIPTION_MAX) {
    errors.description = l10n.t('Use at most {0} characters (now {1}).', WORKSPACE_DESCRIPTION_MAX, values.description.length);
  }
  const grants = values.access === 'INTERNAL' ? grantsProblem(values.grants) : undefined;
  if (grants) {
    errors.grants = grants;
  }
  if (values.enterpriseProjectId.trim() && !ENTERPRISE_PROJECT_ID.test(values.enterpriseProjectId.trim())) {
    errors.enterpriseProjectId = l10n.t('Use the id of an enterprise project (letters, digits and hyphens), or leave it empty for the default one.');
  }
  return errors;
}

/** The first problem of the granted users, naming the row (rows count from 1, as the form shows them). */
function grantsProblem(rows: readonly WorkspaceGrantRow[]): string | undefined {
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const userId = row.userId.trim();
    const userName = row.userName.trim();
    if (!userId && !userName) {
      return l10n.t('User {0}: enter a user ID or a user name.', index + 1);
    }
    if (row.userType === 'IAM' && userId && !IAM_USER_ID.test(userId)) {
      return l10n.t('User {0}: an IAM user ID has 32 hexadecimal characters.', index + 1);
    }
    const key = `${row.userType}:${userId ? `id:${userId.toLowerCase()}` : `name:${userName}`}`;
    if (seen.has(key)) {
      return l10n.t('User {0}: {1} is already granted.', index + 1, userId || userName);
    }
    seen.add(key);
  }
  return undefined;
}

/** The form's values for a workspace as it is. */
export function workspaceToFormValues(workspace: Workspace): WorkspaceFormValues {
  return {
    workspaceId: workspace.id,
    name: workspace.name,
    description: workspace.description ?? '',
    access: ACCESS.find((access) => access === workspace.auth_type) ?? 'PUBLIC',
    grants: (workspace.grants ?? []).map((grant) => ({
      userId: grant.user_id ?? '',
      userName: grant.user_name ?? '',
      userType: WORKSPACE_GRANT_USER_TYPES.find((type) => type === grant.user_type) ?? 'IAM',
    })),
    enterpriseProjectId: workspace.enterprise_project_id ?? '',
  };
}

/**
 * The rows as the API takes them: trimmed, each field only when given (§6.1: user_id or user_name); the user type
 * only for federated users and agencies, IAM being the API's default.
 */
function toGrants(rows: readonly WorkspaceGrantRow[]): WorkspaceGrant[] {
  return rows.map((row) => ({
    ...(row.userId.trim() ? { user_id: row.userId.trim() } : {}),
    ...(row.userName.trim() ? { user_name: row.userName.trim() } : {}),
    ...(row.userType !== 'IAM' ? { user_type: row.userType } : {}),
  }));
}

/** The create body of §6.1. Grants take effect for INTERNAL access only (the SDK's field text), so only then are they sent. */
export function toCreateWorkspaceBody(values: WorkspaceFormValues): CreateWorkspaceRequest {
  const enterpriseProjectId = values.enterpriseProjectId.trim();
  return {
    name: values.name,
    description: values.description,
    auth_type: values.access,
    grants: values.access === 'INTERNAL' ? toGrants(values.grants) : [],
    ...(enterpriseProjectId ? { enterprise_project_id: enterpriseProjectId } : {}),
  };
}

/**
 * The PUT body of what the form changed: empty when nothing did. The grants go along
 * when Internal access is chosen anew or its users changed; the enterprise project is
 * not part of an update (§6.1).
 */
export function toWorkspaceUpdate(workspace: Workspace, values: WorkspaceFormValues): WorkspaceUpdate {
  const before = workspaceToFormValues(workspace);
  const grants = toGrants(values.grants);
  const grantsChanged = JSON.stringify(grants) !== JSON.stringify(toGrants(before.grants));
  return {
    ...(values.name !== before.name ? { name: values.name } : {}),
    ...(values.description !== before.description ? { description: values.description } : {}),
    ...(values.access !== before.access ? { auth_type: values.access } : {}),
    ...(values.access === 'INTERNAL' && (values.access !== before.access || grantsChanged) ? { grants } : {}),
  };
}
