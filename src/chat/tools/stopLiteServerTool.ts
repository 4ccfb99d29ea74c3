import { liteServerAction } from '../../commands/liteServerCommands';
import type { DevServer } from '../../services/devServers';
import { devServerKind } from '../../views/kinds/liteServerKinds';
import { ResourceActionTool } from '../actionTools';

export class StopLiteServerTool extends ResourceActionTool<DevServer> {
  readonly name = 'modelarts_stop_lite_server';
  protected readonly kind = devServerKind;
  protected readonly action = liteServerAction('STOP');
  protected override readonly perRegion = true;
}
