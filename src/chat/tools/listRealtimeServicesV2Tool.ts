import type { ServiceV2 } from '../../services/inferenceV2';
import { serviceV2Kind } from '../../views/kinds/serviceV2Kind';
import { ListResourcesTool } from '../resourceTools';

export class ListRealtimeServicesV2Tool extends ListResourcesTool<ServiceV2> {
  readonly name = 'modelarts_list_realtime_services_v2';
  protected readonly kind = serviceV2Kind;
}
