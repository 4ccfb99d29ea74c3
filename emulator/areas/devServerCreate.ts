/**
 * `POST /v1/{project_id}/dev-servers` (§7.2) and the login/image checks it
 * shares with change/reinstall OS and hyperinstance scale-up. Servers are
 * CREATING for one transition, then RUNNING (CREATE_FAILED when the name
 * contains "fail"). HPS creates a hyperinstance of the flavor's servers
 * (PROVISIONING → ACTIVE, or ERROR) and answers with its first server.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Timeline } from '../clock';
import { type ApiError, type ApiRequest, type ApiResponse, bodyObject, invalidParameter, ok, requestProject } from '../http';
import type { ProjectState } from '../state';
import { oneOf, optionalInteger, optionalObject, optionalString, requiredObject, requiredString } from '../validate';
import { type DevServerFlavor, devServerFlavor, devServerImage } from './devServerCatalog';
import {
  type Arch,
  type DevServerRecord,
  type DevServerStatus,
  type DevServerVolume,
  type Gone,
  type HyperinstanceRecord,
  type HyperinstanceStatus,
  notFound,
  privateIpFor,
  type ServerType,
} from './devServerModel';
import { serverView } from './devServerView';
import { securityGroupsOf, subnetsOf, vpcsOf } from './vpcSeed';

/** The SDK's pattern for server and key pair names. */
export const LITE_NAME = /^[-_.a-zA-Z0-9]{1,64}$/;
const EVS_TYPES = ['ESSD', 'GPSSD', 'SAS', 'SATA', 'SSD'];

export function validLiteName(value: unknown, path: string): string {
  if (typeof value !== 'string' || !LITE_NAME.test(value)) {
    throw invalidParameter(path, 'must be 1-64 characters: letters, digits, "-", "_" and "."');
  }
  return value;
}

export interface OsRequest {
  readonly imageId?: string;
  readonly keyPairName?: string;
  readonly adminPass?: string;
}

/** `admin_pass` xor `key_pair_name` (ServerOsRequest); `requireLogin` makes one of them mandatory. */
export function parseOsRequest(body: Record<string, unknown>, prefix: string, requireImage: boolean, requireLogin: boolean): OsRequest {
  const path = (key: string): string => `${prefix}${key}`;
  const imageId = requireImage ? requiredString(body, 'image_id', path('image_id')) : optionalString(body, 'image_id', '', path('image_id')) || undefined;
  const adminPass = optionalString(body, 'admin_pass', '', path('admin_pass')) || undefined;
  const keyPairName = body.key_pair_name === undefined || body.key_pair_name === null ? undefined : validLiteName(body.key_pair_name, path('key_pair_name'));
  if (adminPass && keyPairName) {
    throw invalidParameter(path('admin_pass'), 'admin_pass and key_pair_name cannot both be set');
  }
  if (requireLogin && !adminPass && !keyPairName) {
    throw invalidParameter(path('key_pair_name'), 'one of admin_pass and key_pair_name is required');
  }
  if (adminPass !== undefined) {
    checkPassword(adminPass, path('admin_pass'));
  }
  return { imageId, keyPairName, adminPass };
}

/** ServerOsRequest's rule: 8-26 characters with 3 of upper case, lower case, digits and specials. */
function checkPassword(password: string, path: string): void {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[!@%\-_=+[\]{}:,./?]/].filter((pattern) => pattern.test(password)).length;
  if (password.length < 8 || password.length > 26 || classes < 3 || /root|administrator/i.test(password)) {
    throw invalidParameter(path, 'must be 8-26 characters with 3 of: upper case, lower case, digits, special characters, and not contain root or administrator');
  }
}

/** Errors when `os` does not fit a server of this type and architecture (image known, ACTIVE, same arch/type; HPS needs a key pair). */
export function checkOsFits(os: OsRequest, serverType: ServerType, arch: Arch, path = 'image_id'): ApiError | undefined {
  if (os.adminPass && serverType === 'HPS') {
    return invalidParameter('admin_pass', 'HPS servers log in with a key pair only');
  }
  if (os.imageId === undefined) {
    return undefined;
  }
  const found = devServerImage(os.imageId);
  if (!found) {
    return invalidParameter(path, `unknown image ${os.imageId}`);
  }
  if (found.status !== 'ACTIVE' || found.serverType !== serverType || found.arch !== arch) {
    return invalidParameter(path, `image ${found.name} (${found.serverType}, ${found.arch}, ${found.status}) cannot be used on a ${serverType} ${arch} server`);
  }
  return undefined;
}

export function parseFlavor(body: Record<string, unknown>): DevServerFlavor {
  const flavorName = optionalString(body, 'flavor', '') || undefined;
  const resourceFlavor = optionalString(body, 'resource_flavor', '') || undefined;
  if (flavorName && resourceFlavor) {
    throw invalidParameter('flavor', 'flavor and resource_flavor cannot both be set');
  }
  const name = flavorName ?? resourceFlavor;
  if (!name) {
    throw invalidParameter('flavor', 'is required');
  }
  const flavor = devServerFlavor(name);
  if (!flavor) {
    throw invalidParameter(flavorName ? 'flavor' : 'resource_flavor', `unknown flavor ${name}; see GET /v1/{project_id}/dev-servers/flavors`);
  }
  if (flavor.soldOut) {
    // Illustrative: the code for a sold-out flavor is not documented.
    throw invalidParameter('flavor', `flavor ${name} is sold out`);
  }
  return flavor;
}

/** EvsVolume (system disk 100–1024 GB) and ServerDataVolume (100–32768 GB, 1–8 disks; all three fields required). */
export function parseVolume(body: Record<string, unknown>, key: 'root_volume' | 'data_volume'): { size: number; type: string; count: number } | undefined {
  const volume = optionalObject(body, key);
  if (!volume) {
    return undefined;
  }
  if (key === 'root_volume') {
    const type = oneOf(optionalString(volume, 'type', 'GPSSD', `${key}.type`), EVS_TYPES, `${key}.type`);
    return { type, size: optionalInteger(volume, 'size', 100, 1024, `${key}.size`) ?? 100, count: 1 };
  }
  const type = oneOf(requiredString(volume, 'type', `${key}.type`), EVS_TYPES, `${key}.type`);
  const size = optionalInteger(volume, 'size', 100, 32768, `${key}.size`);
  const count = optionalInteger(volume, 'count', 1, 8, `${key}.count`);
  if (size === undefined || count === undefined) {
    throw invalidParameter(size === undefined ? `${key}.size` : `${key}.count`, 'is required');
  }
  return { size, type, count };
}

/** ServerNetwork: the VPC, a subnet of it and a security group of it, all of the project (emulator check). */
function parseNetwork(project: ProjectState, body: Record<string, unknown>): { vpcId: string; subnetId: string } {
  const network = requiredObject(body, 'network');
  const vpcId = requiredString(network, 'vpc_id', 'network.vpc_id');
  const subnetId = requiredString(network, 'subnet_id', 'network.subnet_id');
  const groupId = requiredString(network, 'security_group_id', 'network.security_group_id');
  if (!vpcsOf(project).some((vpc) => vpc.id === vpcId)) {
    throw invalidParameter('network.vpc_id', `${vpcId} is not a VPC of the project`);
  }
  if (!subnetsOf(project).some((subnet) => subnet.id === subnetId && subnet.vpcId === vpcId)) {
    throw invalidParameter('network.subnet_id', `${subnetId} is not a subnet of VPC ${vpcId}`);
  }
  if (!securityGroupsOf(project).some((group) => group.id === groupId && group.vpcId === vpcId)) {
    throw invalidParameter('network.security_group_id', `${groupId} is not a security group of VPC ${vpcId}`);
  }
  return { vpcId, subnetId };
}

/**
 * ChargingInfo: absent is pay-per-use. Its `period_num` (1–11) and `period_type` are required whenever it is
 * sent (the SDK's rule); they mean something for PRE_PAID only.
 */
function parseCharging(body: Record<string, unknown>): 'POST_PAID' | 'PRE_PAID' {
  const charging = optionalObject(body, 'charging_info');
  if (!charging) {
    return 'POST_PAID';
  }
  if (optionalInteger(charging, 'period_num', 1, 11, 'charging_info.period_num') === undefined) {
    throw invalidParameter('charging_info.period_num', 'is required');
  }
  oneOf(requiredString(charging, 'period_type', 'charging_info.period_type'), ['ABSOLUTE', 'DAY', 'HOUR', 'MONTH', 'WEEK', 'YEAR'], 'charging_info.period_type');
  return oneOf(requiredString(charging, 'charging_mode', 'charging_info.charging_mode'), ['POST_PAID', 'PRE_PAID'], 'charging_info.charging_mode');
}

export function newVolumes(root: { size: number; type: string } | undefined, data: { size: number; type: string; count: number } | undefined): DevServerVolume[] {
  const volumes: DevServerVolume[] = [{ evsId: randomUUID(), size: root?.size ?? 100, type: 'ROOT', evsType: root?.type ?? 'GPSSD' }];
  for (let i = 0; data && i < data.count; i++) {
    volumes.push({ evsId: randomUUID(), size: data.size, type: 'DATA', evsType: data.type });
  }
  return volumes;
}

export function createDevServer(request: ApiRequest): ApiResponse {
  const body = bodyObject(request);
  const project = requestProject(request);
  const { now } = request;
  const name = validLiteName(body.name, 'name');
  const flavor = parseFlavor(body);
  const serverType = oneOf(requiredString(body, 'server_type'), ['BMS', 'ECS', 'HPS'], 'server_type');
  const arch = oneOf(requiredString(body, 'arch'), ['X86', 'ARM'], 'arch');
  if (flavor.serverType !== serverType || flavor.arch !== arch) {
    throw invalidParameter('server_type', `flavor ${flavor.flavor} is a ${flavor.serverType} ${flavor.arch} flavor, not ${serverType} ${arch}`);
  }
  const os = parseOsRequest(body, '', true, true);
  const misfit = checkOsFits(os, serverType, arch);
  if (misfit) {
    throw misfit;
  }
  const count = optionalInteger(body, 'count', 1, 10) ?? 1;
  if (serverType === 'HPS' && count !== 1) {
    throw invalidParameter('count', 'HPS servers are created one hyperinstance at a time');
  }
  const hpsClusterId = optionalString(body, 'hps_cluster_id', '') || undefined;
  if (hpsClusterId && serverType !== 'HPS') {
    throw invalidParameter('hps_cluster_id', 'is only allowed for HPS');
  }
  if (hpsClusterId && project.hyperClusters.get(hpsClusterId)?.type !== 'HPS') {
    throw notFound('HPS hyper cluster', hpsClusterId);
  }
  const chargingMode = parseCharging(body);
  const network = parseNetwork(project, body);
  const shared = {
    owner: request.account.domainName,
    flavor: flavor.flavor,
    serverType,
    arch,
    imageId: os.imageId ?? '',
    keyPairName: os.keyPairName,
    chargingMode,
    // Illustrative order id format; prepaid creates answer with one (§7.1).
    orderId: chargingMode === 'PRE_PAID' ? `CS${randomBytes(10).toString('hex').toUpperCase()}` : undefined,
    availabilityZone: optionalString(body, 'availability_zone', `${project.region}a`),
    vpcId: network.vpcId,
    subnetId: network.subnetId,
    rootVolume: parseVolume(body, 'root_volume'),
    dataVolume: parseVolume(body, 'data_volume'),
  };
  const fails = name.toLowerCase().includes('fail');
  const t = project.transitionMs;
  let servers: DevServerRecord[];
  if (serverType === 'HPS') {
    const hyper: HyperinstanceRecord = {
      id: randomUUID(),
      name,
      owner: request.account.domainName,
      hpsId: randomUUID(),
      hpsClusterId,
      orderId: shared.orderId,
      flavor: flavor.flavor,
      createAt: now,
      updateAt: now,
      serverIds: [],
      timeline: new Timeline<HyperinstanceStatus | Gone>('PROVISIONING', now),
    };
    hyper.timeline.plan(now, [['PROVISIONING', t]], fails ? 'ERROR' : 'ACTIVE');
    project.hyperinstances.set(hyper.id, hyper);
    servers = Array.from({ length: flavor.hpsServers ?? 1 }, (_, i) => addServer(project, { ...shared, name: `${name}-${String(i + 1).padStart(4, '0')}`, hyperinstanceId: hyper.id }, now, fails));
    hyper.serverIds.push(...servers.map((server) => server.id));
  } else {
    // Emulator choice: `count` > 1 names the servers `<name>-0001`… (as ECS does) and answers with the first.
    const names = count === 1 ? [name] : Array.from({ length: count }, (_, i) => `${name}-${String(i + 1).padStart(4, '0')}`);
    servers = names.map((serverName) => addServer(project, { ...shared, name: serverName }, now, fails));
  }
  // (uncertain) The reference does not give create's success status; 200 is used.
  return ok(serverView(servers[0], project, now));
}

interface NewServer {
  readonly name: string;
  readonly owner: string;
  readonly flavor: string;
  readonly serverType: ServerType;
  readonly arch: Arch;
  readonly imageId: string;
  readonly keyPairName?: string;
  readonly chargingMode: 'POST_PAID' | 'PRE_PAID';
  readonly orderId?: string;
  readonly availabilityZone: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly rootVolume?: { size: number; type: string };
  readonly dataVolume?: { size: number; type: string; count: number };
  readonly hyperinstanceId?: string;
}

/** A new server, CREATING for one transition, then RUNNING (CREATE_FAILED when `fails`). */
export function addServer(project: ProjectState, spec: NewServer, now: number, fails: boolean): DevServerRecord {
  const id = randomUUID();
  const server: DevServerRecord = {
    id,
    name: spec.name,
    owner: spec.owner,
    flavor: spec.flavor,
    serverType: spec.serverType,
    arch: spec.arch,
    imageId: spec.imageId,
    keyPairName: spec.keyPairName,
    chargingMode: spec.chargingMode,
    orderId: spec.orderId,
    availabilityZone: spec.availabilityZone,
    vpcId: spec.vpcId,
    subnetId: spec.subnetId,
    privateIp: privateIpFor(id),
    cloudServerId: randomUUID(),
    volumes: newVolumes(spec.rootVolume, spec.dataVolume),
    publicIps: [],
    hyperinstanceId: spec.hyperinstanceId,
    createAt: now,
    updateAt: now,
    operations: new Map(),
    timeline: new Timeline<DevServerStatus>('CREATING', now),
  };
  server.timeline.plan(now, [['CREATING', project.transitionMs]], fails ? 'CREATE_FAILED' : 'RUNNING');
  project.devServers.set(id, server);
  return server;
}
