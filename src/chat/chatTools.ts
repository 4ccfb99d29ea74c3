import type { CommandContext } from '../commands/commandContext';
import type { ModelArtsTool, ToolEnvironment } from './modelArtsTool';
import type { JsonSchema } from './toolInput';
import type { ScopeInput } from './toolScope';
import { CreateLiteServerTool } from './tools/createLiteServerTool';
import { CreateNotebookTool } from './tools/createNotebookTool';
import { CreateRealtimeServiceTool } from './tools/createRealtimeServiceTool';
import { CreateRealtimeServiceV2Tool } from './tools/createRealtimeServiceV2Tool';
import { CreateTrainingJobTool } from './tools/createTrainingJobTool';
import { DeleteLiteServerTool } from './tools/deleteLiteServerTool';
import { DeleteNotebookTool } from './tools/deleteNotebookTool';
import { DeleteRealtimeServiceTool } from './tools/deleteRealtimeServiceTool';
import { DeleteRealtimeServiceV2Tool } from './tools/deleteRealtimeServiceV2Tool';
import { DeleteTrainingJobTool } from './tools/deleteTrainingJobTool';
import { GetAccountStatusTool } from './tools/getAccountStatusTool';
import { GetCreationOptionsTool } from './tools/getCreationOptionsTool';
import { GetLiteServerTool } from './tools/getLiteServerTool';
import { GetModelTool } from './tools/getModelTool';
import { GetNotebookTool } from './tools/getNotebookTool';
import { GetObsObjectTool } from './tools/getObsObjectTool';
import { GetRealtimeServiceTool } from './tools/getRealtimeServiceTool';
import { GetRealtimeServiceV2Tool } from './tools/getRealtimeServiceV2Tool';
import { GetResourcePoolTool } from './tools/getResourcePoolTool';
import { GetTrainingJobLogTool } from './tools/getTrainingJobLogTool';
import { GetTrainingJobTool } from './tools/getTrainingJobTool';
import { GetWorkspaceQuotasTool } from './tools/getWorkspaceQuotasTool';
import { InterruptRealtimeServiceV2Tool } from './tools/interruptRealtimeServiceV2Tool';
import { ListHyperClustersTool } from './tools/listHyperClustersTool';
import { ListHyperinstancesTool } from './tools/listHyperinstancesTool';
import { ListKeyPairsTool } from './tools/listKeyPairsTool';
import { ListLiteServerJobsTool } from './tools/listLiteServerJobsTool';
import { ListLiteServersTool } from './tools/listLiteServersTool';
import { ListModelsTool } from './tools/listModelsTool';
import { ListNotebooksTool } from './tools/listNotebooksTool';
import { ListObsBucketsTool } from './tools/listObsBucketsTool';
import { ListObsObjectsTool } from './tools/listObsObjectsTool';
import { ListPoolNodesTool } from './tools/listPoolNodesTool';
import { ListRealtimeServicesTool } from './tools/listRealtimeServicesTool';
import { ListRealtimeServicesV2Tool } from './tools/listRealtimeServicesV2Tool';
import { ListResourcePoolsTool } from './tools/listResourcePoolsTool';
import { ListScheduledEventsTool } from './tools/listScheduledEventsTool';
import { ListSecurityGroupsTool } from './tools/listSecurityGroupsTool';
import { ListServiceV2DeploymentsTool } from './tools/listServiceV2DeploymentsTool';
import { ListSubnetsTool } from './tools/listSubnetsTool';
import { ListSwrImagesTool } from './tools/listSwrImagesTool';
import { ListTrainingJobEventsTool } from './tools/listTrainingJobEventsTool';
import { ListTrainingJobsTool } from './tools/listTrainingJobsTool';
import { ListVpcsTool } from './tools/listVpcsTool';
import { ListWorkspacesTool } from './tools/listWorkspacesTool';
import { RebootLiteServerTool } from './tools/rebootLiteServerTool';
import { StartLiteServerTool } from './tools/startLiteServerTool';
import { StartNotebookTool } from './tools/startNotebookTool';
import { StartRealtimeServiceTool } from './tools/startRealtimeServiceTool';
import { StartRealtimeServiceV2Tool } from './tools/startRealtimeServiceV2Tool';
import { StopLiteServerTool } from './tools/stopLiteServerTool';
import { StopNotebookTool } from './tools/stopNotebookTool';
import { StopRealtimeServiceTool } from './tools/stopRealtimeServiceTool';
import { StopRealtimeServiceV2Tool } from './tools/stopRealtimeServiceV2Tool';
import { StopTrainingJobTool } from './tools/stopTrainingJobTool';

/** A tool as package.json's `contributes.languageModelTools` declares it. */
export interface DeclaredTool {
  readonly name: string;
  readonly inputSchema?: JsonSchema;
}

type ToolClass = new (environment: ToolEnvironment) => ModelArtsTool<ScopeInput>;

/** Every tool, one line each; names, descriptions and input schemas are declared in package.json. */
const TOOL_CLASSES: readonly ToolClass[] = [
  GetAccountStatusTool,
  ListWorkspacesTool,
  GetWorkspaceQuotasTool,
  ListNotebooksTool,
  GetNotebookTool,
  ListTrainingJobsTool,
  GetTrainingJobTool,
  GetTrainingJobLogTool,
  ListTrainingJobEventsTool,
  ListResourcePoolsTool,
  GetResourcePoolTool,
  ListPoolNodesTool,
  ListModelsTool,
  GetModelTool,
  ListRealtimeServicesTool,
  GetRealtimeServiceTool,
  ListRealtimeServicesV2Tool,
  GetRealtimeServiceV2Tool,
  ListServiceV2DeploymentsTool,
  ListLiteServersTool,
  GetLiteServerTool,
  ListHyperinstancesTool,
  ListHyperClustersTool,
  ListLiteServerJobsTool,
  ListScheduledEventsTool,
  ListSwrImagesTool,
  ListVpcsTool,
  ListSubnetsTool,
  ListSecurityGroupsTool,
  ListKeyPairsTool,
  ListObsBucketsTool,
  ListObsObjectsTool,
  GetObsObjectTool,
  GetCreationOptionsTool,
  StartNotebookTool,
  StopNotebookTool,
  DeleteNotebookTool,
  CreateNotebookTool,
  StopTrainingJobTool,
  DeleteTrainingJobTool,
  CreateTrainingJobTool,
  StartRealtimeServiceTool,
  StopRealtimeServiceTool,
  DeleteRealtimeServiceTool,
  CreateRealtimeServiceTool,
  StartRealtimeServiceV2Tool,
  StopRealtimeServiceV2Tool,
  InterruptRealtimeServiceV2Tool,
  DeleteRealtimeServiceV2Tool,
  CreateRealtimeServiceV2Tool,
  StartLiteServerTool,
  StopLiteServerTool,
  RebootLiteServerTool,
  DeleteLiteServerTool,
  CreateLiteServerTool,
];

/** Every tool, by its name; registerChat registers them with VS Code, and loads this module on their first use. */
export function createTools(context: CommandContext, declared: readonly DeclaredTool[]): ReadonlyMap<string, ModelArtsTool<ScopeInput>> {
  const schemas = new Map(declared.map((tool) => [tool.name, tool.inputSchema ?? {}]));
  const environment: ToolEnvironment = {
    context,
    schema: (name) => {
      const schema = schemas.get(name);
      if (!schema) {
        // VS Code refuses to register such a tool too: this is a mistake in package.json.
        throw new Error(`${name} is not declared in package.json`);
      }
      return schema;
    },
  };
  return new Map(TOOL_CLASSES.map((ToolClass) => new ToolClass(environment)).map((tool) => [tool.name, tool]));
}
