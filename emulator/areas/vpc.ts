/**
 * VPC v1 (§8), read-only: `GET /v1/{project_id}/vpcs`, `/subnets` and
 * `/security-groups`, paged by `limit` + `marker` (the id of the last item of
 * the previous page). `limit` is 1–2000, default 2000 (assumed: the reference
 * gives no bounds). Errors are illustrative (the reference gives no VPC codes):
 * 400 `VPC.0101` for a bad `limit` or an unknown `marker`.
 */
import { type ApiRequest, type ApiResponse, type Handler, modelArtsError, ok, requestProject } from '../http';
import type { Router } from '../router';
import type { ProjectState } from '../state';
import { seededUuid } from './devServerModel';
import { markerPage, type MarkerRules } from './markerPaging';
import { rfc3339 } from './poolFields';
import { type SecurityGroupRecord, securityGroupsOf, type SubnetRecord, subnetsOf, type VpcRecord, vpcsOf } from './vpcSeed';

const PAGING: MarkerRules = { defaultLimit: 2000, maxLimit: 2000, invalid: (message) => modelArtsError(400, 'VPC.0101', message) };
/** Every emulated resource is in the default enterprise project. */
const ENTERPRISE_PROJECT = '0';
/** Illustrative: the region's internal DNS servers. */
const DNS = ['100.125.1.250', '100.125.21.250'];

export function registerVpc(router: Router<Handler>): void {
  router
    .add('GET', '/v1/{project_id}/vpcs', listed('vpcs', (project, query) => vpcsOf(project).filter((vpc) => matches(query, 'id', vpc.id) && inEnterpriseProject(query)), vpcView))
    .add('GET', '/v1/{project_id}/subnets', listed('subnets', (project, query) => subnetsOf(project).filter((subnet) => matches(query, 'vpc_id', subnet.vpcId)), subnetView))
    .add(
      'GET',
      '/v1/{project_id}/security-groups',
      listed('security_groups', (project, query) => securityGroupsOf(project).filter((group) => matches(query, 'vpc_id', group.vpcId) && inEnterpriseProject(query)), securityGroupView),
    );
}

function matches(query: URLSearchParams, name: string, value: string): boolean {
  const wanted = query.get(name);
  return wanted === null || wanted === '' || wanted === value;
}

function inEnterpriseProject(query: URLSearchParams): boolean {
  const wanted = query.get('enterprise_project_id');
  return wanted === null || wanted === 'all_granted_eps' || wanted === ENTERPRISE_PROJECT;
}

/** A marker-paged list answered as `{<key>: [...]}`. */
function listed<R extends { readonly id: string }>(key: string, records: (project: ProjectState, query: URLSearchParams) => R[], view: (record: R, project: ProjectState) => unknown): Handler {
  return (request: ApiRequest): ApiResponse => {
    const project = requestProject(request);
    const page = markerPage(records(project, request.query), (record) => record.id, request.query, PAGING);
    return ok({ [key]: page.items.map((record) => view(record, project)) });
  };
}

/** The project and times VPCs and subnets carry (never updated here). */
function ownedSince(record: { readonly createdAt: number }, project: ProjectState): Record<string, string> {
  return { tenant_id: project.id, created_at: rfc3339(record.createdAt), updated_at: rfc3339(record.createdAt) };
}

function vpcView(vpc: VpcRecord, project: ProjectState): Record<string, unknown> {
  return {
    id: vpc.id,
    name: vpc.name,
    cidr: vpc.cidr,
    description: vpc.description,
    status: 'OK',
    routes: [],
    enterprise_project_id: ENTERPRISE_PROJECT,
    ...ownedSince(vpc, project),
  };
}

function subnetView(subnet: SubnetRecord, project: ProjectState): Record<string, unknown> {
  return {
    id: subnet.id,
    name: subnet.name,
    description: '',
    cidr: subnet.cidr,
    gateway_ip: subnet.gatewayIp,
    vpc_id: subnet.vpcId,
    availability_zone: `${project.region}${subnet.zone}`,
    status: 'ACTIVE',
    neutron_network_id: seededUuid(`${subnet.id}:network`),
    neutron_subnet_id: seededUuid(`${subnet.id}:subnet`),
    primary_dns: DNS[0],
    secondary_dns: DNS[1],
    dnsList: DNS,
    dhcp_enable: true,
    ipv6_enable: false,
    cidr_v6: '',
    gateway_ip_v6: '',
    ...ownedSince(subnet, project),
  };
}

function securityGroupView(group: SecurityGroupRecord, project: ProjectState): Record<string, unknown> {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    vpc_id: group.vpcId,
    enterprise_project_id: ENTERPRISE_PROJECT,
    security_group_rules: group.rules.map((rule, index) => ({
      id: seededUuid(`${group.id}:rule:${index}`),
      description: rule.description,
      security_group_id: group.id,
      direction: rule.direction,
      ethertype: 'IPv4',
      protocol: rule.protocol ?? null,
      port_range_min: rule.ports?.[0] ?? null,
      port_range_max: rule.ports?.[1] ?? null,
      remote_ip_prefix: rule.remoteIpPrefix ?? null,
      remote_group_id: rule.fromOwnGroup ? group.id : null,
      tenant_id: project.id,
    })),
  };
}
