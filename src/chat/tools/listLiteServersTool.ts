import type { DevServer } from '../../services/devServers';
import { devServerKind } from '../../views/kinds/liteServerKinds';
import { ListResourcesTool } from '../resourceTools';

export class ListLiteServersTool extends ListResourcesTool<DevServer> {
  readonly name = 'modelarts_list_lite_servers';
  protected readonly kind = devServerKind;
  protected override readonly perRegion = true;
}
