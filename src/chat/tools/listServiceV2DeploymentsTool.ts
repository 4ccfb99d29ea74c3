import type { ServiceV2, ServiceV2Deployment } from '../../services/inferenceV2';
import { deploymentV2Kind, serviceV2Kind } from '../../views/kinds/serviceV2Kind';
import { type ListInput, SubResourceListTool } from '../resourceTools';

interface ListDeploymentsInput extends ListInput {
  readonly service: string;
}

export class ListServiceV2DeploymentsTool extends SubResourceListTool<ServiceV2, ServiceV2Deployment, ListDeploymentsInput> {
  readonly name = 'modelarts_list_service_v2_deployments';
  protected readonly kind = deploymentV2Kind;
  // The list leaves out each deployment's image and resources (and the API gives no failure per deployment);
  // get_realtime_service_v2 has them, and the service's failure reason.
  protected readonly parentKind = serviceV2Kind;

  protected parentOf(input: ListDeploymentsInput): string {
    return input.service;
  }
}
