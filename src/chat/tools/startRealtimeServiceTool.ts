import { serviceV1Actions } from '../../commands/inferenceV1Commands';
import type { ServiceV1 } from '../../services/inferenceV1';
import { serviceV1Kind } from '../../views/kinds/serviceV1Kind';
import { ResourceActionTool } from '../actionTools';

export class StartRealtimeServiceTool extends ResourceActionTool<ServiceV1> {
  readonly name = 'modelarts_start_realtime_service';
  protected readonly kind = serviceV1Kind;
  protected readonly action = serviceV1Actions.start;
}
