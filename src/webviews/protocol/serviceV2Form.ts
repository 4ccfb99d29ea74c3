/** The Create Real-Time Service (v2) form. */
import { type Check, checkLiteral, checkNumber, checkObject, checkOneOf, checkString } from '../checks';
import { type FormScope, type MessageChecks, type NameValue, nameValues } from './common';

export const SERVICE_V2_FRAMEWORKS = ['COMMON', 'VLLM', 'MINDIE'] as const;
export const SERVICE_V2_AUTH_TYPES = ['TOKEN', 'API_KEY', 'NONE'] as const;
/** What the rate limit counts calls per. */
export const SERVICE_V2_RATE_UNITS = ['SECONDS', 'MINUTES'] as const;

export interface ServiceV2FormValues {
  readonly name: string;
  readonly description: string;
  readonly workspaceId: string;
  /** "1.0.0": the first version of the service's deployment. */
  readonly version: string;
  readonly framework: (typeof SERVICE_V2_FRAMEWORKS)[number];
  /** The SWR image path, chosen among the account's images or typed. */
  readonly image: string;
  /** A public flavor, or a dedicated pool with cores and memory. */
  readonly resources: 'flavor' | 'pool';
  readonly flavor: string;
  readonly poolId: string;
  readonly cpu: number;
  readonly memoryMb: number;
  readonly instanceCount: number;
  readonly port: number;
  /** The container's start command; empty keeps the image's. */
  readonly command: string;
  readonly authType: (typeof SERVICE_V2_AUTH_TYPES)[number];
  readonly environment: readonly NameValue[];
  /** Calls let through per `rateLimitUnit`. */
  readonly rateLimit: number;
  readonly rateLimitUnit: (typeof SERVICE_V2_RATE_UNITS)[number];
  /** Seconds a request may take. */
  readonly requestTimeout: number;
  /** MB a request may carry. */
  readonly requestSizeLimit: number;
}

export interface ServiceV2FlavorChoice {
  readonly id: string;
  /** "V100 ×1 · 8 vCPU · 64 GB · CN¥28.00/h (id)": what the list shows; the value sent is the id. */
  readonly name: string;
  /** CPU, GPU or ASCEND. */
  readonly category: string;
  readonly description: string;
  readonly soldOut: boolean;
}

/** A dedicated pool of a workspace that is used for inference. */
export interface ServiceV2PoolChoice {
  readonly id: string;
  readonly name: string;
  readonly workspaceId: string;
  readonly description: string;
}

/** An image of the account's SWR in the form's region: `swr.<region>…/<namespace>/<repository>:<tag>`. */
export interface ServiceV2ImageChoice {
  readonly path: string;
  readonly description: string;
}

export interface ServiceV2Options {
  /** The form's region: an image must come from its SWR. */
  readonly region: string;
  readonly flavors: readonly ServiceV2FlavorChoice[];
  readonly pools: readonly ServiceV2PoolChoice[];
  readonly images: readonly ServiceV2ImageChoice[];
}

const serviceV2FormValues: Check<ServiceV2FormValues> = checkObject({
  name: checkString,
  description: checkString,
  workspaceId: checkString,
  version: checkString,
  framework: checkOneOf(SERVICE_V2_FRAMEWORKS),
  image: checkString,
  resources: checkOneOf(['flavor', 'pool'] as const),
  flavor: checkString,
  poolId: checkString,
  cpu: checkNumber,
  memoryMb: checkNumber,
  instanceCount: checkNumber,
  port: checkNumber,
  command: checkString,
  authType: checkOneOf(SERVICE_V2_AUTH_TYPES),
  environment: nameValues,
  rateLimit: checkNumber,
  rateLimitUnit: checkOneOf(SERVICE_V2_RATE_UNITS),
  requestTimeout: checkNumber,
  requestSizeLimit: checkNumber,
});

export type ServiceV2HostMessage =
  | { readonly type: 'serviceV2Form'; readonly scope: FormScope; readonly values: ServiceV2FormValues }
  | ({ readonly type: 'serviceV2Options' } & ServiceV2Options);

export type ServiceV2WebviewMessage = { readonly type: 'submitServiceV2'; readonly values: ServiceV2FormValues };

export const serviceV2MessageChecks: MessageChecks<ServiceV2WebviewMessage> = {
  submitServiceV2: checkObject({ type: checkLiteral('submitServiceV2'), values: serviceV2FormValues }),
};
