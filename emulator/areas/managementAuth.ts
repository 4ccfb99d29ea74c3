/**
 * Authorizations (§6.2): `GET/POST/DELETE /v2/{p}/authorizations`, `POST /v2/{p}/agency`; and the
 * account-scoped auth mode (§6.3): `GET/PUT /v1/auth-mode` (no project id: it belongs to the
 * signing account's domain).
 */
import { type ApiRequest, type ApiResponse, bodyObject, type Handler, invalidParameter, modelArtsError, ok, queryInt, requestProject } from '../http';
import type { Router } from '../router';
import type { EmulatorState } from '../state';
import { oneOf, optionalString, requiredString } from '../validate';
import { userIdOf } from './devServerModel';

export type AuthMode = 'strict' | 'loose';
const AUTH_MODES: readonly AuthMode[] = ['strict', 'loose'];
/** (uncertain) The mode of an account that never set one. */
export const DEFAULT_AUTH_MODE: AuthMode = 'strict';

export interface AuthorizationRecord {
  readonly userId: string;
  readonly userName: string;
  readonly userType: 'iam' | 'all-users';
  readonly type: 'agency' | 'credential';
  /** Agency name, or the AK of a `credential` authorization. */
  readonly content: string;
  /** SK of a `credential` authorization: stored, never answered (GET masks it). */
  readonly secretKey?: string;
  readonly createTime: number;
}

const ALL_USERS = 'all';
const IAM_USER_ID = /^[0-9a-f]{32}$/;
/** What the GET shows instead of a stored secret key. */
const MASKED_SECRET = '******';
/** `ma_agency_<suffix>`: at most 50 characters (the SDK's field text); (uncertain) of letters, digits, "-", "_" and ".", as IAM agency names. */
const AGENCY_SUFFIX = /^[A-Za-z0-9_.-]{1,50}$/;
/** The SDK's `user_type` values; the emulator keeps authorizations by user id, so those without one are not emulated. */
const EMULATED_USER_TYPES = ['iam', 'all-users'] as const;

export function registerManagementAuth(router: Router<Handler>, state: EmulatorState): void {
  router
    .add('GET', '/v2/{project_id}/authorizations', listAuthorizations)
    .add('POST', '/v2/{project_id}/authorizations', addAuthorization)
    .add('DELETE', '/v2/{project_id}/authorizations', deleteAuthorizations)
    .add('POST', '/v2/{project_id}/agency', createAgency)
    .add('GET', '/v1/auth-mode', (request) => ok({ domain_id: request.account.domainId, mode: state.authModes.get(request.account.domainId) ?? DEFAULT_AUTH_MODE }))
    .add('PUT', '/v1/auth-mode', (request) => {
      const mode = oneOf(requiredString(bodyObject(request), 'mode'), AUTH_MODES, 'mode');
      state.authModes.set(request.account.domainId, mode);
      return ok({ domain_id: request.account.domainId, mode });
    });
}

/** Illustrative user names: the account's own user and `ops-admin` (the seeded Lite Server owner) are known. */
function userNameOf(request: ApiRequest, userId: string): string {
  for (const name of [request.account.domainName, 'ops-admin']) {
    if (userIdOf(name) === userId) {
      return name;
    }
  }
  return `iam-user-${userId.slice(0, 6)}`;
}

/** `sort_by` user_name (default) | create_time, `order` ASC (default) | DESC, as the SDK's field text says. */
function listAuthorizations(request: ApiRequest): ApiResponse {
  const { query } = request;
  const sortBy = query.get('sort_by') ?? 'user_name';
  if (sortBy !== 'user_name' && sortBy !== 'create_time') {
    throw invalidParameter('sort_by', 'must be user_name or create_time');
  }
  const order = (query.get('order') ?? 'ASC').toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') {
    throw invalidParameter('order', 'must be ASC or DESC');
  }
  const limit = queryInt(query, 'limit', 1000, 1, 1000);
  // §11.3: `offset` is a page index for this family (as for workspaces).
  const page = queryInt(query, 'offset', 0);
  const sorted = [...requestProject(request).authorizations.values()].sort((a, b) => {
    const cmp = sortBy === 'user_name' ? a.userName.localeCompare(b.userName) : a.createTime - b.createTime;
    return (order === 'ASC' ? cmp : -cmp) || a.userId.localeCompare(b.userId);
  });
  const auth = sorted.slice(page * limit, (page + 1) * limit).map((record) => ({
    user_id: record.userId,
    user_name: record.userName,
    user_type: record.userType,
    type: record.type,
    content: record.content,
    // Never echo a stored secret key: credential authorizations show a mask, agency ones have none.
    ...(record.secretKey !== undefined ? { secret_key: MASKED_SECRET } : {}),
    create_time: record.createTime,
  }));
  return ok({ total_count: sorted.length, auth });
}

/**
 * Adds or replaces the user's authorization (one per user id, `all` included). `user_type` is iam (the default) or
 * all-users with `user_id` "all"; federated users, federation groups and agency users are not emulated.
 */
function addAuthorization(request: ApiRequest): ApiResponse {
  const body = bodyObject(request);
  const userId = requiredString(body, 'user_id');
  const userType = oneOf(optionalString(body, 'user_type', userId === ALL_USERS ? 'all-users' : 'iam'), EMULATED_USER_TYPES, 'user_type');
  if ((userType === 'all-users') !== (userId === ALL_USERS)) {
    throw invalidParameter('user_id', 'is "all" exactly when user_type is all-users');
  }
  if (userId !== ALL_USERS && !IAM_USER_ID.test(userId)) {
    throw invalidParameter('user_id', 'must be a 32-character IAM user id or "all"');
  }
  const type = oneOf(requiredString(body, 'type'), ['agency', 'credential'] as const, 'type');
  const content = requiredString(body, 'content');
  let secretKey: string | undefined;
  if (type === 'credential') {
    secretKey = requiredString(body, 'secret_key');
  } else if (optionalString(body, 'secret_key', '') !== '') {
    throw invalidParameter('secret_key', 'is only allowed with type credential');
  }
  requestProject(request).authorizations.set(userId, {
    userId,
    userName: userId === ALL_USERS ? 'all-users' : userNameOf(request, userId),
    userType,
    type,
    content,
    secretKey,
    createTime: request.now,
  });
  return ok({});
}

/** `?user_id=<id>|all`; `all` here removes every authorization (emulator reading of the reference). */
function deleteAuthorizations(request: ApiRequest): ApiResponse {
  const userId = request.query.get('user_id');
  if (!userId) {
    throw invalidParameter('user_id', 'is required');
  }
  const authorizations = requestProject(request).authorizations;
  if (userId === ALL_USERS) {
    authorizations.clear();
    return ok({});
  }
  if (!authorizations.delete(userId)) {
    // Illustrative: the reference gives no code for an unknown user; ModelArts.0104 is an invalid-parameter code.
    throw modelArtsError(400, 'ModelArts.0104', `Invalid parameter user_id: ${userId} has no authorization.`);
  }
  return ok({});
}

/** `{agency_name_suffix?}` → `{agency_name}`: `ma_agency_<suffix>`, or `modelarts_agency` without a suffix. Idempotent. */
function createAgency(request: ApiRequest): ApiResponse {
  const body = request.body === undefined ? {} : bodyObject(request);
  const suffix = optionalString(body, 'agency_name_suffix', '');
  if (suffix !== '' && !AGENCY_SUFFIX.test(suffix)) {
    throw invalidParameter('agency_name_suffix', 'must be 1-50 letters, digits, "-", "_" or "."');
  }
  const agencyName = suffix === '' ? 'modelarts_agency' : `ma_agency_${suffix}`;
  requestProject(request).agencies.add(agencyName);
  return ok({ agency_name: agencyName });
}
