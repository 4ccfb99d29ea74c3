/** The workspace form, in its create and edit modes. */
import { type Check, checkArray, checkLiteral, checkObject, checkOneOf, checkString } from '../checks';
import type { FormScope, MessageChecks } from './common';

/** Who may use the workspace: §6.1 `auth_type`. */
export type WorkspaceAccess = 'PUBLIC' | 'PRIVATE' | 'INTERNAL';

/** Who a grant is for (the SDK's grant `user_type`): an IAM user, a federated user or an agency. */
export const WORKSPACE_GRANT_USER_TYPES = ['IAM', 'FEDERATE', 'AGENCY'] as const;
export type WorkspaceGrantUserType = (typeof WORKSPACE_GRANT_USER_TYPES)[number];

/** A user granted an Internal workspace; either field may be empty, not both. */
export interface WorkspaceGrantRow {
  readonly userId: string;
  readonly userName: string;
  readonly userType: WorkspaceGrantUserType;
}

export interface WorkspaceFormValues {
  /** The workspace being edited; empty when creating one. */
  readonly workspaceId: string;
  readonly name: string;
  readonly description: string;
  readonly access: WorkspaceAccess;
  /** Kept while another access is chosen, so choosing Internal again loses nothing; sent for Internal only. */
  readonly grants: readonly WorkspaceGrantRow[];
  /** Empty: the default enterprise project. Set when creating only. */
  readonly enterpriseProjectId: string;
}

export type WorkspaceHostMessage = { readonly type: 'workspaceForm'; readonly scope: FormScope; readonly values: WorkspaceFormValues; readonly editing: boolean };

export type WorkspaceWebviewMessage = { readonly type: 'submitWorkspace'; readonly values: WorkspaceFormValues };

const workspaceFormValues: Check<WorkspaceFormValues> = checkObject({
  workspaceId: checkString,
  name: checkString,
  description: checkString,
  access: checkOneOf(['PUBLIC', 'PRIVATE', 'INTERNAL'] as const),
  grants: checkArray(checkObject({ userId: checkString, userName: checkString, userType: checkOneOf(WORKSPACE_GRANT_USER_TYPES) })),
  enterpriseProjectId: checkString,
});

export const workspaceMessageChecks: MessageChecks<WorkspaceWebviewMessage> = {
  submitWorkspace: checkObject({ type: checkLiteral('submitWorkspace'), values: workspaceFormValues }),
};
