import type { DevServer } from '../../services/devServers';
import { devServerKind } from '../../views/kinds/liteServerKinds';
import { GetResourceTool } from '../resourceTools';

export class GetLiteServerTool extends GetResourceTool<DevServer> {
  readonly name = 'modelarts_get_lite_server';
  protected readonly kind = devServerKind;
  protected override readonly perRegion = true;
}
