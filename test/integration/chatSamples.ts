import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEV_SERVER_IMAGES } from '../../emulator/areas/devServerCatalog';
import { securityGroupsOf, subnetsOf, vpcsOf } from '../../emulator/areas/vpcSeed';
import type { Emulator } from '../../emulator/server';
import type { ProjectState } from '../../emulator/state';
import { type ExtensionUnderTest, REGION } from './harness';

/** An image of the demo SWR in cn-north-4, for v2 services. */
export const DEMO_SERVING_IMAGE = 'swr.cn-north-4.myhuaweicloud.com/modelarts-demo/vllm-serving:0.7.3';

/** The conda3 CPU image of the emulator's notebook catalog. */
export const CPU_NOTEBOOK_IMAGE = 'c2f2e8d4-7a1b-4f3e-8d5c-2b1a0e9f8d7c';

/** A tool's text result, invoked the way any extension or the chat invokes it (outside a chat request here). */
export async function invokeTool(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : `[not text: ${JSON.stringify(part)}]`)).join('');
}

/** What VS Code would show before running a tool, as the tool prepares it. */
export async function prepareTool(under: ExtensionUnderTest, name: string, input: object): Promise<vscode.PreparedToolInvocation | undefined> {
  const tool = under.api.chat.tools.get(name);
  assert.ok(tool, name);
  return tool.prepareInvocation({ input }, new vscode.CancellationTokenSource().token);
}

/** The body of a prepared confirmation (under its title). */
export function confirmationMessage(prepared: vscode.PreparedToolInvocation | undefined): string {
  const message = prepared?.confirmationMessages?.message;
  return typeof message === 'string' ? message : (message?.value ?? '');
}

/** The cells of a column, by its header, of the first markdown table in a tool result that has it. */
export function column(text: string, header: string): string[] {
  const cells = (line: string) => line.slice(2, -2).split(/(?<!\\) \| /);
  const tables = text.split(/\n\n/).map((block) => block.split('\n').filter((line) => line.startsWith('| ')));
  const table = tables.find((lines) => lines.length > 0 && cells(lines[0]).includes(header));
  assert.ok(table, `no column "${header}" in:\n${text}`);
  const index = cells(table[0]).indexOf(header);
  return table.slice(2).map((line) => cells(line)[index]);
}

/** The emulator's cn-north-4 project of an account (the demo one by default), to compare results with. */
export function demoProject(emulator: Emulator, ak = emulator.demo.ak): ProjectState {
  const project = emulator.state.projectFor(ak, REGION);
  assert.ok(project, 'the account has a cn-north-4 project');
  return project;
}

/** Ids of the demo seed of `ak`'s cn-north-4 project, for the create tools. */
export function demoIds(emulator: Emulator, ak: string) {
  const project = demoProject(emulator, ak);
  const vpc = vpcsOf(project).find((candidate) => candidate.name === 'vpc-default');
  const subnet = subnetsOf(project).find((candidate) => candidate.vpcId === vpc?.id && candidate.zone === 'a');
  const group = securityGroupsOf(project).find((candidate) => candidate.vpcId === vpc?.id);
  const model = [...project.models.values()].find((candidate) => candidate.name === 'mnist-cnn' && candidate.version === '1.1.0');
  const image = DEV_SERVER_IMAGES.find((candidate) => candidate.name === 'Ubuntu-22.04-x86-CUDA-12.2-ECS');
  assert.ok(vpc && subnet && group && model && image, 'the demo seed has a VPC, subnet, security group, model and ECS image');
  return { vpcId: vpc.id, subnetId: subnet.id, securityGroupId: group.id, modelId: model.id, imageId: image.id };
}

/**
 * A valid input for every tool, on the demo seed (default workspace of cn-north-4): each resource
 * acted on is one whose state allows the action.
 */
export function sampleInputs(emulator: Emulator, ak: string): Readonly<Record<string, object>> {
  const ids = demoIds(emulator, ak);
  return {
    modelarts_get_account_status: {},
    modelarts_list_workspaces: {},
    modelarts_get_workspace_quotas: { workspace: 'nlp-research' },
    modelarts_list_notebooks: {},
    modelarts_get_notebook: { name: 'scratch-notebook' },
    modelarts_list_training_jobs: { status: 'failed' },
    modelarts_get_training_job: { name: 'gnn-cora-oom-v4' },
    modelarts_get_training_job_log: { name: 'gnn-cora-oom-v4', lines: 20 },
    modelarts_list_training_job_events: { name: 'gnn-cora-oom-v4' },
    modelarts_list_resource_pools: {},
    modelarts_get_resource_pool: { name: 'pool-cpu-etl' },
    modelarts_list_pool_nodes: { pool: 'pool-cpu-etl' },
    modelarts_list_models: {},
    modelarts_get_model: { name: 'mnist-cnn 1.1.0' },
    modelarts_list_realtime_services: {},
    modelarts_get_realtime_service: { name: 'mnist-classifier' },
    modelarts_list_realtime_services_v2: {},
    modelarts_get_realtime_service_v2: { name: 'llm-chat-v2' },
    modelarts_list_service_v2_deployments: { service: 'sentiment-ab-v2' },
    modelarts_list_lite_servers: {},
    modelarts_get_lite_server: { name: 'lite-cpu-etl' },
    modelarts_list_hyperinstances: {},
    modelarts_list_hyper_clusters: {},
    modelarts_list_lite_server_jobs: {},
    modelarts_list_scheduled_events: { status: 'inquiring' },
    modelarts_list_swr_images: { namespace: 'modelarts-demo' },
    modelarts_list_vpcs: {},
    modelarts_list_subnets: { vpc: 'vpc-default' },
    modelarts_list_security_groups: { vpc: 'vpc-default' },
    modelarts_list_key_pairs: {},
    modelarts_list_obs_buckets: {},
    modelarts_list_obs_objects: { bucket: 'modelarts-demo-data', prefix: 'code/' },
    modelarts_get_obs_object: { bucket: 'modelarts-demo-data', key: 'code/train.py' },
    modelarts_get_creation_options: { resourceType: 'lite_server', flavor: 'c7.4xlarge.2' },
    modelarts_start_notebook: { name: 'rl-cartpole-ppo' },
    modelarts_stop_notebook: { name: 'data-cleaning-pandas' },
    modelarts_delete_notebook: { name: 'graph-gnn-cora' },
    modelarts_create_notebook: { name: 'chat-made-notebook', flavorId: 'modelarts.vm.cpu.2u', imageId: CPU_NOTEBOOK_IMAGE, evsSizeGb: 20, autoStopHours: 2 },
    modelarts_stop_training_job: { name: 'whisper-asr-small-v3' },
    modelarts_delete_training_job: { name: 'fastspeech2-zh-oom-v2' },
    modelarts_create_training_job: {
      name: 'chat-made-job',
      source: 'engine',
      engineId: 'pytorch_2.1.0-cuda_12.1-py_3.9-ubuntu_22.04-x86_64',
      codeDir: 'obs://demo-bucket/code/',
      bootFile: 'obs://demo-bucket/code/train.py',
      flavorId: 'modelarts.vm.cpu.8u',
      hyperparameters: [{ name: 'epochs', value: '3' }],
    },
    modelarts_start_realtime_service: { name: 'sentiment-api' },
    modelarts_stop_realtime_service: { name: 'image-classify-api' },
    modelarts_delete_realtime_service: { name: 'traffic-detector' },
    modelarts_create_realtime_service: { name: 'chat-made-service', modelName: 'mnist-cnn', modelId: ids.modelId, specification: 'modelarts.vm.cpu.2u' },
    modelarts_start_realtime_service_v2: { name: 'image-tagging-v2' },
    modelarts_stop_realtime_service_v2: { name: 'llm-chat-v2' },
    modelarts_interrupt_realtime_service_v2: { name: 'rerank-v2' },
    modelarts_delete_realtime_service_v2: { name: 'yolo-detect-v2' },
    modelarts_create_realtime_service_v2: { name: 'chat-made-service-v2', image: DEMO_SERVING_IMAGE, flavor: 'modelarts.vm.cpu.2u8g' },
    modelarts_start_lite_server: { name: 'lite-v100-notebook' },
    modelarts_stop_lite_server: { name: 'lite-cpu-etl' },
    modelarts_reboot_lite_server: { name: 'lite-910b-dev' },
    modelarts_delete_lite_server: { name: 'lite-910b-bench' },
    modelarts_create_lite_server: {
      name: 'chat-made-server',
      serverType: 'ECS',
      arch: 'X86',
      flavor: 'c7.4xlarge.2',
      availabilityZone: 'cn-north-4a',
      imageId: ids.imageId,
      vpcId: ids.vpcId,
      subnetId: ids.subnetId,
      securityGroupId: ids.securityGroupId,
      keyPairName: 'KeyPair-demo',
    },
  };
}
