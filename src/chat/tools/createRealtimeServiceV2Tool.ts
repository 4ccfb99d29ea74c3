import type { ServiceV2 } from '../../services/inferenceV2';
import { createServiceV2Form } from '../../webviews/createServiceV2Form';
import type { ServiceV2FormValues } from '../../webviews/protocol';
import { emptyServiceV2Form } from '../../webviews/serviceV2FormRules';
import { CreateResourceTool } from '../actionTools';

export class CreateRealtimeServiceV2Tool extends CreateResourceTool<ServiceV2FormValues, ServiceV2> {
  readonly name = 'modelarts_create_realtime_service_v2';
  protected readonly form = createServiceV2Form;

  protected emptyValues(workspaceId: string): ServiceV2FormValues {
    return emptyServiceV2Form(workspaceId);
  }
}
