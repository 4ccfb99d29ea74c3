/**
 * What Lite Servers are built from (§7.1): flavors and images, read-only. The
 * field names are the documented ones; flavor names, specifications, SKU codes,
 * stock counts and image names are illustrative.
 */
import { type ApiRequest, type ApiResponse, type Handler, invalidParameter, ok, requestProject } from '../http';
import type { Router } from '../router';
import { oneOf } from '../validate';
import { type Arch, notFound, seededUuid, type ServerType } from './devServerModel';
import { wholePage } from './devServerView';

export interface DevServerFlavor {
  readonly flavor: string;
  readonly serverType: ServerType;
  readonly arch: Arch;
  readonly flavorType: 'GPU' | 'NPU' | 'CPU';
  readonly specification: string;
  readonly roceNum: number;
  /** Illustrative stock (`count`). */
  readonly count: number;
  readonly soldOut: boolean;
  /** HPS only: how many servers a hyperinstance created with this flavor has (illustrative). */
  readonly hpsServers?: number;
}

export const DEV_SERVER_FLAVORS: readonly DevServerFlavor[] = [
  { flavor: 'physical.kat2ne.48xlarge.8.313t', serverType: 'BMS', arch: 'ARM', flavorType: 'NPU', specification: '8*Ascend Snt9b | 192vCPUs | 1536GiB', roceNum: 8, count: 12, soldOut: false },
  { flavor: 'physical.pi-a800.32xlarge.8', serverType: 'BMS', arch: 'X86', flavorType: 'GPU', specification: '8*A800-80G | 128vCPUs | 2048GiB', roceNum: 4, count: 6, soldOut: false },
  { flavor: 'physical.pi-h800.32xlarge.8', serverType: 'BMS', arch: 'X86', flavorType: 'GPU', specification: '8*H800-80G | 128vCPUs | 2048GiB', roceNum: 8, count: 0, soldOut: true },
  { flavor: 'p2s.2xlarge.8', serverType: 'ECS', arch: 'X86', flavorType: 'GPU', specification: '1*V100-32G | 8vCPUs | 64GiB', roceNum: 0, count: 40, soldOut: false },
  { flavor: 'c7.4xlarge.2', serverType: 'ECS', arch: 'X86', flavorType: 'CPU', specification: '16vCPUs | 32GiB', roceNum: 0, count: 200, soldOut: false },
  { flavor: 'kc2.4xlarge.4', serverType: 'ECS', arch: 'ARM', flavorType: 'CPU', specification: '16vCPUs | 64GiB', roceNum: 0, count: 120, soldOut: false },
  {
    flavor: 'physical.kat2ne.hps.48xlarge.8',
    serverType: 'HPS',
    arch: 'ARM',
    flavorType: 'NPU',
    specification: '4 servers * (8*Ascend Snt9c | 192vCPUs | 1536GiB)',
    roceNum: 8,
    count: 2,
    soldOut: false,
    hpsServers: 4,
  },
];

export interface DevServerImage {
  readonly id: string;
  readonly name: string;
  readonly arch: Arch;
  readonly serverType: ServerType;
  readonly status: 'ACTIVE' | 'INACTIVE';
}

const image = (name: string, arch: Arch, serverType: ServerType, status: 'ACTIVE' | 'INACTIVE' = 'ACTIVE'): DevServerImage => ({
  id: seededUuid(`dev-server-image:${name}`),
  name,
  arch,
  serverType,
  status,
});

export const DEV_SERVER_IMAGES: readonly DevServerImage[] = [
  image('EulerOS-2.10-Arm-CANN-8.0-BMS', 'ARM', 'BMS'),
  image('Ubuntu-22.04-x86-CUDA-12.2-BMS', 'X86', 'BMS'),
  image('Ubuntu-18.04-x86-CUDA-10.2-BMS', 'X86', 'BMS', 'INACTIVE'),
  image('Ubuntu-22.04-x86-CUDA-12.2-ECS', 'X86', 'ECS'),
  image('HCE-2.0-Arm-ECS', 'ARM', 'ECS'),
  image('EulerOS-2.10-Arm-CANN-8.0-HPS', 'ARM', 'HPS'),
];

export function devServerFlavor(name: string): DevServerFlavor | undefined {
  return DEV_SERVER_FLAVORS.find((flavor) => flavor.flavor === name);
}

export function devServerImage(id: string): DevServerImage | undefined {
  return DEV_SERVER_IMAGES.find((candidate) => candidate.id === id);
}

export function imageView(candidate: DevServerImage): Record<string, unknown> {
  return { image_id: candidate.id, name: candidate.name, arch: candidate.arch, server_type: candidate.serverType, status: candidate.status };
}

function flavorView(flavor: DevServerFlavor, region: string): Record<string, unknown> {
  return {
    flavor: flavor.flavor,
    arch: flavor.arch,
    server_type: flavor.serverType,
    // Illustrative: every flavor here is sold both pay-per-use and prepaid.
    charging_mode: 'COMMON',
    availability_zone: `${region}a`,
    count: flavor.count,
    flavor_type: flavor.flavorType,
    roce_num: flavor.roceNum,
    sku_code: `modelarts.lite.${flavor.flavor}`,
    specification: flavor.specification,
    // Illustrative value: the reference lists the field, not its values.
    status: 'normal',
    is_sold_out: flavor.soldOut,
  };
}

export function registerDevServerCatalog(router: Router<Handler>, base: string): void {
  router
    .add('GET', `${base}/flavors`, listFlavors)
    .add('GET', `${base}/images`, listImages)
    .add('GET', `${base}/images/{id}`, (request) => {
      const found = devServerImage(request.params.id);
      if (!found) {
        throw notFound('Lite Server image', request.params.id);
      }
      return ok(imageView(found));
    });
}

function listFlavors(request: ApiRequest): ApiResponse {
  const { query } = request;
  const serverType = query.get('server_type');
  const arch = query.get('arch');
  const chargingMode = query.get('charging_mode');
  if (serverType !== null) {
    oneOf(serverType, ['BMS', 'ECS', 'HPS'], 'server_type');
  }
  if (arch !== null) {
    oneOf(arch, ['X86', 'ARM'], 'arch');
  }
  if (chargingMode !== null) {
    oneOf(chargingMode, ['POST_PAID', 'PRE_PAID', 'COMMON'], 'charging_mode');
  }
  const region = requestProject(request).region;
  const flavors = DEV_SERVER_FLAVORS.filter((flavor) => (serverType === null || flavor.serverType === serverType) && (arch === null || flavor.arch === arch));
  return ok(wholePage(flavors.map((flavor) => flavorView(flavor, region))));
}

function listImages(request: ApiRequest): ApiResponse {
  const serverType = request.query.get('server_type');
  if (serverType !== null) {
    oneOf(serverType, ['BMS', 'ECS', 'HPS'], 'server_type');
  }
  const flavorName = request.query.get('flavor_name');
  const flavor = flavorName === null ? undefined : devServerFlavor(flavorName);
  if (flavorName !== null && !flavor) {
    throw invalidParameter('flavor_name', `unknown flavor ${flavorName}`);
  }
  const images = DEV_SERVER_IMAGES.filter(
    (candidate) =>
      (serverType === null || candidate.serverType === serverType) && (!flavor || (candidate.serverType === flavor.serverType && candidate.arch === flavor.arch)),
  );
  return ok(wholePage(images.map(imageView)));
}
