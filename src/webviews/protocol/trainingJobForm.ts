/** The Create Training Job form. */
import { type Check, checkLiteral, checkNumber, checkObject, checkOneOf, checkString } from '../checks';
import { type Accelerator, type Arch, type FormScope, type MessageChecks, type NameValue, nameValues } from './common';

export interface TrainingJobFormValues {
  readonly name: string;
  readonly description: string;
  readonly workspaceId: string;
  readonly source: 'engine' | 'image';
  /** For source "engine": a preset engine and the code to run with it. */
  readonly engineId: string;
  readonly codeDir: string;
  readonly bootFile: string;
  /** For source "image": a custom image and its command. */
  readonly imageUrl: string;
  readonly command: string;
  readonly flavorId: string;
  readonly nodeCount: number;
  /** Name → OBS path. */
  readonly inputs: readonly NameValue[];
  readonly outputs: readonly NameValue[];
  readonly hyperparameters: readonly NameValue[];
  readonly environment: readonly NameValue[];
  readonly logPath: string;
}

export interface TrainingFlavorChoice {
  readonly id: string;
  readonly name: string;
  /** CPU, GPU or Ascend. */
  readonly category: string;
  readonly maxNodes: number;
  /** The flavor's `flavor_info.cpu.arch`; absent when the listing does not say. */
  readonly arch?: Arch;
}

export interface EngineChoice {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  /** What the engine's version says it is built for ("…-cuda_10.2-…-x86_64"); absent when it does not say. */
  readonly arch?: Arch;
  readonly accelerators?: readonly Accelerator[];
}

export type TrainingJobHostMessage =
  | { readonly type: 'trainingJobForm'; readonly scope: FormScope; readonly values: TrainingJobFormValues }
  | { readonly type: 'trainingJobOptions'; readonly flavors: readonly TrainingFlavorChoice[]; readonly engines: readonly EngineChoice[] };

export type TrainingJobWebviewMessage = { readonly type: 'submitTrainingJob'; readonly values: TrainingJobFormValues };

export const trainingJobFormValues: Check<TrainingJobFormValues> = checkObject({
  name: checkString,
  description: checkString,
  workspaceId: checkString,
  source: checkOneOf(['engine', 'image'] as const),
  engineId: checkString,
  codeDir: checkString,
  bootFile: checkString,
  imageUrl: checkString,
  command: checkString,
  flavorId: checkString,
  nodeCount: checkNumber,
  inputs: nameValues,
  outputs: nameValues,
  hyperparameters: nameValues,
  environment: nameValues,
  logPath: checkString,
});

export const trainingJobMessageChecks: MessageChecks<TrainingJobWebviewMessage> = {
  submitTrainingJob: checkObject({ type: checkLiteral('submitTrainingJob'), values: trainingJobFormValues }),
};
