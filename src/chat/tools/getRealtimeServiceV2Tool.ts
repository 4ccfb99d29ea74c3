import type { ServiceV2 } from '../../services/inferenceV2';
import { serviceV2Kind } from '../../views/kinds/serviceV2Kind';
import { GetResourceTool } from '../resourceTools';

export class GetRealtimeServiceV2Tool extends GetResourceTool<ServiceV2> {
  readonly name = 'modelarts_get_realtime_service_v2';
  protected readonly kind = serviceV2Kind;
}
