import { DevServerService } from './devServers';
import { InferenceV1Service } from './inferenceV1';
import { ManagementService } from './management';
import { ModelService } from './models';
import { NotebookService } from './notebooks';
import { PoolService } from './pools';
import { SignedClient, type SignedClientOptions } from './signedClient';
import { TrainingJobService } from './trainingJobs';
import { WorkspaceService } from './workspaces';

/** One adapter per API area, all over one signed client. */
export interface ModelArtsServices {
  readonly client: SignedClient;
  readonly workspaces: WorkspaceService;
  readonly notebooks: NotebookService;
  readonly trainingJobs: TrainingJobService;
  readonly pools: PoolService;
  readonly devServers: DevServerService;
  readonly management: ManagementService;
  readonly inferenceV1: InferenceV1Service;
  readonly models: ModelService;
}

export function createServices(options: SignedClientOptions): ModelArtsServices {
  const client = new SignedClient(options);
  return {
    client,
    workspaces: new WorkspaceService(client),
    notebooks: new NotebookService(client),
    trainingJobs: new TrainingJobService(client),
    pools: new PoolService(client),
    devServers: new DevServerService(client),
    management: new ManagementService(client),
    inferenceV1: new InferenceV1Service(client),
    models: new ModelService(client),
  };
}
