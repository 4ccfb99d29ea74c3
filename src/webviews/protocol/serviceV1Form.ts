/** The Create Real-Time Service (v1) form. */
import { type Check, checkLiteral, checkNumber, checkObject, checkString } from '../checks';
import { type FormScope, type MessageChecks, type NameValue, nameValues } from './common';

export interface ServiceV1FormValues {
  readonly name: string;
  readonly description: string;
  readonly workspaceId: string;
  /** The model's name; its published versions are the choices of `modelId`. */
  readonly modelName: string;
  /** The chosen version: a model id. */
  readonly modelId: string;
  readonly specification: string;
  readonly instanceCount: number;
  readonly environment: readonly NameValue[];
  /** 0: runs until stopped. */
  readonly autoStopHours: number;
}

/** A published model version, and what a specification must offer to run it. */
export interface ServiceModelChoice {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly workspaceId: string;
  readonly description: string;
  readonly minCpu?: number;
  readonly minMemoryMb?: number;
  readonly minGpu?: number;
  readonly minAscend?: number;
}

export interface ServiceSpecChoice {
  readonly id: string;
  /** "T4 ×1 · 8 vCPU · 32 GB · CN¥9.80/h (id)": what the list shows; the value sent is the id. */
  readonly name: string;
  /** CPU, GPU or ASCEND. */
  readonly category: string;
  readonly description: string;
  readonly cpu?: number;
  readonly memoryMb?: number;
  readonly gpu?: number;
  readonly npu?: number;
}

export type ServiceV1HostMessage =
  | { readonly type: 'serviceV1Form'; readonly scope: FormScope; readonly values: ServiceV1FormValues }
  | { readonly type: 'serviceV1Options'; readonly models: readonly ServiceModelChoice[]; readonly specifications: readonly ServiceSpecChoice[] };

export type ServiceV1WebviewMessage = { readonly type: 'submitServiceV1'; readonly values: ServiceV1FormValues };

const serviceV1FormValues: Check<ServiceV1FormValues> = checkObject({
  name: checkString,
  description: checkString,
  workspaceId: checkString,
  modelName: checkString,
  modelId: checkString,
  specification: checkString,
  instanceCount: checkNumber,
  environment: nameValues,
  autoStopHours: checkNumber,
});

export const serviceV1MessageChecks: MessageChecks<ServiceV1WebviewMessage> = {
  submitServiceV1: checkObject({ type: checkLiteral('submitServiceV1'), values: serviceV1FormValues }),
};
