import { LocalErrorCode, ModelArtsError } from './errors';
import { type Page, recordOffsetPage, tokenToNumber } from './paging';
import { expectArray } from './responses';
import type { SignedClient } from './signedClient';

/** A maintenance event the platform schedules on a node or server (§6.4). */
export interface ScheduledEvent {
  readonly id: string;
  readonly type: string;
  readonly state: string;
  readonly catalog?: string;
  readonly description?: string;
  readonly instanceType?: string;
  readonly instanceId?: string;
  readonly nodeName?: string;
  readonly poolName?: string;
  readonly publishTime?: string;
  readonly notBefore?: string;
}

/** Who may use ModelArts on the account's behalf, and how (§6.2). */
export interface Authorization {
  readonly user_id: string;
  readonly user_name?: string;
  readonly user_type?: string;
  readonly type: string;
  readonly content?: string;
  readonly create_time?: number;
}

export type AuthMode = 'strict' | 'loose';

export const EVENT_PAGE_SIZE = 100;

/** The authorization `user_id` that stands for every IAM user of the account. */
export const ALL_USERS = 'all';

/** What the SDK's field text allows: `all`, or a user id of 3 to 32 letters, digits and hyphens. */
export function authorizationUserProblem(userId: string): string | undefined {
  return userId === ALL_USERS || /^[A-Za-z0-9-]{3,32}$/.test(userId) ? undefined : 'an IAM user id (3 to 32 letters, digits and hyphens), or "all"';
}

/** The agency name of an agency authorization: at most 64 characters (the SDK's field text). */
export function agencyNameProblem(name: string): string | undefined {
  return name.length >= 1 && name.length <= 64 ? undefined : 'an agency name of 1 to 64 characters';
}

/** Account-wide management: scheduled events, authorizations and the authorization mode (§6.2–§6.4). */
export class ManagementService {
  constructor(private readonly client: SignedClient) {}

  async listScheduledEvents(region: string, pageToken?: string, signal?: AbortSignal): Promise<Page<ScheduledEvent>> {
    const offset = tokenToNumber(pageToken);
    const response = await this.client.request<{ events?: ScheduledEvent[]; count?: number }>({
      service: 'modelarts',
      region,
      method: 'GET',
      path: '/v1/{project_id}/scheduled-events',
      query: { offset, limit: EVENT_PAGE_SIZE },
      signal,
    });
    const events = expectArray(response.events, 'scheduled event list');
    return recordOffsetPage(events, offset, response.count ?? offset + events.length);
  }

  /** Lets a maintenance event waiting for authorization go ahead (now, unless `notBefore` is given). */
  async acceptScheduledEvent(region: string, id: string, signal?: AbortSignal): Promise<void> {
    await this.client.request({ service: 'modelarts', region, method: 'POST', path: '/v1/{project_id}/scheduled-events/{id}/accept', pathParams: { id }, body: {}, signal });
  }

  async listAuthorizations(region: string, signal?: AbortSignal): Promise<Authorization[]> {
    const response = await this.client.request<{ auth?: Authorization[] }>({ service: 'modelarts', region, method: 'GET', path: '/v2/{project_id}/authorizations', query: { limit: 1000 }, signal });
    return expectArray(response.auth, 'authorization list');
  }

  /**
   * Authorizes an IAM user, or every user with `all`, through an agency (the recommended type; `credential` would
   * send an AK/SK, which this product never does). The user type is the SDK's: iam, or all-users for `all`.
   */
  async addAgencyAuthorization(region: string, userId: string, agencyName: string, signal?: AbortSignal): Promise<void> {
    const body = { user_id: userId, user_type: userId === ALL_USERS ? 'all-users' : 'iam', type: 'agency', content: agencyName };
    await this.client.request({ service: 'modelarts', region, method: 'POST', path: '/v2/{project_id}/authorizations', body, signal });
  }

  async deleteAuthorization(region: string, userId: string, signal?: AbortSignal): Promise<void> {
    await this.client.request({ service: 'modelarts', region, method: 'DELETE', path: '/v2/{project_id}/authorizations', query: { user_id: userId }, signal });
  }

  /** Account-scoped: the path has no project id (§6.3). */
  async authMode(region: string, signal?: AbortSignal): Promise<AuthMode> {
    const response = await this.client.request<{ mode?: string }>({ service: 'modelarts', region, method: 'GET', path: '/v1/auth-mode', signal });
    if (response.mode !== 'strict' && response.mode !== 'loose') {
      throw new ModelArtsError(LocalErrorCode.malformed, 'the authorization mode in the response is neither strict nor loose', 'malformed');
    }
    return response.mode;
  }

  async setAuthMode(region: string, mode: AuthMode, signal?: AbortSignal): Promise<void> {
    await this.client.request({ service: 'modelarts', region, method: 'PUT', path: '/v1/auth-mode', body: { mode }, signal });
  }
}
