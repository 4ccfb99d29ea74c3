import { DevServerJobService } from './devServerJobs';
import { DevServerOperationService } from './devServerOperations';
import { DevServerService } from './devServers';
import { HyperClusterService } from './hyperClusters';
import { KeyPairService } from './keyPairs';
import { InferenceV1Service } from './inferenceV1';
import { InferenceV2Service } from './inferenceV2';
import { ManagementService } from './management';
import { ModelService } from './models';
import { NotebookService } from './notebooks';
import { NotebookStorageService } from './notebookStorage';
import { ObsService } from './obs';
import { PoolService } from './pools';
import { PriceService } from './prices';
import { SignedClient, type SignedClientOptions } from './signedClient';
import { SwrService } from './swr';
import { TrainingJobService } from './trainingJobs';
import { VpcService } from './vpc';
import { WorkspaceService } from './workspaces';

/** One adapter per API area, all over one signed client. */
export interface ModelArtsServices {
  readonly client: SignedClient;
  readonly workspaces: WorkspaceService;
  readonly notebooks: NotebookService;
  readonly notebookStorage: NotebookStorageService;
  readonly trainingJobs: TrainingJobService;
  readonly pools: PoolService;
  readonly devServers: DevServerService;
  readonly hyperClusters: HyperClusterService;
  readonly devServerOperations: DevServerOperationService;
  readonly devServerJobs: DevServerJobService;
  readonly management: ManagementService;
  readonly swr: SwrService;
  readonly vpc: VpcService;
  readonly keyPairs: KeyPairService;
  readonly inferenceV1: InferenceV1Service;
  readonly inferenceV2: InferenceV2Service;
  readonly models: ModelService;
  /** Hourly prices of flavors (BSS price inquiry). */
  readonly prices: PriceService;
  /** OBS goes through its own SDK, with the same credentials and settings. */
  readonly obs: ObsService;
}

export function createServices(options: SignedClientOptions): ModelArtsServices {
  const client = new SignedClient(options);
  return {
    client,
    workspaces: new WorkspaceService(client),
    notebooks: new NotebookService(client),
    notebookStorage: new NotebookStorageService(client),
    trainingJobs: new TrainingJobService(client),
    pools: new PoolService(client),
    devServers: new DevServerService(client),
    hyperClusters: new HyperClusterService(client),
    devServerOperations: new DevServerOperationService(client),
    devServerJobs: new DevServerJobService(client),
    management: new ManagementService(client),
    swr: new SwrService(client),
    vpc: new VpcService(client),
    keyPairs: new KeyPairService(client),
    inferenceV1: new InferenceV1Service(client),
    inferenceV2: new InferenceV2Service(client),
    models: new ModelService(client),
    prices: new PriceService(client),
    obs: new ObsService(options),
  };
}
