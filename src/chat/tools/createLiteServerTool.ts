import type { DevServer } from '../../services/devServers';
import { createDevServerForm } from '../../webviews/createDevServerForm';
import { emptyDevServerForm } from '../../webviews/devServerFormRules';
import type { DevServerFormValues } from '../../webviews/protocol';
import { CreateResourceTool } from '../actionTools';

/** Key pair logins only: the schema has no password field, so a password never passes through the chat. */
export class CreateLiteServerTool extends CreateResourceTool<DevServerFormValues, DevServer> {
  readonly name = 'modelarts_create_lite_server';
  protected readonly form = createDevServerForm;
  protected override readonly perRegion = true;

  protected emptyValues(workspaceId: string): DevServerFormValues {
    return emptyDevServerForm(workspaceId);
  }
}
