import type { ServiceV1 } from '../../services/inferenceV1';
import { createServiceV1Form } from '../../webviews/createForms';
import type { ServiceV1FormValues } from '../../webviews/protocol';
import { emptyServiceV1Form } from '../../webviews/serviceV1FormRules';
import { CreateResourceTool } from '../actionTools';

export class CreateRealtimeServiceTool extends CreateResourceTool<ServiceV1FormValues, ServiceV1> {
  readonly name = 'modelarts_create_realtime_service';
  protected readonly form = createServiceV1Form;

  protected emptyValues(workspaceId: string): ServiceV1FormValues {
    return emptyServiceV1Form(workspaceId);
  }
}
