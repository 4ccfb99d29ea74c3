/** IAM project lookup (§8): `GET /v3/projects?name={region}`, answered for the signing account only. */
import { type AccountRegistry, PROJECT_REGIONS } from '../accounts';
import { type ApiRequest, type ApiResponse, type Handler, ok } from '../http';
import type { Router } from '../router';

export function registerIam(router: Router<Handler>, accounts: AccountRegistry): void {
  router.add('GET', '/v3/projects', (request) => listProjects(request, accounts));
}

function listProjects(request: ApiRequest, accounts: AccountRegistry): ApiResponse {
  const { account, query, baseUrl } = request;
  const name = query.get('name');
  const domainId = query.get('domain_id');
  const regions: readonly string[] = name === null ? PROJECT_REGIONS : [name];
  const refs = domainId !== null && domainId !== account.domainId ? [] : regions.flatMap((region) => accounts.projectOf(account, region) ?? []);
  const projects = refs.map((ref) => ({
    id: ref.projectId,
    name: ref.region,
    domain_id: account.domainId,
    // Keystone: a top-level project's parent is its domain.
    parent_id: account.domainId,
    enabled: true,
    is_domain: false,
    description: '',
    links: { self: `${baseUrl}/v3/projects/${ref.projectId}` },
  }));
  const queryString = query.toString();
  const self = `${baseUrl}/v3/projects${queryString ? `?${queryString}` : ''}`;
  return ok({ projects, links: { self, next: null, previous: null } });
}
