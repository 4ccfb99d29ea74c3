/**
 * What a pool is built from (§5.1): resource flavors, networks, plugin
 * templates and node configuration templates. All read-only here. Field values
 * beyond the documented names (labels, status, template bodies) are illustrative.
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
    accelerator: { resource: 'huawei.com/ascend-1980', type: 'ascend-snt9b', count: 8 },
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

function flavorView(flavor: PoolFlavor, region: string): Record<string, unknown> {
  const xpu = flavor.accelerator ? { type: flavor.accelerator.type, size: String(flavor.accelerator.count) } : undefined;
  return {
    apiVersion: 'v1',
    kind: 'ResourceFlavor',
    metadata: { name: flavor.name, labels: { 'os.modelarts/resource.type': flavor.resourceType, 'os.modelarts/cpu.arch': flavor.cpuArch } },
    spec: {
      type: 'Dedicate',
      cpuArch: flavor.cpuArch,
      cpu: String(flavor.cpu),
      memory: `${flavor.memoryGi}Gi`,
      ...(flavor.resourceType === 'GPU' ? { gpu: xpu } : flavor.resourceType === 'NPU' ? { npu: xpu } : {}),
      dataVolume: [{ volumeType: 'SSD', size: '100Gi' }],
      billingModes: [0, 1],
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
  readonly description: string;
  readonly versions: readonly string[];
  readonly inputs: Readonly<Record<string, unknown>>;
}

export const PLUGIN_TEMPLATES: readonly PluginTemplate[] = [
  { name: 'gpu-driver', description: 'NVIDIA GPU driver for the pool nodes.', versions: ['535.54.03', '470.182.03'], inputs: { updateStrategy: 'idle' } },
  { name: 'npu-driver', description: 'Ascend NPU driver and firmware.', versions: ['24.1.rc2', '23.0.6'], inputs: { updateStrategy: 'idle' } },
  { name: 'volcano', description: 'Volcano batch scheduler.', versions: ['1.11.6', '1.10.2'], inputs: { defaultQueueWeight: 1 } },
  { name: 'log-agent', description: 'Collects container logs to LTS.', versions: ['1.5.3'], inputs: {} },
];

export function pluginTemplate(name: string): PluginTemplate | undefined {
  return PLUGIN_TEMPLATES.find((template) => template.name === name);
}

function pluginTemplateView(template: PluginTemplate): Record<string, unknown> {
  return {
    apiVersion: 'v2',
    kind: 'PluginTemplate',
    metadata: { name: template.name },
    spec: { description: template.description, versions: [...template.versions], defaultVersion: template.versions[0], inputs: { ...template.inputs } },
  };
}

// --- Node configuration templates (the reference gives only the kind; the body is invented). ---

const NODE_CONFIG_TEMPLATES = ['default', 'gpu', 'npu'];

function nodeConfigTemplateView(name: string): Record<string, unknown> {
  const runtime = name === 'npu' ? 'ascend-docker-runtime' : name === 'gpu' ? 'nvidia-container-runtime' : 'runc';
  return {
    apiVersion: 'v1',
    kind: 'NodeConfigTemplate',
    metadata: { name },
    spec: {
      configs: [
        { category: 'containerd', items: [{ key: 'default-runtime', type: 'string', default: runtime }, { key: 'max-concurrent-downloads', type: 'int', default: 3, min: 1, max: 20 }] },
        { category: 'kubelet', items: [{ key: 'max-pods', type: 'int', default: 110, min: 16, max: 256 }, { key: 'kube-reserved-cpu', type: 'quantity', default: '500m' }] },
        { category: 'os', items: [{ key: 'net.core.somaxconn', type: 'int', default: 4096 }, { key: 'vm.max_map_count', type: 'int', default: 262144 }] },
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
    .add('GET', '/v2/{project_id}/pools/{pool_name}/node-config-template', poolHandler((request) => ok(nodeConfigTemplateView(templateForPool(requirePool(request))))));
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

function showPluginTemplate(request: ApiRequest): ApiResponse {
  const template = pluginTemplate(request.params.plugintemplate_name);
  if (!template) {
    throw poolNotFound(`Plugin template ${request.params.plugintemplate_name}`);
  }
  return ok(pluginTemplateView(template));
}

function showNodeConfigTemplate(request: ApiRequest): ApiResponse {
  const name = request.params.nodeconfigtemplate_name;
  if (!NODE_CONFIG_TEMPLATES.includes(name)) {
    throw poolNotFound(`Node config template ${name}`);
  }
  return ok(nodeConfigTemplateView(name));
}
