import type { ServiceV1 } from '../../services/inferenceV1';
import { serviceV1Kind } from '../../views/kinds/serviceV1Kind';
import { GetResourceTool } from '../resourceTools';

export class GetRealtimeServiceTool extends GetResourceTool<ServiceV1> {
  readonly name = 'modelarts_get_realtime_service';
  protected readonly kind = serviceV1Kind;
}
