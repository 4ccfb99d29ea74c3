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

const POOL_PLUGIN =
  'OTC API reference api-ref/source/resource_management/plug-in_management (ShowPlugin, PatchPlugin with a merge-patch {spec:{template:{version,inputs}}}, DeletePlugin: /v2/{project_id}/pools/{pool_name}/plugins/{template_name}) and modelarts-api.md §5.1; the SDK has only list and create';

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
  {
    method: 'POST',
    path: '/v2/{project_id}/services/{service_id}/interrupt',
    source:
      'terraform-provider-huaweicloud huaweicloud/services/modelarts/resource_huaweicloud_modelartsv2_service_action.go (@API ModelArts POST /v2/{project_id}/services/{service_id}/interrupt, no body, answer not read) and docs/resources/modelartsv2_service_action.md (action start, stop or interrupt); the SDK has only the deployment-level cancel_infer_deployment',
  },
  { method: 'GET', path: '/v2/{project_id}/pools/{pool_name}/plugins/{template_name}', source: POOL_PLUGIN },
  { method: 'PATCH', path: '/v2/{project_id}/pools/{pool_name}/plugins/{template_name}', source: POOL_PLUGIN },
  { method: 'DELETE', path: '/v2/{project_id}/pools/{pool_name}/plugins/{template_name}', source: POOL_PLUGIN },
];

const NOTEBOOK_TIMES =
  'terraform-provider-huaweicloud huaweicloud/services/modelarts/resource_huaweicloud_modelarts_notebook.go: resourceNotebookRead sets created_at and updated_at from the create_at and update_at of GET /v1/{project_id}/notebooks/{id}, decoded by chnsz/golangsdk openstack/modelarts/v1/notebook/results.go, whose Notebook struct (json create_at, update_at) also decodes the list, create, start, stop, update and delete answers';
const POOL_NODE_POOLS =
  'terraform-provider-huaweicloud huaweicloud/services/modelarts/resource_huaweicloud_modelarts_resource_pool.go: flattenGetResourcePoolResponseBodyResources reads spec.resources[].nodePool from GET /v2/{project_id}/pools/{pool_name} (and data_source_huaweicloud_modelartsv2_resource_pools.go from the list)';
const TRAINING_ENVIRONMENTS =
  'terraform-provider-huaweicloud huaweicloud/services/modelarts/resource_huaweicloud_modelarts_training_job.go (flattenTrainingJobAlgorithm, GET /v2/{project_id}/training-jobs/{id}) and data_source_huaweicloud_modelarts_training_jobs.go (flattenTrainingJobsAlgorithm, POST /v2/{project_id}/training-job-searches) set algorithm.environments of the answer into a map of strings (schema.TypeMap)';

export const DEVIATIONS: readonly Deviation[] = [
  // Notebooks and training jobs.
  {
    operation: ['show_notebook', 'create_notebook', 'start_notebook', 'stop_notebook', 'delete_notebook', 'update_notebook'],
    at: 'response.create_at',
    problem: 'unknown-field',
    reason: 'When the notebook was created: the tree shows its age and the details panel the date',
    evidence: NOTEBOOK_TIMES,
  },
  {
    operation: ['show_notebook', 'create_notebook', 'start_notebook', 'stop_notebook', 'delete_notebook', 'update_notebook'],
    at: 'response.update_at',
    problem: 'unknown-field',
    reason: 'When the notebook last changed, shown in its details panel',
    evidence: NOTEBOOK_TIMES,
  },
  {
    operation: 'list_notebooks',
    at: 'response.data[].create_at',
    problem: 'unknown-field',
    reason: 'As for one notebook: each listed notebook\'s creation time, the age the tree shows',
    evidence: NOTEBOOK_TIMES,
  },
  {
    operation: 'list_notebooks',
    at: 'response.data[].update_at',
    problem: 'unknown-field',
    reason: 'As for one notebook: when each listed notebook last changed',
    evidence: NOTEBOOK_TIMES,
  },
  {
    operation: ['create_training_job', 'show_training_job_details', 'stop_training_job'],
    at: 'response.algorithm.environments',
    problem: 'wrong-type',
    reason: 'A job\'s environment variables are answered as the one object they are created with, not the list of objects of the answer models; the client reads either',
    evidence: TRAINING_ENVIRONMENTS,
  },
  {
    operation: 'list_training_jobs',
    at: 'response.items[].algorithm.environments',
    problem: 'wrong-type',
    reason: 'As for one job: the environment variables of each job found, one object',
    evidence: TRAINING_ENVIRONMENTS,
  },
  // Dedicated resource pools.
  {
    operation: ['show_pool', 'create_pool', 'patch_pool', 'delete_pool'],
    at: 'response.spec.resources[].nodePool',
    problem: 'unknown-field',
    reason: 'Each spec.resources entry of a pool is a node pool, and its name is how a client tells them apart (two node pools may share a flavor); the edit form and the scale of a pool read it',
    evidence: POOL_NODE_POOLS,
  },
  {
    operation: 'list_pools',
    at: 'response.items[].spec.resources[].nodePool',
    problem: 'unknown-field',
    reason: 'As for one pool: the node pool an entry of spec.resources stands for',
    evidence: POOL_NODE_POOLS,
  },
  {
    operation: 'patch_pool',
    at: 'body.spec.resources[].nodePool',
    problem: 'unknown-field',
    reason: 'A merge patch replaces spec.resources whole: each entry names its node pool so that a size change reaches the right one, and no node pool is taken for a new one',
    evidence:
      'terraform-provider-huaweicloud huaweicloud/services/modelarts/resource_huaweicloud_modelarts_resource_pool.go: buildUpdateResourcePoolSpecResources sends nodePool (with flavor and count) in each spec.resources entry of its PATCH /v2/{project_id}/pools/{pool_name} (Content-Type application/merge-patch+json)',
  },
  {
    operation: 'batch_reboot_pool_nodes',
    at: 'response.job_id',
    problem: 'unknown-field',
    reason: 'The service answers the id of the reboot job beside nodeNames; the emulator answers it as the service does (the client does not read it)',
    evidence:
      'terraform-provider-huaweicloud huaweicloud/services/modelarts/resource_huaweicloud_modelartsv2_node_batch_reboot.go reads job_id from the batch-reboot answer and polls GET /v2/{project_id}/jobs/{job_id} until the reboot completes (modelarts-api.md §5.1, §13.6)',
  },
];
