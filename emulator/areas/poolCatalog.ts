/**
 * What a pool is built from (§5.1): resource flavors, networks, plugin
 * templates and node configuration templates. All read-only here. Shapes are the
 * SDK's; the values (flavors, versions, template settings) are illustrative.
 */
import { type ApiRequest, type ApiResponse, type Handler, ok, requestProject } from '../http';
import type { Router } from '../router';
import type { ProjectState } from '../state';
import { matchesLabelSelector, rfc3339 } from './poolFields';
import { poolHandler, poolNotFound, type PoolRecord, requirePool, seededHex32 } from './poolModel';
import { continuePage } from './poolPaging';

export interface PoolFlavor {
  readonly name: string;
  readonly resourceType: 'CPU' | 'GPU' | 'NPU';
  readonly cpuArch: 'x86' | 'arm64';
  readonly cpu: number;
  readonly memoryGi: number;
  /** GPU/NPU: the k8s extended resource name, card model and count per node. */
  readonly accelerator?: { readonly resource: string; readonly type: string; readonly count: number };
}

export const POOL_FLAVORS: readonly PoolFlavor[] = [
  { name: 'modelarts.vm.cpu.4ud', resourceType: 'CPU', cpuArch: 'x86', cpu: 4, memoryGi: 16 },
  { name: 'modelarts.vm.cpu.8ud', resourceType: 'CPU', cpuArch: 'x86', cpu: 8, memoryGi: 32 },
  { name: 'modelarts.vm.cpu.16ud', resourceType: 'CPU', cpuArch: 'x86', cpu: 16, memoryGi: 64 },
  { name: 'modelarts.vm.gpu.t4u8', resourceType: 'GPU', cpuArch: 'x86', cpu: 8, memoryGi: 32, accelerator: { resource: 'nvidia.com/gpu', type: 'nvidia-t4', count: 1 } },
  { name: 'modelarts.bm.gpu.8v100', resourceType: 'GPU', cpuArch: 'x86', cpu: 72, memoryGi: 512, accelerator: { resource: 'nvidia.com/gpu', type: 'nvidia-v100-32g', count: 8 } },
  {
    name: 'modelarts.bm.npu.arm.8snt9b3.d',
    resourceType: 'NPU',
    cpuArch: 'arm64',
    cpu: 192,
    memoryGi: 1536,
    accelerator: { resource: 'huawei.com/ascend-snt9', type: 'ascend-snt9b', count: 8 },
  },
];

export function poolFlavor(name: string): PoolFlavor | undefined {
  return POOL_FLAVORS.find((flavor) => flavor.name === name);
}

/** `{cpu, memory, <accelerator>}` as k8s quantities (node `status.resources`). */
export function flavorResources(flavor: PoolFlavor | undefined): Record<string, string> {
  if (!flavor) {
    return {};
  }
  return {
    cpu: String(flavor.cpu),
    memory: `${flavor.memoryGi}Gi`,
    ...(flavor.accelerator ? { [flavor.accelerator.resource]: String(flavor.accelerator.count) } : {}),
  };
}

/** What BSS prices a pool node of `flavor` as (illustrative: the SDK's ResourceFlavorSpec has the field, no source gives its values). */
function poolBillingCode(flavor: PoolFlavor): string {
  return flavor.name.replace(/^modelarts\./, 'modelarts.pool.');
}

/** What every flavor here runs: `os.modelarts/scope`, the SDK's one flavor label, joins the uses with ".". */
const FLAVOR_SCOPE = 'Train.Infer.Notebook';

function flavorView(flavor: PoolFlavor, region: string): Record<string, unknown> {
  const xpu = flavor.accelerator ? { type: flavor.accelerator.type, size: String(flavor.accelerator.count) } : undefined;
  return {
    apiVersion: 'v1',
    kind: 'ResourceFlavor',
    metadata: { name: flavor.name, labels: { 'os.modelarts/scope': FLAVOR_SCOPE } },
    spec: {
      type: 'Dedicate',
      cpuArch: flavor.cpuArch,
      cpu: String(flavor.cpu),
      memory: `${flavor.memoryGi}Gi`,
      ...(flavor.resourceType === 'GPU' ? { gpu: xpu } : flavor.resourceType === 'NPU' ? { npu: xpu } : {}),
      dataVolume: [{ volumeType: 'SSD', size: '100Gi' }],
      billingModes: [0, 1],
      billingCode: poolBillingCode(flavor),
      jobFlavors: flavor.resourceType === 'CPU' ? [`${flavor.name}.job`] : [`${flavor.name}.1`, `${flavor.name}.job`],
    },
    status: { phase: Object.fromEntries(['a', 'b', 'c'].map((az) => [`${region}${az}`, 'normal'])) },
  };
}

// --- Networks: every project has two (derived from its id), so `spec.network.name` always has choices. ---

const NETWORKS = [
  { label: 'network-default', cidr: '192.168.0.0/16' },
  { label: 'network-training', cidr: '172.16.0.0/16' },
];

export function networksOf(project: ProjectState): Record<string, unknown>[] {
  return NETWORKS.map(({ label, cidr }, index) => {
    const id = seededHex32(`network:${project.id}:${label}`);
    return {
      apiVersion: 'v1',
      kind: 'Network',
      metadata: {
        name: `network-${id.slice(28)}-${id}`,
        creationTimestamp: rfc3339(Date.UTC(2024, 0, 10 + index)),
        labels: { 'os.modelarts/name': label, 'os.modelarts/workspace.id': '0' },
      },
      spec: { cidr, connection: {} },
      status: { phase: 'Active' },
    };
  });
}

export function networkNames(project: ProjectState): string[] {
  return networksOf(project).map((network) => (network.metadata as { name: string }).name);
}

// --- Plugin templates. ---

export interface PluginTemplate {
  readonly name: string;
  /** `helm` or `ccePlugin` (the v2 list); the drivers are also read one by one on the v1 path. */
  readonly type: 'helm' | 'ccePlugin';
  readonly driver?: 'gpu-driver' | 'npu-driver';
  readonly description: string;
  /** Newest first. */
  readonly versions: readonly string[];
  readonly inputs: Readonly<Record<string, unknown>>;
}

export const PLUGIN_TEMPLATES: readonly PluginTemplate[] = [
  { name: 'gpu-driver', type: 'helm', driver: 'gpu-driver', description: 'NVIDIA GPU driver for the pool nodes.', versions: ['535.54.03', '470.182.03'], inputs: { updateStrategy: 'idle' } },
  { name: 'npu-driver', type: 'helm', driver: 'npu-driver', description: 'Ascend NPU driver and firmware.', versions: ['24.1.rc2', '23.0.6'], inputs: { updateStrategy: 'idle' } },
  { name: 'volcano', type: 'ccePlugin', description: 'Volcano batch scheduler.', versions: ['1.11.6', '1.10.2'], inputs: { defaultQueueWeight: 1 } },
  { name: 'log-agent', type: 'helm', description: 'Collects container logs to LTS.', versions: ['1.5.3'], inputs: {} },
];

export function pluginTemplate(name: string): PluginTemplate | undefined {
  return PLUGIN_TEMPLATES.find((template) => template.name === name);
}

/** The SDK's PluginTemplateVersionV2; release dates illustrative, a month apart, newest first. */
function versionView(template: PluginTemplate, version: string): Record<string, unknown> {
  const index = template.versions.indexOf(version);
  return {
    version,
    creationTimestamp: rfc3339(Date.UTC(2025, 5 - index, 1)),
    inputs: { ...template.inputs },
    description: index === 0 ? 'Latest release.' : 'Earlier release.',
  };
}

/** PluginTemplateV2 of the v2 list. */
function pluginTemplateView(template: PluginTemplate): Record<string, unknown> {
  return {
    apiVersion: 'v2',
    kind: 'PluginTemplate',
    metadata: { name: template.name },
    spec: { optional: true, type: template.type, description: template.description, versions: template.versions.map((version) => versionView(template, version)) },
  };
}

/** The v1 ShowPluginTemplate (drivers only): versions keyed by version. */
function driverTemplateView(template: PluginTemplate, driver: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'PluginTemplate',
    metadata: { name: template.name },
    spec: { type: driver, description: template.description, versions: Object.fromEntries(template.versions.map((version) => [version, versionView(template, version)])) },
  };
}

// --- Node configuration templates (the SDK gives the shapes; the values are illustrative). ---

const NODE_CONFIG_TEMPLATES = ['default', 'gpu', 'npu'];

/** The v1 NodeConfigTemplate: container disk sizing and the operating systems the nodes may run. */
function nodeConfigTemplateView(name: string): Record<string, unknown> {
  const os = name === 'npu' ? 'EulerOS 2.10' : 'EulerOS 2.9';
  return {
    apiVersion: 'v1',
    kind: 'NodeConfigTemplate',
    metadata: { name },
    spec: {
      dockerBaseSize: 50,
      dockerLvmConfig: { dockerThinPool: 20, kubernetesLV: 10, dockerDiskType: 'evs', lvType: 'linear' },
      osList: [
        { name: os, preferred: true, eos: false, offline: false },
        { name: 'Ubuntu 22.04', preferred: false, eos: false, offline: false },
      ],
    },
  };
}

/** The v2 pool template: one item whose `configs` (any JSON to the SDK) lists the settings and their defaults. */
function poolNodeConfigTemplateView(name: string): Record<string, unknown> {
  const runtime = name === 'npu' ? 'ascend-docker-runtime' : name === 'gpu' ? 'nvidia-container-runtime' : 'runc';
  return {
    apiVersion: 'v2',
    kind: 'NodeConfigTemplate',
    metadata: { name: 'node-config-template' },
    spec: {
      templates: [
        {
          configs: {
            containerd: [{ key: 'default-runtime', type: 'string', default: runtime }, { key: 'max-concurrent-downloads', type: 'int', default: 3, min: 1, max: 20 }],
            kubelet: [{ key: 'max-pods', type: 'int', default: 110, min: 16, max: 256 }, { key: 'kube-reserved-cpu', type: 'quantity', default: '500m' }],
            os: [{ key: 'net.core.somaxconn', type: 'int', default: 4096 }, { key: 'vm.max_map_count', type: 'int', default: 262144 }],
          },
        },
      ],
    },
  };
}

/** The template that fits a pool: by the accelerator of its first node pool. */
function templateForPool(pool: PoolRecord): string {
  const first = [...pool.nodePools.values()][0];
  const type = first && poolFlavor(first.flavor)?.resourceType;
  return type === 'GPU' ? 'gpu' : type === 'NPU' ? 'npu' : 'default';
}

// --- Routes. ---

export function registerPoolCatalog(router: Router<Handler>): void {
  router
    .add('GET', '/v1/{project_id}/resourceflavors', poolHandler(listFlavors))
    .add('GET', '/v1/{project_id}/networks', poolHandler(listNetworks))
    .add('GET', '/v2/{project_id}/plugintemplates', poolHandler(listPluginTemplates))
    .add('GET', '/v1/{project_id}/plugintemplates/{plugintemplate_name}', poolHandler(showPluginTemplate))
    .add('GET', '/v1/{project_id}/nodeconfigtemplates/{nodeconfigtemplate_name}', poolHandler(showNodeConfigTemplate))
    .add('GET', '/v2/{project_id}/pools/{pool_name}/node-config-template', poolHandler((request) => ok(poolNodeConfigTemplateView(templateForPool(requirePool(request))))));
}

function listFlavors(request: ApiRequest): ApiResponse {
  const selector = request.query.get('labelSelector');
  const region = requestProject(request).region;
  const views = POOL_FLAVORS.map((flavor) => flavorView(flavor, region)).filter((view) => matchesLabelSelector((view.metadata as { labels: Record<string, string> }).labels, selector));
  const page = continuePage(views, (view) => views.indexOf(view), request.query, 'resourceflavors');
  return ok({ apiVersion: 'v1', kind: 'ResourceFlavorList', metadata: page.metadata, items: page.items });
}

function listNetworks(request: ApiRequest): ApiResponse {
  const selector = request.query.get('labelSelector');
  const views = networksOf(requestProject(request)).filter((view) => matchesLabelSelector((view.metadata as { labels: Record<string, string> }).labels, selector));
  const page = continuePage(views, (view) => views.indexOf(view), request.query, 'networks');
  return ok({ apiVersion: 'v1', kind: 'NetworkList', metadata: page.metadata, items: page.items });
}

function listPluginTemplates(request: ApiRequest): ApiResponse {
  const name = request.query.get('templateName');
  const poolName = request.query.get('poolName');
  if (poolName) {
    requirePool({ ...request, params: { ...request.params, pool_name: poolName } });
  }
  const items = PLUGIN_TEMPLATES.filter((template) => !name || template.name === name).map(pluginTemplateView);
  return ok({ apiVersion: 'v2', kind: 'PluginTemplateList', items });
}

/** The v1 path serves the driver templates only (the SDK's path parameter: gpu-driver or npu-driver). */
function showPluginTemplate(request: ApiRequest): ApiResponse {
  const template = pluginTemplate(request.params.plugintemplate_name);
  if (!template?.driver) {
    throw poolNotFound(`Plugin template ${request.params.plugintemplate_name}`);
  }
  return ok(driverTemplateView(template, template.driver));
}

function showNodeConfigTemplate(request: ApiRequest): ApiResponse {
  const name = request.params.nodeconfigtemplate_name;
  if (!NODE_CONFIG_TEMPLATES.includes(name)) {
    throw poolNotFound(`Node config template ${name}`);
  }
  return ok(nodeConfigTemplateView(name));
}
