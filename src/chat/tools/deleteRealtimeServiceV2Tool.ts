import { serviceV2Actions } from '../../commands/inferenceV2Commands';
import type { ServiceV2 } from '../../services/inferenceV2';
import { serviceV2Kind } from '../../views/kinds/serviceV2Kind';
import { ResourceActionTool } from '../actionTools';

export class DeleteRealtimeServiceV2Tool extends ResourceActionTool<ServiceV2> {
  readonly name = 'modelarts_delete_realtime_service_v2';
  protected readonly kind = serviceV2Kind;
  protected readonly action = serviceV2Actions.delete;
}
