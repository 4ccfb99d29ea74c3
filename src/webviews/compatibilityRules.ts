/**
 * Whether an image or engine suits the flavor chosen: its processor architecture (x86, Arm) and
 * accelerator (CUDA GPU, Ascend NPU), as the listings say. Where a listing says nothing, nothing is
 * flagged. A mismatch is a warning at the image's or engine's field, which the user may override.
 * No `vscode` import: bundled into the browser apps too.
 */
import type { FieldErrors } from './formRules';
import type { Accelerator, Arch, EngineChoice, FlavorChoice, ImageChoice, NotebookFormValues, TrainingFlavorChoice, TrainingJobFormValues } from './protocol';
import * as l10n from '@vscode/l10n';

/** What a flavor has; a field the listing left out is absent. */
export interface Hardware {
  readonly arch?: Arch;
  readonly accelerator?: Accelerator;
}

/** What an image or engine runs on; a field the listing left out is absent. */
export interface Software {
  readonly arch?: Arch;
  readonly accelerators?: readonly Accelerator[];
}

/** "x86_64", "X86_64", "x86", "amd64" (notebooks, training flavors' `cpu.arch`, image tags) or the Arm spellings. */
export function archOf(text: string | undefined): Arch | undefined {
  const value = text?.toLowerCase();
  return value === 'x86_64' || value === 'x86' || value === 'amd64' ? 'x86' : value === 'aarch64' || value === 'arm' || value === 'arm64' ? 'arm' : undefined;
}

/** A flavor's or image's category: "CPU", "GPU", "ASCEND" (notebooks) or "Ascend" (training). */
export function acceleratorOf(category: string | undefined): Accelerator | undefined {
  const value = category?.toUpperCase();
  return value === 'CPU' || value === 'GPU' || value === 'ASCEND' ? value : undefined;
}

/**
 * What an engine version or image path says of itself in its name and tag, e.g.
 * "pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64" or "mindspore_2.2.0-cann_7.0.0-…-aarch64":
 * CUDA images run on GPU (and CPU) flavors, CANN images on Ascend ones. A name saying neither says nothing.
 */
export function softwareNamed(name: string): Software {
  const words = name.toLowerCase().split(/[^a-z0-9]+/);
  const has = (pattern: RegExp): boolean => words.some((word) => pattern.test(word));
  const cuda = has(/^(cuda|cudnn)\d*$/);
  const cann = has(/^cann\d*$/);
  const accelerators: Accelerator[] | undefined = cuda === cann ? undefined : cuda ? ['CPU', 'GPU'] : ['ASCEND'];
  // "x86_64" splits into "x86" and "64".
  const arch = has(/^(x86|amd64)$/) ? 'x86' : has(/^(aarch64|arm64)$/) ? 'arm' : undefined;
  return { ...(arch ? { arch } : {}), ...(accelerators ? { accelerators } : {}) };
}

const ARCH_NAMES: Readonly<Record<Arch, string>> = { x86: 'x86', arm: 'Arm' };
const ACCELERATOR_NAMES: Readonly<Record<Accelerator, string>> = { CPU: 'CPU', GPU: 'GPU (CUDA)', ASCEND: 'Ascend NPU' };

/** Why `software` (an "image" or "engine") does not suit the flavor, or undefined when it does or the listings do not say. */
export function mismatch(what: 'image' | 'engine', software: Software, hardware: Hardware): string | undefined {
  const problems: string[] = [];
  if (software.accelerators && software.accelerators.length > 0 && hardware.accelerator && !software.accelerators.includes(hardware.accelerator)) {
    const builtFor = software.accelerators.map((accelerator) => ACCELERATOR_NAMES[accelerator]).join(l10n.t(' or '));
    problems.push(l10n.t('is built for {0}, and the flavor is {1}', builtFor, ACCELERATOR_NAMES[hardware.accelerator]));
  }
  if (software.arch && hardware.arch && software.arch !== hardware.arch) {
    problems.push(l10n.t('is built for {0}, and the flavor is {1}', ARCH_NAMES[software.arch], ARCH_NAMES[hardware.arch]));
  }
  if (problems.length === 0) {
    return undefined;
  }
  const reasons = problems.join(l10n.t('; it '));
  return what === 'image'
    ? l10n.t('This image {0}. It will likely fail to start: choose another image or flavor.', reasons)
    : l10n.t('This engine {0}. It will likely fail to start: choose another engine or flavor.', reasons);
}

/** The notebook form's warning at the image, keyed by field. */
export function notebookMismatches(values: NotebookFormValues, options: { readonly flavors: readonly FlavorChoice[]; readonly images: readonly ImageChoice[] } | undefined): FieldErrors {
  const flavor = options?.flavors.find((candidate) => candidate.id === values.flavorId);
  const image = options?.images.find((candidate) => candidate.id === values.imageId);
  if (!flavor || !image) {
    return {};
  }
  const accelerators = image.categories.map(acceleratorOf).filter((accelerator) => accelerator !== undefined);
  const warning = mismatch('image', { arch: image.arch, accelerators }, { arch: flavor.arch, accelerator: acceleratorOf(flavor.category) });
  return warning ? { imageId: warning } : {};
}

/** The training job form's warning at the engine or the custom image, keyed by field. */
export function trainingJobMismatches(
  values: TrainingJobFormValues,
  options: { readonly flavors: readonly TrainingFlavorChoice[]; readonly engines: readonly EngineChoice[] } | undefined,
): FieldErrors {
  const flavor = options?.flavors.find((candidate) => candidate.id === values.flavorId);
  if (!flavor) {
    return {};
  }
  const hardware = { arch: flavor.arch, accelerator: acceleratorOf(flavor.category) };
  if (values.source === 'image') {
    const warning = values.imageUrl.trim() ? mismatch('image', softwareNamed(values.imageUrl), hardware) : undefined;
    return warning ? { imageUrl: warning } : {};
  }
  const engine = options?.engines.find((candidate) => candidate.id === values.engineId);
  const warning = engine ? mismatch('engine', engine, hardware) : undefined;
  return warning ? { engineId: warning } : {};
}
