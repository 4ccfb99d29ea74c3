/**
 * Flavors as people say them: "V100 ×1 · 8 vCPU · 64 GB", then the flavor id. Each API lists flavors in its own
 * model (units included: notebook memory in KB, inference memory in MB, pools `32Gi`), so each listing has its reader
 * into one shape, and one formatter writes them all.
 */
import * as vscode from 'vscode';
import type { DevServerFlavor } from '../services/devServers';
import type { ServiceSpecification } from '../services/inferenceV1';
import type { ServiceV2Flavor } from '../services/inferenceV2Objects';
import type { NotebookFlavor } from '../services/notebooks';
import type { ResourceFlavor } from '../services/poolObjects';
import type { HourlyPrice } from '../services/prices';
import type { TrainingFlavor, TrainingJob } from '../services/trainingJobs';

export interface FlavorFacts {
  readonly id: string;
  readonly accelerator?: { readonly type: string; readonly count: number };
  readonly vcpus?: number;
  readonly memoryGb?: number;
  /** What a listing says instead of figures (a Lite Server's specification). */
  readonly summary?: string;
  /** What BSS prices the flavor by; none: not asked. */
  readonly billingCode?: string;
  readonly free?: boolean;
}

const KB_PER_GB = 1024 * 1024;

export function notebookFlavorFacts(flavor: NotebookFlavor): FlavorFacts {
  return {
    id: flavor.id,
    accelerator: accelerator(flavor.gpu?.type, flavor.gpu?.gpu) ?? accelerator(flavor.ascend?.type, flavor.ascend?.npu, 'Ascend'),
    vcpus: flavor.vcpus,
    memoryGb: flavor.memory === undefined ? undefined : flavor.memory / KB_PER_GB,
    // The notebook listing's billing code is its id (the SDK's BillingInfo; Huawei's pricing references say the same).
    billingCode: flavor.billing?.code ?? flavor.id,
    free: flavor.free,
  };
}

export function trainingFlavorFacts(flavor: TrainingFlavor): FlavorFacts {
  const info = flavor.flavor_info;
  const memory = info?.memory;
  return {
    id: flavor.flavor_id,
    accelerator: accelerator(info?.gpu?.product_name, info?.gpu?.unit_num) ?? accelerator(info?.npu?.product_name, Number(info?.npu?.unit_num), 'Ascend'),
    vcpus: info?.cpu?.core_num,
    memoryGb: memory?.size === undefined ? undefined : memory.size / (/^MB?$/i.test(memory.unit ?? 'GB') ? 1024 : 1),
    summary: info ? undefined : flavor.flavor_name,
    billingCode: flavor.billing?.code,
  };
}

/** A training job's flavor as its `flavor_detail` gives it (figures and billing code); undefined for a job on no flavor (a pool's). */
export function trainingJobFlavorFacts(job: TrainingJob): FlavorFacts | undefined {
  const resource = job.spec?.resource;
  if (!resource?.flavor_id) {
    return undefined;
  }
  const detail = resource.flavor_detail;
  const listed = { flavor_id: resource.flavor_id, flavor_name: resource.flavor_name ?? resource.flavor_id, flavor_type: detail?.flavor_type ?? '' };
  return trainingFlavorFacts({ ...listed, billing: detail?.billing, flavor_info: detail?.flavor_info });
}

/** A training job's Flavor row, alike in its hover and details panel: the figures its `flavor_detail` gives, then the id. */
export function trainingJobFlavorText(job: TrainingJob): string | undefined {
  const facts = trainingJobFlavorFacts(job);
  return facts ? flavorWithId(facts) : job.spec?.resource?.flavor_name;
}

export function serviceV2FlavorFacts(flavor: ServiceV2Flavor): FlavorFacts {
  return {
    id: flavor.id,
    accelerator: accelerator(flavor.gpu?.type, flavor.gpu?.gpu) ?? accelerator(flavor.ascend?.type, flavor.ascend?.npu, 'Ascend'),
    vcpus: flavor.vcpus,
    memoryGb: flavor.memory === undefined ? undefined : flavor.memory / 1024,
    billingCode: flavor.billing?.code,
    free: flavor.free,
  };
}

export function poolFlavorFacts(flavor: ResourceFlavor): FlavorFacts {
  const spec = flavor.spec;
  const memory = /^(\d+(?:\.\d+)?)\s*(Gi|G|GB|Mi|M|MB)?$/i.exec(spec?.memory ?? '');
  return {
    id: flavor.metadata.name,
    // A GPU is named by its product, upper-case as the other listings give it (`nvidia-t4` → `T4`).
    accelerator: accelerator(spec?.gpu?.type?.toUpperCase(), Number(spec?.gpu?.size)) ?? accelerator(spec?.npu?.type, Number(spec?.npu?.size), 'Ascend'),
    vcpus: spec?.cpu === undefined ? undefined : Number(spec.cpu),
    memoryGb: memory ? Number(memory[1]) / (/^M/i.test(memory[2] ?? 'G') ? 1024 : 1) : undefined,
    billingCode: spec?.billingCode,
  };
}

/** A v1 service specification: memory in the unit it names (MB as seen), its billing code `billing_spec`. */
export function serviceV1SpecFacts(spec: ServiceSpecification): FlavorFacts {
  const memory = spec.memory_info?.memory;
  return {
    id: spec.specification,
    accelerator: accelerator(spec.gpu_info?.version, spec.gpu_info?.gpu) ?? accelerator(spec.npu_info?.version, spec.npu_info?.npu, 'Ascend'),
    vcpus: spec.cpu_info?.cpu,
    memoryGb: memory === undefined ? undefined : memory / (spec.memory_info?.unit?.toUpperCase() === 'GB' ? 1 : 1024),
    summary: spec.display_en,
    billingCode: spec.billing_spec,
    free: spec.is_free,
  };
}

/**
 * (uncertain) A Lite Server flavor gives its figures only as `specification` text, whose format no source documents;
 * "1*V100-32G | 8vCPUs | 64GiB" is read, text of any other form (an HPS flavor's "4 servers * (…)") is shown as given,
 * never half read.
 */
const DEV_SERVER_SPECIFICATION = /^\s*(?:(\d+)\s*\*\s*([^|()*]+?)\s*\|\s*)?(\d+)\s*vCPUs?\s*\|\s*(\d+(?:\.\d+)?)\s*GiB\s*$/i;

export function devServerFlavorFacts(flavor: DevServerFlavor): FlavorFacts {
  const facts = { id: flavor.flavor, summary: flavor.specification, billingCode: flavor.sku_code };
  const figures = DEV_SERVER_SPECIFICATION.exec(flavor.specification ?? '');
  if (!figures) {
    return facts;
  }
  const [, count, type, vcpus, memoryGb] = figures;
  const family = /ascend|snt|910|310/i.test(type ?? '') ? 'Ascend' : undefined;
  return { ...facts, accelerator: accelerator(type, Number(count), family), vcpus: Number(vcpus), memoryGb: Number(memoryGb) };
}

/** "V100 ×1 · 8 vCPU · 64 GB"; what the listing says when it gives no figures; the id when it says nothing. */
export function flavorSummary(facts: FlavorFacts): string {
  const parts = [
    facts.accelerator && `${facts.accelerator.type} ×${facts.accelerator.count}`,
    facts.vcpus !== undefined && Number.isFinite(facts.vcpus) ? vscode.l10n.t('{0} vCPU', facts.vcpus) : undefined,
    facts.memoryGb !== undefined && Number.isFinite(facts.memoryGb) ? memoryText(facts.memoryGb) : undefined,
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' · ') : (facts.summary?.trim() || facts.id);
}

/** "V100 ×1 · 8 vCPU · 64 GB (modelarts.vm.gpu.v100)": where the id cannot be shown dimmed beside it. */
export function flavorWithId(facts: FlavorFacts): string {
  const summary = flavorSummary(facts);
  return summary === facts.id ? summary : `${summary} (${facts.id})`;
}

/** "CN¥28.00/h", "free", or "price unknown": never a figure BSS did not give. */
export function hourlyPriceText(facts: FlavorFacts, price: HourlyPrice | undefined): string {
  if (facts.free) {
    return vscode.l10n.t('free');
  }
  return price ? hourlyAmountText(price) : vscode.l10n.t('price unknown');
}

/** "CN¥28.00/h". */
export function hourlyAmountText(price: HourlyPrice): string {
  let amount: string;
  try {
    amount = new Intl.NumberFormat(vscode.env.language, { style: 'currency', currency: price.currency, maximumFractionDigits: 4 }).format(price.amount);
  } catch {
    // A currency code Intl does not know: the figure and the code as BSS gave them.
    amount = `${price.amount} ${price.currency}`;
  }
  return vscode.l10n.t('{0}/h', amount);
}

/** A picker's flavors, each id once: two listings (or pages) may name the same flavor. */
export function uniqueFlavors<T>(flavors: readonly T[], idOf: (flavor: T) => string): T[] {
  const seen = new Set<string>();
  return flavors.filter((flavor) => {
    const id = idOf(flavor);
    if (seen.has(id)) {
      return false;
    }
    seen.add(id);
    return true;
  });
}

/** `NVIDIA-V100` → `V100`, `snt9b` on an NPU → `Ascend snt9b`. */
function accelerator(type: string | undefined, count: number | undefined, family?: string): FlavorFacts['accelerator'] {
  if (!type || count === undefined || !Number.isFinite(count) || count <= 0) {
    return undefined;
  }
  const name = type.replace(/^NVIDIA[-\s]*/i, '').replace(/-/g, ' ');
  if (!family) {
    return { type: name, count };
  }
  // The family as written here, whatever case the listing gives it in (`ascend-snt9b` → `Ascend snt9b`).
  const bare = name.toLowerCase().startsWith(family.toLowerCase()) ? name.slice(family.length).trim() : name;
  return { type: bare ? `${family} ${bare}` : family, count };
}

function memoryText(gb: number): string {
  return gb < 1 ? vscode.l10n.t('{0} MB', Math.round(gb * 1024)) : vscode.l10n.t('{0} GB', Math.round(gb * 10) / 10);
}
