/**
 * VPC records (§8). Every project has a default VPC, subnet and security group
 * derived from its id: the VPC and subnet are the seeded Lite Servers' and hyper
 * clusters' (`defaultNetwork`), and the subnet's
 * 192.168.0.0/18 holds their private addresses (`privateIpFor`). The demo seed
 * adds a training and an inference VPC and a second subnet and group in the
 * default one (cn-north-4).
 */
import type { ProjectState } from '../state';
import { defaultNetwork, seededUuid } from './devServerModel';

const DAY = 86_400_000;

export interface VpcRecord {
  readonly id: string;
  readonly name: string;
  readonly cidr: string;
  readonly description: string;
  readonly createdAt: number;
}

export interface SubnetRecord {
  readonly id: string;
  readonly name: string;
  readonly vpcId: string;
  readonly cidr: string;
  readonly gatewayIp: string;
  /** The availability zone letter, appended to the region. */
  readonly zone: string;
  readonly createdAt: number;
}

export interface SecurityGroupRule {
  readonly direction: 'ingress' | 'egress';
  readonly protocol?: string;
  readonly ports?: readonly [number, number];
  readonly remoteIpPrefix?: string;
  /** The rule admits members of its own group. */
  readonly fromOwnGroup?: boolean;
  readonly description: string;
}

export interface SecurityGroupRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly vpcId: string;
  readonly rules: readonly SecurityGroupRule[];
  readonly createdAt: number;
}

/** When the default VPC, subnet and group were created: fixed, like the pool networks (illustrative). */
const DEFAULT_CREATED_AT = Date.UTC(2024, 0, 8);

const EGRESS_ALL: SecurityGroupRule = { direction: 'egress', remoteIpPrefix: '0.0.0.0/0', description: 'All outbound traffic' };

function defaults(project: ProjectState): { vpc: VpcRecord; subnet: SubnetRecord; securityGroup: SecurityGroupRecord } {
  const { vpcId, subnetId } = defaultNetwork(project);
  return {
    vpc: { id: vpcId, name: 'vpc-default', cidr: '192.168.0.0/16', description: 'Default VPC', createdAt: DEFAULT_CREATED_AT },
    subnet: { id: subnetId, name: 'subnet-default', vpcId, cidr: '192.168.0.0/18', gatewayIp: '192.168.0.1', zone: 'a', createdAt: DEFAULT_CREATED_AT },
    securityGroup: {
      id: seededUuid(`security-group:${project.id}`),
      name: 'sg-default',
      description: 'Default security group',
      vpcId,
      rules: [{ direction: 'ingress', fromOwnGroup: true, description: 'Traffic between members' }, EGRESS_ALL],
      createdAt: DEFAULT_CREATED_AT,
    },
  };
}

/** Every VPC of the project, default first, in creation order (the order marker paging follows). */
export function vpcsOf(project: ProjectState): VpcRecord[] {
  return [defaults(project).vpc, ...project.companion.vpcs];
}

export function subnetsOf(project: ProjectState): SubnetRecord[] {
  return [defaults(project).subnet, ...project.companion.subnets];
}

export function securityGroupsOf(project: ProjectState): SecurityGroupRecord[] {
  return [defaults(project).securityGroup, ...project.companion.securityGroups];
}

interface MemberSeeds {
  readonly subnets: readonly { readonly name: string; readonly cidr: string; readonly zone: string }[];
  readonly securityGroups: readonly { readonly name: string; readonly description: string; readonly rules: readonly SecurityGroupRule[] }[];
}

interface VpcSeed extends MemberSeeds {
  readonly name: string;
  readonly cidr: string;
  readonly description: string;
  readonly ageDays: number;
}

/** cn-north-4: more in the default VPC, and two VPCs of its own. */
const CN_NORTH_4_DEFAULT_VPC: MemberSeeds = {
  subnets: [{ name: 'subnet-notebooks', cidr: '192.168.64.0/18', zone: 'b' }],
  securityGroups: [{ name: 'sg-ssh-only', description: 'SSH from anywhere', rules: [{ direction: 'ingress', protocol: 'tcp', ports: [22, 22], remoteIpPrefix: '0.0.0.0/0', description: 'SSH' }, EGRESS_ALL] }],
};

const CN_NORTH_4_VPCS: readonly VpcSeed[] = [
  {
    name: 'vpc-training',
    cidr: '172.16.0.0/16',
    description: 'Distributed training across zones',
    subnets: [
      { name: 'subnet-train-a', cidr: '172.16.0.0/20', zone: 'a' },
      { name: 'subnet-train-b', cidr: '172.16.16.0/20', zone: 'b' },
    ],
    securityGroups: [{ name: 'sg-training', description: 'NCCL and SSH inside the VPC', rules: [{ direction: 'ingress', protocol: 'tcp', ports: [1, 65535], remoteIpPrefix: '172.16.0.0/16', description: 'Inside the VPC' }, EGRESS_ALL] }],
    ageDays: 90,
  },
  {
    name: 'vpc-inference',
    cidr: '10.10.0.0/16',
    description: 'Online inference services',
    subnets: [{ name: 'subnet-infer', cidr: '10.10.0.0/24', zone: 'a' }],
    securityGroups: [{ name: 'sg-inference-https', description: 'HTTPS from anywhere', rules: [{ direction: 'ingress', protocol: 'tcp', ports: [443, 443], remoteIpPrefix: '0.0.0.0/0', description: 'HTTPS' }, EGRESS_ALL] }],
    ageDays: 30,
  },
];

/** `10.10.0.0/24` → `10.10.0.1`. */
function gatewayOf(cidr: string): string {
  const octets = cidr.split('/')[0].split('.');
  return [...octets.slice(0, 3), String(Number(octets[3]) + 1)].join('.');
}

function addMembers(project: ProjectState, vpcId: string, seeds: MemberSeeds, createdAt: number): void {
  const { companion } = project;
  for (const subnet of seeds.subnets) {
    companion.subnets.push({ id: seededUuid(`subnet:${project.id}:${subnet.name}`), name: subnet.name, vpcId, cidr: subnet.cidr, gatewayIp: gatewayOf(subnet.cidr), zone: subnet.zone, createdAt });
  }
  for (const group of seeds.securityGroups) {
    companion.securityGroups.push({ id: seededUuid(`security-group:${project.id}:${group.name}`), vpcId, createdAt, ...group });
  }
}

export function seedVpcs(project: ProjectState, now: number): void {
  if (project.region !== 'cn-north-4') {
    return;
  }
  addMembers(project, defaultNetwork(project).vpcId, CN_NORTH_4_DEFAULT_VPC, DEFAULT_CREATED_AT + DAY);
  for (const seed of CN_NORTH_4_VPCS) {
    const id = seededUuid(`vpc:${project.id}:${seed.name}`);
    const createdAt = now - seed.ageDays * DAY;
    project.companion.vpcs.push({ id, name: seed.name, cidr: seed.cidr, description: seed.description, createdAt });
    addMembers(project, id, seed, createdAt);
  }
}
