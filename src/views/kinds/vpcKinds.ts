import * as vscode from 'vscode';
import { LocalErrorCode, ModelArtsError } from '../../services/errors';
import { networkStatusCategory } from '../../services/status';
import type { SecurityGroup, SecurityGroupRule, Subnet, Vpc } from '../../services/vpc';
import { fieldTooltip, formatAge, joinParts, parseTimestamp, readableStatus } from '../format';
import type { ListScope, ResourceKind } from '../resourceKind';

/** The VPC a subnet or security group belongs to: the scope's parent (set by the VPC's node in the tree). */
export function vpcOf(scope: ListScope): string {
  if (!scope.parentId) {
    throw new ModelArtsError(LocalErrorCode.invalidInput, 'no VPC was given for a subnet or security group', 'config');
  }
  return scope.parentId;
}

/** The status only when it is not the usual one: a healthy network needs no word for it. */
const unusual = (status: string, usual: string): string | undefined => (status === usual ? undefined : readableStatus(status));

export const subnetKind: ResourceKind<Subnet> = {
  contextValue: 'subnet',
  label: vscode.l10n.t('subnet'),
  groupLabel: vscode.l10n.t('Subnets'),
  groupIcon: 'symbol-interface',
  itemIcon: 'symbol-interface',
  emptyLabel: vscode.l10n.t('No subnets'),
  id: (subnet) => subnet.id,
  name: (subnet) => subnet.name,
  status: (subnet) => subnet.status,
  category: (subnet) => networkStatusCategory(subnet.status),
  capabilities: () => [],
  description: (subnet) => joinParts(subnet.cidr, subnet.availability_zone, unusual(subnet.status, 'ACTIVE')),
  tooltip: (subnet) =>
    fieldTooltip(subnet.name, [
      [vscode.l10n.t('ID'), subnet.id],
      [vscode.l10n.t('Status'), readableStatus(subnet.status)],
      [vscode.l10n.t('CIDR'), subnet.cidr],
      [vscode.l10n.t('Gateway'), subnet.gateway_ip],
      [vscode.l10n.t('Availability zone'), subnet.availability_zone],
      [vscode.l10n.t('DNS'), subnet.primary_dns],
      [vscode.l10n.t('Network ID'), subnet.neutron_network_id],
      [vscode.l10n.t('VPC'), subnet.vpc_id],
    ]),
  listPage: (services, scope, pageToken, signal) => services.vpc.listSubnets(scope.region, vpcOf(scope), pageToken, signal),
  fetch: (services, scope, id, signal) => services.vpc.getSubnet(scope.region, vpcOf(scope), id, signal),
};

/** "in tcp 22 from 0.0.0.0/0", "out all traffic to anywhere". */
function ruleSummary(rule: SecurityGroupRule): string {
  const min = rule.port_range_min ?? undefined;
  const max = rule.port_range_max ?? undefined;
  const ports = min === undefined ? '' : min === max || max === undefined ? ` ${min}` : ` ${min}-${max}`;
  const traffic = rule.protocol ? `${rule.protocol}${ports}` : vscode.l10n.t('all traffic');
  const peer = rule.remote_ip_prefix ?? (rule.remote_group_id ? vscode.l10n.t('group members') : vscode.l10n.t('anywhere'));
  return rule.direction === 'egress' ? vscode.l10n.t('out {0} to {1}', traffic, peer) : vscode.l10n.t('in {0} from {1}', traffic, peer);
}

export const securityGroupKind: ResourceKind<SecurityGroup> = {
  contextValue: 'securityGroup',
  label: vscode.l10n.t('security group'),
  groupLabel: vscode.l10n.t('Security Groups'),
  groupIcon: 'shield',
  itemIcon: 'shield',
  emptyLabel: vscode.l10n.t('No security groups'),
  id: (group) => group.id,
  name: (group) => group.name,
  // Security groups have no status (§8).
  status: () => '',
  category: () => 'running',
  capabilities: () => [],
  description: (group) => {
    const rules = group.security_group_rules?.length ?? 0;
    return joinParts(group.description, rules === 1 ? vscode.l10n.t('1 rule') : vscode.l10n.t('{0} rules', rules));
  },
  tooltip: (group) =>
    fieldTooltip(group.name, [
      [vscode.l10n.t('ID'), group.id],
      [vscode.l10n.t('Description'), group.description],
      ...(group.security_group_rules ?? []).map((rule): [string, string] => [vscode.l10n.t('Rule'), ruleSummary(rule)]),
    ]),
  listPage: (services, scope, pageToken, signal) => services.vpc.listSecurityGroups(scope.region, vpcOf(scope), pageToken, signal),
  fetch: (services, scope, id, signal) => services.vpc.getSecurityGroup(scope.region, vpcOf(scope), id, signal),
};

export const vpcKind: ResourceKind<Vpc> = {
  contextValue: 'vpc',
  label: vscode.l10n.t('VPC'),
  groupLabel: vscode.l10n.t('VPCs'),
  groupIcon: 'cloud',
  itemIcon: 'type-hierarchy',
  emptyLabel: vscode.l10n.t('No VPCs'),
  id: (vpc) => vpc.id,
  name: (vpc) => vpc.name,
  status: (vpc) => vpc.status,
  category: (vpc) => networkStatusCategory(vpc.status),
  capabilities: () => [],
  description: (vpc) => joinParts(vpc.cidr, unusual(vpc.status, 'OK'), formatAge(parseTimestamp(vpc.created_at))),
  tooltip: (vpc) =>
    fieldTooltip(vpc.name, [
      [vscode.l10n.t('ID'), vpc.id],
      [vscode.l10n.t('Status'), readableStatus(vpc.status)],
      [vscode.l10n.t('CIDR'), vpc.cidr],
      [vscode.l10n.t('Description'), vpc.description],
      [vscode.l10n.t('Enterprise project'), vpc.enterprise_project_id],
      [vscode.l10n.t('Created'), vpc.created_at],
    ]),
  listPage: (services, scope, pageToken, signal) => services.vpc.listVpcs(scope.region, pageToken, signal),
  fetch: (services, scope, id, signal) => services.vpc.getVpc(scope.region, id, signal),
  childKinds: [subnetKind, securityGroupKind] as readonly ResourceKind<unknown>[],
};
