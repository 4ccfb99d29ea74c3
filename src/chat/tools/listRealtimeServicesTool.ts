import type { ServiceV1 } from '../../services/inferenceV1';
import { serviceV1Kind } from '../../views/kinds/serviceV1Kind';
import { ListResourcesTool } from '../resourceTools';

export class ListRealtimeServicesTool extends ListResourcesTool<ServiceV1> {
  readonly name = 'modelarts_list_realtime_services';
  protected readonly kind = serviceV1Kind;
}
