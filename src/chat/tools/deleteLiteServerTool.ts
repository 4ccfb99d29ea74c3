import { liteServerAction } from '../../commands/liteServerCommands';
import type { DevServer } from '../../services/devServers';
import { devServerKind } from '../../views/kinds/liteServerKinds';
import { ResourceActionTool } from '../actionTools';

export class DeleteLiteServerTool extends ResourceActionTool<DevServer> {
  readonly name = 'modelarts_delete_lite_server';
  protected readonly kind = devServerKind;
  protected readonly action = liteServerAction('DELETE');
  protected override readonly perRegion = true;
}
