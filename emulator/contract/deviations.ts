/**
 * The reviewed list of where the client and the emulator part from the official SDK's contract (`sdk/`), each with
 * the reason and the second source that supports it. The conformance check fails on any finding not explained
 * here, and on any entry here that no exchange needed.
 */
import type { FindingProblem } from './conformance';

/** A call the SDK lacks, served because another official source documents it. Its shapes are that source's. */
export interface OutsideSdkOperation {
  readonly method: string;
  /** A template: `{name}` stands for one path segment. */
  readonly path: string;
  /** Where the call and its shapes are documented. */
  readonly source: string;
}

/** A finding the client and the emulator keep on purpose. */
export interface Deviation {
  /** The SDK operation (or operations) it applies to. */
  readonly operation: string | readonly string[];
  /** The finding's location, e.g. `response.create_at` or `body.config[].envs`. */
  readonly at: string;
  readonly problem: FindingProblem;
  readonly reason: string;
  /** The second official source that supports our reading. */
  readonly evidence: string;
}

const V1_INFERENCE = 'modelarts-api.md §3 (OTC API reference, service_management and ai_application_management; the Terraform provider\'s huaweicloud_modelarts_service and huaweicloud_modelarts_model)';

export const OUTSIDE_SDK: readonly OutsideSdkOperation[] = [
  { method: 'GET', path: '/v1/{project_id}/services', source: V1_INFERENCE },
  { method: 'POST', path: '/v1/{project_id}/services', source: V1_INFERENCE },
  { method: 'GET', path: '/v1/{project_id}/services/specifications', source: V1_INFERENCE },
  { method: 'GET', path: '/v1/{project_id}/services/{service_id}', source: V1_INFERENCE },
  { method: 'PUT', path: '/v1/{project_id}/services/{service_id}', source: V1_INFERENCE },
  { method: 'DELETE', path: '/v1/{project_id}/services/{service_id}', source: V1_INFERENCE },
  { method: 'GET', path: '/v1/{project_id}/services/{service_id}/events', source: V1_INFERENCE },
  { method: 'GET', path: '/v1/{project_id}/models', source: V1_INFERENCE },
  { method: 'GET', path: '/v1/{project_id}/models/{model_id}', source: V1_INFERENCE },
];

export const DEVIATIONS: readonly Deviation[] = [];
