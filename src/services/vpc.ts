import { collectPages, markerPage, type Page, PICKER_LIMIT } from './paging';
import { expectArray, findListed } from './responses';
import type { QueryValue, SignedClient } from './signedClient';

/** The fields of a VPC (§8) the product uses; status is CREATING or OK. */
export interface Vpc {
  readonly id: string;
  readonly name: string;
  readonly cidr?: string;
  readonly description?: string;
  readonly status: string;
  readonly enterprise_project_id?: string;
  readonly created_at?: string;
}

/** Status is ACTIVE, UNKNOWN or ERROR. */
export interface Subnet {
  readonly id: string;
  readonly name: string;
  readonly vpc_id: string;
  readonly cidr?: string;
  readonly gateway_ip?: string;
  readonly availability_zone?: string;
  readonly status: string;
  readonly primary_dns?: string;
  readonly neutron_network_id?: string;
  readonly neutron_subnet_id?: string;
  readonly created_at?: string;
}

export interface SecurityGroupRule {
  readonly direction?: string;
  readonly protocol?: string | null;
  readonly port_range_min?: number | null;
  readonly port_range_max?: number | null;
  readonly remote_ip_prefix?: string | null;
  readonly remote_group_id?: string | null;
}

export interface SecurityGroup {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly vpc_id?: string;
  readonly security_group_rules?: readonly SecurityGroupRule[];
}

export const VPC_PAGE_SIZE = 50;

/**
 * VPCs, subnets and security groups (§8), read-only. Lists page by `marker`, the id of the last item
 * of the page before; the API names no next marker, so a full page means there may be more.
 */
export class VpcService {
  constructor(private readonly client: SignedClient) {}

  listVpcs(region: string, pageToken?: string, signal?: AbortSignal): Promise<Page<Vpc>> {
    return this.listPage<Vpc>(region, 'vpcs', 'vpcs', {}, pageToken, signal);
  }

  /** The list's `id` filter reads one VPC (the reference names no single-VPC read). */
  async getVpc(region: string, id: string, signal?: AbortSignal): Promise<Vpc> {
    const { items } = await this.listPage<Vpc>(region, 'vpcs', 'vpcs', { id }, undefined, signal);
    return findListed(items, (vpc) => vpc.id === id, `VPC ${id}`);
  }

  listSubnets(region: string, vpcId: string, pageToken?: string, signal?: AbortSignal): Promise<Page<Subnet>> {
    return this.listPage<Subnet>(region, 'subnets', 'subnets', { vpc_id: vpcId }, pageToken, signal);
  }

  /** Found among its VPC's subnets: the reference names no single-subnet read. */
  async getSubnet(region: string, vpcId: string, id: string, signal?: AbortSignal): Promise<Subnet> {
    return findListed(await this.listAllSubnets(region, vpcId, signal), (subnet) => subnet.id === id, `subnet ${id}`);
  }

  listSecurityGroups(region: string, vpcId: string, pageToken?: string, signal?: AbortSignal): Promise<Page<SecurityGroup>> {
    return this.listPage<SecurityGroup>(region, 'security-groups', 'security_groups', { vpc_id: vpcId }, pageToken, signal);
  }

  async getSecurityGroup(region: string, vpcId: string, id: string, signal?: AbortSignal): Promise<SecurityGroup> {
    return findListed(await this.listAllSecurityGroups(region, vpcId, signal), (group) => group.id === id, `security group ${id}`);
  }

  /** For pickers and dropdowns: up to PICKER_LIMIT of each. */
  listAllVpcs(region: string, signal?: AbortSignal): Promise<Vpc[]> {
    return collectPages((token, pageSignal) => this.listVpcs(region, token, pageSignal), PICKER_LIMIT, signal);
  }

  listAllSubnets(region: string, vpcId: string, signal?: AbortSignal): Promise<Subnet[]> {
    return collectPages((token, pageSignal) => this.listSubnets(region, vpcId, token, pageSignal), PICKER_LIMIT, signal);
  }

  listAllSecurityGroups(region: string, vpcId: string, signal?: AbortSignal): Promise<SecurityGroup[]> {
    return collectPages((token, pageSignal) => this.listSecurityGroups(region, vpcId, token, pageSignal), PICKER_LIMIT, signal);
  }

  private async listPage<T extends { readonly id: string }>(
    region: string,
    resource: string,
    field: string,
    query: Record<string, QueryValue>,
    pageToken: string | undefined,
    signal?: AbortSignal,
  ): Promise<Page<T>> {
    const response = await this.client.request<Record<string, T[] | undefined>>({
      service: 'vpc',
      region,
      method: 'GET',
      path: `/v1/{project_id}/${resource}`,
      query: { ...query, limit: VPC_PAGE_SIZE, marker: pageToken },
      signal,
    });
    const items = expectArray(response[field], `${resource} list`);
    return markerPage(items, items.length === VPC_PAGE_SIZE ? items[items.length - 1].id : undefined);
  }
}
