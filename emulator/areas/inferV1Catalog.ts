/**
 * The deployment specifications of v1 real-time services
 * (`GET /v1/{project_id}/services/specifications`, §3.4). The names follow the
 * reference's example (`modelarts.vm.cpu.2u`); the rest of the list, and memory
 * in MB, are illustrative.
 */
import { type ApiRequest, type ApiResponse, ok } from '../http';
import { v1Page } from './inferV1Lists';

export interface ServiceSpecification {
  readonly specification: string;
  readonly category: 'CPU' | 'GPU' | 'ASCEND';
  readonly arch: 'x86' | 'arm';
  readonly cpu: number;
  /** MB. */
  readonly memory: number;
  readonly gpu?: { readonly brand: string; readonly version: string; readonly count: number; readonly memoryGb: number };
  readonly npu?: { readonly version: string; readonly count: number; readonly memoryGb: number };
  readonly free?: boolean;
}

export const SERVICE_SPECIFICATIONS: readonly ServiceSpecification[] = [
  { specification: 'modelarts.vm.cpu.free', category: 'CPU', arch: 'x86', cpu: 1, memory: 4096, free: true },
  { specification: 'modelarts.vm.cpu.2u', category: 'CPU', arch: 'x86', cpu: 2, memory: 8192 },
  { specification: 'modelarts.vm.cpu.8u', category: 'CPU', arch: 'x86', cpu: 8, memory: 32768 },
  { specification: 'modelarts.vm.gpu.t4', category: 'GPU', arch: 'x86', cpu: 8, memory: 32768, gpu: { brand: 'NVIDIA', version: 'T4', count: 1, memoryGb: 16 } },
  { specification: 'modelarts.vm.gpu.v100', category: 'GPU', arch: 'x86', cpu: 8, memory: 65536, gpu: { brand: 'NVIDIA', version: 'V100', count: 1, memoryGb: 32 } },
  { specification: 'modelarts.vm.ascend.a310', category: 'ASCEND', arch: 'arm', cpu: 8, memory: 32768, npu: { version: 'Ascend 310', count: 1, memoryGb: 8 } },
];

function display(spec: ServiceSpecification): string {
  const memory = `${spec.memory / 1024} GiB`;
  const accelerator = spec.gpu ? ` | ${spec.gpu.count}*${spec.gpu.brand} ${spec.gpu.version}(${spec.gpu.memoryGb} GiB)` : spec.npu ? ` | ${spec.npu.count}*${spec.npu.version}(${spec.npu.memoryGb} GiB)` : '';
  return `${spec.category}: ${spec.cpu} vCPUs ${memory}${accelerator}${spec.free ? ' (free)' : ''}`;
}

function specificationView(spec: ServiceSpecification): Record<string, unknown> {
  return {
    specification: spec.specification,
    is_open: true,
    spec_status: 'normal',
    billing_spec: spec.specification,
    category: spec.category,
    cpu_info: { arch: spec.arch, cpu: spec.cpu },
    memory_info: { unit: 'MB', memory: spec.memory },
    ...(spec.gpu ? { gpu_info: { brand: spec.gpu.brand, version: spec.gpu.version, unit: 'GB', memory: spec.gpu.memoryGb, gpu: spec.gpu.count } } : {}),
    ...(spec.npu ? { npu_info: { version: spec.npu.version, unit: 'GB', memory: spec.npu.memoryGb, npu: spec.npu.count } } : {}),
    source_type: '',
    is_free: spec.free === true,
    over_quota: false,
    extend_params: {},
    display_en: display(spec),
    display_cn: display(spec).replace('vCPUs', '核'),
  };
}

/**
 * `?is_personal_cluster&infer_type&offset&limit`. Dedicated-pool specifications are not emulated
 * (`is_personal_cluster=true` lists none); every public one serves real-time and batch services.
 * Paged as the other v1 lists.
 */
export function listSpecifications(request: ApiRequest): ApiResponse {
  const { query } = request;
  const dedicated = query.get('is_personal_cluster') === 'true';
  const inferType = query.get('infer_type');
  const matching = dedicated || (inferType !== null && inferType !== 'real-time' && inferType !== 'batch') ? [] : SERVICE_SPECIFICATIONS;
  const specifications = v1Page(matching, query).map(specificationView);
  return ok({ total_count: matching.length, count: specifications.length, specifications });
}
