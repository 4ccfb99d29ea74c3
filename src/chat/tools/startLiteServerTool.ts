import { liteServerAction } from '../../commands/liteServerCommands';
import type { DevServer } from '../../services/devServers';
import { devServerKind } from '../../views/kinds/liteServerKinds';
import { ResourceActionTool } from '../actionTools';

export class StartLiteServerTool extends ResourceActionTool<DevServer> {
  readonly name = 'modelarts_start_lite_server';
  protected readonly kind = devServerKind;
  protected readonly action = liteServerAction('START');
  protected override readonly perRegion = true;
}
